#pragma once
// The daily job (RP-4): at start-up and every day at 02:00 Asia/Shanghai, the rules run over every active contract,
// so a window that moved or a contract year that reached its last month is noticed without a new fact. Running it
// on several instances is harmless: a proposal is unique by its evidence.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "features/supervision/policy_service.h"

namespace houqin {

class DailyJob {
  public:
    explicit DailyJob(PolicyService& policy) : policy_(policy) {}
    DailyJob(const DailyJob&) = delete;
    DailyJob& operator=(const DailyJob&) = delete;
    ~DailyJob() { Stop(); }

    void Start();
    void Stop();

  private:
    void Loop();
    PolicyService& policy_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// Milliseconds from `now_ms` (Unix epoch) to the next 02:00 in Asia/Shanghai.
std::int64_t MillisecondsToNextRun(std::int64_t now_ms);

}  // namespace houqin
