// The dashboard: counts, activity, reminders and the figures behind the charts.
#include "features/dashboard/routes.h"

#include "platform/http/mapping.h"

namespace houqin::http {

void AddDashboardRoutes(Router& router, DashboardService& dashboards) {
    router
        .Add("GET", "/api/v1/dashboard", Access::kSession, "dashboard", "Counts, activity and reminders",
             [&dashboards](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(dashboard, dashboards.GetDashboard(context.actor()));
                 Json per_day = Json::array();
                 for (const auto& [day, count] : dashboard->audit_per_day) {
                     per_day.push_back({{"date", day.ToString()}, {"count", count}});
                 }
                 Json reminders = Json::array();
                 for (const auto& reminder : dashboard->reminders) {
                     reminders.push_back({{"kind", reminder.kind},
                                          {"severity", reminder.severity},
                                          {"title", TextJson(reminder.title)},
                                          {"due", reminder.due ? Json(reminder.due->ToString()) : Json(nullptr)},
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
                          {"staff_documents", dashboard->staff_documents
                                                  ? Json{{"expiring", dashboard->staff_documents->expiring},
                                                         {"expired", dashboard->staff_documents->expired},
                                                         {"warning_days", dashboard->staff_documents->warning_days}}
                                                  : Json()},
                          {"staffing_shortfall",
                           dashboard->staffing_shortfall
                               ? Json{{"month", dashboard->staffing_shortfall->month},
                                      {"contracts", dashboard->staffing_shortfall->contracts},
                                      {"missing_person_days", dashboard->staffing_shortfall->missing_person_days}}
                               : Json()},
                          {"audit_last_7_days", per_day},
                          {"reminders", reminders}});
             })
        .Returns("Dashboard")
        .Requires({Permission::kDashboardRead})
        .Scope(RecordScope::kNone);
}

}  // namespace houqin::http
