#pragma once
// A small cache of query results keyed by the query and tagged with the data set's version from the database.
// An entry is used only while the stored version equals the current one, so writes from any instance invalidate
// it at once (the version is bumped in the writing transaction). Bounded: cleared when it grows past its limit.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace houqin {

template <typename Value>
class VersionedCache {
  public:
    explicit VersionedCache(std::size_t limit) : limit_(limit) {}

    std::optional<Value> Find(const std::string& key, std::int64_t version) {
        std::lock_guard lock(mutex_);
        const auto found = entries_.find(key);
        if (found == entries_.end() || found->second.version != version) return std::nullopt;
        return found->second.value;
    }

    void Store(const std::string& key, std::int64_t version, Value value) {
        std::lock_guard lock(mutex_);
        if (entries_.size() >= limit_) entries_.clear();
        entries_[key] = Entry{version, std::move(value)};
    }

  private:
    struct Entry {
        std::int64_t version;
        Value value;
    };
    std::mutex mutex_;
    std::size_t limit_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace houqin
