// CC-5: the month's and each person's totals of extra rewards, withdrawn rewards left out, overflow refused.
#include "features/callcentre/rules/rewards.h"

#include <gtest/gtest.h>

#include <limits>

namespace houqin {
namespace {

TEST(CcRewardsTest, CC5_TotalsPerPersonAndAltogetherLeaveWithdrawnOut) {
    const auto totals = SumRewards({{1, 20000, false}, {2, 5050, false}, {1, 30000, false}, {2, 99999, true}});
    ASSERT_TRUE(totals.has_value());
    EXPECT_EQ(totals->total_fen, 55050);
    EXPECT_EQ(totals->count, 3);
    EXPECT_EQ(totals->per_person_fen.at(1), 50000);
    EXPECT_EQ(totals->per_person_fen.at(2), 5050);
    EXPECT_EQ(totals->per_person_count.at(1), 2);
    EXPECT_EQ(totals->per_person_count.at(2), 1);
}

TEST(CcRewardsTest, CC5_OnlyWithdrawnOrNoneSumsToZero) {
    EXPECT_EQ(SumRewards({})->total_fen, 0);
    const auto totals = SumRewards({{3, 100, true}});
    EXPECT_EQ(totals->total_fen, 0);
    EXPECT_EQ(totals->count, 0);
    EXPECT_TRUE(totals->per_person_fen.empty());
}

TEST(CcRewardsTest, CC5_SumBeyondSixtyFourBitsIsRefusedNotWrapped) {
    const auto max = std::numeric_limits<std::int64_t>::max();
    EXPECT_FALSE(SumRewards({{1, max, false}, {2, 1, false}}).has_value());
    EXPECT_FALSE(SumRewards({{1, max, false}, {1, 1, false}}).has_value());
    EXPECT_TRUE(SumRewards({{1, max, false}, {2, 1, true}}).has_value());
}

}  // namespace
}  // namespace houqin
