#pragma once
// Routes: the to-do inbox (what waits for the caller's step, across every workflow).
#include "features/inbox/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddInboxRoutes(Router& router, InboxService& inbox);

}  // namespace houqin::http
