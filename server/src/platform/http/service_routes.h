#pragma once
// The service's own routes: /healthz (liveness and a database round trip), /metrics (Prometheus) and
// /api/v1/openapi.json (generated from the route table).
#include "platform/database/database.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddServiceRoutes(Router& router, storage::Database& database);

}  // namespace houqin::http
