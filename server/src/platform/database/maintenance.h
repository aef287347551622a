#pragma once
// Command-line maintenance: migrations, audit verification, backups.
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/audit/audit_store.h"
#include "platform/database/backup.h"
#include "platform/service/context.h"

namespace houqin {

int RunMigrations(storage::Database& database);
AuditVerification VerifyAudit(storage::Database& database);
// One portable file on both engines (platform/database/backup.h): a snapshot, written while the server runs.
Result<std::vector<storage::TableCount>> Backup(storage::Database& database, const std::string& out_path);
// Fills an empty database from a backup of either engine, in one transaction.
Result<std::vector<storage::TableCount>> Restore(storage::Database& database, const std::string& from_path);

}  // namespace houqin
