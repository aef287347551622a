#pragma once
// Routes: the dashboard.
#include "features/dashboard/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddDashboardRoutes(Router& router, DashboardService& dashboards);

}  // namespace houqin::http
