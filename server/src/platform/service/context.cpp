#include "platform/service/context.h"

#include "platform/settings/settings_store.h"

namespace houqin {

std::int64_t SettingsCache::Get(storage::Connection& connection, std::string_view key) {
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (now - loaded_at_ < kTtl) {
            if (auto found = values_.find(key); found != values_.end()) return found->second;
        } else {
            values_.clear();
            loaded_at_ = now;
        }
    }
    const auto value = storage::ReadSetting(connection, key);
    std::lock_guard lock(mutex_);
    values_[std::string(key)] = value;
    return value;
}

void SettingsCache::Invalidate() {
    std::lock_guard lock(mutex_);
    values_.clear();
    loaded_at_ = {};
}

}  // namespace houqin
