// Routes: the vendor drafts, edits and submits a version of the scoring method; the office approves or returns it
// (CC-3).
#include "features/callcentre/method_routes.h"

#include "features/callcentre/method_codec.h"
#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json ScoringMethodJson(const ScoringMethodView& view) {
    const auto& record = view.record;
    Json events = Json::array();
    std::string drafted_by;
    std::string approved_by;
    for (const auto& event : view.events) {
        const auto& who = event.actor_display_name.empty() ? event.actor_name : event.actor_display_name;
        if (event.action == "draft") drafted_by = who;
        if (event.action == "approve") approved_by = who;
        events.push_back(WorkflowEventJson(event));
    }
    Json json = {{"id", record.id},
                 {"contract_id", record.contract_id},
                 {"status", std::string(MethodStatusCode(record.status))},
                 {"status_name", TextJson(MethodStatusText(record.status))},
                 {"version", record.method.version > 0 ? Json(record.method.version) : Json()},
                 {"effective_from", record.method.effective_from.ToString()},
                 {"values", codec::ScoringMethodValuesJson(record.method)},
                 {"note", record.note},
                 {"return_reason", record.return_reason},
                 {"drafted_by", drafted_by},
                 {"approved_by", approved_by.empty() ? Json() : Json(approved_by)},
                 {"submitted_at", record.submitted_at ? Json(record.submitted_at->ToIso()) : Json()},
                 {"approved_at", record.approved_at ? Json(record.approved_at->ToIso()) : Json()},
                 {"created_at", record.created_at.ToIso()},
                 {"allowed_actions", view.allowed_actions},
                 {"events", std::move(events)}};
    return json;
}

Json ScoringMethodListJson(const ScoringMethodList& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(ScoringMethodJson(item));
    return {{"items", std::move(items)},
            {"can_draft", list.can_draft},
            {"in_force_version", list.in_force_version ? Json(*list.in_force_version) : Json()},
            {"defaults",
             {{"effective_from", list.defaults.effective_from.ToString()},
              {"values", codec::ScoringMethodValuesJson(list.defaults)}}}};
}

// The body of a draft or an edit: the values onto the defaults (a value left out takes its default).
Result<ScoringMethodInput> ReadScoringMethodInput(const HttpRequest& request) {
    HOUQIN_TRY(body, ParseObject(request));
    Validation validation;
    JsonReader reader(*body, validation);
    ScoringMethodInput input;
    input.effective_from = reader.String("effective_from", JsonReader::Need::kOptional);
    input.note = reader.String("note", JsonReader::Need::kOptional);
    codec::ReadScoringMethodValues(*body, validation, input.values);
    if (!validation.ok()) return validation.ToError();
    return input;
}

// A step's optional note or required reason, named `key` (the service names an empty reason).
Result<std::string> ReadMethodStepComment(const HttpRequest& request, const std::string& key) {
    if (request.body.empty()) return std::string();
    HOUQIN_TRY(body, ParseObject(request));
    Validation validation;
    JsonReader reader(*body, validation);
    auto comment = reader.String(key, JsonReader::Need::kOptional);
    if (!validation.ok()) return validation.ToError();
    return comment;
}

}  // namespace

void AddScoringMethodRoutes(Router& router, ScoringMethodService& methods) {
    router
        .Add("GET", "/api/v1/contracts/{id}/scoring-methods", Access::kSession, "callcentre",
             "The contract's scoring-method versions, newest first, the version in force this month and the defaults "
             "a draft starts from (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, methods.List(context.actor(), *id));
                 return JsonResponse(200, ScoringMethodListJson(*list));
             })
        .Returns("ScoringMethodList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/scoring-methods", Access::kSession, "callcentre",
             "The contract's vendor drafts a version of the scoring method: effective_from, weights, targets, caps, "
             "deductions, pro_rating, penalty_deduction, note (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(input, ReadScoringMethodInput(context.request));
                 HOUQIN_TRY(view, methods.Draft(context.actor(), *id, *input));
                 return JsonResponse(201, ScoringMethodJson(*view));
             })
        .Body("ScoringMethodInput")
        .Creates("ScoringMethod")
        .Requires({Permission::kCcMethodDraft})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/callcentre/scoring-methods/{id}", Access::kSession, "callcentre",
             "One version of a scoring method with its steps (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, methods.Get(context.actor(), *id));
                 return JsonResponse(200, ScoringMethodJson(*view));
             })
        .Returns("ScoringMethod")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("PUT", "/api/v1/callcentre/scoring-methods/{id}", Access::kSession, "callcentre",
             "The vendor edits a draft or returned version: the same body as a draft, replacing its values (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(input, ReadScoringMethodInput(context.request));
                 HOUQIN_TRY(view, methods.Edit(context.actor(), *id, *input));
                 return JsonResponse(200, ScoringMethodJson(*view));
             })
        .Body("ScoringMethodInput")
        .Returns("ScoringMethod")
        .Requires({Permission::kCcMethodDraft})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/scoring-methods/{id}/submit", Access::kSession, "callcentre",
             "The vendor submits a draft or returned version to the office (note optional) (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(note, ReadMethodStepComment(context.request, "note"));
                 HOUQIN_TRY(view, methods.Submit(context.actor(), *id, *note));
                 return JsonResponse(200, ScoringMethodJson(*view));
             })
        .Body("CallCentreNoteInput")
        .Returns("ScoringMethod")
        .Requires({Permission::kCcMethodDraft})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/scoring-methods/{id}/approve", Access::kSession, "callcentre",
             "The office approves a submitted version: it gets the contract's next version number and never changes "
             "again (note optional) (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(note, ReadMethodStepComment(context.request, "note"));
                 HOUQIN_TRY(view, methods.Approve(context.actor(), *id, *note));
                 return JsonResponse(200, ScoringMethodJson(*view));
             })
        .Body("CallCentreNoteInput")
        .Returns("ScoringMethod")
        .Requires({Permission::kCcMethodApprove})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/callcentre/scoring-methods/{id}/return", Access::kSession, "callcentre",
             "The office returns a submitted version to the vendor with a reason (CC-3)",
             [&methods](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(reason, ReadMethodStepComment(context.request, "reason"));
                 HOUQIN_TRY(view, methods.Return(context.actor(), *id, *reason));
                 return JsonResponse(200, ScoringMethodJson(*view));
             })
        .Body("CallCentreReasonInput")
        .Returns("ScoringMethod")
        .Requires({Permission::kCcMethodApprove})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http
