#pragma once
// Routes: rosters (STF-1), the holiday calendar, attendance and staffing compliance (STF-6).
#include "features/staff/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddStaffRoutes(Router& router, StaffService& staff);

}  // namespace houqin::http
