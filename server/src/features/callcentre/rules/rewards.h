#pragma once
// CC-5: the totals of a list of extra rewards, per person and altogether, in integer fen. A withdrawn reward counts
// for nothing; a sum beyond 64 bits is refused (it would otherwise wrap into a wrong total).
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace houqin {

struct RewardAmount {
    std::int64_t person_id = 0;
    std::int64_t amount_fen = 0;
    bool withdrawn = false;
};

struct RewardTotals {
    std::map<std::int64_t, std::int64_t> per_person_fen;  // people with at least one reward in force
    std::map<std::int64_t, int> per_person_count;
    std::int64_t total_fen = 0;
    int count = 0;  // rewards in force
};

// nullopt when a total does not fit in 64 bits.
std::optional<RewardTotals> SumRewards(const std::vector<RewardAmount>& rewards);

}  // namespace houqin
