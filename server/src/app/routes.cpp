#include "app/routes.h"

#include <stdexcept>
#include <string>

#include "features/accounts/routes.h"
#include "features/audit/routes.h"
#include "features/callcentre/call_import_routes.h"
#include "features/callcentre/method_routes.h"
#include "features/callcentre/number_routes.h"
#include "features/callcentre/reward_routes.h"
#include "features/callcentre/routes.h"
#include "features/callcentre/score_routes.h"
#include "features/catalogue/routes.h"
#include "features/contracts/routes.h"
#include "features/dashboard/routes.h"
#include "features/inbox/routes.h"
#include "features/procurement/routes.h"
#include "features/reports/routes.h"
#include "features/staff/document_routes.h"
#include "features/staff/incident_routes.h"
#include "features/staff/routes.h"
#include "features/staff/training_routes.h"
#include "features/supervision/routes.h"
#include "features/vendors/routes.h"
#include "platform/http/api_schemas.h"
#include "platform/http/service_routes.h"

namespace houqin {

void AddRoutes(http::Router& router, Services& services) {
    http::AddSessionRoutes(router, services.auth);
    http::AddAccountRoutes(router, services.accounts);
    http::AddCatalogueRoutes(router, services.catalogue);
    http::AddVendorRoutes(router, services.vendors);
    http::AddAuditRoutes(router, services.audit);
    http::AddDashboardRoutes(router, services.dashboards);
    http::AddInboxRoutes(router, services.inbox);
    http::AddContractRoutes(router, services.accounts, services.catalogue, services.contracts);
    http::AddSupervisionRoutes(router, services.assessments, services.policy, services.surveys);
    http::AddOversightRoutes(router, services.oversight);
    http::AddReportRoutes(router, services.reports);
    http::AddStaffRoutes(router, services.staff);
    http::AddStaffDocumentRoutes(router, services.documents);
    http::AddIncidentRoutes(router, services.incidents);
    http::AddTrainingRoutes(router, services.training);
    http::AddStaffingRequestRoutes(router, services.staffing_requests);
    http::AddServedRosterRoutes(router, services.served_rosters);
    http::AddAgentIdRoutes(router, services.agent_ids);
    http::AddCallImportRoutes(router, services.call_imports, services.call_uploads);
    http::AddNumberRoutes(router, services.numbers);
    http::AddRewardRoutes(router, services.rewards);
    http::AddScoringMethodRoutes(router, services.scoring_methods);
    http::AddPenaltySuggestionRoutes(router, services.penalty_suggestions);
    http::AddAgentScoreRoutes(router, services.agent_scores);
    http::AddProcurementRoutes(router, services.context, services.procurement);
    http::AddServiceRoutes(router, services.context.database);
    // Every route declares its record's scope (the authorisation matrix's expectations): refuse to serve otherwise.
    if (const auto missing = router.Undeclared(); !missing.empty()) {
        std::string list;
        for (const auto& route : missing) list += "\n  " + route;
        throw std::logic_error("routes without .Scope(RecordScope::...) (docs/architecture.md):" + list);
    }
    // The declared shapes name schemas that exist and whose $refs resolve (issue 10): refuse to serve otherwise.
    if (const auto problems = http::ApiSchemaProblems(router); !problems.empty()) {
        std::string list;
        for (const auto& problem : problems) list += "\n  " + problem;
        throw std::logic_error("the API's schemas (server/src/features/*/api_schemas.json):" + list);
    }
}

}  // namespace houqin
