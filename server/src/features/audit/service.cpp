#include "features/audit/service.h"

namespace houqin {

Result<AuditPage> AuditService::List(const Actor& actor, const AuditFilter& filter) {
    if (auto status = actor.Require(Permission::kAuditRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    return storage::ListAudit(*lease, filter);
}

Result<AuditVerification> AuditService::Verify(const Actor& actor) {
    if (auto status = actor.Require(Permission::kAuditRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    return storage::VerifyAuditChain(*lease);
}

}  // namespace houqin
