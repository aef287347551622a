#pragma once
// STF-1: a served department reads the rosters of the contracts that serve it (the contract names it as its
// responsible department, ROLE-9): who works for it, in which role and post, since when. It reads nothing else of
// the contract, and ID numbers stay masked (no reveal); a contract that serves another department is not found.
#include <cstdint>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "core/result.h"
#include "core/time.h"
#include "features/staff/service.h"
#include "platform/service/context.h"

namespace houqin {

struct ServedContract {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::string vendor_name;
    Date term_start;
    Date term_end;
    std::int64_t people_current = 0;  // on the roster today
};

class ServedRosterService {
  public:
    explicit ServedRosterService(ServiceContext& context) : context_(context) {}

    // The contracts in force today that name the caller's department as the one they serve, by code.
    Result<std::vector<ServedContract>> Contracts(const Actor& actor);
    // One of those contracts' roster, as the office's list shows it but read-only and masked.
    Result<Page<PersonView>> Roster(const Actor& actor, std::int64_t contract_id, const PersonQuery& query);

  private:
    ServiceContext& context_;
};

}  // namespace houqin
