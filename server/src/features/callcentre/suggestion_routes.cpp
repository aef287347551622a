// Routes: the office's penalty suggestions with written evidence, refused after the month's deadline; the vendor
// accepts or rejects them (CC-4).
#include "features/callcentre/method_routes.h"
#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json PenaltySuggestionJson(const PenaltySuggestionView& view) {
    const auto& suggestion = view.suggestion;
    Json events = Json::array();
    for (const auto& event : view.events) events.push_back(WorkflowEventJson(event));
    return {{"id", suggestion.id},
            {"contract_id", suggestion.contract_id},
            {"person_id", suggestion.person_id},
            {"person_name", view.person_name},
            {"month", suggestion.month.ToString()},
            {"recording_ref", suggestion.recording_ref},
            {"supervision_note", suggestion.supervision_note},
            {"attachment_id", suggestion.attachment_id ? Json(*suggestion.attachment_id) : Json()},
            {"attachment_name", suggestion.attachment_id ? Json(view.attachment_name) : Json()},
            {"submitted_at", suggestion.submitted_at.ToIso()},
            {"deadline", view.deadline.deadline.ToIso()},
            {"in_time", view.deadline.timing == PenaltyTiming::kInTime},
            {"deadline_reason", TextJson(view.deadline.reason)},
            {"status", std::string(SuggestionStatusCode(suggestion.status))},
            {"status_name", TextJson(SuggestionStatusText(suggestion.status))},
            {"decision_note", suggestion.decision_note},
            {"decided_at", suggestion.decided_at ? Json(suggestion.decided_at->ToIso()) : Json()},
            {"allowed_actions", view.allowed_actions},
            {"events", std::move(events)}};
}

Json PenaltySuggestionListJson(const PenaltySuggestionList& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(PenaltySuggestionJson(item));
    Json agents = Json::array();
    for (const auto& agent : list.agents) agents.push_back({{"person_id", agent.person_id}, {"name", agent.name}});
    return {{"month", list.month ? Json(list.month->ToString()) : Json()},
            {"open_month", list.open_month.ToString()},
            {"open_deadline", list.open_deadline.ToIso()},
            {"open_deadline_text", ShanghaiClockText(list.open_deadline)},
            {"can_submit", list.can_submit},
            {"agents", std::move(agents)},
            {"items", std::move(items)}};
}

// A decision's optional note or required reason, named `key` (the service names an empty reason).
Result<std::string> ReadSuggestionComment(const HttpRequest& request, const std::string& key) {
    if (request.body.empty()) return std::string();
    HOUQIN_TRY(body, ParseObject(request));
    Validation validation;
    JsonReader reader(*body, validation);
    auto comment = reader.String(key, JsonReader::Need::kOptional);
    if (!validation.ok()) return validation.ToError();
    return comment;
}

}  // namespace

void AddPenaltySuggestionRoutes(Router& router, PenaltySuggestionService& suggestions) {
    router
        .Add("GET", "/api/v1/contracts/{id}/penalty-suggestions", Access::kSession, "callcentre",
             "The contract's penalty suggestions (month=YYYY-MM optional), the month a new one is for by default and "
             "its deadline, and the roster to choose the agent from (CC-4)",
             [&suggestions](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, suggestions.List(context.actor(), *id, context.request.Query("month").value_or("")));
                 return JsonResponse(200, PenaltySuggestionListJson(*list));
             })
        .Returns("PenaltySuggestionList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/penalty-suggestions", Access::kSession, "callcentre",
             "The office suggests a penalty for a named agent: person_id, month (default the oldest month still open), "
             "recording_ref and/or supervision_note, attachment_id optional; refused at or after 00:00 on the 2nd of "
             "the following month (CC-4)",
             [&suggestions](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 PenaltySuggestionInput input;
                 input.person_id = reader.OptionalInteger("person_id");
                 input.month = reader.String("month", JsonReader::Need::kOptional);
                 input.recording_ref = reader.String("recording_ref", JsonReader::Need::kOptional);
                 input.supervision_note = reader.String("supervision_note", JsonReader::Need::kOptional);
                 input.attachment_id = reader.OptionalInteger("attachment_id");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, suggestions.Submit(context.actor(), *id, input));
                 return JsonResponse(201, PenaltySuggestionJson(*view));
             })
        .Body("PenaltySuggestionInput")
        .Creates("PenaltySuggestion")
        .Requires({Permission::kCcSuggestionWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/penalty-suggestions/{id}/accept", Access::kSession, "callcentre",
             "The vendor accepts a suggestion after verifying it (note optional); it deducts the method's points "
             "(CC-4)",
             [&suggestions](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(note, ReadSuggestionComment(context.request, "note"));
                 HOUQIN_TRY(view, suggestions.Accept(context.actor(), *id, *note));
                 return JsonResponse(200, PenaltySuggestionJson(*view));
             })
        .Body("CallCentreNoteInput")
        .Returns("PenaltySuggestion")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/penalty-suggestions/{id}/reject", Access::kSession, "callcentre",
             "The vendor rejects a suggestion with a reason (CC-4)",
             [&suggestions](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(reason, ReadSuggestionComment(context.request, "reason"));
                 HOUQIN_TRY(view, suggestions.Reject(context.actor(), *id, *reason));
                 return JsonResponse(200, PenaltySuggestionJson(*view));
             })
        .Body("CallCentreReasonInput")
        .Returns("PenaltySuggestion")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http
