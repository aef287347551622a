// STF-3: the qualification test's pass/fail decision and STF-8: a training session's hours.
#include "features/staff/rules/staff_qualification.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

std::string FieldOf(const Error& error) { return error.fields.empty() ? "" : error.fields[0].field; }

// STF-3: a score at the pass mark passes, one point below fails and requires a replacement; the decision keeps the
// score and the pass mark it was judged against.
TEST(StaffQualificationTest, STF3ScoreAtPassMarkPassesOneBelowFails) {
    struct Case {
        std::int64_t score;
        std::int64_t pass_score;
        QualificationOutcome expected;
    };
    for (const auto& item : {Case{60, 60, QualificationOutcome::kPass}, Case{59, 60, QualificationOutcome::kFail},
                             Case{100, 60, QualificationOutcome::kPass}, Case{0, 60, QualificationOutcome::kFail},
                             Case{0, 0, QualificationOutcome::kPass}, Case{99, 100, QualificationOutcome::kFail},
                             Case{85, 80, QualificationOutcome::kPass}, Case{79, 80, QualificationOutcome::kFail}}) {
        const auto decision = JudgeQualificationTest(item.score, item.pass_score);
        ASSERT_TRUE(decision.has_value()) << item.score << " / " << item.pass_score;
        EXPECT_EQ(decision->outcome, item.expected) << item.score << " / " << item.pass_score;
        EXPECT_EQ(decision->score, item.score);
        EXPECT_EQ(decision->pass_score, item.pass_score);
        EXPECT_EQ(decision->RequiresReplacement(), item.expected == QualificationOutcome::kFail);
    }
}

// STF-3: a score outside 0..100 is refused naming the score; a broken pass mark names the pass mark.
TEST(StaffQualificationTest, STF3ScoreOutOfRangeIsRefused) {
    for (const std::int64_t score : {-1LL, 101LL, 120LL, 1000000000000LL}) {
        const auto decision = JudgeQualificationTest(score, 60);
        ASSERT_FALSE(decision.has_value()) << score;
        EXPECT_EQ(FieldOf(decision.error()), "score");
        EXPECT_NE(decision.error().fields[0].message.zh.find("0 到 100"), std::string::npos);
    }
    const auto broken = JudgeQualificationTest(70, 101);
    ASSERT_FALSE(broken.has_value());
    EXPECT_EQ(FieldOf(broken.error()), "pass_score");
}

// STF-3: the outcome codes round-trip, and nothing else parses.
TEST(StaffQualificationTest, STF3OutcomeCodesRoundTrip) {
    for (const auto outcome : {QualificationOutcome::kPass, QualificationOutcome::kFail}) {
        EXPECT_EQ(ParseQualificationOutcome(QualificationOutcomeCode(outcome)), outcome);
    }
    EXPECT_FALSE(ParseQualificationOutcome("passed").has_value());
}

// STF-8: hours read as tenths, at most one decimal place, from 0.5 to 80.
TEST(StaffQualificationTest, STF8HoursAreTenthsWithinLimits) {
    EXPECT_EQ(ParseTrainingHours("2").value(), 20);
    EXPECT_EQ(ParseTrainingHours(" 2.5 ").value(), 25);
    EXPECT_EQ(ParseTrainingHours("0.5").value(), 5);
    EXPECT_EQ(ParseTrainingHours("80").value(), 800);
    EXPECT_EQ(ParseTrainingHours("80.0").value(), 800);
    for (const char* bad : {"", "0", "0.4", "80.1", "100", "2.25", "2.", ".5", "-1", "1e2", "abc", "99999", "2,5"}) {
        const auto hours = ParseTrainingHours(bad);
        ASSERT_FALSE(hours.has_value()) << bad;
        EXPECT_EQ(FieldOf(hours.error()), "hours") << bad;
    }
    EXPECT_EQ(TrainingHoursText(25), "2.5");
    EXPECT_EQ(TrainingHoursText(40), "4.0");
}

}  // namespace
}  // namespace houqin
