#pragma once
// RP-5, CON-6: at term end the contract's history is summarised as the renewal basis, and a recommendation is
// given with every reason that led to it (docs/api.md "Renewal basis and reports"). Pure: the caller counts the
// facts and reads the settings in force; the thresholds used are part of the answer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/supervision/rules/policy_engine.h"

namespace houqin {

enum class RenewalRecommendation { kRenew, kRenewWithConditions, kDoNotRenew };
std::string_view RenewalRecommendationCode(RenewalRecommendation recommendation);
Text RenewalRecommendationName(RenewalRecommendation recommendation);

struct RenewalSurveyFact {
    std::string period;
    std::optional<SatisfactionRate> rate;  // none without valid answers: such a survey never counts against
};

struct RenewalFacts {
    std::int64_t termination_proposals_approved = 0;
    std::int64_t termination_proposals_pending = 0;  // pending_office or pending_leadership
    std::int64_t routine_failures = 0;               // failed routine assessments in the term (RP-3 counts these)
    std::int64_t failures = 0;                       // failed assessments of any kind in the term
    std::int64_t assessments = 0;
    std::vector<RenewalSurveyFact> surveys;
    std::optional<SatisfactionRate> satisfaction;  // pooled over the surveys of the term
    std::int64_t deductions = 0;                   // ledger entries of kind deduction
    std::int64_t rectifications_overdue = 0;
    std::int64_t rectifications_unverified = 0;  // open or reported (not closed)
    // Settings in force.
    int failures_threshold = 3;
    int satisfaction_percent = 60;
    int reward_satisfaction_percent = 90;
};

struct RenewalReason {
    std::string code;  // termination_proposal, failures_threshold, survey_below, failure, deduction,
                       // rectification_overdue, rectification_unverified, satisfaction_below_reward, clean
    RenewalRecommendation level = RenewalRecommendation::kRenew;  // the recommendation this reason leads to
    Text text;
};

struct RenewalAdvice {
    RenewalRecommendation recommendation = RenewalRecommendation::kRenew;
    std::vector<RenewalReason> reasons;  // every condition that holds, the strongest first; "clean" when none
};

// do_not_renew: a termination proposal approved or pending, or failures in the term reaching the failures
// threshold, or a survey rate below the satisfaction percent.
// renew_with_conditions: any failure, deduction, overdue or unverified rectification, or pooled satisfaction below
// the reward satisfaction percent. Otherwise renew.
RenewalAdvice RecommendRenewal(const RenewalFacts& facts);

}  // namespace houqin
