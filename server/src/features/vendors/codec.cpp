#include "features/vendors/codec.h"

#include "platform/http/mapping.h"

namespace houqin::http {

Json AttachmentJson(const AttachmentInfo& info) {
    return Json{{"id", info.id},
                {"filename", info.filename},
                {"content_type", info.content_type},
                {"size", info.size},
                {"sha256", info.sha256}};
}

Json QualificationJson(const QualificationView& view) {
    const auto& q = view.qualification;
    return Json{{"id", q.id},
                {"vendor_id", q.vendor_id},
                {"type", q.type},
                {"cert_no", q.cert_no},
                {"issuer", q.issuer},
                {"valid_from", q.valid_from.ToString()},
                {"valid_until", q.valid_until.ToString()},
                {"attachment_id", OptionalId(q.attachment_id)},
                {"attachment", q.attachment ? AttachmentJson(*q.attachment) : Json(nullptr)},
                {"status", QualificationStatusCode(view.verdict.status)},
                {"days_left", view.verdict.days_left},
                // PRJ-4: only "verified" counts for bidding eligibility (PRJ-5).
                {"verification", QualificationVerificationCode(q.verification)},
                {"verified_by", q.verified_by},
                {"verified_at", q.verified_at ? Json(q.verified_at->ToIso()) : Json(nullptr)},
                {"rejection_reason", q.rejection_reason}};
}

Qualification QualificationFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    Qualification qualification;
    qualification.type = reader.String("type");
    qualification.cert_no = reader.String("cert_no");
    qualification.issuer = reader.String("issuer");
    qualification.valid_from = reader.DateValue("valid_from");
    qualification.valid_until = reader.DateValue("valid_until");
    qualification.attachment_id = reader.OptionalInteger("attachment_id");
    return qualification;
}

Json VendorJson(const VendorView& view, JsonDetail detail) {
    const auto& v = view.vendor;
    Json json{{"id", v.id},
              {"org_id", v.org_id},
              {"owner_org_id", v.owner_org_id},
              {"name", v.name},
              {"credit_code", v.credit_code},
              {"legal_representative", v.legal_representative},
              {"contact_name", v.contact_name},
              {"contact_phone", v.contact_phone},
              {"address", v.address},
              {"bank_account_name", v.bank_account_name},
              {"bank_name", v.bank_name},
              {"bank_account_no", v.bank_account_no},
              {"staff_count", v.staff_count},
              {"registered_capital", v.registered_capital.ToString()},
              {"has_training_system", v.has_training_system},
              {"has_management_system", v.has_management_system},
              {"category_ids", v.category_ids},
              {"status", VendorStatusCode(v.status)},
              {"created_at", v.created_at.ToIso()},
              {"updated_at", v.updated_at.ToIso()},
              {"qualification_status", QualificationStatusCode(view.status)},
              {"expired_count", view.expired_count},
              {"expiring_count", view.expiring_count}};
    if (detail == JsonDetail::kFull) {
        Json list = Json::array();
        for (const auto& qualification : view.qualifications) list.push_back(QualificationJson(qualification));
        json["qualifications"] = list;
    }
    return json;
}

Vendor VendorFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    Vendor vendor;
    vendor.name = reader.String("name");
    vendor.credit_code = reader.String("credit_code");
    vendor.legal_representative = reader.String("legal_representative", JsonReader::Need::kOptional);
    vendor.contact_name = reader.String("contact_name");
    vendor.contact_phone = reader.String("contact_phone");
    vendor.address = reader.String("address");
    vendor.bank_account_name = reader.String("bank_account_name");
    vendor.bank_name = reader.String("bank_name");
    vendor.bank_account_no = reader.String("bank_account_no");
    vendor.staff_count = reader.Integer("staff_count");
    vendor.registered_capital = reader.MoneyValue("registered_capital", JsonReader::Need::kOptional);
    vendor.has_training_system = reader.Boolean("has_training_system");
    vendor.has_management_system = reader.Boolean("has_management_system");
    vendor.category_ids = reader.IntegerList("category_ids");
    const auto status = reader.String("status", JsonReader::Need::kOptional);
    if (!status.empty()) {
        const auto parsed = ParseVendorStatus(status);
        if (!parsed)
            validation.Fail("status", {"状态须为 active 或 suspended", "Status must be active or suspended"});
        else
            vendor.status = *parsed;
    }
    return vendor;
}

}  // namespace houqin::http
