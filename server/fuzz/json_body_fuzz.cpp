// The JSON body readers, as a handler runs them on a request body (platform/http/json_io.h, json_reader.h, and the
// features' codecs that read bodies: catalogue, vendors, contracts).
//  1. ParseObject: any bytes are a JSON object or a named error, never an exception or a crash.
//  2. JsonReader: every typed read of every key of the object. A read that reports no field error returned exactly
//     the body's value (an integer the body holds, a date or an amount that prints back to it), so no value is
//     silently changed on its way in.
//  3. The codecs (CategoryFromJson, VendorFromJson, QualificationFromJson, ContractContentFromJson) with the model's
//     validation after them, as the routes call them; a contract that validates reads back the same from the JSON
//     it is stored as (contracts/store.cpp keeps ContractContentJson and reads it with ContractContentFromJson).
#include <cstdint>
#include <string>
#include <vector>

#include "features/catalogue/codec.h"
#include "features/contracts/codec.h"
#include "features/vendors/codec.h"
#include "fuzz_check.h"
#include "platform/http/json_io.h"

namespace http = houqin::http;
using houqin::Validation;
using houqin::codec::JsonReader;
using Json = http::Json;

namespace {

// nlohmann's == compares a signed and an unsigned number after casting one to the other, so 2^64-1 would equal -1.
bool SameInteger(const Json& value, std::int64_t integer) {
    if (value.is_number_unsigned())
        return integer >= 0 && static_cast<std::uint64_t>(integer) == value.get<std::uint64_t>();
    return value.is_number_integer() && value.get<std::int64_t>() == integer;
}

bool SameIntegers(const Json& value, const std::vector<std::int64_t>& integers) {
    if (!value.is_array() || value.size() != integers.size()) return false;
    for (std::size_t i = 0; i < integers.size(); ++i) {
        if (!SameInteger(value[i], integers[i])) return false;
    }
    return true;
}

std::size_t ErrorsIn(const Validation& validation) { return validation.ok() ? 0 : validation.ToError().fields.size(); }

void ReadEveryKey(const Json& body) {
    for (const auto& item : body.items()) {
        const std::string key = item.key();
        const Json& value = item.value();
        Validation validation;
        JsonReader reader(body, validation);
        std::size_t errors = ErrorsIn(validation);
        // null reads as absent: optional reads give their default without an error.
        const auto check_clean = [&](bool holds) {
            const std::size_t now = ErrorsIn(validation);
            if (now == errors && !value.is_null()) HOUQIN_FUZZ_CHECK(holds);
            errors = now;
        };

        const auto text = reader.String(key);
        check_clean(value.is_string() && text == value.get<std::string>());
        const auto integer = reader.Integer(key);
        check_clean(SameInteger(value, integer));
        if (const auto optional = reader.OptionalInteger(key)) HOUQIN_FUZZ_CHECK(SameInteger(value, *optional));
        errors = ErrorsIn(validation);
        const bool flag = reader.Boolean(key, JsonReader::Need::kRequired);
        check_clean(value.is_boolean() && Json(flag) == value);
        (void)reader.OptionalBoolean(key);
        (void)reader.OptionalString(key);
        errors = ErrorsIn(validation);
        const auto money = reader.MoneyValue(key);
        check_clean(value.is_string() && houqin::Money::Parse(value.get<std::string>()) == money);
        const auto date = reader.DateValue(key);
        check_clean(value.is_string() && date.ToString() == value.get<std::string>());
        const auto integers = reader.IntegerList(key);
        check_clean(SameIntegers(value, integers));
        const auto strings = reader.StringList(key);
        check_clean(value.is_array() && Json(strings) == value);
        (void)reader.Object(key);
        (void)reader.Array(key);
        (void)http::OptionalInstant(reader, body, key, validation);
    }
}

void ReadAsCodecs(const Json& body) {
    {
        Validation validation;
        const auto category = http::CategoryFromJson(body, validation);
        if (validation.ok()) (void)houqin::ValidateCategory(category);
        (void)http::CategoryJson(category).dump();
    }
    {
        Validation validation;
        const auto vendor = http::VendorFromJson(body, validation);
        if (validation.ok()) (void)houqin::ValidateVendor(vendor);
    }
    {
        Validation validation;
        const auto qualification = http::QualificationFromJson(body, validation);
        if (validation.ok()) (void)houqin::ValidateQualification(qualification);
    }
    {
        Validation validation;
        const auto content = houqin::codec::ContractContentFromJson(body, validation);
        if (validation.ok() && houqin::ValidateContractContent(content)) {
            const Json stored = houqin::codec::ContractContentJson(content);
            Validation again;
            const auto read_back = houqin::codec::ContractContentFromJson(stored, again);
            HOUQIN_FUZZ_CHECK(again.ok());
            HOUQIN_FUZZ_CHECK(houqin::codec::ContractContentJson(read_back) == stored);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    http::HttpRequest request;
    request.body.assign(reinterpret_cast<const char*>(data), size);
    const auto body = http::ParseObject(request);
    if (!body) {
        HOUQIN_FUZZ_CHECK(body.error().fields.size() == 1 && body.error().fields[0].field == "body");
        return 0;
    }
    HOUQIN_FUZZ_CHECK(body->is_object());
    ReadEveryKey(*body);
    ReadAsCodecs(*body);
    return 0;
}
