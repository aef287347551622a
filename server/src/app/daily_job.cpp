#include "app/daily_job.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace houqin {

std::int64_t MillisecondsToNextRun(std::int64_t now_ms) {
    constexpr std::int64_t kHour = 3'600'000;
    constexpr std::int64_t kDay = 24 * kHour;
    const std::int64_t local = now_ms + 8 * kHour;  // Asia/Shanghai has no daylight saving
    const std::int64_t midnight = local - ((local % kDay) + kDay) % kDay;
    std::int64_t next = midnight + 2 * kHour;
    if (next <= local) next += kDay;
    return next - local;
}

void DailyJob::Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { Loop(); });
}

void DailyJob::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void DailyJob::Loop() {
    for (;;) {
        try {
            policy_.RunDaily();
        } catch (const std::exception& error) {
            spdlog::error("daily job failed: {}", error.what());
        }
        const auto now_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, std::chrono::milliseconds(MillisecondsToNextRun(now_ms)),
                           [this] { return stopping_; })) {
            return;
        }
    }
}

}  // namespace houqin
