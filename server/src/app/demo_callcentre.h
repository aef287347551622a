#pragma once
#include <cstddef>

#include "app/services.h"
#include "core/result.h"

namespace houqin {

// The demo's outbound call centre (issue 14), after SeedDemo: a call-centre contract in force for four months with
// its agents, agent IDs, outbound number, approved scoring method, attendance, tests, imported calls, a penalty
// suggestion, a reward and three scored months (one making the top-3 bonus proposal). `houqin seed-demo
// --call-centre`; `make run` uses it. Kept apart from SeedDemo, which the test suites start from.
// `agent_count` (at least 6, `--agents`) sizes the centre: beyond the six named agents, 话务员007 … take IDs 8007 …
// with the same kind of days, so the import benchmark can score a month of a 200-agent centre (make bench-import).
Status SeedDemoCallCentre(Services& services, std::size_t agent_count = 6);

}  // namespace houqin
