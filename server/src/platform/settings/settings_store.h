#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/time.h"
#include "platform/database/database.h"
#include "platform/settings/settings.h"

namespace houqin::storage {

// Inside a transaction: holds one setting until the transaction ends, so a change reads the value it replaces (for
// the audit trail) and writes its own with no other change between, and the first change of a setting never set
// before is not refused by the key a parallel first change inserted. PostgreSQL: an advisory lock on (1007, the key's
// hash), as the row may not exist yet; SQLite's BEGIN IMMEDIATE already serialises writers.
void LockSetting(Connection& connection, std::string_view key);
// The value in force, or the definition's default when none was ever set.
std::int64_t ReadSetting(Connection& connection, std::string_view key);
void WriteSetting(Connection& connection, std::string_view key, std::int64_t value, Instant at,
                  const std::string& changed_by, const std::string& reason);
// Settings in words: the text in force, or the definition's default_text; and the version of that text, the id of
// the history entry that set it ("S0" for the default), which documents that print it record.
struct TextSetting {
    std::string text;
    std::string version;
};
TextSetting ReadTextSetting(Connection& connection, std::string_view key);
void WriteTextSetting(Connection& connection, std::string_view key, const std::string& text, Instant at,
                      const std::string& changed_by, const std::string& reason);
std::vector<SettingChange> SettingHistory(Connection& connection, std::string_view key);

}  // namespace houqin::storage
