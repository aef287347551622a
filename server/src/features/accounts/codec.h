#pragma once
// JSON for user accounts (ROLE-1).
#include "features/accounts/store.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json UserRecordJson(const UserRecord& user);

}  // namespace houqin::http
