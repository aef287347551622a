#include "platform/settings/settings_store.h"

#include "platform/settings/settings.h"

namespace houqin::storage {

std::int64_t ReadSetting(Connection& connection, std::string_view key) {
    const auto row = connection.QueryOne("SELECT value FROM settings WHERE key = ?", {std::string(key)});
    if (row) return row->Int(0);
    const auto* definition = FindSetting(key);
    return definition ? definition->default_value : 0;
}

void WriteSetting(Connection& connection, std::string_view key, std::int64_t value, Instant at,
                  const std::string& changed_by, const std::string& reason) {
    const std::string name(key);
    if (connection.Execute("UPDATE settings SET value = ? WHERE key = ?", {value, name}) == 0) {
        connection.Execute("INSERT INTO settings (key, value) VALUES (?, ?)", {name, value});
    }
    connection.Execute(
        "INSERT INTO settings_history (key, value, changed_at, changed_by, reason) VALUES (?, ?, ?, ?, ?)",
        {name, value, at.ms, changed_by, reason});
}

std::vector<SettingChange> SettingHistory(Connection& connection, std::string_view key) {
    std::vector<SettingChange> history;
    for (const auto& row : connection.Query(
             "SELECT value, changed_at, changed_by, reason FROM settings_history WHERE key = ? ORDER BY id DESC",
             {std::string(key)})) {
        history.push_back({row.Int(0), Instant{row.Int(1)}, row.Str(2), row.Str(3)});
    }
    return history;
}

}  // namespace houqin::storage
