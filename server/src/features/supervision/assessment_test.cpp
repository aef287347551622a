// SUP-3: the total, grade and failed items of an assessment, exact in tenths of a point; SUP-4: counting ratings.
#include "features/supervision/assessment.h"

#include <gtest/gtest.h>

#include "features/supervision/survey.h"

namespace houqin {
namespace {

AssessmentTerms Terms() {
    AssessmentTerms terms;
    terms.pass_mark = 60;
    terms.checklist = {{"地面清洁", 40}, {"垃圾清运", 30}, {"绿化养护", 30}};
    terms.bands = {{"优秀", 90}, {"良好", 80}, {"合格", 60}};
    return terms;
}

TEST(AssessmentTest, SUP3_TotalIsHundredMinusPointsLostAndGradeFollowsTheBands) {
    auto outcome = ComputeAssessment(Terms(), {{"地面清洁", 25}, {"垃圾清运", 0}, {"绿化养护", 50}}, 50);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->total_tenths, 925);
    EXPECT_TRUE(outcome->passed);
    EXPECT_EQ(outcome->grade, "优秀");
    EXPECT_EQ(outcome->failed_items, 0);
    EXPECT_NE(outcome->computation.zh.find("总分 = 100 − 7.5 = 92.5 分"), std::string::npos);
    EXPECT_NE(outcome->computation.en.find("total = 100 - 7.5 = 92.5"), std::string::npos);
}

TEST(AssessmentTest, SUP3_ExactlyThePassMarkPassesAndOneTenthBelowFails) {
    auto at_mark = ComputeAssessment(Terms(), {{"地面清洁", 400}, {"垃圾清运", 0}, {"绿化养护", 0}}, 50);
    ASSERT_TRUE(at_mark);
    EXPECT_EQ(at_mark->total_tenths, 600);
    EXPECT_TRUE(at_mark->passed);
    EXPECT_EQ(at_mark->grade, "合格");
    auto below = ComputeAssessment(Terms(), {{"地面清洁", 400}, {"垃圾清运", 1}, {"绿化养护", 0}}, 50);
    ASSERT_TRUE(below);
    EXPECT_EQ(below->total_tenths, 599);
    EXPECT_FALSE(below->passed);
    EXPECT_EQ(below->grade, "不合格");
}

TEST(AssessmentTest, SUP3_AnItemFailsWhenItLostAtLeastTheSetShareOfItsPoints) {
    // 垃圾清运 is worth 30: losing 15 is exactly 50% (failed), 14.9 is not.
    auto outcome = ComputeAssessment(Terms(), {{"地面清洁", 0}, {"垃圾清运", 150}, {"绿化养护", 149}}, 50);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->failed_items, 1);
    EXPECT_TRUE(outcome->items[1].failed);
    EXPECT_FALSE(outcome->items[2].failed);
    auto stricter = ComputeAssessment(Terms(), {{"地面清洁", 0}, {"垃圾清运", 150}, {"绿化养护", 149}}, 40);
    ASSERT_TRUE(stricter);
    EXPECT_EQ(stricter->failed_items, 2);
}

TEST(AssessmentTest, SUP3_PointsLostAboveTheItemsMaximumAreRefusedNamingTheItem) {
    auto outcome = ComputeAssessment(Terms(), {{"地面清洁", 0}, {"垃圾清运", 301}, {"绿化养护", 0}}, 50);
    ASSERT_FALSE(outcome);
    ASSERT_EQ(outcome.error().fields.size(), 1u);
    EXPECT_EQ(outcome.error().fields[0].field, "items[1].lost");
}

TEST(AssessmentTest, SUP3_ItemsMustBeTheContractsChecklistInOrder) {
    EXPECT_FALSE(ComputeAssessment(Terms(), {{"地面清洁", 0}, {"垃圾清运", 0}}, 50));
    auto renamed = ComputeAssessment(Terms(), {{"地面清洁", 0}, {"绿化养护", 0}, {"垃圾清运", 0}}, 50);
    ASSERT_FALSE(renamed);
    EXPECT_EQ(renamed.error().fields[0].field, "items[1].item");
}

TEST(AssessmentTest, SUP3_PointsAreReadWithAtMostOneDecimal) {
    EXPECT_EQ(ParseTenths("2.5"), 25);
    EXPECT_EQ(ParseTenths("3"), 30);
    EXPECT_EQ(ParseTenths("2.50"), 25);
    EXPECT_EQ(ParseTenths("0"), 0);
    EXPECT_FALSE(ParseTenths("2.55"));
    EXPECT_FALSE(ParseTenths("-1"));
    EXPECT_FALSE(ParseTenths("2."));
    EXPECT_FALSE(ParseTenths(".5"));
    EXPECT_FALSE(ParseTenths("1e2"));
    EXPECT_EQ(TenthsToString(925), "92.5");
    EXPECT_EQ(TenthsToString(900), "90");
}

TEST(AssessmentTest, SUP3_PeriodsFollowTheAssessmentFrequencyFromTheTermsStart) {
    // The contract's own quarters (CON-8): 03-15..06-14 is its first, not a 17-day March quarter.
    const auto periods = TermPeriods(*Date::Parse("2027-03-15"), *Date::Parse("2028-03-14"), Frequency::kQuarterly);
    ASSERT_EQ(periods.size(), 4u);
    EXPECT_EQ(periods[0].label, "2027-Q1");
    EXPECT_EQ(periods[0].first.ToString(), "2027-03-15");
    EXPECT_EQ(periods[0].last.ToString(), "2027-06-14");
    EXPECT_EQ(periods[3].label, "2027-Q4");
    EXPECT_EQ(periods[3].last.ToString(), "2028-03-14");
    EXPECT_NE(FindTermPeriod(periods, "2027-Q1"), nullptr);
    EXPECT_EQ(FindTermPeriod(periods, "2026-Q4"), nullptr);
}

TEST(SurveyCountTest, SUP4_RatingsAreCountedAndInvalidOnesLeftOut) {
    const auto counts =
        CountRatings({"very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "dissatisfied", "maybe"});
    EXPECT_EQ(counts.valid(), 5);
    EXPECT_EQ(counts.Satisfied(true), 3);
    EXPECT_EQ(counts.Satisfied(false), 2);
}

}  // namespace
}  // namespace houqin
