#pragma once
// CC-5 (D2 call centre): extra rewards the organisation (甲方) gives named staff on a call-centre contract. The
// organisation pays; the reward is handed out by the organisation or by the vendor. One row per person; never
// edited: a mistaken reward is withdrawn with a reason, kept, and left out of every total.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

enum class RewardHandedOutBy { kOrganisation, kVendor };
std::string_view RewardHandedOutByCode(RewardHandedOutBy by);
std::optional<RewardHandedOutBy> ParseRewardHandedOutBy(std::string_view code);
Text RewardHandedOutByText(RewardHandedOutBy by);

enum class RewardStatus { kRecorded, kWithdrawn };
std::string_view RewardStatusCode(RewardStatus status);
std::optional<RewardStatus> ParseRewardStatus(std::string_view code);
Text RewardStatusText(RewardStatus status);

struct CcReward {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::int64_t person_id = 0;
    std::int64_t amount_fen = 0;  // > 0, paid by the organisation
    RewardHandedOutBy handed_out_by = RewardHandedOutBy::kOrganisation;
    std::string reason;
    Date awarded_on;
    std::string month;                     // awarded_on's "YYYY-MM"
    std::optional<std::int64_t> batch_id;  // the first row of the rewards recorded together
    RewardStatus status = RewardStatus::kRecorded;
    std::string withdrawn_reason;
    std::optional<Instant> withdrawn_at;
    Instant created_at;
};

}  // namespace houqin
