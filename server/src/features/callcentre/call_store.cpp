#include "features/callcentre/call_store.h"

namespace houqin::storage {
namespace {

constexpr const char* kSelectAgentDays =
    "SELECT agent_id, day, calls, successful, talk_seconds, answered FROM call_agent_days "
    "WHERE contract_id = ? AND day >= ? AND day <= ? ORDER BY agent_id, day";

}  // namespace

std::vector<AgentDayTotals> LoadAgentDays(Connection& connection, std::int64_t contract_id, Day first, Day last) {
    std::vector<AgentDayTotals> out;
    for (const auto& row : connection.Query(kSelectAgentDays, {contract_id, first.ToString(), last.ToString()})) {
        AgentDayTotals totals{row.Str(0), Date::Parse(row.Str(1)).value_or(Date{}), row.Int(2), row.Int(3), row.Int(4)};
        totals.answered = row.Int(5);
        out.push_back(std::move(totals));
    }
    return out;
}

}  // namespace houqin::storage
