// Work meetings (SUP-1), rectifications (SUP-2), the communication log (SUP-6) and energy-saving records (RP-1).
#include <fmt/format.h>

#include "features/supervision/routes.h"
#include "features/vendors/codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

std::string QueryChoice(const HttpRequest& request, const std::string& name, const std::vector<std::string>& choices,
                        Validation& validation) {
    auto text = request.Query(name).value_or("");
    if (text.empty()) return text;
    for (const auto& choice : choices) {
        if (choice == text) return text;
    }
    std::string names;
    for (const auto& choice : choices) names += (names.empty() ? "" : ", ") + choice;
    validation.Fail(name, {"取值须为:" + names, name + " must be one of: " + names});
    return {};
}

Json OptionalIdJson(const std::optional<std::int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

Json RefsJson(const std::vector<NamedRef>& refs) {
    Json items = Json::array();
    for (const auto& ref : refs) items.push_back({{"id", ref.id}, {"name", ref.name}});
    return items;
}

Json AttachmentsJson(const std::vector<AttachmentInfo>& attachments) {
    Json items = Json::array();
    for (const auto& attachment : attachments) items.push_back(AttachmentJson(attachment));
    return items;
}

Json RectificationJson(const RectificationView& view, JsonDetail detail) {
    const auto& r = view.record;
    Json json{{"id", r.id},
              {"contract_id", r.contract_id},
              {"contract_code", r.contract_code},
              {"contract_title", r.contract_title},
              {"vendor_id", r.vendor_id},
              {"vendor_name", r.vendor_name},
              {"meeting_id", OptionalIdJson(r.meeting_id)},
              {"assessment_id", OptionalIdJson(r.assessment_id)},
              {"title", r.title},
              {"requirement", r.requirement},
              {"owner", r.owner},
              {"deadline", r.deadline.ToString()},
              {"status", r.status},
              {"overdue", view.overdue},
              {"days_overdue", view.days_overdue},
              {"completion", r.completion},
              {"evidence", AttachmentsJson(view.evidence)},
              {"reported_at", OptionalInstantJson(r.reported_at)},
              {"verified_by", r.verified_by},
              {"verified_at", OptionalInstantJson(r.verified_at)},
              {"result", r.result.empty() ? Json(nullptr) : Json(r.result)},
              {"effect", r.effect.empty() ? Json(nullptr) : Json(r.effect)},
              {"comment", r.comment},
              {"created_by", OptionalIdJson(r.created_by)},
              {"created_by_name", r.created_by_name},
              {"created_at", r.created_at.ToIso()},
              {"updated_at", r.updated_at.ToIso()},
              {"allowed_actions", view.allowed_actions}};
    if (detail == JsonDetail::kFull) json["history"] = WorkflowEventsJson(view.history);
    return json;
}

Json OpinionJson(const MeetingOpinion& opinion) {
    return Json{
        {"id", opinion.id},           {"meeting_id", opinion.meeting_id},         {"kind", opinion.kind},
        {"content", opinion.content}, {"org_id", OptionalIdJson(opinion.org_id)}, {"org_name", opinion.org_name},
        {"author", opinion.author},   {"created_at", opinion.created_at.ToIso()}};
}

Json MeetingJson(const MeetingView& view, JsonDetail detail) {
    const auto& m = view.record;
    Json json{{"id", m.id},
              {"title", m.title},
              {"scheduled_at", m.scheduled_at.ToIso()},
              {"location", m.location},
              {"vendor_ids", m.vendor_ids},
              {"vendors", RefsJson(view.vendors)},
              {"attendee_org_ids", m.attendee_org_ids},
              {"attendees", RefsJson(view.attendees)},
              {"agenda", m.agenda},
              {"minutes", m.minutes},
              {"attendees_present", m.attendees_present},
              {"status", m.status},
              {"cancel_reason", m.cancel_reason},
              {"created_by", OptionalIdJson(m.created_by)},
              {"created_by_name", m.created_by_name},
              {"created_at", m.created_at.ToIso()},
              {"updated_at", m.updated_at.ToIso()},
              {"allowed_actions", view.allowed_actions}};
    if (detail == JsonDetail::kFull) {
        Json opinions = Json::array();
        for (const auto& opinion : view.opinions) opinions.push_back(OpinionJson(opinion));
        Json rectifications = Json::array();
        for (const auto& rectification : view.rectifications) {
            rectifications.push_back(RectificationJson(rectification, JsonDetail::kListRow));
        }
        json["opinions"] = opinions;
        json["rectifications"] = rectifications;
        json["history"] = WorkflowEventsJson(view.history);
    }
    return json;
}

Json CommunicationJson(const Communication& k) {
    return Json{{"id", k.id},
                {"vendor_id", k.vendor_id},
                {"vendor_name", k.vendor_name},
                {"contract_id", OptionalIdJson(k.contract_id)},
                {"contract_code", k.contract_id ? Json(k.contract_code) : Json(nullptr)},
                {"occurred_at", k.occurred_at.ToIso()},
                {"channel", k.channel},
                {"counterpart", k.counterpart},
                {"summary", k.summary},
                {"created_by", OptionalIdJson(k.created_by)},
                {"created_by_name", k.created_by_name},
                {"created_at", k.created_at.ToIso()}};
}

Json EnergySavingJson(const EnergySavingView& view) {
    const auto& e = view.record;
    return Json{{"id", e.id},
                {"contract_id", e.contract_id},
                {"contract_code", e.contract_code},
                {"vendor_id", e.vendor_id},
                {"vendor_name", e.vendor_name},
                {"recorded_on", e.recorded_on.ToString()},
                {"measure", e.measure},
                {"saving", e.saving.ToString()},
                {"saving_kwh", e.saving_kwh},
                {"evidence", AttachmentsJson(view.evidence)},
                {"created_by", OptionalIdJson(e.created_by)},
                {"created_by_name", e.created_by_name},
                {"created_at", e.created_at.ToIso()}};
}

void AddMeetingRoutes(Router& router, OversightService& oversight) {
    const std::vector<Permission> read = {Permission::kSupervisionRead};
    const std::vector<Permission> write = {Permission::kSupervisionWrite};
    router
        .Add("GET", "/api/v1/meetings", Access::kSession, "supervision",
             "Work meetings, newest first (vendor users: the meetings listing their vendor)",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {}, validation);
                 MeetingQuery query;
                 query.status = QueryChoice(context.request, "status", {"scheduled", "held", "cancelled"}, validation);
                 query.from = QueryDate(context.request, "from", validation);
                 query.to = QueryDate(context.request, "to", validation);
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, oversight.ListMeetings(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(MeetingJson(view, JsonDetail::kListRow));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("MeetingSummary")
        .Requires(read)
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/meetings", Access::kSession, "supervision", "Schedule a work meeting (SUP-1)",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 MeetingInput input;
                 input.title = reader.String("title", JsonReader::Need::kOptional);
                 input.scheduled_at = OptionalInstant(reader, *body, "scheduled_at", validation);
                 input.location = reader.String("location", JsonReader::Need::kOptional);
                 input.vendor_ids = reader.IntegerList("vendor_ids");
                 input.attendee_org_ids = reader.IntegerList("attendee_org_ids");
                 input.agenda = reader.String("agenda", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.CreateMeeting(context.actor(), input));
                 return JsonResponse(201, MeetingJson(*view, JsonDetail::kFull));
             })
        .Body("MeetingInput")
        .Creates("Meeting")
        .Requires(write)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/meetings/{id}", Access::kSession, "supervision",
             "One meeting with its opinions, minutes, rectifications and history",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, oversight.GetMeeting(context.actor(), *id));
                 return JsonResponse(200, MeetingJson(*view, JsonDetail::kFull));
             })
        .Returns("Meeting")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/meetings/{id}/opinions", Access::kSession, "supervision",
             "Submit an opinion or suggestion for a meeting (departments online, or the office)",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 OpinionInput input{reader.String("kind"), reader.String("content", JsonReader::Need::kOptional)};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(opinion, oversight.AddOpinion(context.actor(), *id, input));
                 return JsonResponse(201, OpinionJson(*opinion));
             })
        .Body("OpinionInput")
        .Creates("Opinion")
        .Requires({Permission::kOpinionWrite, Permission::kSupervisionWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/meetings/{id}/minutes", Access::kSession, "supervision",
             "Record the minutes: the meeting is held",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 MinutesInput input{reader.String("minutes", JsonReader::Need::kOptional),
                                    reader.String("attendees_present", JsonReader::Need::kOptional)};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.RecordMinutes(context.actor(), *id, input));
                 return JsonResponse(200, MeetingJson(*view, JsonDetail::kFull));
             })
        .Body("MinutesInput")
        .Returns("Meeting")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/meetings/{id}/cancel", Access::kSession, "supervision",
             "Cancel a scheduled meeting with a reason",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.CancelMeeting(context.actor(), *id, reason));
                 return JsonResponse(200, MeetingJson(*view, JsonDetail::kFull));
             })
        .Body("CancelInput")
        .Returns("Meeting")
        .Requires(write)
        .Scope(RecordScope::kVendor);
}

void AddRectificationRoutes(Router& router, OversightService& oversight) {
    const std::vector<Permission> read = {Permission::kSupervisionRead};
    router
        .Add("GET", "/api/v1/rectifications", Access::kSession, "supervision",
             "Rectifications by deadline; overdue=true lists the open ones past their deadline",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {}, validation);
                 RectificationQuery query;
                 query.status = QueryChoice(context.request, "status", {"open", "reported", "closed"}, validation);
                 const auto overdue = QueryChoice(context.request, "overdue", {"true", "false"}, validation);
                 if (!overdue.empty()) query.overdue = overdue == "true";
                 query.vendor_id = QueryId(context.request, "vendor_id", validation);
                 query.contract_id = QueryId(context.request, "contract_id", validation);
                 query.meeting_id = QueryId(context.request, "meeting_id", validation);
                 query.assessment_id = QueryId(context.request, "assessment_id", validation);
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, oversight.ListRectifications(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(RectificationJson(view, JsonDetail::kListRow));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("RectificationSummary")
        .Requires(read)
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/rectifications", Access::kSession, "supervision",
             "Raise a rectification notice for an active contract (SUP-2)",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 RectificationInput input;
                 input.contract_id = reader.OptionalInteger("contract_id");
                 input.meeting_id = reader.OptionalInteger("meeting_id");
                 input.assessment_id = reader.OptionalInteger("assessment_id");
                 input.title = reader.String("title", JsonReader::Need::kOptional);
                 input.requirement = reader.String("requirement", JsonReader::Need::kOptional);
                 input.owner = reader.String("owner", JsonReader::Need::kOptional);
                 if (reader.Has("deadline")) input.deadline = reader.DateValue("deadline");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.CreateRectification(context.actor(), input));
                 return JsonResponse(201, RectificationJson(*view, JsonDetail::kFull));
             })
        .Body("RectificationInput")
        .Creates("Rectification")
        .Requires({Permission::kSupervisionWrite})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/rectifications/{id}", Access::kSession, "supervision",
             "One rectification with its evidence and history",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, oversight.GetRectification(context.actor(), *id));
                 return JsonResponse(200, RectificationJson(*view, JsonDetail::kFull));
             })
        .Returns("Rectification")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/rectifications/{id}/report", Access::kSession, "supervision",
             "The vendor reports completion with at least one piece of evidence",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 ReportInput input{reader.String("completion", JsonReader::Need::kOptional),
                                   reader.IntegerList("evidence_ids")};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.ReportRectification(context.actor(), *id, input));
                 return JsonResponse(200, RectificationJson(*view, JsonDetail::kFull));
             })
        .Body("CompletionReport")
        .Returns("Rectification")
        .Requires({Permission::kSupervisionRespond})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/rectifications/{id}/verify", Access::kSession, "supervision",
             "The office accepts (with the effect) or rejects (with a comment) a reported rectification",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 VerifyInput input{reader.String("result"), reader.String("effect", JsonReader::Need::kOptional),
                                   reader.String("comment", JsonReader::Need::kOptional)};
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.VerifyRectification(context.actor(), *id, input));
                 return JsonResponse(200, RectificationJson(*view, JsonDetail::kFull));
             })
        .Body("Verification")
        .Returns("Rectification")
        .Requires({Permission::kSupervisionWrite})
        .Scope(RecordScope::kVendor);
}

void AddLogRoutes(Router& router, OversightService& oversight) {
    router
        .Add("GET", "/api/v1/communications", Access::kSession, "supervision",
             "The communication log with vendors, newest first (SUP-6)",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {}, validation);
                 CommunicationQuery query;
                 query.vendor_id = QueryId(context.request, "vendor_id", validation);
                 query.contract_id = QueryId(context.request, "contract_id", validation);
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, oversight.ListCommunications(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& entry : result->items) items.push_back(CommunicationJson(entry));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("Communication")
        .Requires({Permission::kSupervisionRead})
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/communications", Access::kSession, "supervision", "Log a communication with a vendor",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 CommunicationInput input;
                 input.vendor_id = reader.OptionalInteger("vendor_id");
                 input.contract_id = reader.OptionalInteger("contract_id");
                 input.occurred_at = OptionalInstant(reader, *body, "occurred_at", validation);
                 input.channel = reader.String("channel");
                 input.counterpart = reader.String("counterpart", JsonReader::Need::kOptional);
                 input.summary = reader.String("summary", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(entry, oversight.CreateCommunication(context.actor(), input));
                 return JsonResponse(201, CommunicationJson(*entry));
             })
        .Body("CommunicationInput")
        .Creates("Communication")
        .Requires({Permission::kSupervisionWrite})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/energy-savings", Access::kSession, "supervision",
             "Energy-saving records with the totals of all matching ones (RP-1)",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {}, validation);
                 EnergySavingQuery query;
                 query.vendor_id = QueryId(context.request, "vendor_id", validation);
                 query.contract_id = QueryId(context.request, "contract_id", validation);
                 if (const auto year = QueryId(context.request, "year", validation)) {
                     if (*year < 1900 || *year > 2999) {
                         validation.Fail("year", {"年份须在 1900 到 2999 之间", "year must be 1900..2999"});
                     } else {
                         query.year = static_cast<int>(*year);
                     }
                 }
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, oversight.ListEnergySavings(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(EnergySavingJson(view));
                 auto json = PageJson(items, result->total, page);
                 json["totals"] = {{"saving", result->saving.ToString()}, {"saving_kwh", result->saving_kwh}};
                 return JsonResponse(200, json);
             })
        .Returns("EnergySavingPage")
        .Requires({Permission::kSupervisionRead})
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/energy-savings", Access::kSession, "supervision",
             "Record an energy-saving measure and what it saved; re-runs the rules",
             [&oversight](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 EnergySavingInput input;
                 input.contract_id = reader.OptionalInteger("contract_id");
                 if (reader.Has("recorded_on")) input.recorded_on = reader.DateValue("recorded_on");
                 input.measure = reader.String("measure", JsonReader::Need::kOptional);
                 if (reader.Has("saving")) input.saving = reader.MoneyValue("saving");
                 input.saving_kwh = reader.OptionalInteger("saving_kwh");
                 input.evidence_ids = reader.IntegerList("evidence_ids");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, oversight.CreateEnergySaving(context.actor(), input));
                 return JsonResponse(201, EnergySavingJson(*view));
             })
        .Body("EnergySavingInput")
        .Creates("EnergySaving")
        .Requires({Permission::kSupervisionWrite})
        .Scope(RecordScope::kNone);
}

}  // namespace

void AddOversightRoutes(Router& router, OversightService& oversight) {
    AddMeetingRoutes(router, oversight);
    AddRectificationRoutes(router, oversight);
    AddLogRoutes(router, oversight);
}

}  // namespace houqin::http
