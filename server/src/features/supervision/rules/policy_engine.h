#pragma once
// The reward, deduction and termination rules of D1 Art.8 (RP-1 … RP-4): facts in, decisions with their evidence
// out. Pure: the caller loads the facts (contract, assessments, surveys, energy-saving records, the settings in
// force), asks here, and turns the decisions it has not seen before into proposals that go to approval.
//
// Scores are integer tenths of a point (52.5 points = 525), so a total recorded with one decimal compares exactly
// with the pass mark, which contracts state in whole points (AssessmentTerms::pass_mark). Money is integer fen;
// percentages are compared with integer cross-multiplication, never with floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/rule_parameter.h"
#include "core/time.h"
#include "features/contracts/model.h"

namespace houqin {

// What "within one year" means for RP-3 (a stated setting).
enum class PolicyWindowKind {
    kRolling12Months,  // the 12 months ending on the evaluation date
    kContractYear,     // the contract year (counted from term_start) that contains the evaluation date
    kCalendarYear,     // 1 January to 31 December of the evaluation date's year
};
std::optional<PolicyWindowKind> ParsePolicyWindowKind(std::string_view code);
std::string_view PolicyWindowKindCode(PolicyWindowKind kind);

// A closed range of days, both ends included.
struct PolicyPeriod {
    Date first;
    Date last;
    [[nodiscard]] bool Contains(Date date) const { return first <= date && date <= last; }
};

// The "one year" of RP-3 for an evaluation on `today`.
PolicyPeriod PolicyWindow(PolicyWindowKind kind, Date term_start, Date today);
// The contract year containing `day`, counted from term_start (anniversaries of 29 February fall on 28 February);
// a day before term_start belongs to the first contract year.
PolicyPeriod ContractYear(Date term_start, Date day);

// The pass mark and deduction clauses in force when an assessment was made (a contract may be amended mid-year).
struct PolicyTerms {
    int pass_mark = 60;  // whole points, as in AssessmentTerms
    std::vector<DeductionClause> deductions;
};

struct PolicyContract {
    std::string id;
    Date term_start;
    Date term_end;
    PolicyTerms terms;  // the current terms; used for an assessment that carries none of its own
};

// The fee a clause in percent of the period's fee is computed against (RP-2): the assessment period's share of the
// payment schedule of the contract version in force when the assessment was made. An amendment that raises the
// installments from July raises the fee of the periods from July and leaves the earlier ones as they were.
struct PeriodFee {
    Money amount;
    Text basis;  // where the amount comes from, in words ("合同第 2 版付款计划:2027-07 期 32000.00 元")
};
// The installments whose payment period overlaps the assessment period `period` (a label of the contract's
// assessment frequency), each counted whole when its period lies inside, otherwise pro rata by days, floored to the
// fen. Nothing when the period is not one of the term's or no installment covers it.
std::optional<PeriodFee> PeriodFeeOf(const ContractContent& content, std::string_view period, int version_no);

struct PolicyAssessment {
    std::string id;
    std::string period;    // "2027-03"
    Date date;             // the day it was made; this date places it in a window
    int score_tenths = 0;  // current total (after any appeal), 0 … 1000
    int failed_items = 0;
    int missing_staff_days = 0;
    bool routine = true;               // only routine assessments (日常例行监督考核) count for RP-1 … RP-3
    bool changed_on_appeal = false;    // the score above is the one decided on appeal (SUP-8)
    std::optional<PolicyTerms> terms;  // the terms in force when it was made; the contract's when absent
    std::optional<PeriodFee> fee;      // the period's fee under those terms; needed by a clause in percent of it
};

struct PolicySurvey {
    std::string id;
    std::string period;
    Date date;
    std::int64_t very_satisfied = 0;
    std::int64_t satisfied = 0;
    std::int64_t basically_satisfied = 0;
    std::int64_t dissatisfied = 0;
    std::int64_t invalid = 0;
};

// 节能降耗: a measure and what it saved, in money, in kWh or both.
struct PolicyEnergySaving {
    std::string id;
    Date date;
    std::string measure;
    Money saving;
    std::int64_t saving_kwh = 0;
};

// STF-6 -> RP-2: a day of a complete month on which the attendance fell short of the contract's staffing.
struct PolicyStaffingDay {
    Date date;
    int missing_person_days = 0;
    Text detail;  // per post: required and provided, in words
};

// The short days of one month that is over and has attendance recorded (a month without any is not judged).
struct PolicyStaffingMonth {
    std::string month;  // "2026-02"
    std::vector<PolicyStaffingDay> days;
    // The month's assessment already charged missing staff (its own count, entered by the office): the attendance
    // is not charged a second time for the same month.
    bool charged_by_assessment = false;
};

struct PolicySettings {
    std::string version;       // the settings version in force, recorded on every decision
    std::string rule_version;  // the version of these rules, recorded on every decision
    int failures_threshold = 3;
    PolicyWindowKind window = PolicyWindowKind::kRolling12Months;
    int satisfaction_percent = 60;         // a survey strictly below this proposes termination
    int reward_assessment_average = 90;    // points; the year's average must reach it
    int reward_satisfaction_percent = 90;  // the year's pooled satisfaction must reach it
};

enum class YearEndReview { kWhenLastMonth, kForce };

struct PolicyFacts {
    PolicyContract contract;
    std::vector<PolicyAssessment> assessments;
    std::vector<PolicySurvey> surveys;
    std::vector<PolicyStaffingMonth> staffing_months;
    // Days already decided by a staffing proposal (approved or rejected): never proposed again (RP-2).
    std::vector<Date> staffing_days_decided;
    std::vector<PolicyEnergySaving> energy_savings;
    PolicySettings settings;
    Date today;  // the evaluation date; facts dated after it are not yet known and are ignored
    // RP-1 is weighed in the last month of the contract year, or whenever the office asks for a year-end review.
    YearEndReview year_end_review = YearEndReview::kWhenLastMonth;
};

enum class PolicyDecisionKind { kTermination, kDeduction, kReward };
std::string_view PolicyDecisionKindCode(PolicyDecisionKind kind);

// kAgentScore: a call-centre agent's ranked month (CC-6), evidence of a proposal made outside these rules.
enum class PolicyEvidenceKind { kAssessment, kSurvey, kEnergySaving, kStaffingDay, kAgentScore };
std::string_view PolicyEvidenceKindCode(PolicyEvidenceKind kind);

struct PolicyEvidence {
    PolicyEvidenceKind kind = PolicyEvidenceKind::kAssessment;
    std::string id;
    std::string period;  // empty for energy-saving records
    Date date;
    std::string value;  // canonical: "52.5" (score), "59.99%" (rate, floored), "1200.00+350kWh" (saving)
    Text description;
};

struct PolicyDecision {
    PolicyDecisionKind kind = PolicyDecisionKind::kDeduction;
    std::string rule;  // "RP-1", "RP-2", "RP-3/failures", "RP-3/satisfaction"
    std::string rule_version;
    std::string settings_version;
    std::string contract_id;
    // Built only from the rule, the contract and the evidence (ids and the values used), so re-running on the same
    // facts gives the same key and any change of evidence (a new failure, a score changed on appeal) a new one.
    std::string dedupe_key;
    // Deductions only. Terminations carry none; a reward's amount is set by leadership when it approves (D1 Art.8(1)
    // says only "一定的物质奖励"), so the engine proposes the vendor and its evidence, not a sum.
    std::optional<Money> amount;
    std::vector<PolicyEvidence> evidence;
    std::vector<PolicyParameter> thresholds;  // every setting and term the decision used
    Text explanation;
};

// Why something was looked at and did not lead to a decision (shown with the evaluation, never proposed).
struct PolicyNote {
    std::string code;        // survey_without_valid_answers, not_routine, after_evaluation_date, outside_term,
                             // reward_not_met, period_fee_unknown
    std::string subject_id;  // the assessment, survey or contract concerned
    Text text;
};

struct PolicyEvaluation {
    PolicyPeriod window;       // the RP-3 year used
    PolicyPeriod reward_year;  // the contract year RP-1 looks at
    // In order: RP-3/failures, RP-3/satisfaction, RP-2 by assessment date then id, RP-2/staffing by month, RP-1.
    std::vector<PolicyDecision> decisions;
    std::vector<PolicyNote> notes;
};

PolicyEvaluation EvaluatePolicies(const PolicyFacts& facts);

// RP-4: rules are re-evaluated on every new result. Given this run's decisions and the keys of the proposals
// already made, says which decisions are new and which open proposals no longer hold (e.g. an appeal turned a
// failure into a pass) and should be withdrawn. Closed proposals (approved, rejected, withdrawn) are never
// proposed again nor withdrawn. An open proposal whose evidence is all still part of a current decision of the same
// rule still holds: more evidence (a fourth failure) neither withdraws it nor raises a second proposal.
struct PolicyReconciliation {
    std::vector<PolicyDecision> to_propose;
    std::vector<std::string> to_withdraw;
};
PolicyReconciliation ReconcileProposals(const std::vector<PolicyDecision>& decisions,
                                        const std::vector<std::string>& open_keys,
                                        const std::vector<std::string>& closed_keys);

// SUP-4 default formula: (very satisfied + satisfied + basically satisfied) / valid answers, valid = every answer
// except the invalid ones. Without valid answers there is no rate.
struct SatisfactionRate {
    std::int64_t satisfied = 0;
    std::int64_t valid = 0;
    [[nodiscard]] bool Below(int percent) const { return satisfied * 100 < static_cast<std::int64_t>(percent) * valid; }
    [[nodiscard]] std::string ToString() const;  // "59.99%", floored so it never reads as reaching a threshold
};
std::optional<SatisfactionRate> RateOf(const PolicySurvey& survey);

}  // namespace houqin
