#include "app/routes.h"

#include "features/accounts/routes.h"
#include "features/audit/routes.h"
#include "features/catalogue/routes.h"
#include "features/contracts/routes.h"
#include "features/dashboard/routes.h"
#include "features/procurement/routes.h"
#include "features/reports/routes.h"
#include "features/supervision/routes.h"
#include "features/vendors/routes.h"
#include "platform/http/service_routes.h"

namespace houqin {

void AddRoutes(http::Router& router, Services& services) {
    http::AddSessionRoutes(router, services.auth);
    http::AddAccountRoutes(router, services.accounts);
    http::AddCatalogueRoutes(router, services.catalogue);
    http::AddVendorRoutes(router, services.vendors);
    http::AddAuditRoutes(router, services.audit);
    http::AddDashboardRoutes(router, services.dashboards);
    http::AddContractRoutes(router, services.accounts, services.catalogue, services.contracts);
    http::AddSupervisionRoutes(router, services.assessments, services.policy, services.surveys);
    http::AddOversightRoutes(router, services.oversight);
    http::AddReportRoutes(router, services.reports);
    http::AddProcurementRoutes(router, services.context, services.procurement);
    http::AddServiceRoutes(router, services.context.database);
}

}  // namespace houqin
