#include "features/contracts/codec.h"

#include <fmt/format.h>

#include "platform/http/json_reader.h"

namespace houqin::codec {
namespace {

Json PartyJson(const Party& party) {
    return Json{{"name", party.name},
                {"representative", party.representative},
                {"phone", party.phone},
                {"address", party.address},
                {"bank_account_name", party.bank_account_name},
                {"bank_name", party.bank_name},
                {"bank_account_no", party.bank_account_no}};
}

Party PartyFromJson(JsonReader& parent, const std::string& key, Validation& validation) {
    Party party;
    const Json* object = parent.Object(key);
    if (!object) {
        if (!parent.Has(key)) validation.Fail(key, {"必填", "Required"});
        return party;
    }
    JsonReader reader(*object, validation, key + ".");
    party.name = reader.String("name");
    party.representative = reader.String("representative", JsonReader::Need::kOptional);
    party.phone = reader.String("phone", JsonReader::Need::kOptional);
    party.address = reader.String("address", JsonReader::Need::kOptional);
    party.bank_account_name = reader.String("bank_account_name", JsonReader::Need::kOptional);
    party.bank_name = reader.String("bank_name", JsonReader::Need::kOptional);
    party.bank_account_no = reader.String("bank_account_no", JsonReader::Need::kOptional);
    return party;
}

// Calls `read` for each object of the array at `key`, with a reader prefixed "key[i].".
template <typename Read>
void EachObject(JsonReader& parent, const Json& object, const std::string& key, const std::string& prefix,
                Validation& validation, Read read) {
    const Json* array = parent.Array(key);
    if (!array) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string name = fmt::format("{}{}[{}]", prefix, key, i);
        if (!(*array)[i].is_object()) {
            validation.Fail(name, {"类型错误,应为对象", "Wrong type; expected an object"});
            continue;
        }
        JsonReader reader((*array)[i], validation, name + ".");
        read(reader);
    }
    (void)object;
}

Frequency ReadFrequency(JsonReader& reader, const std::string& full_name, Validation& validation) {
    const auto code = reader.String("frequency");
    const auto frequency = ParseFrequency(code);
    if (!frequency && !code.empty()) {
        validation.Fail(full_name, {"频率须为 monthly、quarterly、semiannual 或 annual",
                                    "Frequency must be monthly, quarterly, semiannual or annual"});
    }
    return frequency.value_or(Frequency::kMonthly);
}

}  // namespace

Json ContractContentJson(const ContractContent& content) {
    Json items = Json::array();
    for (const auto& item : content.service_items) {
        items.push_back({{"name", item.name},
                         {"scope", item.scope},
                         {"fee_standard", item.fee_standard},
                         {"amount", item.amount.ToString()}});
    }
    Json installments = Json::array();
    for (const auto& installment : content.payment.installments) {
        installments.push_back({{"period", installment.period},
                                {"due_date", installment.due_date.ToString()},
                                {"amount", installment.amount.ToString()}});
    }
    Json checklist = Json::array();
    for (const auto& item : content.assessment.checklist)
        checklist.push_back({{"item", item.item}, {"points", item.points}});
    Json bands = Json::array();
    for (const auto& band : content.assessment.bands) bands.push_back({{"name", band.name}, {"min", band.min}});
    Json staffing = Json::array();
    for (const auto& row : content.staffing) {
        staffing.push_back({{"day_type", DayTypeCode(row.day_type)},
                            {"role", row.role},
                            {"people", row.people},
                            {"hours", row.hours}});
    }
    Json deductions = Json::array();
    for (const auto& clause : content.deductions) {
        deductions.push_back({{"kind", DeductionKindCode(clause.kind)},
                              {"amount", clause.amount.ToString()},
                              {"cap", clause.cap.ToString()},
                              {"rate_basis_points", clause.rate_basis_points},
                              {"cap_basis_points", clause.cap_basis_points},
                              {"description", clause.description}});
    }
    return Json{{"title", content.title},
                {"category_id", content.category_id},
                {"vendor_id", content.vendor_id},
                {"party_a", PartyJson(content.party_a)},
                {"party_b", PartyJson(content.party_b)},
                {"term_start", content.term_start.ToString()},
                {"term_end", content.term_end.ToString()},
                {"annual_amount", content.annual_amount.ToString()},
                {"total_amount", content.total_amount.ToString()},
                {"service_items", items},
                {"payment",
                 {{"method", content.payment.method},
                  {"frequency", FrequencyCode(content.payment.frequency)},
                  {"installments", installments}}},
                {"assessment",
                 {{"frequency", FrequencyCode(content.assessment.frequency)},
                  {"pass_mark", content.assessment.pass_mark},
                  {"checklist", checklist},
                  {"bands", bands}}},
                {"staffing", staffing},
                {"deductions", deductions},
                {"confidentiality", content.confidentiality},
                {"breach_liability", content.breach_liability},
                {"responsible_department_id", content.responsible_department_id},
                {"responsible_person", content.responsible_person},
                {"responsible_phone", content.responsible_phone},
                {"rules", {{"title", content.rules_title}, {"settings_version", content.rules_settings_version}}}};
}

ContractContent ContractContentFromJson(const Json& json, Validation& validation) {
    ContractContent content;
    JsonReader reader(json, validation);
    content.title = reader.String("title");
    content.category_id = reader.Integer("category_id");
    content.vendor_id = reader.Integer("vendor_id");
    content.party_a = PartyFromJson(reader, "party_a", validation);
    content.party_b = PartyFromJson(reader, "party_b", validation);
    content.term_start = reader.DateValue("term_start");
    content.term_end = reader.DateValue("term_end");
    content.annual_amount = reader.MoneyValue("annual_amount");
    content.total_amount = reader.MoneyValue("total_amount");
    EachObject(reader, json, "service_items", "", validation, [&](JsonReader& item) {
        content.service_items.push_back({item.String("name"), item.String("scope", JsonReader::Need::kOptional),
                                         item.String("fee_standard", JsonReader::Need::kOptional),
                                         item.MoneyValue("amount")});
    });
    if (!reader.Has("service_items")) validation.Fail("service_items", {"必填", "Required"});
    if (const Json* payment = reader.Object("payment")) {
        JsonReader payment_reader(*payment, validation, "payment.");
        content.payment.method = payment_reader.String("method");
        content.payment.frequency = ReadFrequency(payment_reader, "payment.frequency", validation);
        EachObject(payment_reader, *payment, "installments", "payment.", validation, [&](JsonReader& item) {
            content.payment.installments.push_back(
                {item.String("period"), item.DateValue("due_date"), item.MoneyValue("amount")});
        });
    } else if (!reader.Has("payment")) {
        validation.Fail("payment", {"必填", "Required"});
    }
    if (const Json* assessment = reader.Object("assessment")) {
        JsonReader assessment_reader(*assessment, validation, "assessment.");
        content.assessment.frequency = ReadFrequency(assessment_reader, "assessment.frequency", validation);
        content.assessment.pass_mark = assessment_reader.SmallInteger("pass_mark");
        EachObject(assessment_reader, *assessment, "checklist", "assessment.", validation, [&](JsonReader& item) {
            content.assessment.checklist.push_back({item.String("item"), item.SmallInteger("points")});
        });
        EachObject(assessment_reader, *assessment, "bands", "assessment.", validation, [&](JsonReader& item) {
            content.assessment.bands.push_back({item.String("name"), item.SmallInteger("min")});
        });
    } else if (!reader.Has("assessment")) {
        validation.Fail("assessment", {"必填", "Required"});
    }
    std::size_t index = 0;
    EachObject(reader, json, "staffing", "", validation, [&](JsonReader& item) {
        StaffingRequirement row;
        const auto day_type = item.String("day_type");
        const auto parsed = ParseDayType(day_type);
        if (!parsed) {
            validation.Fail(
                fmt::format("staffing[{}].day_type", index),
                {"日期类型须为 workday、weekend 或 holiday", "Day type must be workday, weekend or holiday"});
        }
        row.day_type = parsed.value_or(DayType::kWorkday);
        row.role = item.String("role");
        row.people = item.SmallInteger("people");
        row.hours = item.SmallInteger("hours");
        content.staffing.push_back(row);
        ++index;
    });
    index = 0;
    EachObject(reader, json, "deductions", "", validation, [&](JsonReader& item) {
        DeductionClause clause;
        const auto kind = ParseDeductionKind(item.String("kind"));
        if (!kind) {
            validation.Fail(fmt::format("deductions[{}].kind", index),
                            {"扣款方式须为 per_point_below_pass、per_missing_staff_day、per_failed_item 或 "
                             "percent_of_fee_per_point_below_pass",
                             "Kind must be per_point_below_pass, per_missing_staff_day, per_failed_item or "
                             "percent_of_fee_per_point_below_pass"});
        }
        clause.kind = kind.value_or(DeductionKind::kPerPointBelowPass);
        // A clause in percent of the fee states basis points; a fixed one states amounts. The other pair may be
        // left out (or zero, as the form sends it).
        const bool percent = clause.kind == DeductionKind::kPercentOfFeePerPointBelowPass;
        const auto money_need = percent ? JsonReader::Need::kOptional : JsonReader::Need::kRequired;
        const auto rate_need = percent ? JsonReader::Need::kRequired : JsonReader::Need::kOptional;
        clause.amount = item.MoneyValue("amount", money_need);
        clause.cap = item.MoneyValue("cap", money_need);
        clause.rate_basis_points = item.SmallInteger("rate_basis_points", rate_need);
        clause.cap_basis_points = item.SmallInteger("cap_basis_points", rate_need);
        clause.description = item.String("description", JsonReader::Need::kOptional);
        content.deductions.push_back(clause);
        ++index;
    });
    content.confidentiality = reader.String("confidentiality", JsonReader::Need::kOptional);
    content.breach_liability = reader.String("breach_liability", JsonReader::Need::kOptional);
    content.responsible_department_id = reader.Integer("responsible_department_id");
    content.responsible_person = reader.String("responsible_person");
    content.responsible_phone = reader.String("responsible_phone", JsonReader::Need::kOptional);
    // Recorded by the server when the version goes to review; what a client sends here is overwritten then.
    if (const Json* rules = reader.Object("rules")) {
        JsonReader rules_reader(*rules, validation, "rules.");
        content.rules_title = rules_reader.String("title", JsonReader::Need::kOptional);
        content.rules_settings_version = rules_reader.String("settings_version", JsonReader::Need::kOptional);
    }
    return content;
}

}  // namespace houqin::codec
