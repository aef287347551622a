#pragma once
// Routes: rosters (STF-1), the holiday calendar, attendance and staffing compliance (STF-6).
#include "features/staff/served_service.h"
#include "features/staff/service.h"
#include "features/staff/staffing_request_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddStaffRoutes(Router& router, StaffService& staff);
// STF-9: written requests for extra managers (staffing_request_routes.cpp).
void AddStaffingRequestRoutes(Router& router, StaffingRequestService& requests);
// STF-1: a served department's read-only rosters (served_routes.cpp).
void AddServedRosterRoutes(Router& router, ServedRosterService& served);

}  // namespace houqin::http
