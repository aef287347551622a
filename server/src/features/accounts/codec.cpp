#include "features/accounts/codec.h"

#include "platform/http/mapping.h"

namespace houqin::http {

Json UserRecordJson(const UserRecord& user) {
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

}  // namespace houqin::http
