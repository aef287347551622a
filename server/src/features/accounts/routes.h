#pragma once
// Routes: Log-in, log-out, the session and password change (ROLE-2); user accounts and organisations (ROLE-1).
#include "features/accounts/account_service.h"
#include "features/accounts/auth_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddSessionRoutes(Router& router, AuthService& auth);
void AddAccountRoutes(Router& router, AccountService& accounts);

}  // namespace houqin::http
