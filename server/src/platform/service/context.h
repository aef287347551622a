#pragma once
// What every service needs: the database seam, the clock, and the settings in force.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/time.h"
#include "platform/database/database.h"

namespace houqin {

// Settings are read on hot paths (every request reads the session idle limit), so values are cached for a few
// seconds. A change made on this instance is seen at once; other instances see it within kTtl.
class SettingsCache {
  public:
    std::int64_t Get(storage::Connection& connection, std::string_view key);
    void Invalidate();

  private:
    static constexpr std::chrono::seconds kTtl{5};
    std::mutex mutex_;
    std::map<std::string, std::int64_t, std::less<>> values_;
    std::chrono::steady_clock::time_point loaded_at_{};
};

struct ServiceContext {
    storage::Database& database;
    Clock clock;
    SettingsCache settings;
};

}  // namespace houqin
