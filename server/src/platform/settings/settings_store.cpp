#include "platform/settings/settings_store.h"

#include "platform/settings/settings.h"

namespace houqin::storage {

void LockSetting(Connection& connection, std::string_view key) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1007, hashtext(?))", {std::string(key)});
    }
}

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

TextSetting ReadTextSetting(Connection& connection, std::string_view key) {
    const auto row = connection.QueryOne(
        "SELECT text_value, id FROM settings_history WHERE key = ? AND text_value IS NOT NULL ORDER BY id DESC LIMIT 1",
        {std::string(key)});
    if (row) return {row->Str(0), "S" + std::to_string(row->Int(1))};
    const auto* definition = FindSetting(key);
    return {definition ? std::string(definition->default_text) : std::string(), "S0"};
}

void WriteTextSetting(Connection& connection, std::string_view key, const std::string& text, Instant at,
                      const std::string& changed_by, const std::string& reason) {
    const std::string name(key);
    if (connection.Execute("UPDATE settings SET value = 0, text_value = ? WHERE key = ?", {text, name}) == 0) {
        connection.Execute("INSERT INTO settings (key, value, text_value) VALUES (?, 0, ?)", {name, text});
    }
    connection.Execute(
        "INSERT INTO settings_history (key, value, text_value, changed_at, changed_by, reason) "
        "VALUES (?, 0, ?, ?, ?, ?)",
        {name, text, at.ms, changed_by, reason});
}

std::vector<SettingChange> SettingHistory(Connection& connection, std::string_view key) {
    std::vector<SettingChange> history;
    for (const auto& row :
         connection.Query("SELECT value, COALESCE(text_value, ''), changed_at, changed_by, reason FROM "
                          "settings_history WHERE key = ? ORDER BY id DESC",
                          {std::string(key)})) {
        history.push_back({row.Int(0), row.Str(1), Instant{row.Int(2)}, row.Str(3), row.Str(4)});
    }
    return history;
}

}  // namespace houqin::storage
