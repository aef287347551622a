// Assessments and appeals (SUP-3, SUP-8), satisfaction surveys (SUP-4), proposals of the rules (RP-1 … RP-4).
#include "features/supervision/routes.h"

#include <fmt/format.h>

#include "features/vendors/codec.h"
#include "platform/http/mapping.h"
#include "platform/settings/settings.h"

namespace houqin::http {
namespace {

Json FileJson(const std::map<std::int64_t, AttachmentInfo>& files, const std::vector<std::int64_t>& ids) {
    Json list = Json::array();
    for (const auto id : ids) {
        if (auto found = files.find(id); found != files.end()) list.push_back(AttachmentJson(found->second));
    }
    return list;
}

Json AssessmentJson(const AssessmentView& view, JsonDetail detail) {
    const auto& r = view.record;
    Json json{{"id", r.id},
              {"contract_id", r.contract_id},
              {"contract_code", r.contract_code},
              {"contract_title", r.contract_title},
              {"vendor_id", r.vendor_id},
              {"vendor_name", r.vendor_name},
              {"period", r.period},
              {"kind", r.kind},
              {"assessed_on", r.assessed_on.ToString()},
              {"inspector", r.inspector},
              {"total", TenthsToString(r.total_tenths)},
              {"original_total", TenthsToString(r.original_total_tenths)},
              {"pass_mark", r.pass_mark},
              {"passed", r.passed},
              {"grade", r.grade},
              {"failed_items", r.failed_items},
              {"missing_staff_days", r.missing_staff_days},
              {"summary", r.summary},
              {"status", r.status},
              {"appeal_deadline", r.appeal_deadline.ToString()},
              {"can_appeal", view.can_appeal},
              {"contract_version_no", r.contract_version_no},
              {"created_at", r.created_at.ToIso()}};
    if (detail == JsonDetail::kListRow) return json;
    Json items = Json::array();
    for (const auto& item : r.items) {
        items.push_back({{"item", item.item},
                         {"points", item.points},
                         {"lost", TenthsToString(item.lost_tenths)},
                         {"score", TenthsToString(item.points * 10 - item.lost_tenths)},
                         {"failed", item.failed},
                         {"note", item.note},
                         {"photos", FileJson(view.files, item.photo_ids)}});
    }
    json["items"] = items;
    json["computation"] = TextJson(view.computation);
    json["failed_item_percent"] = r.terms.failed_item_percent;
    Json bands = Json::array();
    for (const auto& band : r.terms.terms.bands) bands.push_back({{"name", band.name}, {"min", band.min}});
    json["bands"] = bands;
    if (view.appeal) {
        const auto& a = *view.appeal;
        json["appeal"] = {{"reason", a.reason},
                          {"attachments", FileJson(view.files, a.attachment_ids)},
                          {"created_by", a.created_by},
                          {"created_at", a.created_at.ToIso()},
                          {"status", a.status},
                          {"decision_reason", a.decision_reason},
                          {"decided_by", a.decided_by},
                          {"decided_at", a.decided_at ? Json(a.decided_at->ToIso()) : Json(nullptr)},
                          {"previous_total", TenthsToString(a.previous_total_tenths)}};
    } else {
        json["appeal"] = nullptr;
    }
    Json history = Json::array();
    for (const auto& event : view.history) history.push_back(WorkflowEventJson(event));
    json["history"] = history;
    return json;
}

// Points lost as a person writes them: 2, 2.5 or "2.5"; at most one decimal.
std::optional<int> LostTenths(const Json& value) {
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number < 0 || number > 1000) return std::nullopt;
        return static_cast<int>(number * 10);
    }
    if (value.is_number_float()) return ParseTenths(value.dump());
    if (value.is_string()) return ParseTenths(value.get<std::string>());
    return std::nullopt;
}

std::vector<AssessmentItemEntry> ReadItems(JsonReader& reader, Validation& validation, bool required) {
    std::vector<AssessmentItemEntry> items;
    const Json* array = reader.Array("items");
    if (!array) {
        if (required) validation.Fail("items", {"请填写各考核项的扣分", "Enter the points lost per item"});
        return items;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = (*array)[i];
        const auto prefix = fmt::format("items[{}].", i);
        if (!element.is_object()) {
            validation.Fail(fmt::format("items[{}]", i), {"须为对象", "Must be an object"});
            continue;
        }
        JsonReader item(element, validation, prefix);
        AssessmentItemEntry entry;
        entry.item = item.String("item");
        entry.lost_tenths = element.contains("lost") ? LostTenths(element["lost"]) : std::optional<int>(0);
        entry.note = item.String("note", JsonReader::Need::kOptional);
        entry.photo_ids = item.IntegerList("photo_ids");
        items.push_back(std::move(entry));
    }
    return items;
}

Json SurveyJson(const SurveyView& view, JsonDetail detail) {
    const auto& r = view.record;
    Json questions = Json::array();
    for (const auto& question : r.questions) {
        questions.push_back({{"key", question.key}, {"text", question.text}, {"kind", question.kind}});
    }
    Json json{{"id", r.id},
              {"contract_id", r.contract_id},
              {"contract_code", r.contract_code},
              {"vendor_id", r.vendor_id},
              {"vendor_name", r.vendor_name},
              {"period", r.period},
              {"title", r.title},
              {"anonymous", r.anonymous},
              {"status", r.status},
              {"opens_on", r.opens_on.ToString()},
              {"closes_on", r.closes_on.ToString()},
              {"questions", questions},
              {"answered_by_me", view.answered_by_me},
              {"answer_count", view.answer_count},
              {"created_at", r.created_at.ToIso()}};
    if (detail == JsonDetail::kListRow) return json;
    if (!view.results) {
        json["results"] = nullptr;
        return json;
    }
    const auto& results = *view.results;
    Json question_results = Json::array();
    for (const auto& question : results.questions) {
        question_results.push_back({{"key", question.key},
                                    {"average", question.average ? Json(*question.average) : Json(nullptr)},
                                    {"texts", question.texts}});
    }
    json["results"] = {{"counts",
                        {{"very_satisfied", results.counts.very_satisfied},
                         {"satisfied", results.counts.satisfied},
                         {"basically_satisfied", results.counts.basically_satisfied},
                         {"dissatisfied", results.counts.dissatisfied}}},
                       {"valid", results.valid},
                       {"satisfied", results.satisfied},
                       {"rate", results.rate ? Json(*results.rate) : Json(nullptr)},
                       {"formula", TextJson(results.formula)},
                       {"question_results", question_results},
                       {"comments", results.comments},
                       {"respondents", results.respondents ? Json(*results.respondents) : Json(nullptr)}};
    return json;
}

Json ProposalJson(const ProposalView& view, JsonDetail detail) {
    const auto& r = view.record;
    Json evidence = Json::array();
    for (const auto& item : r.evidence) {
        evidence.push_back({{"kind", std::string(PolicyEvidenceKindCode(item.kind))},
                            {"id", item.id},
                            {"period", item.period},
                            {"date", item.date.ToString()},
                            {"value", item.value},
                            {"description", TextJson(item.description)}});
    }
    Json thresholds = Json::array();
    for (const auto& item : r.thresholds) thresholds.push_back({{"name", item.name}, {"value", item.value}});
    Json json{{"id", r.id},
              {"contract_id", r.contract_id},
              {"contract_code", r.contract_code},
              {"contract_title", r.contract_title},
              {"vendor_id", r.vendor_id},
              {"vendor_name", r.vendor_name},
              {"kind", r.kind},
              {"rule", r.rule},
              {"rule_version", r.rule_version},
              {"settings_version", r.settings_version},
              {"status", r.status},
              {"amount", r.amount ? Json(r.amount->ToString()) : Json(nullptr)},
              {"approved_amount", r.approved_amount ? Json(r.approved_amount->ToString()) : Json(nullptr)},
              {"period", r.period.empty() ? Json(nullptr) : Json(r.period)},
              {"explanation", TextJson(r.explanation)},
              {"evidence", evidence},
              {"thresholds", thresholds},
              {"allowed_actions", view.allowed_actions},
              {"created_at", r.created_at.ToIso()},
              {"updated_at", r.updated_at.ToIso()}};
    json["outcome"] = r.status == "approved"
                          ? Json{{"ledger_entry_id", r.ledger_entry_id ? Json(*r.ledger_entry_id) : Json(nullptr)},
                                 {"terminated", r.kind == "termination"}}
                          : Json(nullptr);
    if (detail == JsonDetail::kFull) {
        Json history = Json::array();
        for (const auto& event : view.history) history.push_back(WorkflowEventJson(event));
        json["history"] = history;
    }
    return json;
}

Json NoteJson(const PolicyNote& note) {
    return Json{{"code", note.code}, {"subject_id", note.subject_id}, {"text", TextJson(note.text)}};
}

}  // namespace

void AddSupervisionRoutes(Router& router, AssessmentService& assessments, PolicyService& policy,
                          SurveyService& surveys) {
    const std::vector<Permission> read = {Permission::kSupervisionRead};
    const std::vector<Permission> write = {Permission::kSupervisionWrite};

    // --- Assessments (SUP-3, SUP-8) ---
    router
        .Add("GET", "/api/v1/assessments", Access::kSession, "supervision", "Assessments, paged and filtered",
             [&assessments](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {"assessed_on", "period", "total"}, validation);
                 AssessmentQuery query;
                 query.contract_id = QueryId(context.request, "contract_id", validation);
                 query.vendor_id = QueryId(context.request, "vendor_id", validation);
                 query.period = context.request.Query("period").value_or("");
                 if (auto passed = context.request.Query("passed"); passed && !passed->empty()) {
                     if (*passed == "true")
                         query.passed = true;
                     else if (*passed == "false")
                         query.passed = false;
                     else
                         validation.Fail("passed", {"须为 true 或 false", "Must be true or false"});
                 }
                 query.status = context.request.Query("status").value_or("");
                 if (!query.status.empty() && query.status != "submitted" && query.status != "appealed" &&
                     query.status != "decided") {
                     validation.Fail("status", {"状态须为 submitted、appealed 或 decided",
                                                "status must be submitted, appealed or decided"});
                 }
                 if (!validation.ok()) return validation.ToError();
                 query.sort = page.sort;
                 // Newest first unless asked otherwise.
                 query.descending = context.request.Query("order").value_or("desc") != "asc";
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, assessments.List(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(AssessmentJson(view, JsonDetail::kListRow));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("AssessmentSummary")
        .Requires(read)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/contracts/{id}/assessment-form", Access::kSession, "supervision",
             "The checklist, pass mark, bands and periods of an active contract, for a new assessment",
             [&assessments](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(form, assessments.Form(context.actor(), *id));
                 Json periods = Json::array();
                 for (const auto& option : form->periods) {
                     periods.push_back({{"period", option.period.label},
                                        {"first", option.period.first.ToString()},
                                        {"last", option.period.last.ToString()},
                                        {"assessed", option.assessed},
                                        {"future", option.future}});
                 }
                 Json checklist = Json::array();
                 for (const auto& item : form->terms.checklist) {
                     checklist.push_back({{"item", item.item}, {"points", item.points}});
                 }
                 Json bands = Json::array();
                 for (const auto& band : form->terms.bands) bands.push_back({{"name", band.name}, {"min", band.min}});
                 Json deductions = Json::array();
                 for (const auto& clause : form->deductions) {
                     deductions.push_back({{"kind", std::string(DeductionKindCode(clause.kind))},
                                           {"amount", clause.amount.ToString()},
                                           {"cap", clause.cap.ToString()},
                                           {"rate_basis_points", clause.rate_basis_points},
                                           {"cap_basis_points", clause.cap_basis_points},
                                           {"description", clause.description}});
                 }
                 return JsonResponse(200, Json{{"contract_id", form->contract.id},
                                               {"contract_code", form->contract.code},
                                               {"contract_title", form->contract.title},
                                               {"vendor_name", form->contract.vendor_name},
                                               {"version_no", form->version_no},
                                               {"frequency", std::string(FrequencyCode(form->terms.frequency))},
                                               {"periods", periods},
                                               {"checklist", checklist},
                                               {"pass_mark", form->terms.pass_mark},
                                               {"bands", bands},
                                               {"deductions", deductions},
                                               {"failed_item_percent", form->failed_item_percent},
                                               {"appeal_days", form->appeal_days}});
             })
        .Returns("AssessmentForm")
        .Requires(write)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/assessments", Access::kSession, "supervision",
             "Record an assessment (total and grade computed; re-runs the rules)",
             [&assessments](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 AssessmentInput input;
                 input.contract_id = reader.OptionalInteger("contract_id");
                 input.period = reader.String("period");
                 input.kind = reader.OptionalString("kind").value_or("routine");
                 input.assessed_on = reader.DateValue("assessed_on");
                 input.items = ReadItems(reader, validation, true);
                 input.missing_staff_days = reader.OptionalInteger("missing_staff_days");
                 input.summary = reader.String("summary", JsonReader::Need::kOptional);
                 if (!input.contract_id) validation.Fail("contract_id", {"请选择合同", "Choose the contract"});
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, assessments.Create(context.actor(), input));
                 return JsonResponse(201, AssessmentJson(*view, JsonDetail::kFull));
             })
        .Body("AssessmentInput")
        .Creates("Assessment")
        .Requires(write)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/assessments/{id}", Access::kSession, "supervision",
             "An assessment with every item, the computation, the appeal and the history",
             [&assessments](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, assessments.Get(context.actor(), *id));
                 return JsonResponse(200, AssessmentJson(*view, JsonDetail::kFull));
             })
        .Returns("Assessment")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/assessments/{id}/appeal", Access::kSession, "supervision",
             "The vendor appeals an assessment (once, within the appeal period)",
             [&assessments](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 AppealInput input;
                 input.reason = reader.String("reason");
                 input.attachment_ids = reader.IntegerList("attachment_ids");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, assessments.Appeal(context.actor(), *id, input));
                 return JsonResponse(201, AssessmentJson(*view, JsonDetail::kFull));
             })
        .Body("AppealInput")
        .Creates("Assessment")
        .Requires({Permission::kSupervisionRespond})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/assessments/{id}/appeal/decision", Access::kSession, "supervision",
             "The office decides an appeal: upheld, or changed with the new points lost (re-runs the rules)",
             [&assessments](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 AppealDecisionInput input;
                 input.decision = reader.String("decision");
                 input.reason = reader.String("reason");
                 input.items = ReadItems(reader, validation, false);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, assessments.DecideAppeal(context.actor(), *id, input));
                 return JsonResponse(200, AssessmentJson(*view, JsonDetail::kFull));
             })
        .Body("AppealDecisionInput")
        .Returns("Assessment")
        .Requires(write)
        .Scope(RecordScope::kVendor);

    // --- Surveys (SUP-4) ---
    const std::vector<Permission> survey_read = {Permission::kSupervisionRead, Permission::kSurveyAnswer};
    router
        .Add("GET", "/api/v1/survey-template", Access::kSession, "supervision",
             "The rating options and the default questionnaire",
             [](RequestContext&) -> Result<HttpResponse> {
                 Json options = Json::array();
                 for (const auto rating : AllRatings()) {
                     options.push_back(
                         {{"code", std::string(RatingCode(rating))}, {"name", TextJson(RatingName(rating))}});
                 }
                 Json questions = Json::array();
                 for (const auto& question : DefaultSurveyQuestions()) {
                     questions.push_back(
                         {{"key", question.key}, {"text", TextJson(question.text)}, {"kind", question.kind}});
                 }
                 return JsonResponse(200, Json{{"rating_options", options}, {"questions", questions}});
             })
        .Returns("SurveyTemplate")
        .Requires(survey_read)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/surveys", Access::kSession, "supervision",
             "Satisfaction surveys; mine=pending lists those the caller can still answer",
             [&surveys](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {"id"}, validation);
                 SurveyQuery query;
                 query.contract_id = QueryId(context.request, "contract_id", validation);
                 query.status = context.request.Query("status").value_or("");
                 if (!query.status.empty() && query.status != "open" && query.status != "closed") {
                     validation.Fail("status", {"状态须为 open 或 closed", "status must be open or closed"});
                 }
                 const auto mine = context.request.Query("mine").value_or("");
                 if (!mine.empty() && mine != "pending") {
                     validation.Fail("mine", {"只能为 pending", "mine can only be pending"});
                 }
                 query.pending_for_me = mine == "pending";
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, surveys.List(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(SurveyJson(view, JsonDetail::kListRow));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("SurveySummary")
        .Requires(survey_read)
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/surveys", Access::kSession, "supervision", "Open a satisfaction survey",
             [&surveys](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 SurveyInput input;
                 input.contract_id = reader.OptionalInteger("contract_id");
                 input.period = reader.String("period");
                 input.title = reader.String("title");
                 input.anonymous = reader.Boolean("anonymous");
                 input.closes_on = reader.DateValue("closes_on");
                 if (const Json* questions = reader.Array("questions")) {
                     for (std::size_t i = 0; i < questions->size(); ++i) {
                         const auto& element = (*questions)[i];
                         if (!element.is_object()) {
                             validation.Fail(fmt::format("questions[{}]", i), {"须为对象", "Must be an object"});
                             continue;
                         }
                         JsonReader question(element, validation, fmt::format("questions[{}].", i));
                         input.questions.push_back({question.String("key"), question.String("text"),
                                                    question.OptionalString("kind").value_or("rating")});
                     }
                 }
                 if (!input.contract_id) validation.Fail("contract_id", {"请选择合同", "Choose the contract"});
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, surveys.Create(context.actor(), input));
                 return JsonResponse(201, SurveyJson(*view, JsonDetail::kFull));
             })
        .Body("SurveyInput")
        .Creates("Survey")
        .Requires(write)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/surveys/{id}", Access::kSession, "supervision",
             "A survey with its results (the organisation; vendors and departments once closed)",
             [&surveys](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, surveys.Get(context.actor(), *id));
                 return JsonResponse(200, SurveyJson(*view, JsonDetail::kFull));
             })
        .Returns("Survey")
        .Requires(survey_read)
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/surveys/{id}/answers", Access::kSession, "supervision",
             "Answer a survey (once per user; anonymous surveys keep no link to the person)",
             [&surveys](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 SurveyAnswerInput input;
                 input.rating = reader.String("rating");
                 input.comment = reader.String("comment", JsonReader::Need::kOptional);
                 if (const Json* answers = reader.Object("answers")) {
                     for (const auto& [key, value] : answers->items()) {
                         if (value.is_string())
                             input.answers[key] = value.get<std::string>();
                         else if (value.is_number_integer())
                             input.answers[key] = value.dump();
                         else if (!value.is_null())
                             validation.Fail("answers." + key, {"须为文字或 1-5 的整数", "Must be text or 1 to 5"});
                     }
                 }
                 if (!validation.ok()) return validation.ToError();
                 if (auto status = surveys.Answer(context.actor(), *id, input); !status) {
                     return status.error();
                 }
                 return JsonResponse(201, Json{{"received", true}});
             })
        .Body("SurveyAnswerInput")
        .Creates("SurveyAnswerReceipt")
        .Requires({Permission::kSurveyAnswer})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/surveys/{id}/close", Access::kSession, "supervision",
             "Close a survey; its rate feeds the rules",
             [&surveys](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, surveys.Close(context.actor(), *id));
                 return JsonResponse(200, SurveyJson(*view, JsonDetail::kFull));
             })
        .NoBody()
        .Returns("Survey")
        .Requires(write)
        .Scope(RecordScope::kVendor);

    // --- Proposals (RP-1 … RP-4) ---
    router
        .Add("GET", "/api/v1/proposals", Access::kSession, "supervision",
             "Reward, deduction and termination proposals of the rules",
             [&policy](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {"id"}, validation);
                 ProposalQuery query;
                 query.kind = context.request.Query("kind").value_or("");
                 if (!query.kind.empty() && query.kind != "termination" && query.kind != "deduction" &&
                     query.kind != "reward") {
                     validation.Fail("kind", {"类型须为 termination、deduction 或 reward",
                                              "kind must be termination, deduction or reward"});
                 }
                 query.status = context.request.Query("status").value_or("");
                 if (!query.status.empty() && query.status != "pending_office" &&
                     query.status != "pending_leadership" && query.status != "approved" && query.status != "rejected" &&
                     query.status != "withdrawn") {
                     validation.Fail("status", {"状态不存在", "Unknown status"});
                 }
                 query.contract_id = QueryId(context.request, "contract_id", validation);
                 query.vendor_id = QueryId(context.request, "vendor_id", validation);
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, policy.List(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(ProposalJson(view, JsonDetail::kListRow));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("ProposalSummary")
        .Requires(read)
        .Scope(RecordScope::kNone)
        .RefusedTo({Role::kVendor, Role::kDepartment});
    router
        .Add("GET", "/api/v1/proposals/{id}", Access::kSession, "supervision",
             "A proposal with its evidence, thresholds, explanation and history",
             [&policy](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, policy.Get(context.actor(), *id));
                 return JsonResponse(200, ProposalJson(*view, JsonDetail::kFull));
             })
        .Returns("Proposal")
        .Requires(read)
        .Scope(RecordScope::kTown)
        .RefusedTo({Role::kVendor, Role::kDepartment});
    router
        .Add("POST", "/api/v1/proposals/{id}/decision", Access::kSession, "supervision",
             "Approve or reject a proposal (office first, then leadership)",
             [&policy](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto decision = reader.String("decision");
                 const auto comment = reader.String("comment", JsonReader::Need::kOptional);
                 std::optional<Money> amount;
                 if (reader.Has("amount") && !(*body)["amount"].is_null()) {
                     amount = reader.MoneyValue("amount", JsonReader::Need::kOptional);
                 }
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, policy.Decide(context.actor(), *id, decision, comment, amount));
                 return JsonResponse(200, ProposalJson(*view, JsonDetail::kFull));
             })
        .Body("ProposalDecisionInput")
        .Returns("Proposal")
        .Requires({Permission::kSupervisionWrite, Permission::kProposalDecide})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/policy/evaluate", Access::kSession, "supervision",
             "Run the rules now for one contract or every active contract in scope",
             [&policy](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto contract_id = reader.OptionalInteger("contract_id");
                 const bool year_end = reader.Boolean("year_end_review");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(run, policy.Evaluate(context.actor(), contract_id, year_end));
                 Json notes = Json::array();
                 for (const auto& note : run->notes) notes.push_back(NoteJson(note));
                 return JsonResponse(200, Json{{"evaluated", run->evaluated},
                                               {"proposed", run->proposed},
                                               {"withdrawn", run->withdrawn},
                                               {"notes", notes}});
             })
        .Body("EvaluateInput")
        .Returns("EvaluationResult")
        .Requires(write)
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http
