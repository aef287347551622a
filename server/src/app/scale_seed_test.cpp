// Issue 15: the county data set (`houqin seed-scale`), at a tiny scale: the counts follow the scale, every record
// came through the services with its audit entry (the chain verifies, X-1), and the same seed writes the same data.
#include "app/scale_seed.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app/services.h"
#include "platform/audit/audit_store.h"
#include "platform/database/test_database.h"

namespace houqin {
namespace {

constexpr double kTinyScale = 0.001;  // 1 town, 1 vendor, 2 contracts
// The last of the five years only (the sanitized build is slow): 2026-01 .. 2026-11 assessed by 2026-12-05.
const ScaleSeedOptions kTiny{7, kTinyScale, 1};
constexpr std::int64_t kMonthsAssessed = 11;

std::int64_t CountRows(storage::Database& database, const std::string& table) {
    auto lease = database.Acquire();
    return lease->Query("SELECT COUNT(*) FROM " + table).at(0).Int(0);
}

// What two runs must agree on: the chain's head (it hashes every audited record and its time) and the scores.
std::string Fingerprint(storage::Database& database) {
    auto lease = database.Acquire();
    std::string text = lease->Query("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").at(0).Str(0);
    for (const auto& row : lease->Query("SELECT id, contract_id, period, total_tenths FROM assessments ORDER BY id")) {
        text += "|" + row.Str(0) + "," + row.Str(1) + "," + row.Str(2) + "," + row.Str(3);
    }
    return text;
}

// Issue 15: 30 towns, 600 vendors and 1,500 contracts at scale 1, a proportionate small county below it; a scale or a
// number of years out of range is refused before anything is written.
TEST(ScaleSeedTest, Issue15_TheScaleGivesTheCountysSize) {
    const auto full = ScaleSeedSizeOf(1.0);
    EXPECT_EQ(full.towns, 30U);
    EXPECT_EQ(full.vendors, 600U);
    EXPECT_EQ(full.contracts, 1500U);
    const auto small = ScaleSeedSizeOf(0.02);
    EXPECT_EQ(small.towns, 1U);
    EXPECT_EQ(small.vendors, 12U);
    EXPECT_EQ(small.contracts, 30U);
    storage::TestDatabase database;
    Services services(*database, Clock());
    for (const double wrong : {0.0, -1.0, 65.0}) {
        const auto refused = SeedScale(services, {1, wrong, 5});
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().fields.at(0).field, "scale");
    }
    const auto refused = SeedScale(services, {1, 1.0, 6});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "years");
    const auto tiny = ScaleSeedSizeOf(kTinyScale);
    EXPECT_EQ(tiny.towns, 1U);
    EXPECT_EQ(tiny.vendors, 1U);
    EXPECT_EQ(tiny.contracts, 2U);
}

// X-1, issue 15: the tiny county is written through the services (every change audited, the chain intact, its
// times in its order), its
// counts are those reported and stored, the same seed gives the same chain and scores, and a second run into a
// database that has users is refused.
TEST(ScaleSeedTest, X1_Issue15_TheCountyIsAuditedCompleteAndTheSameFromTheSameSeed) {
    storage::TestDatabase first;
    Services services(*first, Clock());
    services.staff.InstallPublishedCalendars();
    const auto counts = SeedScale(services, kTiny);
    ASSERT_TRUE(counts) << counts.error().message.en;
    EXPECT_EQ(counts->towns, 1);
    EXPECT_EQ(counts->vendors, 1);
    EXPECT_EQ(counts->contracts, 2);
    EXPECT_EQ(counts->amendments, 1);  // every third contract, from the first
    EXPECT_EQ(counts->assessments, 2 * kMonthsAssessed);
    EXPECT_EQ(counts->surveys, 2);  // one a year
    EXPECT_EQ(counts->survey_answers, 2 * counts->surveys);
    EXPECT_EQ(counts->people, 2 * 3);
    EXPECT_GT(counts->payments, 2 * 2);  // 2026-Q1 .. 2026-Q3, less any quarter deducted to nothing
    EXPECT_GT(counts->attendance_rows, 0);

    EXPECT_EQ(CountRows(*first, "contracts"), 2);
    EXPECT_EQ(CountRows(*first, "contract_versions"), 2 + 1);
    EXPECT_EQ(CountRows(*first, "assessments"), counts->assessments);
    EXPECT_EQ(CountRows(*first, "surveys"), counts->surveys);
    EXPECT_EQ(CountRows(*first, "contract_payments"), counts->payments);
    EXPECT_EQ(CountRows(*first, "meetings"), counts->meetings);
    EXPECT_EQ(CountRows(*first, "rectifications"), counts->rectifications);
    EXPECT_EQ(CountRows(*first, "staff_people"), counts->people);
    EXPECT_EQ(CountRows(*first, "attendance"), counts->attendance_rows);
    EXPECT_EQ(CountRows(*first, "vendors"), 1);

    {
        auto lease = first->Acquire();
        const auto verification = storage::VerifyAuditChain(*lease);
        EXPECT_TRUE(verification.ok) << verification.reason.en;
        // At least an entry for each assessment, contract step and payment.
        EXPECT_GT(verification.checked, counts->assessments + counts->payments + 5 * counts->contracts);
        // The county's clock never moves back: the trail's times follow its order.
        EXPECT_EQ(
            lease->Query("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 WHERE b.at < a.at")
                .at(0)
                .Int(0),
            0);
    }
    EXPECT_EQ(services.context.clock.Today().ToString(), "2026-12-05");

    const auto again = SeedScale(services, kTiny);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);

    storage::TestDatabase second;
    Services second_services(*second, Clock());
    second_services.staff.InstallPublishedCalendars();
    const auto second_counts = SeedScale(second_services, kTiny);
    ASSERT_TRUE(second_counts) << second_counts.error().message.en;
    EXPECT_EQ(ScaleSeedCountsText(*second_counts), ScaleSeedCountsText(*counts));
    EXPECT_EQ(Fingerprint(*second), Fingerprint(*first));
}

std::string RowsText(storage::Database& database, const std::string& sql) {
    auto lease = database.Acquire();
    std::string text;
    for (const auto& row : lease->Query(sql)) {
        for (std::size_t i = 0; i < row.size(); ++i) text += row.Str(i) + (i + 1 < row.size() ? "," : "\n");
    }
    return text;
}

// X-3, issue 15: the dashboard's totals (assessments and their scores by period, owner and kind, closed surveys'
// ratings), written as the county's assessments, appeals and surveys went through the services, are exactly the sums of
// the rows they stand for.
TEST(ScaleSeedTest, X3_Issue15_TheDashboardsTotalsAreTheSumsOfTheirRows) {
    storage::TestDatabase database;
    Services services(*database, Clock());
    services.staff.InstallPublishedCalendars();
    const auto counts = SeedScale(services, kTiny);
    ASSERT_TRUE(counts) << counts.error().message.en;
    const auto scores = RowsText(*database,
                                 "SELECT period, owner_path, kind, total_tenths, assessments FROM assessment_totals "
                                 "ORDER BY period, owner_path, kind");
    EXPECT_EQ(scores, RowsText(*database,
                               "SELECT period, owner_path, kind, SUM(total_tenths), COUNT(*) FROM assessments GROUP BY "
                               "period, owner_path, kind ORDER BY period, owner_path, kind"));
    EXPECT_GE(std::count(scores.begin(), scores.end(), '\n'), kMonthsAssessed);
    const auto ratings = RowsText(*database,
                                  "SELECT period, owner_path, basic_counts_satisfied, rating, answers FROM "
                                  "closed_survey_ratings ORDER BY period, owner_path, basic_counts_satisfied, rating");
    EXPECT_EQ(ratings, RowsText(*database,
                                "SELECT s.period, s.owner_path, s.basic_counts_satisfied, r.rating, COUNT(*) FROM "
                                "surveys s JOIN survey_answers r ON r.survey_id = s.id WHERE s.status = 'closed' "
                                "GROUP BY s.period, s.owner_path, s.basic_counts_satisfied, r.rating ORDER BY "
                                "s.period, s.owner_path, s.basic_counts_satisfied, r.rating"));
    EXPECT_FALSE(ratings.empty());
}

}  // namespace
}  // namespace houqin
