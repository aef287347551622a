#include "features/staff/document_codec.h"

namespace houqin::http {
namespace {

Json KindJson(DocumentKind kind) {
    return {{"code", std::string(DocumentKindCode(kind))}, {"name", TextJson(DocumentKindText(kind))}};
}

}  // namespace

Json DocumentRequirementJson(const RequirementView& requirement) {
    return {{"role", requirement.role},
            {"role_name", TextJson(requirement.role_name)},
            {"kind", std::string(DocumentKindCode(requirement.kind))},
            {"kind_name", TextJson(DocumentKindText(requirement.kind))},
            {"blocks_when_expired", requirement.blocks_when_expired}};
}

Json StaffDocumentJson(const StaffDocument& document) {
    return {{"id", document.id},
            {"person_id", document.person_id},
            {"contract_id", document.contract_id},
            {"kind", std::string(DocumentKindCode(document.kind))},
            {"attachment_id", document.attachment_id},
            {"file_name", document.file_name},
            {"sha256", document.sha256},
            {"issued_on", document.issued_on.ToString()},
            {"expires_on", OptionalDateJson(document.expires_on)},
            {"note", document.note},
            {"created_at", document.created_at.ToIso()}};
}

Json InsurancePaymentJson(const InsurancePayment& payment) {
    return {{"id", payment.id},
            {"person_id", payment.person_id},
            {"contract_id", payment.contract_id},
            {"month", payment.month},
            {"amount", payment.amount.ToString()},
            {"attachment_id", payment.attachment_id ? Json(*payment.attachment_id) : Json()},
            {"file_name", payment.attachment_id ? Json(payment.file_name) : Json()},
            {"created_at", payment.created_at.ToIso()}};
}

Json PersonFlagsJson(const PersonFlags& flags) {
    Json documents = Json::array();
    for (const auto& flag : flags.documents) {
        documents.push_back({{"kind", std::string(DocumentKindCode(flag.kind))},
                             {"state", std::string(DocumentStateCode(flag.state))},
                             {"expires_on", OptionalDateJson(flag.expires_on)},
                             {"text", TextJson(flag.text)}});
    }
    return {{"person_id", flags.person_id},
            {"documents", std::move(documents)},
            {"insurance_missing", flags.insurance_missing},
            {"insurance_text", flags.insurance_text ? TextJson(*flags.insurance_text) : Json()}};
}

Json RosterFlagsJson(const RosterFlags& flags) {
    Json people = Json::array();
    for (const auto& person : flags.people) people.push_back(PersonFlagsJson(person));
    return {{"warning_days", flags.warning_days}, {"people", std::move(people)}};
}

Json PersonDocumentsJson(const PersonDocuments& documents) {
    Json required = Json::array();
    for (const auto kind : documents.required) required.push_back(KindJson(kind));
    Json kinds = Json::array();
    for (const auto kind : AllDocumentKinds()) kinds.push_back(KindJson(kind));
    Json items = Json::array();
    for (const auto& document : documents.documents) items.push_back(StaffDocumentJson(document));
    Json payments = Json::array();
    for (const auto& payment : documents.payments) payments.push_back(InsurancePaymentJson(payment));
    return {{"person_id", documents.person_id},
            {"person_name", documents.person_name},
            {"role", documents.role},
            {"kinds", std::move(kinds)},
            {"required", std::move(required)},
            {"documents", std::move(items)},
            {"payments", std::move(payments)},
            {"paid_total", documents.paid_total.ToString()},
            {"flags", PersonFlagsJson(documents.flags)},
            {"can_write", documents.can_write}};
}

DocumentInput DocumentInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    DocumentInput input;
    input.kind = reader.String("kind");
    // A missing file is refused by the service, which names it in words (请上传证件扫描件).
    input.attachment_id = reader.OptionalInteger("attachment_id");
    if (reader.Has("issued_on")) input.issued_on = reader.DateValue("issued_on");
    if (reader.Has("expires_on")) input.expires_on = reader.DateValue("expires_on");
    input.note = reader.String("note", JsonReader::Need::kOptional);
    return input;
}

InsuranceInput InsuranceInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    InsuranceInput input;
    input.month = reader.String("month");
    input.amount = reader.MoneyValue("amount");
    input.attachment_id = reader.OptionalInteger("attachment_id");
    return input;
}

}  // namespace houqin::http
