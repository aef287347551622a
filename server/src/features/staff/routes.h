#pragma once
// Routes: rosters (STF-1), the holiday calendar, attendance and staffing compliance (STF-6).
#include <functional>

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

// One page of a contract's roster (STF-1), as the vendor and the county read it (routes.cpp) and as a department the
// contract serves reads it (served_routes.cpp): the same path id, page, q and status, the same page of people with
// masked ID numbers. `list` is the service call, which decides whether the caller may read this roster.
using RosterLister =
    std::function<Result<Page<PersonView>>(const Actor& actor, std::int64_t contract_id, const PersonQuery& query)>;
Result<HttpResponse> RosterPageResponse(RequestContext& context, const RosterLister& list);

}  // namespace houqin::http
