#pragma once
// Backup and restore in one portable file, written and read by the server itself on both engines, so a SQLite backup
// restores into PostgreSQL and back (docs/architecture.md, "Backup and restore"). The file is JSON Lines:
//   {"format":"houqin-backup","version":1,"schema_version":N,"engine":"sqlite","tables":T}
//   {"table":"orgs","columns":["id","parent_id",...],"rows":R}      then R lines, each an array of text or null
//   ...                                                              one block per table, in the order of creation
//   {"end":true,"tables":T,"rows":total}                             absent when the file was cut short
// Every cell travels as the text the engine gives back, so the audit chain's hashes survive unchanged.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/database/database.h"

namespace houqin::storage {

struct TableCount {
    std::string table;
    std::int64_t rows = 0;
};

// Reads every table in one snapshot (a read transaction; writers go on) and writes the file atomically (a temporary
// file renamed into place). Returns the row count of each table written.
Result<std::vector<TableCount>> BackupDatabase(Connection& connection, const std::string& out_path);

// Writes a backup into a database that holds no data yet (migrated, or new), in one transaction: all or nothing.
// Refuses a database with data, a backup of another schema version, and a file cut short.
Result<std::vector<TableCount>> RestoreDatabase(Connection& connection, const std::string& from_path);

}  // namespace houqin::storage
