// Projects and procurement (PRJ-1 … PRJ-8): yearly rules, projects, registrations, sealed bids, the opening and the
// award. docs/api.md lists the contract; docs/procurement.md the design of the sealing.
#include "features/procurement/routes.h"

#include <fmt/format.h>

#include "features/catalogue/codec.h"
#include "features/procurement/codec.h"
#include "features/procurement/model.h"
#include "features/procurement/opening_pdf.h"
#include "features/vendors/codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Json RawJson(const std::string& text) {
    if (text.empty()) return nullptr;
    return Json::parse(text, nullptr, false);
}

Json RulesJson(const ProcurementRulesRecord& record) {
    Json catalogue = Json::array();
    for (const auto& entry : record.rules.catalogue) {
        catalogue.push_back({{"kind", std::string(CatalogueEntryKindCode(entry.kind))},
                             {"code", entry.code},
                             {"name_zh", entry.name.zh},
                             {"name_en", entry.name.en}});
    }
    return Json{{"year", record.rules.year},
                {"version", record.version},
                {"threshold", record.rules.threshold.ToString()},
                {"basis", std::string(ThresholdBasisCode(record.rules.basis))},
                {"catalogue", catalogue},
                {"reason", record.reason},
                {"created_by_name", record.created_by_name},
                {"created_at", record.created_at.ToIso()}};
}

Json RulesViewJson(const ProcurementRulesView& view) {
    auto json = RulesJson(view.current);
    Json history = Json::array();
    for (const auto& record : view.history) history.push_back(RulesJson(record));
    json["history"] = history;
    return json;
}

Json RegistrationJson(const ProjectRegistration& registration) {
    const auto verdict = RawJson(registration.verdict_json);
    return Json{{"vendor_id", registration.vendor_id},
                {"vendor_name", registration.vendor_name},
                {"qualified", registration.qualified},
                {"failures", verdict.is_object() ? verdict.value("failures", Json::array()) : Json::array()},
                {"values", verdict.is_object() ? verdict.value("values", Json::array()) : Json::array()},
                {"checked_at", registration.checked_at.ToIso()},
                {"registered_by_name", registration.registered_by_name}};
}

// Whether a bid's quote and verdict may be shown (after the opening), and who reads it.
enum class BidState { kSealed, kOpened };
enum class BidReader { kOffice, kVendor };

BidState StateOf(bool opened) { return opened ? BidState::kOpened : BidState::kSealed; }

// Before the opening a vendor is not shown bid ids: they come from one counter over all projects, so the gap from
// an earlier bidding's ids would tell how many others have bid since. The receipt identifies its bid.
Json BidJson(const Bid& bid, BidState state, BidReader reader) {
    const bool opened = state == BidState::kOpened;
    Json json{{"vendor_id", bid.vendor_id},
              {"vendor_name", bid.vendor_name},
              {"submitted_at", bid.submitted_at.ToIso()},
              {"receipt", bid.receipt}};
    if (opened || reader == BidReader::kOffice) json["id"] = bid.id;
    if (opened) {
        json["quote"] = bid.opened_quote ? Json(bid.opened_quote->ToString()) : Json(nullptr);
        json["valid"] = bid.valid.value_or(false);
        json["rank"] = bid.rank;
        json["reasons"] = bid.reasons_json.empty() ? Json::array() : RawJson(bid.reasons_json);
    }
    return json;
}

Json WitnessConsentJson(const WitnessConsent& consent) {
    return {{"id", consent.id},
            {"purpose", consent.purpose},
            {"witness_id", consent.witness_id},
            {"witness_name", consent.witness_name},
            {"given_at", consent.given_at.ToIso()},
            {"expires_at", consent.expires_at.ToIso()}};
}

Json ProjectJson(const ProjectView& view, JsonDetail detail) {
    const auto& p = view.record;
    Json plans = Json::array();
    for (const auto& plan : view.plans) plans.push_back(AttachmentJson(plan));
    // The vendor's own bid: its quote once the opening has judged it.
    const Json my_bid = view.my_bid ? BidJson(*view.my_bid, StateOf(view.my_bid->valid.has_value()), BidReader::kVendor)
                                    : Json(nullptr);
    Json government = nullptr;
    if (p.government) {
        const auto& g = *p.government;
        government = {{"method", g.method},
                      {"method_name", TextJson(GovernmentProcurementMethodName(g.method))},
                      {"reference", g.reference},
                      {"agency", g.agency},
                      {"started_on", g.started_on ? Json(g.started_on->ToString()) : Json(nullptr)},
                      {"completed_on", g.completed_on ? Json(g.completed_on->ToString()) : Json(nullptr)},
                      {"result", g.result},
                      {"winner_vendor_id", p.winner_vendor_id ? Json(*p.winner_vendor_id) : Json(nullptr)},
                      {"winner_vendor_name", p.winner_vendor_id ? Json(p.winner_vendor_name) : Json(nullptr)},
                      {"amount", p.winner_quote ? Json(p.winner_quote->ToString()) : Json(nullptr)}};
    }
    Json bidding = nullptr;
    if (p.bid_deadline && view.seal) {
        bidding = {{"bid_deadline", p.bid_deadline->ToIso()},
                   {"opening_at", OptionalInstantJson(p.opening_at)},
                   {"fingerprint", view.seal->fingerprint},
                   {"officer_name", view.seal->officer_name},
                   {"witness_name", view.seal->witness_name},
                   {"created_at", view.seal->created_at.ToIso()},
                   {"accepting", view.accepting}};
    }
    Json ceiling = nullptr;
    if (p.ceiling) {
        ceiling = {{"amount", p.ceiling->ToString()},
                   {"reason", p.ceiling_reason},
                   {"set_by_name", p.ceiling_set_by_name},
                   {"set_at", OptionalInstantJson(p.ceiling_set_at)}};
    }
    Json winner = nullptr;
    if (p.winner_vendor_id && (p.status == ProjectStatus::kOpened || p.status == ProjectStatus::kAwarded ||
                               p.status == ProjectStatus::kProcured)) {
        winner = {{"vendor_id", *p.winner_vendor_id},
                  {"vendor_name", p.winner_vendor_name},
                  {"quote", p.winner_quote ? Json(p.winner_quote->ToString()) : Json(nullptr)}};
    }
    Json json{{"id", p.id},
              {"code", p.code},
              {"name", p.name},
              {"year", p.year},
              {"category_id", p.category_id},
              {"category_name", p.category_name},
              {"category_label",
               TextJson({p.category_name, p.category_name_en.empty() ? p.category_name : p.category_name_en})},
              {"item_codes", p.item_codes},
              {"scope", p.scope},
              {"annual_budget", p.annual_budget.ToString()},
              {"total_budget", p.total_budget.ToString()},
              {"service_start", p.service_start.ToString()},
              {"service_end", p.service_end.ToString()},
              {"department_id", p.department_id},
              {"department_name", p.department_name},
              {"responsible_person", p.responsible_person},
              {"responsible_phone", p.responsible_phone},
              {"plans", plans},
              {"status", std::string(ProjectStatusCode(p.status))},
              {"status_name", TextJson(ProjectStatusName(p.status))},
              {"route", p.route.empty() ? Json(nullptr) : Json(p.route)},
              {"route_decision", RawJson(p.route_decision_json)},
              {"route_preview", RawJson(view.route_preview_json)},
              {"route_preview_error", view.route_preview_error ? TextJson(*view.route_preview_error) : Json(nullptr)},
              {"ceiling", ceiling},
              {"government_procurement", government},
              {"bidding", bidding},
              {"witness_consent", view.witness_consent ? WitnessConsentJson(*view.witness_consent) : Json(nullptr)},
              {"min_bidding_days", view.min_bidding_days ? Json(*view.min_bidding_days) : Json(nullptr)},
              {"counts",
               {{"registrations", view.counts.registrations},
                {"qualified", view.counts.qualified},
                {"bids", view.counts.bids}}},
              {"my_registration", view.my_registration ? RegistrationJson(*view.my_registration) : Json(nullptr)},
              {"my_bid", my_bid},
              {"outcome", p.outcome.empty() ? Json(nullptr) : Json(p.outcome)},
              {"winner", winner},
              {"contract_id", p.contract_id ? Json(*p.contract_id) : Json(nullptr)},
              {"contract_code", p.contract_id ? Json(p.contract_code) : Json(nullptr)},
              {"created_by_name", p.created_by_name},
              {"created_at", p.created_at.ToIso()},
              {"updated_at", p.updated_at.ToIso()},
              {"allowed_actions", view.allowed_actions}};
    if (detail == JsonDetail::kFull) {
        Json history = Json::array();
        for (const auto& event : view.history) {
            auto step = WorkflowEventJson(event);
            step["action_name"] = TextJson(ProjectStepName("project", event.action));
            history.push_back(std::move(step));
        }
        json["history"] = history;
    }
    return json;
}

ProjectInput ReadProjectInput(JsonReader& reader) {
    ProjectInput input;
    input.name = reader.String("name", JsonReader::Need::kOptional);
    input.year = reader.OptionalInteger("year");
    input.category_id = reader.OptionalInteger("category_id");
    input.item_codes = reader.StringList("item_codes");
    input.scope = reader.String("scope", JsonReader::Need::kOptional);
    if (reader.Has("annual_budget")) input.annual_budget = reader.MoneyValue("annual_budget");
    if (reader.Has("total_budget")) input.total_budget = reader.MoneyValue("total_budget");
    if (reader.Has("service_start")) input.service_start = reader.DateValue("service_start");
    if (reader.Has("service_end")) input.service_end = reader.DateValue("service_end");
    input.department_id = reader.OptionalInteger("department_id");
    input.responsible_person = reader.String("responsible_person", JsonReader::Need::kOptional);
    input.responsible_phone = reader.String("responsible_phone", JsonReader::Need::kOptional);
    input.plan_ids = reader.IntegerList("plan_attachment_ids");
    return input;
}

SealSecrets ReadSecrets(JsonReader& reader) {
    return {reader.String("officer_secret", JsonReader::Need::kOptional),
            reader.String("witness_secret", JsonReader::Need::kOptional)};
}

Result<int> PathYear(const HttpRequest& request) {
    HOUQIN_TRY(year, PathId(request, "year"));
    if (*year < 2000 || *year > 2100) {
        return Error::Invalid("year", {"年度须在 2000 到 2100 之间", "The year must be between 2000 and 2100"});
    }
    return static_cast<int>(*year);
}

std::string Shanghai(const std::string& iso) { return iso.size() >= 19 ? iso.substr(0, 19).replace(10, 1, " ") : iso; }

reports::OpeningPdf OpeningPdfOf(const ProjectView& view, const BidOpening& opening, const Actor& actor, Instant now) {
    const auto record = RawJson(opening.record_json);
    reports::OpeningPdf pdf;
    pdf.title = fmt::format("{} {}", view.record.code, view.record.name);
    pdf.generated = fmt::format("打印时间:{}    打印人:{}", Shanghai(now.ToIso()), actor.display_name);
    pdf.facts = {
        fmt::format("开标时间:{}", Shanghai(record.value("opened_at", ""))),
        fmt::format("开标人:{}    见证人(纪检监察):{}", opening.officer_name, opening.witness_name),
        fmt::format("见证人本人账号确认见证:{}(确认编号 {})",
                    Shanghai(record.contains("witness_consent") ? record["witness_consent"].value("given_at", "") : ""),
                    record.contains("witness_consent") ? record["witness_consent"].value("id", 0) : 0),
        fmt::format("最高限价:{} 元    有效报价最少家数:{}", record.value("ceiling", ""),
                    record.value("min_valid_bids", 1)),
        fmt::format("密封公钥指纹:{}", record.value("fingerprint", "")),
        fmt::format("抽签种子(开标时随机产生):{}", record.value("draw_seed", "")),
    };
    pdf.summary = record.contains("summary") ? record["summary"].value("zh-CN", "") : "";
    for (const auto& bid : record.value("bids", Json::array())) {
        const auto rank = bid.value("rank", 0);
        pdf.bids.push_back(
            {rank > 0 ? std::to_string(rank) : "-", bid.value("vendor_name", ""),
             Shanghai(bid.value("submitted_at", "")),
             bid["quote"].is_string() ? bid["quote"].get<std::string>() : "无法开启",
             bid.value("valid", false) ? "有效" : "无效",
             bid.value("receipt_matches", false) ? "一致 " + bid.value("receipt", "").substr(0, 8) : "不一致"});
        for (const auto& reason : bid.value("reasons", Json::array())) {
            pdf.notes.push_back(fmt::format("{}:{}", bid.value("vendor_name", ""),
                                            reason.contains("text") ? reason["text"].value("zh-CN", "") : ""));
        }
    }
    for (const auto& draw : record.value("draws", Json::array())) {
        std::string lots;
        for (const auto& lot : draw.value("lots", Json::array())) {
            lots += fmt::format(" 投标{}→{}", lot.value("bid_id", ""), lot.value("lot", ""));
        }
        pdf.notes.push_back(
            fmt::format("报价 {} 元且递交时间相同,抽签决定顺序(签号小者在前):{}", draw.value("quote", ""), lots));
    }
    pdf.notes.emplace_back(
        "回执核对:开标时由密封报价重新计算的承诺值与投标单位递交时收到的回执逐一比对;"
        "各投标单位可用所持回执核对。");
    return pdf;
}

}  // namespace

void AddProcurementRoutes(Router& router, ServiceContext& service_context, ProcurementServices& procurement) {
    router
        .Add("GET", "/api/v1/procurement-rules", Access::kSession, "procurement",
             "The government procurement catalogue and threshold in force for each year (PRJ-3)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(records, procurement.rules.ListRules(context.actor()));
                 Json items = Json::array();
                 for (const auto& record : *records) items.push_back(RulesJson(record));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("ProcurementRulesVersion")
        .Requires({Permission::kProjectRead, Permission::kProcurementRules})
        .Scope(RecordScope::kNone)
        .RefusedTo({Role::kVendor});
    router
        .Add("GET", "/api/v1/procurement-rules/{year}", Access::kSession, "procurement",
             "One year's rules with every earlier version",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(year, PathYear(context.request));
                 HOUQIN_TRY(view, procurement.rules.GetRules(context.actor(), *year));
                 return JsonResponse(200, RulesViewJson(*view));
             })
        .Returns("ProcurementRules")
        .Requires({Permission::kProjectRead, Permission::kProcurementRules})
        .Scope(RecordScope::kNone)
        .RefusedTo({Role::kVendor});
    router
        .Add("PUT", "/api/v1/procurement-rules/{year}", Access::kSession, "procurement",
             "Set a year's catalogue and threshold: a new version, earlier ones kept",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(year, PathYear(context.request));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 ProcurementRulesInput input;
                 if (reader.Has("threshold")) input.threshold = reader.MoneyValue("threshold");
                 input.basis = reader.String("basis", JsonReader::Need::kOptional);
                 if (input.basis.empty()) input.basis = "annual_budget";
                 input.reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (const auto* entries = reader.Array("catalogue")) {
                     for (std::size_t i = 0; i < entries->size(); ++i) {
                         const auto& entry = (*entries)[i];
                         if (!entry.is_object()) {
                             validation.Fail(fmt::format("catalogue[{}]", i), {"须为对象", "Must be an object"});
                             continue;
                         }
                         JsonReader item(entry, validation, fmt::format("catalogue[{}].", i));
                         input.catalogue.push_back({item.String("kind"), item.String("code"),
                                                    item.String("name_zh", JsonReader::Need::kOptional),
                                                    item.String("name_en", JsonReader::Need::kOptional)});
                     }
                 }
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.rules.PutRules(context.actor(), *year, input));
                 return JsonResponse(200, RulesViewJson(*view));
             })
        .Body("ProcurementRulesInput")
        .Returns("ProcurementRules")
        .Requires({Permission::kProcurementRules})
        .Scope(RecordScope::kNone);

    router
        .Add("GET", "/api/v1/projects", Access::kSession, "procurement", "Projects in scope (PRJ-1)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {}, validation);
                 ProjectQuery query;
                 query.q = context.request.Query("q").value_or("");
                 query.status = context.request.Query("status").value_or("");
                 query.route = context.request.Query("route").value_or("");
                 if (!query.route.empty() && query.route != "government" && query.route != "internal") {
                     validation.Fail("route",
                                     {"采购方式须为 government 或 internal", "route must be government or internal"});
                 }
                 if (const auto year = QueryId(context.request, "year", validation)) {
                     query.year = static_cast<int>(std::min<std::int64_t>(*year, 100000));
                 }
                 if (!validation.ok()) return validation.ToError();
                 query.page = page.page;
                 query.page_size = page.page_size;
                 HOUQIN_TRY(result, procurement.projects.List(context.actor(), query));
                 Json items = Json::array();
                 for (const auto& view : result->items) items.push_back(ProjectJson(view, JsonDetail::kListRow));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .ReturnsPage("Project")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/projects", Access::kSession, "procurement", "Create a project (draft)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto input = ReadProjectInput(reader);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.projects.Create(context.actor(), input));
                 return JsonResponse(201, ProjectJson(*view, JsonDetail::kFull));
             })
        .Body("ProjectInput")
        .Creates("Project")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/projects/{id}", Access::kSession, "procurement",
             "One project with its route, bidding and history",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, procurement.projects.Get(context.actor(), *id));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .Returns("Project")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kTown);
    router
        .Add("PUT", "/api/v1/projects/{id}", Access::kSession, "procurement", "Edit a draft or returned project",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto input = ReadProjectInput(reader);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.projects.Update(context.actor(), *id, input));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .Body("ProjectInput")
        .Returns("Project")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/submit", Access::kSession, "procurement",
             "Submit a project for leadership approval (PRJ-2)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, procurement.projects.Submit(context.actor(), *id));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .NoBody()
        .Returns("Project")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/decision", Access::kSession, "procurement",
             "Leadership approves (deciding the route, PRJ-3) or returns a project",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto decision = reader.String("decision");
                 const auto comment = reader.String("comment", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.projects.Decide(context.actor(), *id, decision, comment));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .Body("ProjectDecisionInput")
        .Returns("Project")
        .Requires({Permission::kProjectApprove})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/government-procurement", Access::kSession, "procurement",
             "Record the government procurement (method, reference, dates, result)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 GovernmentInput input;
                 input.method = reader.String("method", JsonReader::Need::kOptional);
                 input.reference = reader.String("reference", JsonReader::Need::kOptional);
                 input.agency = reader.String("agency", JsonReader::Need::kOptional);
                 if (reader.Has("started_on")) input.started_on = reader.DateValue("started_on");
                 if (reader.Has("completed_on")) input.completed_on = reader.DateValue("completed_on");
                 input.result = reader.String("result", JsonReader::Need::kOptional);
                 input.winner_vendor_id = reader.OptionalInteger("winner_vendor_id");
                 if (reader.Has("amount") && !body->at("amount").is_null()) input.amount = reader.MoneyValue("amount");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.projects.RecordGovernment(context.actor(), *id, input));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .Body("GovernmentProcurementInput")
        .Returns("Project")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("PUT", "/api/v1/projects/{id}/ceiling", Access::kSession, "procurement",
             "Leadership sets the ceiling price before any bid (PRJ-6)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 CeilingInput input;
                 if (reader.Has("amount")) input.amount = reader.MoneyValue("amount");
                 input.reason = reader.String("reason", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.projects.SetCeiling(context.actor(), *id, input));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .Body("CeilingInput")
        .Returns("Project")
        .Requires({Permission::kProjectApprove})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/bidding", Access::kSession, "procurement",
             "Open the bidding: deadline, opening time and the seal locked by the officer's and witness's secrets",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 BiddingInput input;
                 input.bid_deadline = OptionalInstant(reader, *body, "bid_deadline", validation);
                 input.opening_at = OptionalInstant(reader, *body, "opening_at", validation);
                 input.secrets = ReadSecrets(reader);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(view, procurement.sealing.OpenBidding(context.actor(), *id, input));
                 return JsonResponse(200, ProjectJson(*view, JsonDetail::kFull));
             })
        .Body("BiddingInput")
        .Returns("Project")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("GET", "/api/v1/projects/{id}/registrations", Access::kSession, "procurement",
             "Registrations with the criteria verdict (PRJ-5)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(registrations, procurement.bidding.Registrations(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& registration : *registrations) items.push_back(RegistrationJson(registration));
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Registration")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/registrations", Access::kSession, "procurement",
             "Register a vendor for the bidding; checked against the category's criteria (PRJ-5)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto vendor_id = reader.OptionalInteger("vendor_id");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(result, procurement.bidding.Register(context.actor(), *id, vendor_id));
                 return JsonResponse(result->second ? 201 : 200, RegistrationJson(result->first));
             })
        .Body("RegistrationInput")
        .CreatesOrReturns("Registration")
        .Requires({Permission::kBidSubmit, Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("GET", "/api/v1/projects/{id}/bids", Access::kSession, "procurement",
             "Bids: who and when before the opening (amounts sealed), everything after it",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(bids, procurement.bidding.Bids(context.actor(), *id));
                 Json items = Json::array();
                 for (const auto& view : *bids) {
                     items.push_back(BidJson(view.bid, StateOf(view.opened),
                                             context.actor().vendor_org_id ? BidReader::kVendor : BidReader::kOffice));
                 }
                 return JsonResponse(200, Json{{"items", items}});
             })
        .ReturnsItems("Bid")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/bids", Access::kSession, "procurement",
             "Submit the vendor's one sealed annual quote; answers with the receipt (PRJ-7)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 std::optional<Money> quote;
                 if (reader.Has("quote")) quote = reader.MoneyValue("quote");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(result, procurement.bidding.SubmitBid(context.actor(), *id, quote));
                 auto json = BidJson(result->first, BidState::kSealed, BidReader::kVendor);
                 json["fingerprint"] = result->second;
                 return JsonResponse(201, json);
             })
        .Body("BidInput")
        .Creates("BidReceipt")
        .Requires({Permission::kBidSubmit})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/witness-consents", Access::kSession, "procurement",
             "The discipline-inspection witness consents, in their own session, to the seal's creation or the opening; "
             "the office's step uses it once while fresh (PRJ-7)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto purpose = reader.String("purpose");
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(consent, procurement.sealing.GiveWitnessConsent(context.actor(), *id, purpose));
                 return JsonResponse(201, WitnessConsentJson(*consent));
             })
        .Body("WitnessConsentInput")
        .Creates("WitnessConsent")
        .Requires({Permission::kProjectWitness})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/opening", Access::kSession, "procurement",
             "Open the bids with the discipline-inspection witness: both secrets, not before the opening time",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto secrets = ReadSecrets(reader);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(opening, procurement.opening.Open(context.actor(), *id, secrets));
                 return JsonResponse(201, RawJson(opening->record_json));
             })
        .Body("SealSecretsInput")
        .Creates("Opening")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("GET", "/api/v1/projects/{id}/opening", Access::kSession, "procurement",
             "The opening record, published to the bidders",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(result, procurement.opening.GetOpening(context.actor(), *id));
                 return JsonResponse(200, RawJson(result->second.record_json));
             })
        .Returns("Opening")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kTown);
    router
        .Add("GET", "/api/v1/projects/{id}/opening.pdf", Access::kSession, "procurement",
             "The opening record to print and sign (PDF)",
             [&service_context, &procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(result, procurement.opening.GetOpening(context.actor(), *id));
                 const auto& code = result->first.record.code;
                 // CC-7: the opening record of one project, printed to sign: recorded, not a list export.
                 HOUQIN_TRY(exported, procurement.opening.RecordOpeningPrint(context.actor(), *id, code));
                 const auto pdf =
                     OpeningPdfOf(result->first, result->second, context.actor(), service_context.clock.Now());
                 return FileResponse("application/pdf", reports::WriteOpeningRecordPdf(pdf), code + "-opening.pdf",
                                     code + " 开标记录.pdf", Disposition::kInline);
             })
        .ReturnsFile("application/pdf")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kTown);
    router
        .Add("POST", "/api/v1/projects/{id}/award", Access::kSession, "procurement",
             "Award: the winning quote becomes a contract draft (PRJ-8)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(result, procurement.opening.Award(context.actor(), *id));
                 return JsonResponse(201, Json{{"project", ProjectJson(result->project, JsonDetail::kFull)},
                                               {"contract_id", result->contract_id}});
             })
        .NoBody()
        .Creates("ProjectAward")
        .Requires({Permission::kProjectWrite})
        .Scope(RecordScope::kTown);
    router
        .Add("GET", "/api/v1/projects/{id}/trail", Access::kSession, "procurement",
             "Every step from the project's creation to its contract (discipline inspection, D1 Art.4)",
             [&procurement](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(items, procurement.projects.Trail(context.actor(), *id));
                 Json json = Json::array();
                 for (const auto& item : *items) {
                     json.push_back({{"at", item.at.ToIso()},
                                     {"subject", item.subject},
                                     {"subject_id", item.subject_id ? Json(*item.subject_id) : Json(nullptr)},
                                     {"action", item.action},
                                     {"actor_name", item.actor_name},
                                     {"role", item.role.empty() ? Json(nullptr) : Json(item.role)},
                                     {"role_name", RoleNameJson(item.role)},
                                     {"summary", TextJson(item.summary)}});
                 }
                 return JsonResponse(200, Json{{"items", json}});
             })
        .ReturnsItems("TrailItem")
        .Requires({Permission::kProjectRead})
        .Scope(RecordScope::kTown)
        .RefusedTo({Role::kVendor});
}

}  // namespace houqin::http
