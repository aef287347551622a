// RP-5: the renewal recommendation from counted facts; every condition that holds is a listed reason.
#include "features/supervision/rules/renewal.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

std::vector<std::string> Codes(const RenewalAdvice& advice) {
    std::vector<std::string> codes;
    for (const auto& reason : advice.reasons) codes.push_back(reason.code);
    return codes;
}

SatisfactionRate Rate(std::int64_t satisfied, std::int64_t valid) { return {satisfied, valid}; }

TEST(RenewalTest, CleanHistoryRenewsWithOneReason) {
    RenewalFacts facts;
    facts.assessments = 12;
    facts.satisfaction = Rate(19, 20);
    const auto advice = RecommendRenewal(facts);
    EXPECT_EQ(advice.recommendation, RenewalRecommendation::kRenew);
    ASSERT_EQ(Codes(advice), std::vector<std::string>{"clean"});
    EXPECT_NE(advice.reasons[0].text.zh.find("95.00%"), std::string::npos);
}

TEST(RenewalTest, NoDataAtAllStillRenews) {
    // A period without assessment is never a failure (SUP-8), and a survey without answers has no rate (SUP-4).
    RenewalFacts facts;
    facts.surveys.push_back({"2027-H1", std::nullopt});
    EXPECT_EQ(RecommendRenewal(facts).recommendation, RenewalRecommendation::kRenew);
}

TEST(RenewalTest, PendingOrApprovedTerminationStops) {
    RenewalFacts pending;
    pending.termination_proposals_pending = 1;
    EXPECT_EQ(RecommendRenewal(pending).recommendation, RenewalRecommendation::kDoNotRenew);
    RenewalFacts approved;
    approved.termination_proposals_approved = 1;
    EXPECT_EQ(RecommendRenewal(approved).recommendation, RenewalRecommendation::kDoNotRenew);
}

TEST(RenewalTest, RoutineFailuresReachingTheThresholdStop) {
    RenewalFacts facts;
    facts.failures_threshold = 3;
    facts.routine_failures = 2;
    facts.failures = 3;  // a special assessment failed too: not counted against the threshold
    facts.assessments = 12;
    auto advice = RecommendRenewal(facts);
    EXPECT_EQ(advice.recommendation, RenewalRecommendation::kRenewWithConditions);
    EXPECT_EQ(Codes(advice), std::vector<std::string>{"failure"});
    facts.routine_failures = 3;
    advice = RecommendRenewal(facts);
    EXPECT_EQ(advice.recommendation, RenewalRecommendation::kDoNotRenew);
    EXPECT_EQ(Codes(advice), (std::vector<std::string>{"failures_threshold", "failure"}));
    facts.failures_threshold = 4;  // the setting decides
    EXPECT_EQ(RecommendRenewal(facts).recommendation, RenewalRecommendation::kRenewWithConditions);
}

TEST(RenewalTest, OneSurveyBelowTheSatisfactionPercentStops) {
    RenewalFacts facts;
    facts.satisfaction_percent = 60;
    facts.surveys = {{"2027-H1", Rate(6, 10)}, {"2027-H2", Rate(5999, 10000)}};
    facts.satisfaction = Rate(6005, 10010);
    const auto advice = RecommendRenewal(facts);
    EXPECT_EQ(advice.recommendation, RenewalRecommendation::kDoNotRenew);
    // 60.00% is not below 60%; 59.99% is. Pooled 59.99% is below the reward percent too.
    EXPECT_EQ(Codes(advice), (std::vector<std::string>{"survey_below", "satisfaction_below_reward"}));
    EXPECT_NE(advice.reasons[0].text.zh.find("2027-H2"), std::string::npos);
}

TEST(RenewalTest, EachConditionAloneGivesRenewWithConditions) {
    const auto with = [](auto change) {
        RenewalFacts facts;
        facts.satisfaction = Rate(95, 100);
        change(facts);
        return RecommendRenewal(facts);
    };
    EXPECT_EQ(Codes(with([](RenewalFacts& f) { f.failures = 1; })), std::vector<std::string>{"failure"});
    EXPECT_EQ(Codes(with([](RenewalFacts& f) { f.deductions = 2; })), std::vector<std::string>{"deduction"});
    EXPECT_EQ(Codes(with([](RenewalFacts& f) {
                  f.rectifications_overdue = 1;
                  f.rectifications_unverified = 1;
              })),
              (std::vector<std::string>{"rectification_overdue", "rectification_unverified"}));
    EXPECT_EQ(Codes(with([](RenewalFacts& f) { f.satisfaction = Rate(89, 100); })),
              std::vector<std::string>{"satisfaction_below_reward"});
    EXPECT_EQ(with([](RenewalFacts& f) { f.deductions = 1; }).recommendation,
              RenewalRecommendation::kRenewWithConditions);
    // Exactly at the reward percent is not below it.
    EXPECT_EQ(with([](RenewalFacts& f) { f.satisfaction = Rate(90, 100); }).recommendation,
              RenewalRecommendation::kRenew);
}

TEST(RenewalTest, CodesAndNames) {
    EXPECT_EQ(RenewalRecommendationCode(RenewalRecommendation::kRenewWithConditions), "renew_with_conditions");
    EXPECT_EQ(RenewalRecommendationCode(RenewalRecommendation::kDoNotRenew), "do_not_renew");
    EXPECT_EQ(RenewalRecommendationName(RenewalRecommendation::kRenew).zh, "建议续签");
}

}  // namespace
}  // namespace houqin
