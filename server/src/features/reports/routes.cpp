// The renewal basis of a contract (RP-5, CON-6) and the period reports (SUP-7) as JSON, PDF or Excel.
#include "features/reports/routes.h"

#include <fmt/format.h>

#include "features/reports/documents.h"
#include "features/staff/incident_codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

enum class Format { kJson, kPdf, kXlsx };

Format ReadFormat(const HttpRequest& request, Validation& validation) {
    const auto text = request.Query("format").value_or("json");
    if (text == "json" || text.empty()) return Format::kJson;
    if (text == "pdf") return Format::kPdf;
    if (text == "xlsx") return Format::kXlsx;
    validation.Fail("format", {"格式须为 json、pdf 或 xlsx", "format must be json, pdf or xlsx"});
    return Format::kJson;
}

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// CC-7: a report handed out as a file is an export: refused without data:export, else recorded in the audit trail.
Status RecordReportExport(ReportService& reports, const Actor& actor, std::string what, Format format,
                          std::vector<std::pair<std::string, std::string>> filters, std::int64_t rows) {
    return reports.RecordReportExport(actor, std::move(what), format == Format::kPdf ? "pdf" : "xlsx",
                                      std::move(filters), rows);
}

Json OptionalScore(const std::optional<int>& tenths) {
    if (!tenths) return nullptr;
    return Json(static_cast<double>(*tenths) / 10.0);  // at most one decimal: 83.3 (display only)
}

Json Score(int tenths) { return Json(static_cast<double>(tenths) / 10.0); }

Json ContractJson(const ReportContract& c) {
    return Json{{"id", c.id},
                {"code", c.code},
                {"title", c.title},
                {"vendor_id", c.vendor_id},
                {"vendor_name", c.vendor_name},
                {"status", c.status},
                {"status_name", TextJson(c.status_name)},
                {"term_start", c.term_start.ToString()},
                {"term_end", c.term_end.ToString()},
                {"total_amount", c.total_amount.ToString()}};
}

// kFull adds the checklist's items.
Json AssessmentJson(const ReportAssessment& a, JsonDetail detail) {
    Json json{{"id", a.id},
              {"period", a.period},
              {"kind", a.kind},
              {"assessed_on", a.assessed_on.ToString()},
              {"total", Score(a.total_tenths)},
              {"pass_mark", a.pass_mark},
              {"passed", a.passed},
              {"grade", a.grade},
              {"failed_items", a.failed_items}};
    if (detail == JsonDetail::kFull) {
        json["inspector"] = a.inspector;
        Json items = Json::array();
        for (const auto& item : a.items) {
            items.push_back({{"item", item.item},
                             {"points", item.points},
                             {"lost", Score(item.lost_tenths)},
                             {"score", Score(item.points * 10 - item.lost_tenths)},
                             {"failed", item.failed}});
        }
        json["items"] = items;
    }
    return json;
}

Json SurveyJson(const ReportSurvey& s) {
    return Json{{"id", s.id},
                {"period", s.period},
                {"title", s.title},
                {"status", s.status},
                {"counts",
                 {{"very_satisfied", s.very_satisfied},
                  {"satisfied", s.satisfied},
                  {"basically_satisfied", s.basically_satisfied},
                  {"dissatisfied", s.dissatisfied}}},
                {"basic_counts_satisfied", s.basic_counts_satisfied},
                {"valid", s.valid},
                {"satisfied", s.satisfied_count},
                {"rate", s.rate ? Json(*s.rate) : Json(nullptr)}};
}

Json MoneyOrNull(const std::optional<Money>& money) { return money ? Json(money->ToString()) : Json(nullptr); }

Json ProposalJson(const ReportProposal& p) {
    return Json{{"id", p.id},
                {"kind", p.kind},
                {"rule", p.rule},
                {"status", p.status},
                {"period", p.period},
                {"amount", MoneyOrNull(p.amount)},
                {"approved_amount", MoneyOrNull(p.approved_amount)},
                {"explanation", TextJson(p.explanation)},
                {"created_at", p.created_at.ToIso()},
                {"updated_at", p.updated_at.ToIso()}};
}

Json TallyJson(const RectificationTally& t) {
    return Json{
        {"total", t.total}, {"open", t.open}, {"reported", t.reported}, {"closed", t.closed}, {"overdue", t.overdue}};
}

Json RenewalJson(const RenewalBasis& basis) {
    Json assessments = Json::array();
    for (const auto& a : basis.assessments) assessments.push_back(AssessmentJson(a, JsonDetail::kListRow));
    Json surveys = Json::array();
    for (const auto& s : basis.surveys) surveys.push_back(SurveyJson(s));
    Json proposals = Json::array();
    for (const auto& p : basis.proposals) proposals.push_back(ProposalJson(p));
    Json reasons = Json::array();
    for (const auto& reason : basis.reasons) {
        auto text = TextJson(reason.text);
        text["code"] = reason.code;
        text["level"] = reason.level;
        reasons.push_back(text);
    }
    Json thresholds = Json::array();
    for (const auto& threshold : basis.thresholds) {
        thresholds.push_back({{"name", threshold.name}, {"value", threshold.value}});
    }
    return Json{{"contract", ContractJson(basis.contract)},
                {"assessments", assessments},
                {"average", OptionalScore(basis.average_tenths)},
                {"failures", basis.failures},
                {"routine_failures", basis.routine_failures},
                {"surveys", surveys},
                {"satisfaction", basis.satisfaction ? Json(*basis.satisfaction) : Json(nullptr)},
                {"rectifications", TallyJson(basis.rectifications)},
                {"deductions",
                 {{"count", basis.deductions.count},
                  {"amount", basis.deductions.amount.ToString()},
                  {"from_proposals", basis.deductions.from_proposals}}},
                {"rewards",
                 {{"count", basis.rewards.count},
                  {"amount", basis.rewards.amount.ToString()},
                  {"from_proposals", basis.rewards.from_proposals}}},
                {"energy_savings",
                 {{"count", basis.energy_records},
                  {"saving", basis.energy_saving.ToString()},
                  {"saving_kwh", basis.energy_saving_kwh}}},
                {"proposals", proposals},
                {"incidents", IncidentTallyJson(basis.incidents)},
                {"recommendation", basis.recommendation},
                {"recommendation_name", TextJson(basis.recommendation_name)},
                {"reasons", reasons},
                {"thresholds", thresholds},
                {"generated_at", basis.generated_at.ToIso()},
                {"generated_by", basis.generated_by}};
}

Json QualityJson(const QualityReport& report) {
    Json contracts = Json::array();
    for (const auto& section : report.sections) {
        Json assessments = Json::array();
        for (const auto& a : section.assessments) assessments.push_back(AssessmentJson(a, JsonDetail::kFull));
        Json surveys = Json::array();
        for (const auto& s : section.surveys) surveys.push_back(SurveyJson(s));
        Json rectifications = Json::array();
        for (const auto& r : section.rectifications) {
            rectifications.push_back({{"id", r.id},
                                      {"title", r.title},
                                      {"deadline", r.deadline.ToString()},
                                      {"status", r.status},
                                      {"overdue", r.overdue},
                                      {"result", r.result.empty() ? Json(nullptr) : Json(r.result)},
                                      {"effect", r.effect.empty() ? Json(nullptr) : Json(r.effect)}});
        }
        contracts.push_back({{"contract", ContractJson(section.contract)},
                             {"assessments", assessments},
                             {"surveys", surveys},
                             {"rectifications", rectifications},
                             {"incidents", IncidentTallyJson(section.incidents)}});
    }
    return Json{{"period", report.period.label},
                {"first", report.period.first.ToString()},
                {"last", report.period.last.ToString()},
                {"vendor_id", report.vendor_id ? Json(*report.vendor_id) : Json(nullptr)},
                {"contracts", contracts},
                {"summary",
                 {{"contracts", report.sections.size()},
                  {"assessments", report.assessments},
                  {"passed", report.passed},
                  {"failed", report.failed},
                  {"average", OptionalScore(report.average_tenths)},
                  {"satisfaction", report.satisfaction ? Json(*report.satisfaction) : Json(nullptr)},
                  {"rectifications", TallyJson(report.rectifications)},
                  {"incidents", {{"total", report.incidents}, {"open", report.incidents_open}}}}},
                {"generated_at", report.generated_at.ToIso()},
                {"generated_by", report.generated_by}};
}

Json MoneyFigures(const Money& amount, const Money& deductions, const Money& rewards, const Money& due,
                  const Money& paid, const Money& balance) {
    return Json{{"amount", amount.ToString()},   {"deductions", deductions.ToString()},
                {"rewards", rewards.ToString()}, {"due", due.ToString()},
                {"paid", paid.ToString()},       {"balance", balance.ToString()}};
}

Json InternalAuditJson(const InternalAuditReport& report) {
    Json contracts = Json::array();
    for (const auto& section : report.sections) {
        Json entries = Json::array();
        for (const auto& e : section.entries) {
            entries.push_back({{"id", e.id},
                               {"kind", e.kind},
                               {"period", e.period},
                               {"amount", e.amount.ToString()},
                               {"reason", e.reason},
                               {"source", e.source},
                               {"proposal_id", e.proposal_id ? Json(*e.proposal_id) : Json(nullptr)},
                               {"created_by", e.created_by},
                               {"created_at", e.created_at.ToIso()}});
        }
        Json proposals = Json::array();
        for (const auto& p : section.proposals) proposals.push_back(ProposalJson(p));
        Json events = Json::array();
        for (const auto& event : section.events) {
            events.push_back({{"at", event.at.ToIso()},
                              {"action", event.action},
                              {"version_no", event.version_no},
                              {"actor_name", event.actor_name},
                              {"comment", event.comment}});
        }
        auto json = MoneyFigures(section.amount, section.deductions, section.rewards, section.due, section.paid,
                                 section.balance);
        json["contract"] = ContractJson(section.contract);
        json["entries"] = entries;
        json["proposals"] = proposals;
        json["events"] = events;
        contracts.push_back(json);
    }
    return Json{{"from", report.from.ToString()},
                {"to", report.to.ToString()},
                {"vendor_id", report.vendor_id ? Json(*report.vendor_id) : Json(nullptr)},
                {"contracts", contracts},
                {"totals", MoneyFigures(report.amount, report.deductions, report.rewards, report.due, report.paid,
                                        report.balance)},
                {"audit_chain",
                 {{"ok", report.chain.ok},
                  {"checked", report.chain.checked},
                  {"first_bad_seq", report.chain.first_bad_seq ? Json(*report.chain.first_bad_seq) : Json(nullptr)},
                  {"reason", report.chain.ok ? Json(nullptr) : TextJson(report.chain.reason)}}},
                {"generated_at", report.generated_at.ToIso()},
                {"generated_by", report.generated_by}};
}

}  // namespace

void AddReportRoutes(Router& router, ReportService& reports) {
    const std::vector<Permission> read = {Permission::kSupervisionRead};
    router
        .Add("GET", "/api/v1/contracts/{id}/renewal-basis", Access::kSession, "reports",
             "The contract's history summarised with a renewal recommendation and its reasons (RP-5)",
             [&reports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(basis, reports.Renewal(context.actor(), *id));
                 return JsonResponse(200, RenewalJson(*basis));
             })
        .Returns("RenewalBasis")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/renewal-basis.pdf", Access::kSession, "reports",
             "The renewal basis as a PDF with sign-off lines",
             [&reports](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(basis, reports.Renewal(context.actor(), *id));
                 const auto& code = basis->contract.code;
                 // CC-7: a document of one contract, read to decide its renewal: recorded, not a list export.
                 HOUQIN_TRY(exported, reports.RecordRenewalBasisRead(context.actor(), *id, code));
                 return FileResponse("application/pdf", reports::WriteRenewalBasisPdf(*basis),
                                     code + "-renewal-basis.pdf", code + " 续签依据.pdf", Disposition::kInline);
             })
        .ReturnsFile("application/pdf")
        .Requires(read)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/reports/quality", Access::kSession, "reports",
             "Quality and safety assessment report of a period: format=json|pdf|xlsx (SUP-7)",
             [&reports](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto period = context.request.Query("period").value_or("");
                 if (period.empty()) validation.Fail("period", {"请填写报告期间", "Enter the period"});
                 const auto vendor_id = QueryId(context.request, "vendor_id", validation);
                 const auto format = ReadFormat(context.request, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(report, reports.Quality(context.actor(), period, vendor_id));
                 const auto name = fmt::format("{} 服务质量和安全考核报告", report->period.label);
                 const auto ascii = fmt::format("quality-{}", report->period.label);
                 if (format != Format::kJson) {
                     std::vector<std::pair<std::string, std::string>> filters{{"period", report->period.label}};
                     if (vendor_id) filters.emplace_back("vendor_id", std::to_string(*vendor_id));
                     HOUQIN_TRY(exported, RecordReportExport(reports, context.actor(), "quality_report", format,
                                                             std::move(filters),
                                                             static_cast<std::int64_t>(report->sections.size())));
                 }
                 if (format == Format::kPdf) {
                     return FileResponse("application/pdf", reports::WriteQualityReportPdf(*report), ascii + ".pdf",
                                         name + ".pdf", Disposition::kInline);
                 }
                 if (format == Format::kXlsx) {
                     return FileResponse(kXlsxType, reports::WriteWorkbook(reports::QualityReportSheets(*report)),
                                         ascii + ".xlsx", name + ".xlsx", Disposition::kAttachment);
                 }
                 return JsonResponse(200, QualityJson(*report));
             })
        .Returns("QualityReport")
        .OrFile("application/pdf")
        .OrFile(kXlsxType)
        .Requires(read)
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/reports/internal-audit", Access::kSession, "reports",
             "Internal audit report between two dates, with the audit-chain check: format=json|pdf|xlsx (SUP-7)",
             [&reports](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto from = QueryDate(context.request, "from", validation);
                 const auto to = QueryDate(context.request, "to", validation);
                 const auto vendor_id = QueryId(context.request, "vendor_id", validation);
                 const auto format = ReadFormat(context.request, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(report, reports.InternalAudit(context.actor(), from, to, vendor_id));
                 const auto dates = fmt::format("{}_{}", report->from.ToString(), report->to.ToString());
                 const auto name = fmt::format("内部审计报告 {}", dates);
                 if (format != Format::kJson) {
                     std::vector<std::pair<std::string, std::string>> filters{{"from", report->from.ToString()},
                                                                              {"to", report->to.ToString()}};
                     if (vendor_id) filters.emplace_back("vendor_id", std::to_string(*vendor_id));
                     HOUQIN_TRY(exported, RecordReportExport(reports, context.actor(), "internal_audit_report", format,
                                                             std::move(filters),
                                                             static_cast<std::int64_t>(report->sections.size())));
                 }
                 if (format == Format::kPdf) {
                     return FileResponse("application/pdf", reports::WriteInternalAuditPdf(*report),
                                         "internal-audit-" + dates + ".pdf", name + ".pdf", Disposition::kInline);
                 }
                 if (format == Format::kXlsx) {
                     return FileResponse(kXlsxType, reports::WriteWorkbook(reports::InternalAuditSheets(*report)),
                                         "internal-audit-" + dates + ".xlsx", name + ".xlsx", Disposition::kAttachment);
                 }
                 return JsonResponse(200, InternalAuditJson(*report));
             })
        // SUP-7: the organisation's own report (proposals, deductions, the audit-chain check), like the proposals
        // page: not for vendors or departments, whatever their supervision:read.
        .Returns("InternalAuditReport")
        .OrFile("application/pdf")
        .OrFile(kXlsxType)
        .Requires({Permission::kInternalReportRead})
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http
