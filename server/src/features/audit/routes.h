#pragma once
// Routes: the audit trail as discipline inspection reads it.
#include "features/audit/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddAuditRoutes(Router& router, AuditService& audit);

}  // namespace houqin::http
