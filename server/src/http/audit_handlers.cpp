// The audit trail and the dashboard with reminders.
#include "http/mapping.h"
#include "http/router.h"

namespace houqin::http {
namespace {

std::optional<Instant> DayStart(const std::optional<std::string>& text, int add_days, Validation& validation,
                                const std::string& field) {
    if (!text || text->empty()) return std::nullopt;
    const auto date = Date::Parse(*text);
    if (!date) {
        validation.Fail(field, {"日期格式须为 YYYY-MM-DD", "Date must be YYYY-MM-DD"});
        return std::nullopt;
    }
    return Instant{(date->AddDays(add_days).days() * 86400 - kShanghaiOffsetSeconds) * 1000};
}

}  // namespace

void AddAuditRoutes(Router& router) {
    router
        .Add("GET", "/api/v1/audit", Access::kSession, "audit", "Audit entries, newest first, filterable",
             [](RequestContext& context) -> Result<HttpResponse> {
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {"seq"}, validation);
                 storage::AuditFilter filter;
                 filter.actor = context.request.Query("actor").value_or("");
                 filter.entity = context.request.Query("entity").value_or("");
                 filter.action = context.request.Query("action").value_or("");
                 if (auto id = context.request.Query("entity_id"); id && !id->empty()) {
                     try {
                         filter.entity_id = std::stoll(*id);
                     } catch (const std::exception&) {
                         validation.Fail("entity_id", {"须为整数", "Must be a whole number"});
                     }
                 }
                 // `to` is a whole day: entries up to the end of that day in Asia/Shanghai.
                 filter.from = DayStart(context.request.Query("from"), 0, validation, "from");
                 filter.to = DayStart(context.request.Query("to"), 1, validation, "to");
                 if (!validation.ok()) return validation.ToError();
                 filter.page = page.page;
                 filter.page_size = page.page_size;
                 HOUQIN_TRY(result, context.services.audit.List(context.actor(), filter));
                 Json items = Json::array();
                 for (const auto& entry : result->items) items.push_back(AuditEntryJson(entry));
                 return JsonResponse(200, PageJson(items, result->total, page));
             })
        .Requires({Permission::kAuditRead});
    router
        .Add("GET", "/api/v1/audit/verify", Access::kSession, "audit", "Verify the hash chain of the audit trail",
             [](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(result, context.services.audit.Verify(context.actor()));
                 return JsonResponse(
                     200, Json{{"ok", result->ok},
                               {"checked", result->checked},
                               {"first_bad_seq", result->first_bad_seq ? Json(*result->first_bad_seq) : Json(nullptr)},
                               {"reason", result->ok ? Json(nullptr) : TextJson(result->reason)}});
             })
        .Requires({Permission::kAuditRead});
    router
        .Add("GET", "/api/v1/dashboard", Access::kSession, "dashboard", "Counts, activity and reminders",
             [](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(dashboard, context.services.audit.GetDashboard(context.actor()));
                 Json per_day = Json::array();
                 for (const auto& [day, count] : dashboard->audit_per_day) {
                     per_day.push_back({{"date", day.ToString()}, {"count", count}});
                 }
                 Json reminders = Json::array();
                 for (const auto& reminder : dashboard->reminders) {
                     reminders.push_back({{"kind", reminder.kind},
                                          {"severity", reminder.severity},
                                          {"title", TextJson(reminder.title)},
                                          {"due", reminder.due.ToString()},
                                          {"link", reminder.link}});
                 }
                 Json supervision = nullptr;
                 if (dashboard->supervision) {
                     const auto& figures = *dashboard->supervision;
                     Json scores = Json::array();
                     for (const auto& score : figures.scores) {
                         // The average in tenths, rounded half up, in integers.
                         const auto tenths = (score.sum_tenths * 2 + score.count) / (score.count * 2);
                         scores.push_back({{"period", score.period},
                                           {"average", TenthsToString(static_cast<int>(tenths))},
                                           {"count", score.count}});
                     }
                     Json satisfaction = Json::array();
                     for (const auto& period : figures.satisfaction) {
                         satisfaction.push_back(
                             {{"period", period.period},
                              {"rate", period.valid > 0
                                           ? Json(SatisfactionRate{period.satisfied, period.valid}.ToString())
                                           : Json(nullptr)},
                              {"valid", period.valid}});
                     }
                     Json proposals = Json::object();
                     for (const auto* status :
                          {"pending_office", "pending_leadership", "approved", "rejected", "withdrawn"}) {
                         const auto found = figures.proposals.find(status);
                         proposals[status] = found == figures.proposals.end() ? 0 : found->second;
                     }
                     Json deductions = Json::array();
                     for (const auto& [period, amount] : figures.deductions) {
                         deductions.push_back({{"period", period}, {"amount", amount.ToString()}});
                     }
                     supervision = {{"scores", scores},
                                    {"satisfaction", satisfaction},
                                    {"rectifications",
                                     {{"open", figures.rectifications.open},
                                      {"reported", figures.rectifications.reported},
                                      {"overdue", figures.rectifications.overdue}}},
                                    {"proposals", proposals},
                                    {"deductions", deductions}};
                 }
                 return JsonResponse(
                     200,
                     Json{{"supervision", supervision},
                          {"vendors", {{"total", dashboard->vendors_total}, {"active", dashboard->vendors_active}}},
                          {"qualifications",
                           {{"ok", dashboard->qualifications.ok},
                            {"expiring", dashboard->qualifications.expiring},
                            {"expired", dashboard->qualifications.expired}}},
                          {"categories", dashboard->categories},
                          {"warning_days", dashboard->warning_days},
                          {"audit_last_7_days", per_day},
                          {"reminders", reminders}});
             })
        .Requires({Permission::kDashboardRead});
}

}  // namespace houqin::http
