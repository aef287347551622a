// STF-2: a person's documents and social-insurance months judged on a day.
#include "features/staff/rules/staff_documents.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

const Date kToday = Date::FromYmd(2026, 12, 6);

// STF-2: a required kind without a document is flagged missing in words; a kind not required is not.
TEST(StaffDocumentsTest, STF2MissingRequiredDocumentIsFlagged) {
    const auto flags =
        JudgeDocuments({DocumentKind::kHealthCertificate, DocumentKind::kLabourContract},
                       {{DocumentKind::kLabourContract, kToday.AddDays(-100), std::nullopt}}, kToday, 30);
    ASSERT_EQ(flags.size(), 1U);
    EXPECT_EQ(flags[0].state, DocumentState::kMissing);
    EXPECT_EQ(flags[0].text.zh, "缺健康证");
    EXPECT_EQ(flags[0].text.en, "no health certificate");
}

// STF-2: expired the day before today is expired, naming its date; valid today is not expired.
TEST(StaffDocumentsTest, STF2ExpiredAndExpiringAreFlaggedWithTheirDate) {
    const auto expired =
        JudgeDocuments({DocumentKind::kHealthCertificate},
                       {{DocumentKind::kHealthCertificate, kToday.AddDays(-365), kToday.AddDays(-1)}}, kToday, 30);
    ASSERT_EQ(expired.size(), 1U);
    EXPECT_EQ(expired[0].state, DocumentState::kExpired);
    EXPECT_EQ(expired[0].text.zh, "健康证已过期 " + kToday.AddDays(-1).ToString());
    const auto last_day = JudgeDocuments({DocumentKind::kHealthCertificate},
                                         {{DocumentKind::kHealthCertificate, kToday.AddDays(-365), kToday}}, kToday, 0);
    ASSERT_EQ(last_day.size(), 1U);
    EXPECT_EQ(last_day[0].state, DocumentState::kExpiring);
    const auto later = JudgeDocuments({DocumentKind::kHealthCertificate},
                                      {{DocumentKind::kHealthCertificate, kToday, kToday.AddDays(31)}}, kToday, 30);
    EXPECT_TRUE(later.empty());
}

// STF-2: a renewed certificate (the newest by issue date) replaces the expired one.
TEST(StaffDocumentsTest, STF2NewestDocumentOfAKindCounts) {
    const auto flags = JudgeDocuments({DocumentKind::kHealthCertificate},
                                      {{DocumentKind::kHealthCertificate, kToday.AddDays(-10), kToday.AddDays(355)},
                                       {DocumentKind::kHealthCertificate, kToday.AddDays(-400), kToday.AddDays(-30)}},
                                      kToday, 30);
    EXPECT_TRUE(flags.empty());
}

// STF-2 (D3 §3): months from the start month to last month without a payment; this month is not due yet.
TEST(StaffDocumentsTest, STF2MissingInsuranceMonthsRunToLastMonth) {
    const auto start = Date::FromYmd(2026, 9, 15);
    const auto missing = MissingInsuranceMonths(start, std::nullopt, kToday, {"2026-10"});
    EXPECT_EQ(missing, (std::vector<std::string>{"2026-09", "2026-11"}));
    EXPECT_TRUE(MissingInsuranceMonths(Date::FromYmd(2026, 12, 1), std::nullopt, kToday, {}).empty());
    // Across a year's end, and bounded by the end date's month.
    const auto across = MissingInsuranceMonths(Date::FromYmd(2025, 11, 30), Date::FromYmd(2026, 1, 5), kToday, {});
    EXPECT_EQ(across, (std::vector<std::string>{"2025-11", "2025-12", "2026-01"}));
    EXPECT_EQ(InsuranceFlagText(2).zh, "社保缺 2 个月");
}

// STF-2: a month is YYYY-MM with a real month.
TEST(StaffDocumentsTest, STF2MonthIsStrict) {
    EXPECT_TRUE(ParseMonth("2026-02"));
    EXPECT_FALSE(ParseMonth("2026-13"));
    EXPECT_FALSE(ParseMonth("2026-2"));
    EXPECT_FALSE(ParseMonth("26-02-01"));
}

}  // namespace
}  // namespace houqin
