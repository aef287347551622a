#include "features/callcentre/call_upload_store.h"

namespace houqin::storage {
namespace {

constexpr const char* kCallUploadColumns =
    "token, contract_id, request_json, bytes_total, bytes_received, spool_name, created_by, created_at, touched_at";

CallUploadRow CallUploadFromRow(const Row& row) {
    CallUploadRow out;
    out.token = row.Str(0);
    out.contract_id = row.Int(1);
    out.request_json = row.Str(2);
    out.bytes_total = row.Int(3);
    out.bytes_received = row.Int(4);
    out.spool_name = row.Str(5);
    out.created_by = row.OptInt(6);
    out.created_at = Instant{row.Int(7)};
    out.touched_at = Instant{row.Int(8)};
    return out;
}

}  // namespace

void InsertCallUpload(Connection& connection, const CallUploadRow& row) {
    connection.Execute(
        "INSERT INTO call_uploads (token, contract_id, request_json, bytes_total, bytes_received, spool_name, "
        "created_by, created_at, touched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {row.token, row.contract_id, row.request_json, row.bytes_total, row.bytes_received, row.spool_name,
         Optional(row.created_by), row.created_at.ms, row.touched_at.ms});
}

std::optional<CallUploadRow> FindCallUpload(Connection& connection, const std::string& token) {
    const auto row = connection.QueryOne(
        std::string("SELECT ") + kCallUploadColumns + " FROM call_uploads WHERE token = ?", {token});
    if (!row) return std::nullopt;
    return CallUploadFromRow(*row);
}

bool AdvanceCallUpload(Connection& connection, const std::string& token, std::int64_t from, std::int64_t to,
                       Instant now) {
    return connection.Execute(
               "UPDATE call_uploads SET bytes_received = ?, touched_at = ? WHERE token = ? AND bytes_received = ?",
               {to, now.ms, token, from}) > 0;
}

bool DeleteCallUpload(Connection& connection, const std::string& token) {
    return connection.Execute("DELETE FROM call_uploads WHERE token = ?", {token}) > 0;
}

std::vector<CallUploadRow> StaleCallUploads(Connection& connection, Instant before) {
    std::vector<CallUploadRow> rows;
    for (const auto& row : connection.Query(
             std::string("SELECT ") + kCallUploadColumns + " FROM call_uploads WHERE touched_at < ? ORDER BY token",
             {before.ms})) {
        rows.push_back(CallUploadFromRow(row));
    }
    return rows;
}

}  // namespace houqin::storage
