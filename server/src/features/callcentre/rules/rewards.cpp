#include "features/callcentre/rules/rewards.h"

namespace houqin {

std::optional<RewardTotals> SumRewards(const std::vector<RewardAmount>& rewards) {
    RewardTotals totals;
    for (const auto& reward : rewards) {
        if (reward.withdrawn) continue;
        auto& person = totals.per_person_fen[reward.person_id];
        if (__builtin_add_overflow(person, reward.amount_fen, &person)) return std::nullopt;
        if (__builtin_add_overflow(totals.total_fen, reward.amount_fen, &totals.total_fen)) return std::nullopt;
        ++totals.per_person_count[reward.person_id];
        ++totals.count;
    }
    return totals;
}

}  // namespace houqin
