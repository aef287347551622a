#pragma once
// Routes: Procurement rules, projects, bids, the opening and the award (PRJ-1 ... PRJ-8).
#include "features/procurement/service.h"
#include "platform/http/router.h"
#include "platform/service/context.h"

namespace houqin::http {

void AddProcurementRoutes(Router& router, ServiceContext& service_context, ProcurementServices& procurement);

}  // namespace houqin::http
