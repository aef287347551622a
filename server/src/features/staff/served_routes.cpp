// Routes: a served department's read-only view of the rosters of the contracts that serve it (STF-1).
#include "features/staff/codec.h"
#include "features/staff/routes.h"
#include "platform/http/mapping.h"

namespace houqin::http {

void AddServedRosterRoutes(Router& router, ServedRosterService& served) {
    router
        .Add("GET", "/api/v1/served-contracts", Access::kSession, "staff",
             "The contracts in force that serve the caller's department, with how many people are on each roster today",
             [&served](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(contracts, served.Contracts(context.actor()));
                 Json items = Json::array();
                 for (const auto& contract : *contracts) items.push_back(ServedContractJson(contract));
                 return JsonResponse(200, Json{{"items", std::move(items)}});
             })
        .ReturnsItems("ServedContract")
        .Requires({Permission::kRosterReadServed})
        .Scope(RecordScope::kNone);

    router
        .Add("GET", "/api/v1/served-contracts/{id}/staff", Access::kSession, "staff",
             "The roster of a contract that serves the caller's department (status = current, upcoming, left or all; "
             "q); read-only, ID numbers masked",
             [&served](RequestContext& context) -> Result<HttpResponse> {
                 return RosterPageResponse(context, std::bind_front(&ServedRosterService::Roster, &served));
             })
        .ReturnsPage("Person")
        .Requires({Permission::kRosterReadServed})
        .Scope(RecordScope::kDepartment);
}

}  // namespace houqin::http
