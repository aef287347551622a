#pragma once
// Routes: STF-7 incidents on a contract, recorded and closed.
#include "features/staff/incident_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddIncidentRoutes(Router& router, IncidentService& incidents);

}  // namespace houqin::http
