// Routes: the office's written requests for agent IDs, the vendor's answer, and every ID's history (CC-1).
#include "features/callcentre/routes.h"

#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json AgentIdRequestJson(const AgentIdRequestView& view) {
    const auto& request = view.request;
    Json events = Json::array();
    for (const auto& event : view.events) events.push_back(WorkflowEventJson(event));
    return {{"id", request.id},
            {"contract_id", request.contract_id},
            {"kind", std::string(AgentIdRequestKindCode(request.kind))},
            {"kind_name", TextJson(AgentIdRequestKindText(request.kind))},
            {"person_id", request.person_id},
            {"person_name", view.person_name},
            {"agent_id", request.agent_id.empty() ? Json() : Json(request.agent_id)},
            {"permissions", request.permissions},
            {"reason", request.reason},
            {"attachment_id", request.attachment_id ? Json(*request.attachment_id) : Json()},
            {"attachment_name", request.attachment_id ? Json(view.attachment_name) : Json()},
            {"requested_on", request.requested_on.ToString()},
            {"status", std::string(AgentIdRequestStatusCode(request.status))},
            {"status_name", TextJson(AgentIdRequestStatusText(request.status))},
            {"effective_on", request.effective_on ? Json(request.effective_on->ToString()) : Json()},
            {"decision_note", request.decision_note},
            {"decided_at", request.decided_at ? Json(request.decided_at->ToIso()) : Json()},
            {"allowed_actions", view.allowed_actions},
            {"events", std::move(events)}};
}

Json AgentIdRowJson(const AgentIdRowView& view) {
    const auto& row = view.assignment;
    return {{"id", row.id},
            {"agent_id", row.agent_id},
            {"person_id", row.person_id},
            {"person_name", view.person_name},
            {"permissions", row.permissions},
            {"valid_from", row.valid_from.ToString()},
            {"valid_to", row.valid_to ? Json(row.valid_to->ToString()) : Json()},
            {"request_id", row.request_id ? Json(*row.request_id) : Json()}};
}

Json AgentIdListJson(const AgentIdList& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(AgentIdRequestJson(item));
    Json permissions = Json::array();
    for (const auto& permission : list.permissions) {
        permissions.push_back({{"code", permission.code}, {"name", TextJson(permission.name)}});
    }
    Json current = Json::array();
    for (const auto& row : list.current) current.push_back(AgentIdRowJson(row));
    Json history = Json::array();
    for (const auto& row : list.history) history.push_back(AgentIdRowJson(row));
    return {{"items", std::move(items)},
            {"can_request", list.can_request},
            {"permissions", std::move(permissions)},
            {"current", std::move(current)},
            {"history", std::move(history)}};
}

}  // namespace

void AddAgentIdRoutes(Router& router, AgentIdService& agent_ids) {
    router
        .Add("GET", "/api/v1/contracts/{id}/agent-ids", Access::kSession, "callcentre",
             "The contract's agent-ID requests, the IDs valid today or later and every ID's history (CC-1)",
             [&agent_ids](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, agent_ids.List(context.actor(), *id));
                 return JsonResponse(200, AgentIdListJson(*list));
             })
        .Returns("AgentIdList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/agent-id-requests", Access::kSession, "callcentre",
             "The office asks in writing for an agent ID to be opened, changed or closed (kind, person_id, "
             "permissions, reason, attachment_id optional) (CC-1)",
             [&agent_ids](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 AgentIdRequestInput input;
                 // Empty or missing values are refused by the service, which names them in words.
                 input.kind = reader.String("kind", JsonReader::Need::kOptional);
                 input.person_id = reader.OptionalInteger("person_id");
                 input.permissions = reader.StringList("permissions");
                 input.reason = reader.String("reason", JsonReader::Need::kOptional);
                 input.attachment_id = reader.OptionalInteger("attachment_id");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, agent_ids.Request(context.actor(), *id, input));
                 return JsonResponse(201, AgentIdRequestJson(*request));
             })
        .Body("AgentIdRequestInput")
        .Creates("AgentIdRequest")
        .Requires({Permission::kAgentIdRequest})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/agent-id-requests/{id}/carry-out", Access::kSession, "callcentre",
             "The vendor carries a request out: the agent ID (opening only), effective_on and a note; the ID's history "
             "gains its rows (CC-1)",
             [&agent_ids](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 AgentIdCarryOutInput input;
                 input.agent_id = reader.String("agent_id", JsonReader::Need::kOptional);
                 input.effective_on = reader.String("effective_on", JsonReader::Need::kOptional);
                 input.note = reader.String("note", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, agent_ids.CarryOut(context.actor(), *id, input));
                 return JsonResponse(200, AgentIdRequestJson(*request));
             })
        .Body("AgentIdCarryOutInput")
        .Returns("AgentIdRequest")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/agent-id-requests/{id}/decline", Access::kSession, "callcentre",
             "The vendor declines a request with a reason; no agent ID changes (CC-1)",
             [&agent_ids](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, agent_ids.Decline(context.actor(), *id, reason));
                 return JsonResponse(200, AgentIdRequestJson(*request));
             })
        .Body("CallCentreReasonInput")
        .Returns("AgentIdRequest")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http
