#pragma once
// CC-8: the SQL of call-record imports (call_imports), the dedup keys of the calls imported (call_keys), each agent
// ID's calls per day (call_agent_days) and the column mappings saved per vendor (call_mappings). Migration 24.
// The monthly scoring (CC-3) reads call_agent_days through LoadAgentDays.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "platform/database/database.h"

namespace houqin::storage {

using Day = Date;  // a Shanghai calendar day

// One agent ID's calls on one Shanghai day (by the call's start), counted once per call (CC-8 dedup and legs).
struct AgentDayTotals {
    std::string agent_id;
    Day day;
    std::int64_t calls, successful, talk_seconds;  // successful: successful visits (result 成功访问, CC-3)
    std::int64_t answered = 0;
};

// Every agent ID's day totals of the contract from `first` to `last` inclusive, by agent ID then day.
std::vector<AgentDayTotals> LoadAgentDays(Connection& connection, std::int64_t contract_id, Day first, Day last);

}  // namespace houqin::storage
