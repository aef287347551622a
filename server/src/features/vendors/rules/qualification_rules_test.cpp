// PRJ-4, X-2: qualifications are flagged expired after their last valid day and expiring inside the warning window.
#include "features/vendors/rules/qualification_rules.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

const Date kToday = *Date::Parse("2026-11-28");

TEST(QualificationRulesTest, PRJ4_ValidThroughItsLastDay) {
    EXPECT_EQ(JudgeQualification(kToday, kToday, 30).status, QualificationStatus::kExpiring);
    EXPECT_EQ(JudgeQualification(kToday, kToday, 30).days_left, 0);
    EXPECT_EQ(JudgeQualification(kToday.AddDays(-1), kToday, 30).status, QualificationStatus::kExpired);
}

TEST(QualificationRulesTest, X2_WarningWindowIsASetting) {
    EXPECT_EQ(JudgeQualification(kToday.AddDays(30), kToday, 30).status, QualificationStatus::kExpiring);
    EXPECT_EQ(JudgeQualification(kToday.AddDays(31), kToday, 30).status, QualificationStatus::kOk);
    EXPECT_EQ(JudgeQualification(kToday.AddDays(31), kToday, 60).status, QualificationStatus::kExpiring);
    EXPECT_EQ(JudgeQualification(kToday.AddDays(1), kToday, 0).status, QualificationStatus::kOk);
}

TEST(QualificationRulesTest, PRJ4_VendorTakesTheWorstStatus) {
    EXPECT_EQ(WorstStatus({}), QualificationStatus::kNone);
    EXPECT_EQ(WorstStatus({QualificationStatus::kOk, QualificationStatus::kExpired, QualificationStatus::kExpiring}),
              QualificationStatus::kExpired);
    EXPECT_EQ(WorstStatus({QualificationStatus::kOk, QualificationStatus::kExpiring}), QualificationStatus::kExpiring);
}

}  // namespace
}  // namespace houqin
