#pragma once
#include "app/services.h"
#include "core/result.h"

namespace houqin {

// The demo's outbound call centre (issue 14), after SeedDemo: a call-centre contract in force for four months with
// its agents, agent IDs, outbound number, approved scoring method, attendance, tests, imported calls, a penalty
// suggestion, a reward and three scored months (one making the top-3 bonus proposal). `houqin seed-demo
// --call-centre`; `make run` uses it. Kept apart from SeedDemo, which the test suites start from.
Status SeedDemoCallCentre(Services& services);

}  // namespace houqin
