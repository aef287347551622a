#pragma once
// The seam between the records that feed the rule engine and the engine itself (RP-4: "rules are re-evaluated on
// every new result"). A service that writes such a fact (today: an energy-saving record, RP-1) calls this inside its
// own transaction, after the insert and before the commit, so the fact and whatever the rules make of it commit
// together or not at all.
#include <cstdint>

#include "domain/access.h"
#include "services/context.h"
#include "storage/database.h"

namespace houqin {

void OnPolicyFactsChanged(ServiceContext& context, storage::Connection& connection, const Actor& actor,
                          std::int64_t contract_id);

}  // namespace houqin
