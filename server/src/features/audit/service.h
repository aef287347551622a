#pragma once
// browsing and verifying the audit trail (the chain itself: platform/audit/audit_store.h).
#include <optional>

#include "core/access.h"
#include "platform/audit/audit_store.h"
#include "platform/service/context.h"

namespace houqin {

class AuditService {
  public:
    explicit AuditService(ServiceContext& context) : context_(context) {}
    Result<AuditPage> List(const Actor& actor, const AuditFilter& filter);
    Result<AuditVerification> Verify(const Actor& actor);

  private:
    ServiceContext& context_;
};

}  // namespace houqin
