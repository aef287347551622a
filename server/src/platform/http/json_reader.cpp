#include "platform/http/json_reader.h"

#include <limits>

namespace houqin::codec {
namespace {

const Text kString{"字符串", "a string"};
const Text kInteger{"整数", "a whole number"};

// A whole number that fits in 64 bits with a sign: the JSON parser keeps 2^63 … 2^64-1 as unsigned, which would wrap
// to a negative number.
bool IsInt64(const nlohmann::json& value) {
    if (!value.is_number_integer()) return false;
    return !value.is_number_unsigned() ||
           value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
}
const Text kBoolean{"布尔值(true 或 false)", "true or false"};
const Text kList{"数组", "a list"};

}  // namespace

bool JsonReader::Has(const std::string& key) const { return object_.contains(key) && !object_.at(key).is_null(); }

void JsonReader::Missing(const std::string& key) { validation_.Fail(Name(key), {"必填", "Required"}); }

void JsonReader::WrongType(const std::string& key, const Text& expected) {
    validation_.Fail(Name(key), {"类型错误,应为" + expected.zh, "Wrong type; expected " + expected.en});
}

std::string JsonReader::String(const std::string& key, Need need) {
    if (!Has(key)) {
        if (need == Need::kRequired) Missing(key);
        return {};
    }
    const auto& value = object_.at(key);
    if (!value.is_string()) {
        WrongType(key, kString);
        return {};
    }
    return value.get<std::string>();
}

std::optional<std::string> JsonReader::OptionalString(const std::string& key) {
    if (!Has(key)) return std::nullopt;
    return String(key, Need::kOptional);
}

std::int64_t JsonReader::Integer(const std::string& key, Need need, std::int64_t fallback) {
    if (!Has(key)) {
        if (need == Need::kRequired) Missing(key);
        return fallback;
    }
    const auto& value = object_.at(key);
    if (!IsInt64(value)) {
        WrongType(key, kInteger);
        return fallback;
    }
    return value.get<std::int64_t>();
}

int JsonReader::SmallInteger(const std::string& key, Need need, int fallback) {
    const bool present = Has(key);
    const auto value = Integer(key, need, fallback);
    if (present && (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())) {
        WrongType(key, {"合理范围内的整数", "a whole number of a sensible size"});
        return fallback;
    }
    return static_cast<int>(value);
}

std::optional<std::int64_t> JsonReader::OptionalInteger(const std::string& key) {
    if (!Has(key)) return std::nullopt;
    const auto& value = object_.at(key);
    if (!IsInt64(value)) {
        WrongType(key, kInteger);
        return std::nullopt;
    }
    return value.get<std::int64_t>();
}

bool JsonReader::Boolean(const std::string& key, Need need, bool fallback) {
    if (!Has(key)) {
        if (need == Need::kRequired) Missing(key);
        return fallback;
    }
    const auto& value = object_.at(key);
    if (!value.is_boolean()) {
        WrongType(key, kBoolean);
        return fallback;
    }
    return value.get<bool>();
}

std::optional<bool> JsonReader::OptionalBoolean(const std::string& key) {
    if (!Has(key)) return std::nullopt;
    return Boolean(key, Need::kOptional);
}

Money JsonReader::MoneyValue(const std::string& key, Need need) {
    if (!Has(key)) {
        if (need == Need::kRequired) Missing(key);
        return {};
    }
    const auto& value = object_.at(key);
    // Money travels as a decimal string so that no client rounds it through floating point.
    std::optional<Money> money;
    if (value.is_string()) money = Money::Parse(value.get<std::string>());
    if (!money) {
        validation_.Fail(Name(key), {"金额须为最多两位小数的字符串,如 \"12345.67\"",
                                     "Money must be a string with at most two decimals, such as \"12345.67\""});
        return {};
    }
    return *money;
}

Date JsonReader::DateValue(const std::string& key, Need need) {
    if (!Has(key)) {
        if (need == Need::kRequired) Missing(key);
        return {};
    }
    const auto& value = object_.at(key);
    std::optional<Date> date;
    if (value.is_string()) date = Date::Parse(value.get<std::string>());
    if (!date) {
        validation_.Fail(Name(key), {"日期格式须为 YYYY-MM-DD 且为有效日期", "Date must be a real date as YYYY-MM-DD"});
        return {};
    }
    return *date;
}

std::vector<std::int64_t> JsonReader::IntegerList(const std::string& key) {
    std::vector<std::int64_t> values;
    if (!Has(key)) return values;
    const auto& value = object_.at(key);
    if (!value.is_array()) {
        WrongType(key, kList);
        return values;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!IsInt64(value[i])) {
            WrongType(key + "[" + std::to_string(i) + "]", kInteger);
            continue;
        }
        values.push_back(value[i].get<std::int64_t>());
    }
    return values;
}

std::vector<std::string> JsonReader::StringList(const std::string& key, const std::string& prefix) {
    std::vector<std::string> values;
    if (!Has(key)) return values;
    const auto& value = object_.at(key);
    const auto name = prefix + key;  // already relative; WrongType adds the reader prefix
    if (!value.is_array()) {
        WrongType(name, kList);
        return values;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) {
            WrongType(name + "[" + std::to_string(i) + "]", kString);
            continue;
        }
        values.push_back(value[i].get<std::string>());
    }
    return values;
}

const Json* JsonReader::Object(const std::string& key) {
    if (!Has(key)) return nullptr;
    const auto& value = object_.at(key);
    if (!value.is_object()) {
        WrongType(key, {"对象", "an object"});
        return nullptr;
    }
    return &value;
}

const Json* JsonReader::Array(const std::string& key) {
    if (!Has(key)) return nullptr;
    const auto& value = object_.at(key);
    if (!value.is_array()) {
        WrongType(key, kList);
        return nullptr;
    }
    return &value;
}

}  // namespace houqin::codec
