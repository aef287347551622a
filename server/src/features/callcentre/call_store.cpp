#include "features/callcentre/call_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace houqin::storage {
namespace {

constexpr const char* kSelectAgentDays =
    "SELECT agent_id, day, calls, successful, talk_seconds, answered FROM call_agent_days "
    "WHERE contract_id = ? AND day >= ? AND day <= ? ORDER BY agent_id, day";

constexpr const char* kCallImportColumns =
    "i.id, i.contract_id, i.vendor_org_id, i.filename, i.layout, i.mapping_id, i.encoding, i.status, i.bytes_total, "
    "i.bytes_read, i.rows_read, i.report_json, i.created_by, COALESCE(u.display_name, ''), i.created_at, "
    "i.started_at, i.finished_at";

constexpr const char* kInsertCallImport =
    "INSERT INTO call_imports (contract_id, vendor_org_id, filename, layout, mapping_id, encoding, status, "
    "bytes_total, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kUpdateCallImportStatus =
    "UPDATE call_imports SET status = ?, bytes_read = ?, rows_read = ?, report_json = ?, started_at = ?, "
    "finished_at = ? WHERE id = ? AND status = ?";

constexpr const char* kSelectCallKeysOfDay = "SELECT key_hash FROM call_keys WHERE contract_id = ? AND day = ?";

constexpr const char* kAddAgentDay =
    "INSERT INTO call_agent_days (contract_id, agent_id, day, calls, answered, successful, talk_seconds) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contract_id, agent_id, day) DO UPDATE SET "
    "calls = call_agent_days.calls + excluded.calls, answered = call_agent_days.answered + excluded.answered, "
    "successful = call_agent_days.successful + excluded.successful, "
    "talk_seconds = call_agent_days.talk_seconds + excluded.talk_seconds";

constexpr const char* kCallMappingColumns = "id, vendor_org_id, name, mapping_json, created_at";

// Rows per multi-row INSERT of keys: 4 parameters each, well inside both engines' limits.
constexpr std::size_t kKeysPerInsert = 500;

CallImportRow CallImportFromRow(const Row& row) {
    CallImportRow out;
    out.id = row.Int(0);
    out.contract_id = row.Int(1);
    out.vendor_org_id = row.Int(2);
    out.filename = row.Str(3);
    out.layout = row.Str(4);
    out.mapping_id = row.OptInt(5);
    out.encoding = row.Str(6);
    out.status = ParseCallImportStatus(row.Str(7)).value_or(CallImportStatus::kFailed);
    out.bytes_total = row.Int(8);
    out.bytes_read = row.Int(9);
    out.rows_read = row.Int(10);
    out.report_json = row.Str(11);
    out.created_by = row.OptInt(12);
    out.created_by_name = row.Str(13);
    out.created_at = Instant{row.Int(14)};
    if (!row.IsNull(15)) out.started_at = Instant{row.Int(15)};
    if (!row.IsNull(16)) out.finished_at = Instant{row.Int(16)};
    return out;
}

std::vector<CallImportRow> SelectCallImports(Connection& connection, const std::string& where, const Params& params) {
    std::vector<CallImportRow> out;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kCallImportColumns +
                              " FROM call_imports i LEFT JOIN users u ON u.id = i.created_by " + where,
                          params)) {
        out.push_back(CallImportFromRow(row));
    }
    return out;
}

std::vector<CallMappingRow> SelectCallMappings(Connection& connection, const std::string& where, const Params& params) {
    std::vector<CallMappingRow> out;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kCallMappingColumns + " FROM call_mappings " + where, params)) {
        out.push_back({row.Int(0), row.Int(1), row.Str(2), row.Str(3), Instant{row.Int(4)}});
    }
    return out;
}

std::string KeysInsertSql(std::size_t count) {
    std::string sql = "INSERT INTO call_keys (contract_id, day, key_hash, import_id) VALUES ";
    for (std::size_t i = 0; i < count; ++i) sql += i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)";
    return sql + " ON CONFLICT DO NOTHING";
}

}  // namespace

std::vector<AgentDayTotals> LoadAgentDays(Connection& connection, std::int64_t contract_id, Day first, Day last) {
    std::vector<AgentDayTotals> out;
    for (const auto& row : connection.Query(kSelectAgentDays, {contract_id, first.ToString(), last.ToString()})) {
        AgentDayTotals totals{row.Str(0), Date::Parse(row.Str(1)).value_or(Date{}), row.Int(2), row.Int(3), row.Int(4)};
        totals.answered = row.Int(5);
        out.push_back(std::move(totals));
    }
    return out;
}

std::int64_t InsertCallImport(Connection& connection, const CallImportRow& row) {
    return connection.InsertReturningId(
        kInsertCallImport,
        {row.contract_id, row.vendor_org_id, row.filename, row.layout, Optional(row.mapping_id), row.encoding,
         std::string(CallImportStatusCode(row.status)), row.bytes_total, Optional(row.created_by), row.created_at.ms});
}

std::optional<CallImportRow> FindCallImport(Connection& connection, std::int64_t id) {
    auto found = SelectCallImports(connection, "WHERE i.id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<CallImportRow> CallImportsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectCallImports(connection, "WHERE i.contract_id = ? ORDER BY i.id DESC", {contract_id});
}

std::vector<CallImportRow> UnfinishedCallImports(Connection& connection) {
    return SelectCallImports(connection, "WHERE i.status IN ('queued', 'running') ORDER BY i.id", {});
}

bool SetCallImportStatus(Connection& connection, const CallImportRow& row, CallImportStatus from) {
    return connection.Execute(kUpdateCallImportStatus,
                              {std::string(CallImportStatusCode(row.status)), row.bytes_read, row.rows_read,
                               row.report_json, row.started_at ? Param(row.started_at->ms) : Param(nullptr),
                               row.finished_at ? Param(row.finished_at->ms) : Param(nullptr), row.id,
                               std::string(CallImportStatusCode(from))}) > 0;
}

std::vector<std::uint64_t> CallKeysOfDay(Connection& connection, std::int64_t contract_id, std::int64_t day) {
    std::vector<std::uint64_t> keys;
    for (const auto& row : connection.Query(kSelectCallKeysOfDay, {contract_id, day})) {
        keys.push_back(static_cast<std::uint64_t>(row.Int(0)));
    }
    return keys;
}

void InsertCallKeys(Connection& connection, std::int64_t contract_id, std::int64_t import_id,
                    const std::vector<CallKey>& keys) {
    if (keys.empty()) return;
    if (connection.engine() == Engine::kPostgres) {
        // PostgreSQL: COPY, about twice as fast as the batched INSERT below. COPY has no ON CONFLICT: the import
        // files only keys it did not find for the day, under LockCallKeys, so no key can already be there.
        std::string rows;
        rows.reserve(keys.size() * 48);
        for (const auto& key : keys) {
            fmt::format_to(std::back_inserter(rows), "{}\t{}\t{}\t{}\n", contract_id, key.day,
                           static_cast<std::int64_t>(key.hash), import_id);
        }
        connection.CopyIn("call_keys", "contract_id, day, key_hash, import_id", rows);
        return;
    }
    static const std::string kFullBatch = KeysInsertSql(kKeysPerInsert);
    Params params;
    params.reserve(kKeysPerInsert * 4);
    for (std::size_t at = 0; at < keys.size(); at += kKeysPerInsert) {
        const std::size_t count = std::min(kKeysPerInsert, keys.size() - at);
        params.clear();
        for (std::size_t i = at; i < at + count; ++i) {
            params.emplace_back(contract_id);
            params.emplace_back(keys[i].day);
            params.emplace_back(static_cast<std::int64_t>(keys[i].hash));
            params.emplace_back(import_id);
        }
        connection.Execute(count == kKeysPerInsert ? kFullBatch : KeysInsertSql(count), params);
    }
}

void LockCallKeys(Connection& connection, std::int64_t contract_id) {
    // A transaction-scoped advisory lock on (8, contract): 8 for CC-8, so no other use of advisory locks collides.
    // SQLite needs none: BEGIN IMMEDIATE already lets one writer at a time.
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(8, CAST(? AS INTEGER))", {contract_id});
    }
}

void AddAgentDays(Connection& connection, std::int64_t contract_id, const std::vector<AgentDayTotals>& days) {
    for (const auto& day : days) {
        connection.Execute(kAddAgentDay, {contract_id, day.agent_id, day.day.ToString(), day.calls, day.answered,
                                          day.successful, day.talk_seconds});
    }
}

std::vector<CallMappingRow> CallMappingsOfVendor(Connection& connection, std::int64_t vendor_org_id) {
    return SelectCallMappings(connection, "WHERE vendor_org_id = ? ORDER BY id DESC", {vendor_org_id});
}

std::optional<CallMappingRow> FindCallMapping(Connection& connection, std::int64_t id) {
    auto found = SelectCallMappings(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t InsertCallMapping(Connection& connection, const CallMappingRow& row, std::optional<std::int64_t> by) {
    return connection.InsertReturningId(
        "INSERT INTO call_mappings (vendor_org_id, name, mapping_json, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
        "RETURNING id",
        {row.vendor_org_id, row.name, row.mapping_json, Optional(by), row.created_at.ms});
}

}  // namespace houqin::storage
