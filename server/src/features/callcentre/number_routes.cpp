// Routes: the office's written requests for outbound numbers, the vendor's report, and the register (CC-2).
#include "features/callcentre/number_routes.h"

#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json NumberRequestJson(const NumberRequestView& view) {
    const auto& request = view.request;
    Json events = Json::array();
    for (const auto& event : view.events) events.push_back(WorkflowEventJson(event));
    return {{"id", request.id},
            {"contract_id", request.contract_id},
            {"kind", std::string(NumberRequestKindCode(request.kind))},
            {"kind_name", TextJson(NumberRequestKindText(request.kind))},
            {"number", request.number},
            {"new_number", request.new_number.empty() ? Json() : Json(request.new_number)},
            {"label", request.label},
            {"reason", request.reason},
            {"attachment_id", request.attachment_id ? Json(*request.attachment_id) : Json()},
            {"attachment_name", request.attachment_id ? Json(view.attachment_name) : Json()},
            {"requested_on", request.requested_on.ToString()},
            {"status", std::string(NumberRequestStatusCode(request.status))},
            {"status_name", TextJson(NumberRequestStatusText(request.status))},
            {"effective_on", request.effective_on ? Json(request.effective_on->ToString()) : Json()},
            {"decision_note", request.decision_note},
            {"decided_at", request.decided_at ? Json(request.decided_at->ToIso()) : Json()},
            {"allowed_actions", view.allowed_actions},
            {"events", std::move(events)}};
}

Json OutboundNumberJson(const OutboundNumberRow& row) {
    return {{"id", row.id},
            {"number", row.number},
            {"label", row.label},
            {"valid_from", row.valid_from.ToString()},
            {"valid_to", row.valid_to ? Json(row.valid_to->ToString()) : Json()},
            {"request_id", row.request_id ? Json(*row.request_id) : Json()}};
}

Json NumberRegisterJson(const NumberRegister& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(NumberRequestJson(item));
    Json current = Json::array();
    for (const auto& row : list.current) current.push_back(OutboundNumberJson(row));
    Json history = Json::array();
    for (const auto& row : list.history) history.push_back(OutboundNumberJson(row));
    return {{"items", std::move(items)},
            {"can_request", list.can_request},
            {"current", std::move(current)},
            {"history", std::move(history)}};
}

}  // namespace

void AddNumberRoutes(Router& router, NumberService& numbers) {
    router
        .Add("GET", "/api/v1/contracts/{id}/outbound-numbers", Access::kSession, "callcentre",
             "The contract's outbound-number register now, its history and the written requests (CC-2)",
             [&numbers](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, numbers.List(context.actor(), *id));
                 return JsonResponse(200, NumberRegisterJson(*list));
             })
        .Returns("NumberRegister")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/number-requests", Access::kSession, "callcentre",
             "The office asks in writing for an outbound number to be added, changed or withdrawn (kind, number, "
             "new_number, label, reason, attachment_id optional) (CC-2)",
             [&numbers](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 NumberRequestInput input;
                 // Empty or missing values are refused by the service, which names them in words.
                 input.kind = reader.String("kind", JsonReader::Need::kOptional);
                 input.number = reader.String("number", JsonReader::Need::kOptional);
                 input.new_number = reader.OptionalString("new_number").value_or("");
                 input.label = reader.OptionalString("label").value_or("");
                 input.reason = reader.String("reason", JsonReader::Need::kOptional);
                 input.attachment_id = reader.OptionalInteger("attachment_id");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, numbers.Request(context.actor(), *id, input));
                 return JsonResponse(201, NumberRequestJson(*request));
             })
        .Body("NumberRequestInput")
        .Creates("NumberRequest")
        .Requires({Permission::kNumberRequest})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/number-requests/{id}/carry-out", Access::kSession, "callcentre",
             "The vendor reports a request carried out: effective_on and a note saying what data it prepared; the "
             "register gains its rows (CC-2)",
             [&numbers](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 NumberCarryOutInput input;
                 input.effective_on = reader.String("effective_on", JsonReader::Need::kOptional);
                 input.note = reader.String("note", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, numbers.CarryOut(context.actor(), *id, input));
                 return JsonResponse(200, NumberRequestJson(*request));
             })
        .Body("NumberCarryOutInput")
        .Returns("NumberRequest")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/number-requests/{id}/decline", Access::kSession, "callcentre",
             "The vendor declines a request with a reason; the register does not change (CC-2)",
             [&numbers](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, numbers.Decline(context.actor(), *id, reason));
                 return JsonResponse(200, NumberRequestJson(*request));
             })
        .Body("CallCentreReasonInput")
        .Returns("NumberRequest")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http
