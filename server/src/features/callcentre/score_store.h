#pragma once
// CC-3: the SQL of the computed months of the agent assessment (cc_score_months) and of each agent's stored score
// (cc_agent_scores); CC-6 reads the stored ranks back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "features/callcentre/score_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::optional<ScoreMonthRecord> FindScoreMonth(Connection& connection, std::int64_t contract_id,
                                               const std::string& month);
// Every computed month of the contract, oldest first.
std::vector<ScoreMonthRecord> ScoreMonthsOfContract(Connection& connection, std::int64_t contract_id);
// Replaces the month's row and its agents' rows (the caller's transaction).
void ReplaceScoreMonth(Connection& connection, const ScoreMonthRecord& month,
                       const std::vector<StoredAgentScore>& agents);
// The month's scores by rank, then person id.
std::vector<StoredAgentScore> AgentScoresOfMonth(Connection& connection, std::int64_t contract_id,
                                                 const std::string& month);
// One person's scores on the contract in months first ... last (YYYY-MM), oldest first.
std::vector<StoredAgentScore> AgentScoresOfPerson(Connection& connection, std::int64_t contract_id,
                                                  std::int64_t person_id, const std::string& first,
                                                  const std::string& last);
// Every stored score of the contract, by month then rank (CC-6 reads the ranks).
std::vector<StoredAgentScore> AgentScoresOfContract(Connection& connection, std::int64_t contract_id);

}  // namespace houqin::storage
