#include "platform/database/maintenance.h"

#include "platform/database/backup.h"
#include "platform/database/migrations.h"

namespace houqin {

int RunMigrations(storage::Database& database) {
    auto lease = database.Acquire();
    return storage::Migrate(*lease);
}

storage::AuditVerification VerifyAudit(storage::Database& database) {
    auto lease = database.Acquire();
    return storage::VerifyAuditChain(*lease);
}

Status Backup(storage::Database& database, const std::string& out_path) {
    std::string problem = storage::BackupDatabase(database.url(), out_path);
    if (!problem.empty()) {
        Error error{ErrorCode::kInternal, {"备份失败:" + problem, "Backup failed: " + problem}, {}, problem};
        return error;
    }
    return Ok();
}

}  // namespace houqin
