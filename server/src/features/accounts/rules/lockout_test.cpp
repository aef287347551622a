// ROLE-1, PRJ-7: the one lockout rule of the log-in and the opening.
#include "features/accounts/rules/lockout.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

constexpr std::int64_t kMinute = 60'000;
const Instant kNine{1'796'000'000'000};  // any instant

Instant After(std::int64_t minutes) { return Instant{kNine.ms + minutes * kMinute}; }

TEST(LockoutTest, ROLE1_BelowTheLimitEveryAttemptIsCheckedAndCounted) {
    const LockoutRule rule{3, 30, 0};
    auto decision = DecideLockout({0, std::nullopt}, kNine, rule);
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.next_failures, 1);
    decision = DecideLockout({2, kNine}, kNine, rule);
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.next_failures, 3);
}

TEST(LockoutTest, PRJ7_AtTheLimitTheSecretIsRefusedUntilTheLockEnds) {
    const LockoutRule rule{3, 30, 0};
    auto decision = DecideLockout({3, kNine}, After(0), rule);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.wait_minutes, 30);
    EXPECT_EQ(decision.next_failures, 3) << "a refused attempt is not counted";
    // Rounded up: 29 minutes and one second left is 30 minutes to wait.
    decision = DecideLockout({3, kNine}, Instant{After(0).ms + 59'000}, rule);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.wait_minutes, 30);
    decision = DecideLockout({3, kNine}, Instant{After(29).ms + 1}, rule);
    EXPECT_EQ(decision.wait_minutes, 1);
}

TEST(LockoutTest, PRJ7_AfterTheLockTheCountStartsAgain) {
    const LockoutRule rule{3, 30, 0};
    const auto decision = DecideLockout({3, kNine}, After(30), rule);
    EXPECT_TRUE(decision.allowed);
    EXPECT_EQ(decision.next_failures, 1);
}

TEST(LockoutTest, ROLE1_EachFailureAfterALockDoublesItUpToTheLongest) {
    const LockoutRule rule{5, 15, 120};
    EXPECT_EQ(LockMinutes(4, rule), 0);
    EXPECT_EQ(LockMinutes(5, rule), 15);
    EXPECT_EQ(LockMinutes(6, rule), 30);
    EXPECT_EQ(LockMinutes(7, rule), 60);
    EXPECT_EQ(LockMinutes(8, rule), 120);
    EXPECT_EQ(LockMinutes(9, rule), 120);
    EXPECT_EQ(LockMinutes(40, rule), 120);
    const auto decision = DecideLockout({6, kNine}, After(29), rule);
    EXPECT_FALSE(decision.allowed);
    EXPECT_EQ(decision.wait_minutes, 1);
}

TEST(LockoutTest, PRJ7_WithoutALongestLockTheLockNeverGrows) {
    const LockoutRule rule{5, 30, 0};
    EXPECT_EQ(LockMinutes(5, rule), 30);
    EXPECT_EQ(LockMinutes(12, rule), 30);
}

TEST(LockoutTest, ROLE1_MinutesUntilRoundsUp) {
    EXPECT_EQ(MinutesUntil(After(2), kNine), 2);
    EXPECT_EQ(MinutesUntil(Instant{After(2).ms + 1}, kNine), 3);
    EXPECT_EQ(MinutesUntil(kNine, kNine), 0);
}

}  // namespace
}  // namespace houqin
