// RP-4: the daily job runs at 02:00 Asia/Shanghai.
#include "app/daily_job.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace houqin {
namespace {

std::int64_t Ms(const char* iso) { return Instant::ParseIso(iso)->ms; }

// the daily job that writes the reminders runs at 02:00 Asia/Shanghai, whatever the host's zone.
TEST(DailyJobTest, X2_RemindersRunAtTwoOClockShanghaiTime) {
    EXPECT_EQ(MillisecondsToNextRun(Ms("2026-11-28T01:00:00+08:00")), 3'600'000);
    EXPECT_EQ(MillisecondsToNextRun(Ms("2026-11-28T02:00:00+08:00")), 24 * 3'600'000);
    EXPECT_EQ(MillisecondsToNextRun(Ms("2026-11-28T23:30:00+08:00")), 2 * 3'600'000 + 1'800'000);
    // 18:00 UTC is 02:00 in Shanghai the next day.
    EXPECT_EQ(MillisecondsToNextRun(Ms("2026-11-28T17:00:00Z")), 3'600'000);
}

}  // namespace
}  // namespace houqin
