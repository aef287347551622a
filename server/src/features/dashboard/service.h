#pragma once
// the dashboard: counts, the last week's activity, the reminders due and, for those who read supervision
// records, the figures behind its charts (all scoped like everything else).
#include <map>
#include <optional>
#include <vector>

#include "core/access.h"
#include "features/supervision/store.h"
#include "features/vendors/rules/qualification_rules.h"
#include "features/vendors/store.h"
#include "platform/service/context.h"

namespace houqin {

struct Reminder {
    std::string kind;      // qualification_expired, qualification_expiring, contract_expiring, assessment_due,
                           // rectification_overdue, survey_open, meeting_upcoming, proposal_pending,
                           // penalty_deadline (CC-4)
    std::string severity;  // danger, warning
    Text title;
    std::optional<Date> due;  // a real deadline only: a proposal waiting for a decision has none
    std::string link;         // the page the reminder opens
};

// X-3 charts for those who read supervision records (scoped like everything else).
struct SupervisionFigures {
    std::vector<PeriodScore> scores;
    std::vector<PeriodRatings> satisfaction;
    RectificationCounts rectifications;
    std::map<std::string, std::int64_t> proposals;  // by status (not for vendors and departments)
    std::vector<std::pair<std::string, Money>> deductions;
};

// STF-2, X-2: people's documents in scope expired or expiring within the warning days (the newest of each kind).
struct StaffDocumentCount {
    std::int64_t expiring = 0;
    std::int64_t expired = 0;
    std::int64_t warning_days = 0;
};

// STF-6, X-2: last month's staffing shortfalls in scope, from the months the rules judged.
struct StaffingShortfall {
    std::string month;  // YYYY-MM
    std::int64_t contracts = 0;
    std::int64_t missing_person_days = 0;
};

struct Dashboard {
    std::int64_t vendors_total = 0;
    std::int64_t vendors_active = 0;
    QualificationCount qualifications;
    std::int64_t categories = 0;
    std::vector<std::pair<Date, std::int64_t>> audit_per_day;  // the last 7 days, oldest first
    std::vector<Reminder> reminders;
    std::int64_t warning_days = 0;
    std::optional<SupervisionFigures> supervision;
    std::optional<StaffDocumentCount> staff_documents;    // for those who read rosters
    std::optional<StaffingShortfall> staffing_shortfall;  // for those who read rosters
};

class DashboardService {
  public:
    explicit DashboardService(ServiceContext& context) : context_(context) {}
    Result<Dashboard> GetDashboard(const Actor& actor);

  private:
    void AddSupervision(storage::Connection& connection, const Actor& actor, Dashboard& dashboard);
    ServiceContext& context_;
};

}  // namespace houqin
