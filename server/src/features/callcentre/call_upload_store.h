#pragma once
// CC-8: the SQL of call-record files arriving in parts (call_uploads, migration 30). A row is one upload under way:
// how many bytes of the file have come, and where they are spooled.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "features/callcentre/call_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

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
