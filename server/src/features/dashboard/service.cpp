#include "features/dashboard/service.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>

#include "features/callcentre/method_store.h"
#include "features/callcentre/rules/penalty_deadline.h"
#include "features/catalogue/store.h"
#include "features/contracts/store.h"
#include "features/staff/document_store.h"
#include "features/staff/store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {

void DashboardService::AddSupervision(storage::Connection& connection, const Actor& actor, Dashboard& dashboard) {
    const auto scope = storage::VendorScope::Of(actor);
    const auto today = context_.clock.Today();
    if (actor.Can(Permission::kSupervisionRead)) {
        SupervisionFigures figures;
        figures.scores = storage::ScoresByPeriod(connection, scope, 12);
        figures.satisfaction = storage::SatisfactionByPeriod(connection, scope, 12);
        figures.rectifications = storage::CountRectifications(connection, scope, today);
        if (actor.role != Role::kVendor && actor.role != Role::kDepartment) {
            figures.proposals = storage::CountProposalsByStatus(connection, scope);
        }
        figures.deductions = storage::DeductionsByPeriod(connection, scope, 12);
        dashboard.supervision = std::move(figures);
        // rectifications past their deadline (the vendor sees its own).
        for (const auto& item : storage::OverdueRectifications(connection, scope, today, 20)) {
            const auto days = today.days() - item.deadline.days();
            dashboard.reminders.push_back({"rectification_overdue",
                                           "danger",
                                           {fmt::format("{} 的整改「{}」已逾期 {} 天(期限 {})", item.vendor_name,
                                                        item.title, days, item.deadline.ToString()),
                                            fmt::format("{}: rectification '{}' is {} days overdue (deadline {})",
                                                        item.vendor_name, item.title, days, item.deadline.ToString())},
                                           item.deadline,
                                           "/rectifications/" + std::to_string(item.id)});
        }
    }
    // the last completed period of each active contract without its routine assessment.
    if (actor.Can(Permission::kSupervisionWrite)) {
        // The contracts in scope with their frequency, then one look for the assessments those periods have: two
        // queries however many contracts the scope holds.
        std::vector<std::pair<storage::AssessmentSchedule, TermPeriod>> due;
        std::set<std::string> periods;
        const auto first_of_month = Date::Parse(today.ToString().substr(0, 8) + "01").value_or(today);
        const auto last_month = first_of_month.AddDays(-1).ToString().substr(0, 7);
        for (auto& schedule : storage::ActiveAssessmentSchedules(connection, scope, today, last_month)) {
            std::optional<TermPeriod> last_done;
            for (const auto& period : TermPeriods(schedule.term_start, schedule.term_end, schedule.frequency)) {
                if (period.last < today) last_done = period;
            }
            if (!last_done) continue;
            periods.insert(last_done->label);
            due.emplace_back(std::move(schedule), *last_done);
        }
        const auto done = storage::RoutineAssessmentsOf(connection, scope, periods);
        for (const auto& [contract, last_done] : due) {
            if (done.contains({contract.contract_id, last_done.label})) continue;
            dashboard.reminders.push_back(
                {"assessment_due",
                 "warning",
                 {fmt::format("合同 {}「{}」{} 期间的考核尚未录入", contract.code, contract.title, last_done.label),
                  fmt::format("Contract {} '{}': the {} assessment has not been recorded", contract.code,
                              contract.title, last_done.label)},
                 last_done.last,
                 "/assessments/new?contract_id=" + std::to_string(contract.contract_id)});
        }
        for (const auto& meeting : storage::UpcomingMeetings(connection, actor.scope_path, context_.clock.Now(),
                                                             Instant{context_.clock.Now().ms + 7LL * 86'400'000}, 10)) {
            dashboard.reminders.push_back(
                {"meeting_upcoming",
                 "info",
                 {fmt::format("例会「{}」将于 {} 召开", meeting.title, meeting.scheduled_at.ToIso().substr(0, 16)),
                  fmt::format("Work meeting '{}' at {}", meeting.title, meeting.scheduled_at.ToIso().substr(0, 16))},
                 meeting.scheduled_at.ShanghaiDate(),
                 "/meetings/" + std::to_string(meeting.id)});
        }
    }
    // surveys the department user has not answered yet.
    if (actor.Can(Permission::kSurveyAnswer)) {
        storage::SurveyFilter filter;
        filter.scope = scope;
        filter.pending_for_user = actor.user_id;
        filter.page_size = 20;
        for (const auto& survey : storage::ListSurveys(connection, filter).items) {
            if (survey.closes_on < today) continue;
            dashboard.reminders.push_back(
                {"survey_open",
                 "warning",
                 {fmt::format("请填写满意度调查「{}」(截止 {})", survey.title, survey.closes_on.ToString()),
                  fmt::format("Please answer the survey '{}' (closes {})", survey.title, survey.closes_on.ToString())},
                 survey.closes_on,
                 "/surveys/" + std::to_string(survey.id) + "/answer"});
        }
    }
    // proposals waiting for this user's step.
    const std::string waiting = actor.Can(Permission::kProposalDecide)     ? "pending_leadership"
                                : actor.Can(Permission::kSupervisionWrite) ? "pending_office"
                                                                           : "";
    if (!waiting.empty()) {
        storage::ProposalFilter filter;
        filter.scope = scope;
        filter.status = waiting;
        filter.page_size = 20;
        for (const auto& proposal : storage::ListProposals(connection, filter).items) {
            dashboard.reminders.push_back({"proposal_pending",
                                           proposal.kind == "termination" ? "danger" : "warning",
                                           // The rule's code and the day it was proposed are no deadline: the
                                           // reminder names the kind in words and carries no due date.
                                           {fmt::format("{} 的{}建议待您审批", proposal.vendor_name,
                                                        proposal.kind == "termination" ? "终止合同"
                                                        : proposal.kind == "deduction" ? "扣款"
                                                                                       : "奖励"),
                                            fmt::format("{}: a {} proposal awaits your decision", proposal.vendor_name,
                                                        proposal.kind == "termination" ? "termination"
                                                        : proposal.kind == "deduction" ? "deduction"
                                                                                       : "reward")},
                                           std::nullopt,
                                           "/proposals/" + std::to_string(proposal.id)});
        }
    }
}

Result<Dashboard> DashboardService::GetDashboard(const Actor& actor) {
    if (auto status = actor.Require(Permission::kDashboardRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto scope = storage::VendorScope::Of(actor);
    const auto today = context_.clock.Today();
    Dashboard dashboard;
    dashboard.warning_days = context_.settings.Get(*lease, setting::kQualificationWarningDays);
    dashboard.vendors_total = storage::CountVendors(*lease, scope, std::nullopt);
    dashboard.vendors_active = storage::CountVendors(*lease, scope, VendorStatus::kActive);
    dashboard.qualifications = storage::CountQualifications(*lease, scope, today, dashboard.warning_days);
    dashboard.categories = static_cast<std::int64_t>(storage::ListCategories(*lease, true).size());
    // the audit trail's activity is shown to those who read the trail (ROLE-4); it is the whole system's, so a
    // town's office or a department, who may not read it, would be shown another town's activity.
    for (int offset = 6; offset >= 0 && actor.Can(Permission::kAuditRead); --offset) {
        const Date day = today.AddDays(-offset);
        const std::int64_t start = (day.days() * 86400 - kShanghaiOffsetSeconds) * 1000;
        const auto count =
            lease->QueryOne("SELECT COUNT(*) FROM audit_log WHERE at >= ? AND at < ?", {start, start + 86'400'000})
                ->Int(0);
        dashboard.audit_per_day.emplace_back(day, count);
    }
    // certificates that expired or expire within the warning window.
    for (const auto& [qualification, vendor_name] :
         storage::QualificationsExpiringBefore(*lease, scope, today.AddDays(dashboard.warning_days), 50)) {
        const auto verdict = JudgeQualification(qualification.valid_until, today, dashboard.warning_days);
        Reminder reminder;
        reminder.link = "/vendors/" + std::to_string(qualification.vendor_id);
        reminder.due = qualification.valid_until;
        if (verdict.status == QualificationStatus::kExpired) {
            reminder.kind = "qualification_expired";
            reminder.severity = "danger";
            reminder.title = {fmt::format("{} 的「{}」已于 {} 过期", vendor_name, qualification.type,
                                          qualification.valid_until.ToString()),
                              fmt::format("{}: '{}' expired on {}", vendor_name, qualification.type,
                                          qualification.valid_until.ToString())};
        } else {
            reminder.kind = "qualification_expiring";
            reminder.severity = "warning";
            reminder.title = {fmt::format("{} 的「{}」将于 {} 到期(剩 {} 天)", vendor_name, qualification.type,
                                          qualification.valid_until.ToString(), verdict.days_left),
                              fmt::format("{}: '{}' expires on {} ({} days left)", vendor_name, qualification.type,
                                          qualification.valid_until.ToString(), verdict.days_left)};
        }
        dashboard.reminders.push_back(std::move(reminder));
    }
    // contracts ending within the first reminder window, rising in severity at the second and final ones.
    if (actor.Can(Permission::kContractRead)) {
        const auto first = context_.settings.Get(*lease, setting::kContractReminderFirst);
        const auto second = context_.settings.Get(*lease, setting::kContractReminderSecond);
        const auto final_days = context_.settings.Get(*lease, setting::kContractReminderFinal);
        // A renewed contract needs no decision: the store leaves it out.
        for (const auto& contract : storage::ContractsEndingBefore(*lease, scope, today, today.AddDays(first), 50)) {
            const auto days_left = contract.term_end.days() - today.days();
            Reminder reminder;
            reminder.kind = "contract_expiring";
            reminder.severity = days_left <= final_days ? "danger" : days_left <= second ? "warning" : "info";
            reminder.due = contract.term_end;
            reminder.link = "/contracts/" + std::to_string(contract.id);
            reminder.title = {fmt::format("合同 {}「{}」将于 {} 到期(剩 {} 天),请根据考核和满意度结果决定是否续签",
                                          contract.code, contract.title, contract.term_end.ToString(), days_left),
                              fmt::format("Contract {} '{}' ends on {} ({} days left); decide on renewal",
                                          contract.code, contract.title, contract.term_end.ToString(), days_left)};
            dashboard.reminders.push_back(std::move(reminder));
        }
    }
    // STF-2, X-2: staff documents expired or expiring, scoped like the rest (the vendor counts its own people).
    if (actor.Can(Permission::kStaffRead)) {
        StaffDocumentCount count;
        count.warning_days = storage::ReadSetting(*lease, setting::kStaffDocumentWarningDays);
        constexpr std::int64_t kAll = 1'000'000;
        for (const auto& document :
             storage::ExpiringDocuments(*lease, scope, today, today.AddDays(count.warning_days), kAll)) {
            ++(document.expires_on < today ? count.expired : count.expiring);
        }
        dashboard.staff_documents = count;
    }
    // STF-6, X-2: the contracts short of staff last month, as the rules judged them (an import or the daily job).
    if (actor.Can(Permission::kStaffRead)) {
        const auto first_of_month = Date::Parse(today.ToString().substr(0, 8) + "01").value_or(today);
        const auto last_month = first_of_month.AddDays(-1).ToString().substr(0, 7);
        StaffingShortfall shortfall{last_month, 0, 0};
        constexpr std::int64_t kShown = 20;
        const auto short_contracts = storage::ShortfallsOfMonth(*lease, scope, last_month, 1'000'000);
        for (const auto& contract : short_contracts) {
            ++shortfall.contracts;
            shortfall.missing_person_days += contract.missing_person_days;
            if (shortfall.contracts > kShown) continue;
            Reminder reminder;
            reminder.kind = "staffing_shortfall";
            reminder.severity = "warning";
            reminder.link = "/contracts/" + std::to_string(contract.contract_id);
            reminder.title = {
                fmt::format("合同 {}「{}」{} 有 {} 天到岗不足,共缺 {} 人日,请核对考勤并处理扣款建议",
                            contract.contract_code, contract.contract_title, last_month, contract.short_days,
                            contract.missing_person_days),
                fmt::format("Contract {} '{}' was short of staff on {} days in {}, {} person-days in all; "
                            "check the attendance and the deduction proposal",
                            contract.contract_code, contract.contract_title, contract.short_days, last_month,
                            contract.missing_person_days)};
            dashboard.reminders.push_back(std::move(reminder));
        }
        dashboard.staffing_shortfall = shortfall;
    }
    // CC-4, X-2: from the 25th until the deadline (00:00 on the 2nd of the following month), the office is reminded
    // that the month's penalty suggestions close, on each active contract whose agents are scored by an approved
    // method (the call centre's).
    if (actor.Can(Permission::kCcSuggestionWrite)) {
        const auto now = context_.clock.Now();
        const auto open_month = OldestOpenPenaltyMonth(now);
        const auto deadline = PenaltyDeadline(open_month);
        const auto last_day = deadline.ShanghaiDate().AddDays(-1);
        if (!(today < open_month.FirstDay().AddDays(24))) {
            for (const auto& contract : storage::ContractsWithApprovedMethod(*lease, scope, today)) {
                Reminder reminder;
                reminder.kind = "penalty_deadline";
                reminder.severity = "warning";
                reminder.due = last_day;
                reminder.link = "/contracts/" + std::to_string(contract.id);
                reminder.title = {
                    fmt::format("合同 {}「{}」{} 月的坐席处罚建议于 {} 截止(北京时间),逾期提交的不计入该月",
                                contract.code, contract.title, open_month.ToString(), ShanghaiClockText(deadline)),
                    fmt::format("Contract {} '{}': penalty suggestions for {} close at {} (Asia/Shanghai); later "
                                "ones do not count for that month",
                                contract.code, contract.title, open_month.ToString(), ShanghaiClockText(deadline))};
                dashboard.reminders.push_back(std::move(reminder));
            }
        }
    }
    AddSupervision(*lease, actor, dashboard);
    // Most urgent first, then by date, whatever their kind.
    const auto rank = [](const std::string& severity) {
        return severity == "danger" ? 0 : severity == "warning" ? 1 : 2;
    };
    std::stable_sort(dashboard.reminders.begin(), dashboard.reminders.end(), [&](const Reminder& a, const Reminder& b) {
        // A reminder without a deadline comes after those with one of the same severity.
        const auto day = [](const Reminder& reminder) {
            return reminder.due ? reminder.due->days() : std::numeric_limits<std::int64_t>::max();
        };
        return std::make_pair(rank(a.severity), day(a)) < std::make_pair(rank(b.severity), day(b));
    });
    return dashboard;
}

}  // namespace houqin
