#include "http/mapping.h"

namespace houqin::http {
namespace {

Json OptionalId(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

Json ParsedOrNull(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    Json parsed = Json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? Json(*text) : parsed;
}

}  // namespace

Json UserJson(const Actor& actor) {
    Json permissions = Json::array();
    for (auto permission : PermissionsOf(actor.role)) permissions.push_back(PermissionCode(permission));
    return Json{{"id", actor.user_id},
                {"username", actor.username},
                {"display_name", actor.display_name},
                {"role", RoleCode(actor.role)},
                {"role_name", TextJson(InfoOf(actor.role).name)},
                {"org_id", actor.org_id},
                {"org_name", actor.org_name},
                {"permissions", permissions}};
}

Json UserRecordJson(const storage::UserRecord& user) {
    return Json{
        {"id", user.id},
        {"username", user.username},
        {"display_name", user.display_name},
        {"role", RoleCode(user.role)},
        {"role_name", TextJson(InfoOf(user.role).name)},
        {"org_id", user.org_id},
        {"org_name", user.org_name},
        {"active", user.active},
        {"locked_until", user.locked_until_ms > 0 ? Json(Instant{user.locked_until_ms}.ToIso()) : Json(nullptr)},
        {"created_at", user.created_at.ToIso()}};
}

Json OrgJson(const Organisation& org) {
    return Json{{"id", org.id},
                {"parent_id", OptionalId(org.parent_id)},
                {"name", org.name},
                {"kind", OrgKindCode(org.kind)},
                {"path", org.path}};
}

Json CategoryJson(const Category& category) {
    Json checklist = Json::array();
    for (const auto& item : category.checklist) checklist.push_back({{"item", item.item}, {"points", item.points}});
    return Json{{"id", category.id},
                {"parent_id", OptionalId(category.parent_id)},
                {"code", category.code},
                {"name_zh", category.name_zh},
                {"name_en", category.name_en},
                {"description", category.description},
                {"sort_order", category.sort_order},
                {"active", category.active},
                {"checklist", checklist},
                {"criteria",
                 {{"qualification_types", category.criteria.qualification_types},
                  {"min_staff_count", category.criteria.min_staff_count},
                  {"require_training_system", category.criteria.require_training_system},
                  {"require_management_system", category.criteria.require_management_system}}},
                {"staff_roles", category.staff_roles}};
}

Category CategoryFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    Category category;
    category.parent_id = reader.OptionalInteger("parent_id");
    category.code = reader.String("code");
    category.name_zh = reader.String("name_zh");
    category.name_en = reader.String("name_en", JsonReader::Need::kOptional);
    category.description = reader.String("description", JsonReader::Need::kOptional);
    category.sort_order = static_cast<int>(reader.Integer("sort_order", JsonReader::Need::kOptional, 0));
    category.active = reader.Boolean("active", JsonReader::Need::kOptional, true);
    if (const auto* checklist = reader.Array("checklist")) {
        for (std::size_t i = 0; i < checklist->size(); ++i) {
            const auto& entry = (*checklist)[i];
            const std::string prefix = "checklist[" + std::to_string(i) + "]";
            if (!entry.is_object()) {
                validation.Fail(prefix, {"类型错误,应为对象", "Wrong type; expected an object"});
                continue;
            }
            Validation inner;
            JsonReader item_reader(entry, inner);
            ChecklistItem item{item_reader.String("item"), static_cast<int>(item_reader.Integer("points"))};
            if (!inner.ok()) {
                for (const auto& field : inner.ToError().fields)
                    validation.Fail(prefix + "." + field.field, field.message);
            }
            category.checklist.push_back(std::move(item));
        }
    }
    if (const auto* criteria = reader.Object("criteria")) {
        Validation inner;
        JsonReader criteria_reader(*criteria, inner);
        category.criteria.qualification_types = criteria_reader.StringList("qualification_types");
        category.criteria.min_staff_count =
            static_cast<int>(criteria_reader.Integer("min_staff_count", JsonReader::Need::kOptional, 0));
        category.criteria.require_training_system = criteria_reader.Boolean("require_training_system");
        category.criteria.require_management_system = criteria_reader.Boolean("require_management_system");
        if (!inner.ok()) {
            for (const auto& field : inner.ToError().fields) validation.Fail("criteria." + field.field, field.message);
        }
    }
    category.staff_roles = reader.StringList("staff_roles");
    return category;
}

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
                {"days_left", view.verdict.days_left}};
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

Json VendorJson(const VendorView& view, bool with_qualifications) {
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
    if (with_qualifications) {
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

Json AuditEntryJson(const storage::AuditEntry& entry) {
    return Json{{"seq", entry.seq},
                {"at", entry.at.ToIso()},
                {"actor_id", OptionalId(entry.actor_id)},
                {"actor_name", entry.actor_name},
                {"action", entry.action},
                {"entity", entry.entity},
                {"entity_id", OptionalId(entry.entity_id)},
                {"before", ParsedOrNull(entry.before_json)},
                {"after", ParsedOrNull(entry.after_json)},
                {"request_id", entry.request_id},
                {"ip", entry.ip},
                {"prev_hash", entry.prev_hash},
                {"hash", entry.hash}};
}

Json RoleNameJson(const std::string& code) {
    const auto role = ParseRole(code);
    return role ? TextJson(InfoOf(*role).name) : Json(nullptr);
}

Json WorkflowEventJson(const storage::WorkflowEvent& event) {
    return Json{{"at", event.at.ToIso()},     {"actor_name", event.actor_name},
                {"role", event.role},         {"role_name", RoleNameJson(event.role)},
                {"action", event.action},     {"from_state", event.from_state},
                {"to_state", event.to_state}, {"version_no", event.version_no},
                {"comment", event.comment}};
}

}  // namespace houqin::http
