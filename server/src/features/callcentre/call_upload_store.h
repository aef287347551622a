#pragma once
// CC-8: the SQL of call-record files arriving in parts (call_uploads, migration 30). A row is one upload under way:
// how many bytes of the file have come, and where they are spooled.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "platform/database/database.h"

namespace houqin::storage {

struct CallUploadRow {
    std::string token;  // random, 32 hex digits: the upload's id in the API
    std::int64_t contract_id = 0;
    std::string request_json;  // filename, layout, mapping_id, encoding, clock
    std::int64_t bytes_total = 0;
    std::int64_t bytes_received = 0;
    std::string spool_name;  // the file in the spool folder
    std::optional<std::int64_t> created_by;
    Instant created_at;
    Instant touched_at;  // when the last part came
};

void InsertCallUpload(Connection& connection, const CallUploadRow& row);
std::optional<CallUploadRow> FindCallUpload(Connection& connection, const std::string& token);
// Moves the upload from `from` bytes received to `to` (false: another request moved it first).
bool AdvanceCallUpload(Connection& connection, const std::string& token, std::int64_t from, std::int64_t to,
                       Instant now);
// Removes the row; false when it was already gone (finished or abandoned by another request).
bool DeleteCallUpload(Connection& connection, const std::string& token);
// Uploads no part has come to since `before`.
std::vector<CallUploadRow> StaleCallUploads(Connection& connection, Instant before);

}  // namespace houqin::storage
