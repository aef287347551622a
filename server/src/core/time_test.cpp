// dates and times are Asia/Shanghai.
#include "core/time.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

TEST(TimeTest, X6_ParsesOnlyRealCalendarDays) {
    EXPECT_EQ(Date::Parse("2024-02-29")->ToString(), "2024-02-29");
    EXPECT_FALSE(Date::Parse("2023-02-29"));
    EXPECT_FALSE(Date::Parse("2026-13-01"));
    EXPECT_FALSE(Date::Parse("2026-1-01"));
    EXPECT_FALSE(Date::Parse("2026/01/01"));
    EXPECT_EQ(Date::Parse("2026-12-31")->AddDays(1).ToString(), "2027-01-01");
}

TEST(TimeTest, X6_InstantsRenderInShanghai) {
    // 16:30 UTC is already the next day in Shanghai.
    const auto instant = Instant::ParseIso("2026-11-28T16:30:00Z");
    ASSERT_TRUE(instant);
    EXPECT_EQ(instant->ToIso(), "2026-11-29T00:30:00.000+08:00");
    EXPECT_EQ(instant->ShanghaiDate().ToString(), "2026-11-29");
    EXPECT_EQ(Instant::ParseIso("2026-11-29T00:30:00+08:00")->ms, instant->ms);
    EXPECT_FALSE(Instant::ParseIso("2026-11-28 16:30"));
}

// Found by fuzzing (server/fuzz/corpus/time/offset.txt): "+99:99" was read as an offset of 99 h 99 min.
TEST(TimeTest, X6_AnOffsetBeyondRfc3339IsRefused) {
    EXPECT_TRUE(Instant::ParseIso("2026-11-28T16:30:00+23:59"));
    EXPECT_TRUE(Instant::ParseIso("2026-11-28T16:30:00-12:00"));
    EXPECT_FALSE(Instant::ParseIso("2026-11-28T16:30:00+24:00"));
    EXPECT_FALSE(Instant::ParseIso("2026-11-28T16:30:00+08:60"));
    EXPECT_FALSE(Instant::ParseIso("1900-01-01 00:00:00+99:99"));
}

// Midnight in Shanghai is still the previous day in UTC: "today" must be the Shanghai date.
TEST(TimeTest, X6_TodayIsTheShanghaiDateFromMidnight) {
    const Clock clock(*Instant::ParseIso("2026-01-01T00:00:00+08:00"));
    EXPECT_EQ(clock.Today().ToString(), "2026-01-01");
    // The same instant written in UTC, and the last second of the old year.
    EXPECT_EQ(Clock(*Instant::ParseIso("2025-12-31T16:00:00Z")).Today().ToString(), "2026-01-01");
    EXPECT_EQ(Clock(*Instant::ParseIso("2025-12-31T15:59:59Z")).Today().ToString(), "2025-12-31");
}

}  // namespace
}  // namespace houqin
