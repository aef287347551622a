#include "features/callcentre/score_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "features/callcentre/method_store.h"
#include "features/callcentre/score_codec.h"
#include "features/callcentre/store.h"
#include "features/staff/incident_store.h"
#include "features/staff/store.h"
#include "features/staff/training_store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

constexpr char kScoreMonthEntity[] = "cc_score_month";
constexpr int kScoreChartMonths = 12;

Result<AssessmentMonth> ScoreMonthOf(const std::string& text) {
    const auto month = AssessmentMonth::Parse(text);
    if (!month)
        return Error::Invalid("month", {"月份须为 年-月,如 2026-11", "The month must be YYYY-MM, e.g. 2026-11"});
    return *month;
}

AssessmentMonth ScoreMonthMinus(AssessmentMonth month, int count) {
    const int index = month.Index() - count;
    return AssessmentMonth{index / 12, index % 12 + 1};
}

std::string ScoreMonthAuditJson(const ScoreMonthRecord& record, const std::vector<StoredAgentScore>& agents) {
    std::string ranking;
    for (const auto& agent : agents) {
        if (!ranking.empty()) ranking += ",";
        ranking += fmt::format(R"({{"person_id":{},"rank":{},"total":"{}"}})", agent.person_id, agent.rank,
                               FormatPoints(agent.total));
    }
    return fmt::format(R"({{"contract_id":{},"month":"{}","method_version":{},"agents":{},"ranking":[{}]}})",
                       record.contract_id, record.month, record.method_version, record.agent_count, ranking);
}

}  // namespace

Result<ContractView> AgentScoreService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

Result<std::vector<AgentMonthFacts>> AgentScoreService::GatherFacts(storage::Connection& connection,
                                                                    const ContractRecord& contract,
                                                                    AssessmentMonth month,
                                                                    const std::string& work_start,
                                                                    std::int64_t* unmatched_calls) {
    const Date first = month.FirstDay();
    const Date last = month.LastDay();
    const Date today = context_.clock.Today();
    // Who held which agent ID on which day (CC-1): the month's days of each person, and each ID's holder per day.
    HOUQIN_TRY(history, AgentIdHistory::Make(storage::AgentIdsOfContract(connection, contract.id)));
    std::map<std::int64_t, AgentMonthFacts> facts;
    std::map<std::int64_t, std::set<Date>> held;
    for (const auto& row : history->rows()) {
        for (Date day = std::max(first, row.valid_from); !(last < day); day = day.AddDays(1)) {
            if (!row.ValidOn(day)) break;
            held[row.person_id].insert(day);
            auto& ids = facts[row.person_id].agent_ids;
            if (std::find(ids.begin(), ids.end(), row.agent_id) == ids.end()) ids.push_back(row.agent_id);
        }
    }
    if (held.empty()) {
        return Error::Precondition(
            {fmt::format("{} 没有人持有本合同的工号,无法考核", month.ToString()),
             fmt::format("Nobody held an agent ID of this contract in {}: there is no one to assess",
                         month.ToString())});
    }
    for (const auto& person : storage::PeopleOfContract(connection, contract.id)) {
        if (const auto found = facts.find(person.id); found != facts.end()) found->second.name = person.name;
    }
    // The calls: each ID's day totals go to whoever held the ID that day (an ID reassigned mid-month splits).
    std::int64_t unmatched = 0;
    if (sources_.agent_days) {
        for (const auto& day : sources_.agent_days(connection, contract.id, first, last)) {
            const auto holder = history->HolderOn(day.agent_id, day.day);
            if (!holder || !facts.contains(holder->person_id)) {
                unmatched += day.calls;
                continue;
            }
            auto& person = facts[holder->person_id];
            person.calls += day.calls;
            person.successful_visits += day.successful;
            person.talk_seconds += day.talk_seconds;
        }
    }
    if (unmatched_calls) *unmatched_calls = unmatched;
    // Attendance (STF-6): the required days are the working days of the holiday calendar, up to today, on which the
    // person held an ID; a day is attended when it has a clock-in, late when its first clock-in is after the opening
    // time. Days still to come in the current month are not absences.
    HolidayCalendars calendars;
    for (auto& calendar : storage::CalendarsBetween(connection, YearOf(first), YearOf(last))) {
        calendars.Add(std::move(calendar));
    }
    if (!calendars.HasYear(YearOf(first))) {
        return Error::Precondition(
            {fmt::format("{} 年的节假日日历尚未录入,无法计算应出勤天数", YearOf(first)),
             fmt::format("The holiday calendar of {} is missing: the required working days cannot be counted",
                         YearOf(first))});
    }
    std::map<std::int64_t, std::map<Date, std::string>> first_clock_in;
    for (const auto& punch : storage::AttendanceBetween(connection, contract.id, first, last)) {
        const auto day = Date::Parse(punch.clock_in.substr(0, 10));
        if (!day) continue;
        auto& days = first_clock_in[punch.person_id];
        const auto time = punch.clock_in.size() >= 16 ? punch.clock_in.substr(11, 5) : std::string();
        if (const auto found = days.find(*day); found == days.end() || time < found->second) days[*day] = time;
    }
    for (auto& [person_id, person] : facts) {
        person.person_id = person_id;
        person.days_held = static_cast<int>(held[person_id].size());
        const auto& punches = first_clock_in[person_id];
        for (const auto day : held[person_id]) {
            const auto type = calendars.TypeOf(day).type;
            if (type != DayType::kWorkday || today < day) continue;
            ++person.required_days;
            const auto punch = punches.find(day);
            if (punch == punches.end()) continue;
            ++person.attended_days;
            if (punch->second > work_start) ++person.late_arrivals;
        }
        person.absent_days = person.required_days - person.attended_days;
    }
    // Violations (STF-7): incidents of rule violation or data leak in the month naming the person.
    for (const auto& incident : storage::IncidentsBetween(connection, contract.id, first, last)) {
        if (incident.type != IncidentType::kRuleViolation && incident.type != IncidentType::kDataLeak) continue;
        for (const auto& named : incident.people) {
            if (const auto found = facts.find(named.id); found != facts.end()) ++found->second.violations;
        }
    }
    // Training (STF-8): the month's latest qualification test, its mark (0 ... 100) in hundredths.
    std::map<std::int64_t, QualificationTest> tests;
    for (const auto& test : storage::QualificationTestsOfContract(connection, contract.id)) {
        if (test.taken_on < first || last < test.taken_on || !facts.contains(test.person_id)) continue;
        const auto found = tests.find(test.person_id);
        if (found == tests.end() || found->second.taken_on < test.taken_on ||
            (found->second.taken_on == test.taken_on && found->second.id < test.id)) {
            tests[test.person_id] = test;
        }
    }
    for (const auto& [person_id, test] : tests) facts[person_id].training_score = std::int64_t{test.score} * 100;
    if (sources_.suggestions) {
        for (auto& [person_id, suggestions] : sources_.suggestions(connection, contract.id, month)) {
            if (const auto found = facts.find(person_id); found != facts.end()) {
                found->second.suggestions = std::move(suggestions);
            }
        }
    }
    std::vector<AgentMonthFacts> list;
    list.reserve(facts.size());
    for (auto& [person_id, person] : facts) list.push_back(std::move(person));
    return list;
}

std::string ScoreMonthText(const ScoreMonthView& view) {
    std::string text = fmt::format("scores {}: agents={} method_version={} unmatched_calls={} bonus_proposals={}\n",
                                   view.month, view.agents.size(), view.record ? view.record->method_version : 0,
                                   view.unmatched_calls, view.proposed.size());
    for (const auto& agent : view.agents) {
        fmt::format_to(std::back_inserter(text), "rank {}{} {} {}\n", agent.rank, agent.tied ? "=" : "",
                       agent.person_name, FormatPoints(agent.total));
    }
    return text;
}

Result<ScoreMonthView> AgentScoreService::Compute(const Actor& actor, std::int64_t contract_id,
                                                  const std::string& month_text) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    HOUQIN_TRY(month, ScoreMonthOf(month_text));
    const auto& record = contract->record;
    const auto today = context_.clock.Today();
    if (today < month->FirstDay()) {
        return Error::Invalid("month", {fmt::format("{} 尚未开始,不能考核", month->ToString()),
                                        fmt::format("{} has not begun; it cannot be assessed", month->ToString())});
    }
    if (month->LastDay() < record.term_start || record.term_end < month->FirstDay()) {
        return Error::Invalid("month", {fmt::format("{} 不在合同期限内({} 至 {})", month->ToString(),
                                                    record.term_start.ToString(), record.term_end.ToString()),
                                        fmt::format("{} lies outside the contract ({} to {})", month->ToString(),
                                                    record.term_start.ToString(), record.term_end.ToString())});
    }
    auto lease = context_.database.Acquire();
    const auto methods = sources_.methods ? sources_.methods(*lease, contract_id) : std::vector<ScoringMethod>{};
    const auto method = MethodForMonth(methods, *month);
    if (!method) {
        return Error::Precondition(
            {fmt::format("{} 没有已批准生效的考核办法:请乙方起草、甲方批准后再计算", month->ToString()),
             fmt::format("No approved scoring method is in force for {}: the vendor drafts one and the office "
                         "approves it first",
                         month->ToString())});
    }
    std::int64_t unmatched = 0;
    storage::Transaction transaction(*lease);
    // Two computations of one month at once: the second replaces the first's result instead of being refused by the
    // (contract, month) key the first inserted (PostgreSQL); the contract's scoring is held until this one is written.
    storage::LockScoringMethods(*lease, contract_id);
    // D2 names no shift times: the opening time is a setting (late after it, Asia/Shanghai wall clock), and the month
    // records the one it used beside the method's values.
    const auto opening = storage::ReadSetting(*lease, setting::kCallCentreWorkStart);
    const auto work_start = fmt::format("{:02d}:{:02d}", opening / 60, opening % 60);
    HOUQIN_TRY(facts, GatherFacts(*lease, record, *month, work_start, &unmatched));
    HOUQIN_TRY(assessment, ScoreMonth(*method, *month, *facts));
    std::map<std::int64_t, const AgentMonthFacts*> facts_of;
    for (const auto& person : *facts) facts_of[person.person_id] = &person;
    const auto now = context_.clock.Now();
    ScoreMonthRecord stored{0,
                            contract_id,
                            month->ToString(),
                            assessment->method_version,
                            ScoringMethodValuesJson(*method, work_start),
                            static_cast<int>(assessment->agents.size()),
                            actor.user_id,
                            actor.display_name,
                            now};
    std::vector<StoredAgentScore> agents;
    for (const auto& score : assessment->agents) {
        agents.push_back({contract_id, stored.month, score.person_id, score.name, score.rank, score.tied, score.total,
                          score.method_version, AgentScoreDetailJson(score, *facts_of[score.person_id])});
    }
    const auto before = storage::FindScoreMonth(*lease, contract_id, stored.month);
    std::optional<std::string> before_json;
    if (before)
        before_json = ScoreMonthAuditJson(*before, storage::AgentScoresOfMonth(*lease, contract_id, stored.month));
    storage::ReplaceScoreMonth(*lease, stored, agents);
    stored = *storage::FindScoreMonth(*lease, contract_id, stored.month);
    storage::AppendAudit(
        *lease, &actor, now,
        {before ? "update" : "create", kScoreMonthEntity, stored.id, before_json, ScoreMonthAuditJson(stored, agents)});
    // CC-6: the streaks over every stored month of the contract; each streak is proposed once (its dedupe key).
    ScoreMonthView view;
    if (sources_.propose_bonus) {
        std::map<std::string, MonthRanking> rankings;
        for (const auto& score : storage::AgentScoresOfContract(*lease, contract_id)) {
            auto& ranking = rankings[score.month];
            ranking.month = *AssessmentMonth::Parse(score.month);
            ranking.method_version = score.method_version;
            ranking.agents.push_back({score.person_id, score.person_name, score.rank, score.total});
        }
        std::vector<MonthRanking> list;
        list.reserve(rankings.size());
        for (auto& [key, ranking] : rankings) list.push_back(std::move(ranking));
        std::vector<std::string> holding;
        for (const auto& proposal : FindTopStreaks(list)) {
            holding.push_back(proposal.dedupe_key);
            if (const auto id = sources_.propose_bonus(*lease, actor, record, proposal)) view.proposed.push_back(*id);
        }
        if (sources_.withdraw_bonuses) view.withdrawn = sources_.withdraw_bonuses(*lease, record, holding);
    }
    transaction.Commit();
    view.month = stored.month;
    view.record = stored;
    view.agents = std::move(agents);
    view.unmatched_calls = unmatched;
    view.can_compute = true;
    view.can_export = true;
    return view;
}

Result<ScoreMonthView> AgentScoreService::Month(const Actor& actor, std::int64_t contract_id,
                                                const std::string& month_text) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    HOUQIN_TRY(month, ScoreMonthOf(month_text));
    auto lease = context_.database.Acquire();
    ScoreMonthView view;
    view.month = month->ToString();
    view.record = storage::FindScoreMonth(*lease, contract_id, view.month);
    view.agents = storage::AgentScoresOfMonth(*lease, contract_id, view.month);
    view.can_compute = actor.Can(Permission::kSupervisionWrite);
    view.can_export = view.record.has_value();
    return view;
}

Result<PersonScoreHistory> AgentScoreService::Person(const Actor& actor, std::int64_t contract_id,
                                                     std::int64_t person_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto person = storage::FindPerson(*lease, person_id);
    if (!person || person->contract_id != contract_id) {
        return Error::Invalid("person_id",
                              {"请从本合同的人员名单中选择人员", "Choose a person on this contract's roster"});
    }
    const auto last = AssessmentMonth::Of(context_.clock.Today());
    const auto first = ScoreMonthMinus(last, kScoreChartMonths - 1);
    std::map<std::string, StoredAgentScore> scores;
    for (auto& score :
         storage::AgentScoresOfPerson(*lease, contract_id, person_id, first.ToString(), last.ToString())) {
        scores[score.month] = std::move(score);
    }
    std::map<std::string, int> counts;
    for (const auto& month : storage::ScoreMonthsOfContract(*lease, contract_id))
        counts[month.month] = month.agent_count;
    PersonScoreHistory history;
    history.person_id = person_id;
    history.name = person->name;
    for (auto month = first; month <= last; month = month.Next()) {
        PersonScoreMonth entry;
        entry.month = month.ToString();
        if (const auto found = scores.find(entry.month); found != scores.end()) entry.score = found->second;
        entry.agent_count = counts[entry.month];
        history.months.push_back(std::move(entry));
    }
    return history;
}

Result<ScoreMonthView> AgentScoreService::Export(const Actor& actor, std::int64_t contract_id,
                                                 const std::string& month_text) {
    HOUQIN_TRY(view, Month(actor, contract_id, month_text));
    if (!view->record) {
        return Error::Precondition({fmt::format("{} 尚未计算考核结果,无可导出", view->month),
                                    fmt::format("{} has not been computed; there is nothing to export", view->month)});
    }
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::AppendAudit(
        *lease, &actor, context_.clock.Now(),
        {"export", kScoreMonthEntity, view->record->id, std::nullopt,
         fmt::format(
             R"({{"what":"agent_scores","format":"xlsx","filters":{{"contract_id":{},"month":"{}"}},"rows":{}}})",
             contract_id, view->month, view->agents.size())});
    transaction.Commit();
    return view;
}

}  // namespace houqin
