#include "features/callcentre/reward_store.h"

#include <nlohmann/json.hpp>

#include "core/money.h"

namespace houqin::storage {
namespace {

constexpr const char* kCcRewardColumns =
    "id, contract_id, vendor_org_id, person_id, amount_fen, handed_out_by, reason, awarded_on, month, batch_id, "
    "status, withdrawn_reason, withdrawn_at, created_at";

constexpr const char* kInsertCcReward =
    "INSERT INTO cc_rewards (contract_id, vendor_org_id, person_id, amount_fen, handed_out_by, reason, awarded_on, "
    "month, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kSetCcRewardBatch = "UPDATE cc_rewards SET batch_id = ? WHERE id = ?";

constexpr const char* kWithdrawCcReward =
    "UPDATE cc_rewards SET status = 'withdrawn', withdrawn_reason = ?, withdrawn_at = ?, withdrawn_by = ? "
    "WHERE id = ? AND status = 'recorded'";

std::vector<CcReward> SelectCcRewards(Connection& connection, const std::string& where, const Params& params) {
    std::vector<CcReward> rewards;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kCcRewardColumns + " FROM cc_rewards " + where, params)) {
        CcReward reward;
        reward.id = row.Int(0);
        reward.contract_id = row.Int(1);
        reward.vendor_org_id = row.Int(2);
        reward.person_id = row.Int(3);
        reward.amount_fen = row.Int(4);
        reward.handed_out_by = ParseRewardHandedOutBy(row.Str(5)).value_or(RewardHandedOutBy::kOrganisation);
        reward.reason = row.Str(6);
        reward.awarded_on = Date::Parse(row.Str(7)).value_or(Date{});
        reward.month = row.Str(8);
        reward.batch_id = row.OptInt(9);
        reward.status = ParseRewardStatus(row.Str(10)).value_or(RewardStatus::kRecorded);
        reward.withdrawn_reason = row.Str(11);
        if (!row.IsNull(12)) reward.withdrawn_at = Instant{row.Int(12)};
        reward.created_at = Instant{row.Int(13)};
        rewards.push_back(std::move(reward));
    }
    return rewards;
}

}  // namespace

std::vector<CcReward> RewardsOfContract(Connection& connection, std::int64_t contract_id,
                                        const std::optional<std::string>& month,
                                        std::optional<std::int64_t> person_id) {
    std::string where = "WHERE contract_id = ?";
    Params params{contract_id};
    if (month) {
        where += " AND month = ?";
        params.emplace_back(*month);
    }
    if (person_id) {
        where += " AND person_id = ?";
        params.emplace_back(*person_id);
    }
    return SelectCcRewards(connection, where + " ORDER BY awarded_on, id", params);
}

std::optional<CcReward> FindCcReward(Connection& connection, std::int64_t id) {
    auto found = SelectCcRewards(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t InsertCcReward(Connection& connection, const CcReward& reward, std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertCcReward,
        {reward.contract_id, reward.vendor_org_id, reward.person_id, reward.amount_fen,
         std::string(RewardHandedOutByCode(reward.handed_out_by)), reward.reason, reward.awarded_on.ToString(),
         reward.month, std::string(RewardStatusCode(reward.status)), Optional(created_by), reward.created_at.ms});
}

void SetCcRewardBatch(Connection& connection, std::int64_t id, std::int64_t batch_id) {
    connection.Execute(kSetCcRewardBatch, {batch_id, id});
}

bool WithdrawCcReward(Connection& connection, const CcReward& reward, std::optional<std::int64_t> withdrawn_by) {
    return connection.Execute(kWithdrawCcReward, {reward.withdrawn_reason,
                                                  reward.withdrawn_at ? Param(reward.withdrawn_at->ms) : Param(nullptr),
                                                  Optional(withdrawn_by), reward.id}) > 0;
}

std::string CcRewardSnapshot(const CcReward& reward) {
    return nlohmann::json{{"contract_id", reward.contract_id},
                          {"person_id", reward.person_id},
                          {"amount", Money::FromFen(reward.amount_fen).ToString()},
                          {"handed_out_by", std::string(RewardHandedOutByCode(reward.handed_out_by))},
                          {"paid_by", "organisation"},
                          {"reason", reward.reason},
                          {"awarded_on", reward.awarded_on.ToString()},
                          {"month", reward.month},
                          {"batch_id", reward.batch_id ? nlohmann::json(*reward.batch_id) : nlohmann::json()},
                          {"status", std::string(RewardStatusCode(reward.status))},
                          {"withdrawn_reason", reward.withdrawn_reason}}
        .dump();
}

}  // namespace houqin::storage
