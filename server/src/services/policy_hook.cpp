#include "services/policy_hook.h"

namespace houqin {

// Deliberately empty for now: the other engineer's PolicyService replaces this body (re-evaluating the contract's
// rules and writing or withdrawing proposals in the caller's transaction) when the branches are merged. Until then
// a new fact simply waits for the next evaluation.
void OnPolicyFactsChanged(ServiceContext& context, storage::Connection& connection, const Actor& actor,
                          std::int64_t contract_id) {
    (void)context;
    (void)connection;
    (void)actor;
    (void)contract_id;
}

}  // namespace houqin
