#pragma once
// CC-3: the monthly agent assessment, a pure function: the approved scoring method in force for the month and each
// agent's facts of the month in; each agent's score, explained dimension by dimension in zh and en, and the month's
// ranking out. CC-4: accepted penalty suggestions deduct points only when submitted before the deadline
// (penalty_deadline.h). The ranking feeds the top-3 bonus (top3_streak.h, CC-6).
//
// Points are integer hundredths of a point (87.5 points = 8750), so totals add, compare and tie exactly; a
// dimension's points are computed exactly as a fraction and rounded half up to the hundredth once, and the total is
// the sum of the rounded dimensions minus the penalty deductions, so the explanation always adds up.
//
// Semantics:
// - The method in force for month M is the approved version with the latest effective_from <= M (the higher version
//   number when two start in the same month): MethodForMonth. ScoreMonth refuses a method that does not validate or
//   is not yet in force for the month.
// - Successful visits and outbound talk time: weight x min(actual, target x cap%) / target. The cap is 100% by
//   default: a target exceeded scores the full weight and no more; a method may allow e.g. 120%.
// - Pro-rating (a setting of the method): with ProRating::kByDaysHeld, an agent who held an agent ID on fewer days
//   than the month has (joined or left mid-month, or an ID reassigned: the service splits the ID's calls by the days
//   each person held it and passes each person's days_held) gets the targets x days_held / days of the month; with
//   ProRating::kNone the full targets apply. Either way the explanation says which.
// - Labour discipline: weight minus (absent days x the absence deduction + late arrivals x the late deduction +
//   violations x the violation deduction), never below 0. Absent and late come from attendance, violations from the
//   incidents (STF-7); required and attended days are shown in the explanation.
// - Training: weight x score / full score; an agent with no training score this month gets 0 for the dimension.
// - Penalty suggestions (CC-4): each accepted suggestion submitted in time deducts the method's points per
//   suggestion from the total; a late one is listed with its reason and deducts nothing. The total is never below 0.
// - Ranking: by total, highest first; competition ranking, equal totals share a rank and the next rank skips
//   (1, 1, 3). Agents are listed by rank, then person id.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/rule_parameter.h"
#include "core/time.h"
#include "features/callcentre/rules/assessment_month.h"
#include "features/callcentre/rules/penalty_deadline.h"

namespace houqin {

// "87.50" for 8750 hundredths; "-2.00" for -200.
std::string FormatPoints(std::int64_t hundredths);
// "40", "0.5", "12.34" -> hundredths; nothing for a sign, more than two decimals, or anything else.
std::optional<std::int64_t> ParsePoints(std::string_view text);

enum class ProRating { kByDaysHeld, kNone };
std::string_view ProRatingCode(ProRating rating);  // "by_days_held", "none"
std::optional<ProRating> ParseProRating(std::string_view code);

enum class ScoreDimension { kDiscipline, kVisits, kTalkTime, kTraining };
std::string_view ScoreDimensionCode(ScoreDimension dimension);  // "discipline", "visits", "talk_time", "training"
Text ScoreDimensionName(ScoreDimension dimension);              // {"劳动纪律", "labour discipline"}, ...

// One approved version of the scoring method (drafted by Party B, approved by Party A). All points in hundredths.
struct ScoringMethod {
    int version = 0;
    AssessmentMonth effective_from;
    // The four weights sum to 100 points (10000).
    std::int64_t discipline_weight = 2000;
    std::int64_t visits_weight = 4000;
    std::int64_t talk_weight = 2000;
    std::int64_t training_weight = 2000;
    // The month's targets per agent, before any pro-rating.
    std::int64_t visits_target = 0;        // successful visits
    std::int64_t talk_seconds_target = 0;  // outbound talk seconds
    // The share of a target that still scores, in percent, at least 100 (100: capped at the weight).
    int visits_cap_percent = 100;
    int talk_cap_percent = 100;
    // Labour discipline deductions, each per occurrence.
    std::int64_t absence_deduction = 200;    // per absent day
    std::int64_t late_deduction = 50;        // per late arrival
    std::int64_t violation_deduction = 300;  // per incident of rule violation
    // CC-4: deducted from the total per accepted suggestion submitted in time.
    std::int64_t penalty_deduction = 200;
    std::int64_t training_full_score = 10000;  // the exam's full mark
    ProRating pro_rating = ProRating::kByDaysHeld;
};

// Every problem of the method at once, as field errors ("weights", "visits_target", ...).
Result<ScoringMethod> ValidateScoringMethod(ScoringMethod method);

// The approved version in force for `month`, or nothing when none has started by then.
std::optional<ScoringMethod> MethodForMonth(const std::vector<ScoringMethod>& approved, AssessmentMonth month);

// CC-4: an accepted penalty suggestion for the agent and month (rejected or pending ones are not passed).
struct AcceptedSuggestion {
    std::string id;
    Instant submitted_at;
};

// One person's facts of the month. When an agent ID changed hands mid-month, each person has their own facts: the
// calls made under the ID while they held it, and those days as days_held.
struct AgentMonthFacts {
    std::int64_t person_id = 0;
    std::string name;
    std::vector<std::string> agent_ids;  // the IDs held in the month, for display
    int days_held = 0;                   // days of the month on which the person held an agent ID, 1 ... days
    std::int64_t calls = 0;
    std::int64_t successful_visits = 0;
    std::int64_t talk_seconds = 0;
    int required_days = 0;  // working days required by attendance
    int attended_days = 0;
    int absent_days = 0;
    int late_arrivals = 0;
    int violations = 0;
    std::optional<std::int64_t> training_score;  // hundredths, 0 ... the method's full score; none: no exam
    std::vector<AcceptedSuggestion> suggestions;
};

struct DimensionScore {
    ScoreDimension dimension = ScoreDimension::kDiscipline;
    std::int64_t weight = 0;  // hundredths
    std::int64_t points = 0;  // hundredths, 0 ... weight x cap
    Text explanation;         // e.g. "成功访问 410/400 次，超出目标按满分计 40.00 分"
};

struct SuggestionDecision {
    std::string id;
    bool counted = false;
    std::int64_t deduction = 0;  // hundredths, 0 when not counted
    PenaltyDeadlineCheck deadline;
};

struct AgentScore {
    std::int64_t person_id = 0;
    std::string name;
    std::vector<std::string> agent_ids;
    int method_version = 0;
    int days_held = 0;
    int days_in_month = 0;
    bool pro_rated = false;                  // targets were reduced for days_held
    std::vector<DimensionScore> dimensions;  // discipline, visits, talk time, training
    std::vector<SuggestionDecision> suggestions;
    std::int64_t penalty_deduction = 0;  // hundredths, the sum of the counted suggestions
    Text penalty_explanation;
    std::int64_t total = 0;               // hundredths, never below 0
    int rank = 0;                         // competition ranking of the month, 1 = best
    bool tied = false;                    // another agent has the same rank
    Text summary;                         // how the total adds up
    std::vector<PolicyParameter> values;  // the method's values this score used, and the effective targets
};

struct RankedAgent {
    std::int64_t person_id = 0;
    std::string name;
    int rank = 0;
    std::int64_t total = 0;  // hundredths
};

// A month's ranking: what CC-6 looks at (top3_streak.h) and what the Excel export lists.
struct MonthRanking {
    AssessmentMonth month;
    int method_version = 0;
    std::vector<RankedAgent> agents;  // by rank, then person id
};

struct MonthAssessment {
    AssessmentMonth month;
    int method_version = 0;
    std::vector<AgentScore> agents;  // by rank, then person id
    MonthRanking ranking;
};

// Competition ranks of `totals` (any order), position by position: {90, 95, 95, 80} -> {3, 1, 1, 4}.
std::vector<int> CompetitionRanks(const std::vector<std::int64_t>& totals);

// The month: the method is validated and must be in force for the month; each agent's facts are checked (days_held
// 1 ... days of the month, counts not negative, training score within the full score, no person twice). Every
// problem is a field error named "agents[i].field" or "method.field".
Result<MonthAssessment> ScoreMonth(const ScoringMethod& method, AssessmentMonth month,
                                   const std::vector<AgentMonthFacts>& agents);

}  // namespace houqin
