#pragma once
// Command-line maintenance: migrations, audit verification, backups.
#include <string>

#include "core/result.h"
#include "platform/audit/audit_store.h"
#include "platform/service/context.h"

namespace houqin {

int RunMigrations(storage::Database& database);
storage::AuditVerification VerifyAudit(storage::Database& database);
// SQLite: an online, consistent copy with SQLite's backup API. PostgreSQL: pg_dump in custom format.
Status Backup(storage::Database& database, const std::string& out_path);

}  // namespace houqin
