// The to-do inbox: what waits for the caller's own step, across every workflow.
#include "features/inbox/routes.h"

#include "platform/http/mapping.h"

namespace houqin::http {

void AddInboxRoutes(Router& router, InboxService& inbox) {
    router
        .Add("GET", "/api/v1/inbox", Access::kSession, "inbox", "What waits for the caller's step (to-do inbox)",
             [&inbox](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(found, inbox.Get(context.actor()));
                 Json items = Json::array();
                 for (const auto& item : found->items) {
                     items.push_back({{"kind", item.kind},
                                      {"title", TextJson(item.title)},
                                      {"object_type", item.object_type},
                                      {"object_id", item.object_id},
                                      {"object_name", item.object_name},
                                      {"link", item.link},
                                      {"since", item.since.ToIso()},
                                      {"due", item.due ? Json(item.due->ToString()) : Json(nullptr)}});
                 }
                 Json counts = Json::object();
                 for (const auto& [kind, count] : found->counts) counts[kind] = count;
                 return JsonResponse(200, Json{{"items", items}, {"counts", counts}, {"total", found->total}});
             })
        .Returns("Inbox")
        // Every signed-in user has an inbox: each sees only the steps their own role, scope and user may take.
        .Scope(RecordScope::kOwnUser);
}

}  // namespace houqin::http
