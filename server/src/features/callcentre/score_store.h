#pragma once
// CC-3: the SQL of the computed months of the agent assessment (cc_score_months) and of each agent's stored score
// (cc_agent_scores); CC-6 reads the stored ranks back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "platform/database/database.h"

namespace houqin::storage {

struct ScoreMonthRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string month;  // YYYY-MM
    int method_version = 0;
    std::string method_json;  // the method's values it used
    int agent_count = 0;
    std::optional<std::int64_t> computed_by;
    std::string computed_by_name;
    Instant computed_at;
};

struct StoredAgentScore {
    std::int64_t contract_id = 0;
    std::string month;
    std::int64_t person_id = 0;
    std::string person_name;
    int rank = 0;
    bool tied = false;
    std::int64_t total = 0;  // hundredths of a point
    int method_version = 0;
    std::string detail_json;  // the facts, dimensions, suggestions and values (score_codec.h)
};

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
