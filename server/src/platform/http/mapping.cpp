#include "platform/http/mapping.h"

namespace houqin::http {

Json OptionalId(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

Json ParsedOrNull(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    Json parsed = Json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? Json(*text) : parsed;
}

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

Json OrgJson(const Organisation& org) {
    return Json{{"id", org.id},
                {"parent_id", OptionalId(org.parent_id)},
                {"name", org.name},
                {"kind", OrgKindCode(org.kind)},
                {"path", org.path}};
}

Json RoleNameJson(const std::string& code) {
    const auto role = ParseRole(code);
    return role ? TextJson(InfoOf(*role).name) : Json(nullptr);
}

Json AuditEntryJson(const storage::AuditEntry& entry) {
    return Json{
        {"seq", entry.seq},
        {"at", entry.at.ToIso()},
        {"actor_id", OptionalId(entry.actor_id)},
        {"actor_name", entry.actor_name},
        // the page names the operator by display name and role, not by user name.
        {"actor_display_name", entry.actor_display_name.empty() ? Json(nullptr) : Json(entry.actor_display_name)},
        {"actor_role", entry.actor_role.empty() ? Json(nullptr) : Json(entry.actor_role)},
        {"actor_role_name", RoleNameJson(entry.actor_role)},
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

Json WorkflowEventJson(const storage::WorkflowEvent& event) {
    return Json{{"at", event.at.ToIso()},     {"actor_name", event.actor_name},
                {"role", event.role},         {"role_name", RoleNameJson(event.role)},
                {"action", event.action},     {"from_state", event.from_state},
                {"to_state", event.to_state}, {"version_no", event.version_no},
                {"comment", event.comment}};
}

}  // namespace houqin::http
