#include "features/callcentre/reward_model.h"

namespace houqin {

std::string_view RewardHandedOutByCode(RewardHandedOutBy by) {
    return by == RewardHandedOutBy::kVendor ? "vendor" : "organisation";
}

std::optional<RewardHandedOutBy> ParseRewardHandedOutBy(std::string_view code) {
    if (code == "organisation") return RewardHandedOutBy::kOrganisation;
    if (code == "vendor") return RewardHandedOutBy::kVendor;
    return std::nullopt;
}

Text RewardHandedOutByText(RewardHandedOutBy by) {
    if (by == RewardHandedOutBy::kVendor) return {"乙方发放", "handed out by the vendor"};
    return {"甲方发放", "handed out by the organisation"};
}

std::string_view RewardStatusCode(RewardStatus status) {
    return status == RewardStatus::kWithdrawn ? "withdrawn" : "recorded";
}

std::optional<RewardStatus> ParseRewardStatus(std::string_view code) {
    if (code == "recorded") return RewardStatus::kRecorded;
    if (code == "withdrawn") return RewardStatus::kWithdrawn;
    return std::nullopt;
}

Text RewardStatusText(RewardStatus status) {
    if (status == RewardStatus::kWithdrawn) return {"已撤销", "withdrawn"};
    return {"有效", "in force"};
}

}  // namespace houqin
