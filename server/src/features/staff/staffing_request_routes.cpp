// Routes: written requests for an extra duty manager or QA and the vendor's answer (STF-9).
#include "features/staff/routes.h"
#include "features/staff/staffing_request_service.h"
#include "platform/http/json_reader.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json StaffingJson(const std::vector<StaffingRequirement>& staffing) {
    Json rows = Json::array();
    for (const auto& item : staffing) {
        rows.push_back({{"day_type", std::string(DayTypeCode(item.day_type))},
                        {"post", item.role},
                        {"people", item.people},
                        {"hours", item.hours}});
    }
    return rows;
}

Json StaffingRequestJson(const StaffingRequestView& view) {
    const auto& request = view.request;
    Json events = Json::array();
    for (const auto& event : view.events) events.push_back(WorkflowEventJson(event));
    Json day_types = Json::array();
    for (const auto type : request.day_types) day_types.push_back(std::string(DayTypeCode(type)));
    return {{"id", request.id},
            {"contract_id", request.contract_id},
            {"role", request.role},
            {"post", request.post},
            {"day_types", std::move(day_types)},
            {"people", request.people},
            {"hours", request.hours},
            {"effective_from", request.effective_from.ToString()},
            {"effective_on", request.effective_on ? Json(request.effective_on->ToString()) : Json()},
            {"reason", request.reason},
            {"attachment_id", request.attachment_id ? Json(*request.attachment_id) : Json()},
            {"attachment_name", request.attachment_id ? Json(view.attachment_name) : Json()},
            {"requested_on", request.requested_on.ToString()},
            {"status", std::string(StaffingRequestStatusCode(request.status))},
            {"status_name", TextJson(StaffingRequestStatusText(request.status))},
            {"decision_note", request.decision_note},
            {"decided_at", request.decided_at ? Json(request.decided_at->ToIso()) : Json()},
            {"allowed_actions", view.allowed_actions},
            {"events", std::move(events)}};
}

Json StaffingRequestListJson(const StaffingRequestList& list) {
    Json items = Json::array();
    for (const auto& item : list.items) items.push_back(StaffingRequestJson(item));
    Json history = Json::array();
    for (const auto& version : list.history) {
        history.push_back({{"effective_from", version.effective_from.ToString()},
                           {"source", TextJson(version.source)},
                           {"staffing", StaffingJson(version.staffing)}});
    }
    Json warnings = Json::array();
    for (const auto& warning : list.warnings) warnings.push_back(TextJson(warning));
    return {{"items", std::move(items)},
            {"can_request", list.can_request},
            {"history", std::move(history)},
            {"warnings", std::move(warnings)}};
}

StaffingRequestInput StaffingRequestInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    StaffingRequestInput input;
    // Empty or missing values are refused by the service, which names them in words.
    input.role = reader.String("role", JsonReader::Need::kOptional);
    input.post = reader.String("post", JsonReader::Need::kOptional);
    input.day_types = reader.StringList("day_types");
    input.people = reader.OptionalInteger("people");
    input.hours = reader.OptionalInteger("hours");
    input.effective_from = reader.String("effective_from", JsonReader::Need::kOptional);
    input.reason = reader.String("reason", JsonReader::Need::kOptional);
    input.attachment_id = reader.OptionalInteger("attachment_id");
    return input;
}

}  // namespace

void AddStaffingRequestRoutes(Router& router, StaffingRequestService& requests) {
    router
        .Add("GET", "/api/v1/contracts/{id}/staffing-requests", Access::kSession, "staff",
             "The contract's written requests for extra duty managers or QA, and the staffing requirement's history "
             "their consents made (STF-9)",
             [&requests](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, requests.List(context.actor(), *id));
                 return JsonResponse(200, StaffingRequestListJson(*list));
             })
        .Returns("StaffingRequestList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/staffing-requests", Access::kSession, "staff",
             "The office asks in writing for an extra duty manager or QA (role, post, day_types, people, hours, "
             "effective_from, reason, attachment_id optional) (STF-9)",
             [&requests](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = StaffingRequestInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, requests.Request(context.actor(), *id, input));
                 return JsonResponse(201, StaffingRequestJson(*request));
             })
        .Body("StaffingRequestInput")
        .Creates("StaffingRequest")
        .Requires({Permission::kStaffingRequest})
        .Scope(RecordScope::kVendor);
    const auto answer_route = [&router, &requests](const char* pattern, bool consent, const char* field,
                                                   const char* body_schema, const char* summary) {
        router
            .Add("POST", pattern, Access::kSession, "staff", summary,
                 [&requests, consent, field](RequestContext& context) -> Result<HttpResponse> {
                     HOUQIN_TRY(id, PathId(context.request, "id"));
                     HOUQIN_TRY(body, ParseObject(context.request));
                     Validation validation;
                     JsonReader reader(*body, validation);
                     const auto text = reader.String(field, JsonReader::Need::kOptional);
                     if (!validation.ok()) return validation.ToError();
                     HOUQIN_TRY(request, consent ? requests.Consent(context.actor(), *id, text)
                                                 : requests.Decline(context.actor(), *id, text));
                     return JsonResponse(200, StaffingRequestJson(*request));
                 })
            .Body(body_schema)
            .Returns("StaffingRequest")
            .Requires({Permission::kStaffWrite})
            .Scope(RecordScope::kVendor);
    };
    answer_route("/api/v1/staff/staffing-requests/{id}/consent", true, "comment", "StaffingConsentInput",
                 "The vendor consents (comment optional); the requirement changes from the later of the asked date and "
                 "today (STF-9)");
    answer_route("/api/v1/staff/staffing-requests/{id}/decline", false, "reason", "StaffingDeclineInput",
                 "The vendor declines with a reason; the requirement stays as it was (STF-9)");
}

}  // namespace houqin::http
