#include "platform/database/maintenance.h"

#include "platform/database/migrations.h"

namespace houqin {

int RunMigrations(storage::Database& database) {
    auto lease = database.Acquire();
    return storage::Migrate(*lease);
}

AuditVerification VerifyAudit(storage::Database& database) {
    auto lease = database.Acquire();
    return storage::VerifyAuditChain(*lease);
}

Result<std::vector<storage::TableCount>> Backup(storage::Database& database, const std::string& out_path) {
    auto lease = database.Acquire();
    return storage::BackupDatabase(*lease, out_path);
}

Result<std::vector<storage::TableCount>> Restore(storage::Database& database, const std::string& from_path) {
    auto lease = database.Acquire();
    return storage::RestoreDatabase(*lease, from_path);
}

}  // namespace houqin
