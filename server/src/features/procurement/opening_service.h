#pragma once
// PRJ-7, PRJ-8: the opening at its announced time with the witness's consent and both secrets (a wrong pair counts
// towards a pause, procurement.opening_max_failures and procurement.opening_lock_minutes), the evaluation of the
// quotes under the ceiling, and the award, whose contract draft goes through the review like any contract (CON-2).
#include <cstdint>
#include <utility>

#include "core/access.h"
#include "core/result.h"
#include "features/contracts/service.h"
#include "features/procurement/project_view.h"
#include "platform/service/context.h"

namespace houqin {

struct AwardResult {
    ProjectView project;
    std::int64_t contract_id = 0;
};

class OpeningService {
  public:
    OpeningService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<BidOpening> Open(const Actor& actor, std::int64_t id, const SealSecrets& secrets);
    Result<std::pair<ProjectView, BidOpening>> GetOpening(const Actor& actor, std::int64_t id);
    // CC-7: the opening record of one project, printed to sign, is recorded in the audit trail (not a list export).
    Status RecordOpeningPrint(const Actor& actor, std::int64_t id, const std::string& code);
    Result<AwardResult> Award(const Actor& actor, std::int64_t id);

  private:
    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
