#pragma once
// CC-5: the SQL of extra rewards (cc_rewards: one row per person, withdrawn rows kept).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/callcentre/reward_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

// The contract's rewards, optionally of one month ("YYYY-MM") and one person, by day awarded then id.
std::vector<CcReward> RewardsOfContract(Connection& connection, std::int64_t contract_id,
                                        const std::optional<std::string>& month, std::optional<std::int64_t> person_id);
std::optional<CcReward> FindCcReward(Connection& connection, std::int64_t id);
std::int64_t InsertCcReward(Connection& connection, const CcReward& reward, std::optional<std::int64_t> created_by);
// Marks the rows recorded together with the first row's id.
void SetCcRewardBatch(Connection& connection, std::int64_t id, std::int64_t batch_id);
// Marks a reward in force withdrawn (the only change a row ever sees); false if it was withdrawn already.
bool WithdrawCcReward(Connection& connection, const CcReward& reward, std::optional<std::int64_t> withdrawn_by);
// For the audit trail.
std::string CcRewardSnapshot(const CcReward& reward);

}  // namespace houqin::storage
