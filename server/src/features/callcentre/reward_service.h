#pragma once
// CC-5 (D2 call centre): the office records extra rewards for named people on a call-centre contract's roster (paid
// by the organisation, handed out by the organisation or the vendor) and withdraws a mistaken one with a reason; the
// list per month and per person with its totals in fen. Recording is one transaction with its audit entries.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/callcentre/reward_model.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"

namespace houqin {

struct RewardInput {
    std::vector<std::int64_t> person_ids;  // one reward row per person
    std::optional<std::int64_t> amount_fen;
    std::string handed_out_by;  // organisation, vendor
    std::string reason;
    std::string awarded_on;  // YYYY-MM-DD, not in the future
};

struct RewardQuery {
    std::string month;  // "YYYY-MM" or empty: every month
    std::optional<std::int64_t> person_id;
};

struct RewardView {
    CcReward reward;
    std::string person_name;
    bool can_withdraw = false;
};

struct RewardPersonTotal {
    std::int64_t person_id = 0;
    std::string person_name;
    int count = 0;
    std::int64_t total_fen = 0;
};

struct RewardList {
    std::string month;                      // as asked, empty: every month
    std::vector<RewardView> items;          // by day awarded, withdrawn ones included (and marked)
    std::vector<RewardPersonTotal> people;  // rewards in force per person
    std::int64_t total_fen = 0;             // rewards in force altogether
    bool can_record = false;
};

class RewardService {
  public:
    RewardService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<RewardList> List(const Actor& actor, std::int64_t contract_id, const RewardQuery& query);
    Result<std::vector<RewardView>> Record(const Actor& actor, std::int64_t contract_id, const RewardInput& input);
    Result<RewardView> Withdraw(const Actor& actor, std::int64_t id, const std::string& reason);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);

    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
