#include "features/callcentre/score_store.h"

namespace houqin::storage {
namespace {

constexpr const char* kScoreMonthColumns =
    "m.id, m.contract_id, m.month, m.method_version, m.method_json, m.agent_count, m.computed_by, "
    "COALESCE(u.display_name, ''), m.computed_at";

constexpr const char* kScoreMonthFrom = " FROM cc_score_months m LEFT JOIN users u ON u.id = m.computed_by ";

constexpr const char* kDeleteScoreMonth = "DELETE FROM cc_score_months WHERE contract_id = ? AND month = ?";
constexpr const char* kDeleteAgentScores = "DELETE FROM cc_agent_scores WHERE contract_id = ? AND month = ?";

constexpr const char* kInsertScoreMonth =
    "INSERT INTO cc_score_months (contract_id, month, method_version, method_json, agent_count, computed_by, "
    "computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertAgentScore =
    "INSERT INTO cc_agent_scores (contract_id, month, person_id, person_name, place, tied, total, method_version, "
    "detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kAgentScoreColumns =
    "contract_id, month, person_id, person_name, place, tied, total, method_version, detail_json";

ScoreMonthRecord ScoreMonthFromRow(const Row& row) {
    ScoreMonthRecord record;
    record.id = row.Int(0);
    record.contract_id = row.Int(1);
    record.month = row.Str(2);
    record.method_version = static_cast<int>(row.Int(3));
    record.method_json = row.Str(4);
    record.agent_count = static_cast<int>(row.Int(5));
    record.computed_by = row.OptInt(6);
    record.computed_by_name = row.Str(7);
    record.computed_at = Instant{row.Int(8)};
    return record;
}

std::vector<StoredAgentScore> SelectAgentScores(Connection& connection, const std::string& where,
                                                const Params& params) {
    std::vector<StoredAgentScore> scores;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kAgentScoreColumns + " FROM cc_agent_scores " + where, params)) {
        StoredAgentScore score;
        score.contract_id = row.Int(0);
        score.month = row.Str(1);
        score.person_id = row.Int(2);
        score.person_name = row.Str(3);
        score.rank = static_cast<int>(row.Int(4));
        score.tied = row.Bool(5);
        score.total = row.Int(6);
        score.method_version = static_cast<int>(row.Int(7));
        score.detail_json = row.Str(8);
        scores.push_back(std::move(score));
    }
    return scores;
}

}  // namespace

std::optional<ScoreMonthRecord> FindScoreMonth(Connection& connection, std::int64_t contract_id,
                                               const std::string& month) {
    const auto row = connection.QueryOne(
        std::string("SELECT ") + kScoreMonthColumns + kScoreMonthFrom + "WHERE m.contract_id = ? AND m.month = ?",
        {contract_id, month});
    if (!row) return std::nullopt;
    return ScoreMonthFromRow(*row);
}

std::vector<ScoreMonthRecord> ScoreMonthsOfContract(Connection& connection, std::int64_t contract_id) {
    std::vector<ScoreMonthRecord> months;
    for (const auto& row : connection.Query(
             std::string("SELECT ") + kScoreMonthColumns + kScoreMonthFrom + "WHERE m.contract_id = ? ORDER BY m.month",
             {contract_id})) {
        months.push_back(ScoreMonthFromRow(row));
    }
    return months;
}

void ReplaceScoreMonth(Connection& connection, const ScoreMonthRecord& month,
                       const std::vector<StoredAgentScore>& agents) {
    connection.Execute(kDeleteAgentScores, {month.contract_id, month.month});
    connection.Execute(kDeleteScoreMonth, {month.contract_id, month.month});
    connection.Execute(kInsertScoreMonth,
                       {month.contract_id, month.month, std::int64_t{month.method_version}, month.method_json,
                        std::int64_t{month.agent_count}, Optional(month.computed_by), month.computed_at.ms});
    for (const auto& agent : agents) {
        connection.Execute(kInsertAgentScore, {agent.contract_id, agent.month, agent.person_id, agent.person_name,
                                               std::int64_t{agent.rank}, Bool(agent.tied), agent.total,
                                               std::int64_t{agent.method_version}, agent.detail_json});
    }
}

std::vector<StoredAgentScore> AgentScoresOfMonth(Connection& connection, std::int64_t contract_id,
                                                 const std::string& month) {
    return SelectAgentScores(connection, "WHERE contract_id = ? AND month = ? ORDER BY place, person_id",
                             {contract_id, month});
}

std::vector<StoredAgentScore> AgentScoresOfPerson(Connection& connection, std::int64_t contract_id,
                                                  std::int64_t person_id, const std::string& first,
                                                  const std::string& last) {
    return SelectAgentScores(connection,
                             "WHERE contract_id = ? AND person_id = ? AND month >= ? AND month <= ? ORDER BY month",
                             {contract_id, person_id, first, last});
}

std::vector<StoredAgentScore> AgentScoresOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectAgentScores(connection, "WHERE contract_id = ? ORDER BY month, place, person_id", {contract_id});
}

}  // namespace houqin::storage
