#include "features/callcentre/reward_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/money.h"
#include "core/text_rules.h"
#include "features/callcentre/reward_store.h"
#include "features/callcentre/rules/assessment_month.h"
#include "features/callcentre/rules/rewards.h"
#include "features/staff/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

constexpr char kRewardSubject[] = "cc_reward";

std::vector<RewardAmount> RewardAmountsOf(const std::vector<CcReward>& rewards) {
    std::vector<RewardAmount> amounts;
    amounts.reserve(rewards.size());
    for (const auto& reward : rewards) {
        amounts.push_back({reward.person_id, reward.amount_fen, reward.status == RewardStatus::kWithdrawn});
    }
    return amounts;
}

Error RewardTooLarge() {
    return Error::Invalid("amount_fen", {"奖励金额过大,合计无法计算", "The amount is too large to add up"});
}

}  // namespace

Result<ContractView> RewardService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    // CC-5: rewards are the organisation's dealings with named people; a served department reads the roster, not them.
    if (actor.role == Role::kDepartment) return Error::Forbidden();
    return contracts_.Get(actor, contract_id);
}

Result<RewardList> RewardService::List(const Actor& actor, std::int64_t contract_id, const RewardQuery& query) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    std::optional<std::string> month;
    if (const auto text = TrimText(query.month); !text.empty()) {
        const auto parsed = AssessmentMonth::Parse(text);
        if (!parsed) return Error::Invalid("month", {"月份格式应为 年-月,例如 2026-11", "Month must be YYYY-MM"});
        month = parsed->ToString();
    }
    auto lease = context_.database.Acquire();
    std::map<std::int64_t, std::string> names;
    for (const auto& person : storage::PeopleOfContract(*lease, contract_id)) names[person.id] = person.name;
    auto rewards = storage::RewardsOfContract(*lease, contract_id, month, query.person_id);
    const auto totals = SumRewards(RewardAmountsOf(rewards));
    if (!totals) return RewardTooLarge();
    RewardList list;
    list.month = month.value_or("");
    list.total_fen = totals->total_fen;
    list.can_record = actor.Can(Permission::kCcRewardWrite) &&
                      (contract->status == ContractStatus::kSigned || contract->status == ContractStatus::kActive);
    for (const auto& [person_id, total] : totals->per_person_fen) {
        list.people.push_back({person_id, names[person_id], totals->per_person_count.at(person_id), total});
    }
    for (auto& reward : rewards) {
        const bool can_withdraw = actor.Can(Permission::kCcRewardWrite) && reward.status == RewardStatus::kRecorded;
        const auto& name = names[reward.person_id];
        list.items.push_back({std::move(reward), name, can_withdraw});
    }
    return list;
}

Result<std::vector<RewardView>> RewardService::Record(const Actor& actor, std::int64_t contract_id,
                                                      const RewardInput& input) {
    if (auto status = actor.Require(Permission::kCcRewardWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    const auto& record = contract->record;
    Validation validation;
    std::vector<StaffPerson> people;
    if (input.person_ids.empty()) {
        validation.Fail("person_ids", {"请从本合同的人员名单中选择获奖人员",
                                       "Choose the people rewarded from this contract's roster"});
    }
    for (const auto person_id : input.person_ids) {
        const auto person = storage::FindPerson(*lease, person_id);
        if (!person || person->contract_id != contract_id) {
            validation.Fail("person_ids", {fmt::format("人员 {} 不在本合同的人员名单中", person_id),
                                           fmt::format("Person {} is not on this contract's roster", person_id)});
        } else if (std::any_of(people.begin(), people.end(),
                               [&](const StaffPerson& chosen) { return chosen.id == person->id; })) {
            validation.Fail("person_ids", {fmt::format("{} 被重复选择", person->name),
                                           fmt::format("{} is chosen twice", person->name)});
        } else {
            people.push_back(*person);
        }
    }
    if (!input.amount_fen || *input.amount_fen <= 0) {
        validation.Fail("amount_fen", {"请填写奖励金额(大于 0)", "Enter the amount of the reward (more than 0)"});
    }
    const auto handed_out_by = ParseRewardHandedOutBy(TrimText(input.handed_out_by));
    if (!handed_out_by) {
        validation.Fail("handed_out_by",
                        {"请选择发放方:甲方或乙方", "Choose who hands it out: the organisation or the vendor"});
    }
    const auto reason = TrimText(input.reason);
    CheckLength(validation, "reason", reason, 1, 1000, {"奖励理由", "Reason"});
    const auto awarded_on = Date::Parse(TrimText(input.awarded_on));
    if (!awarded_on) {
        validation.Fail("awarded_on", {"请填写奖励日期(年-月-日)", "Enter the day of the reward (YYYY-MM-DD)"});
    } else if (today < *awarded_on) {
        validation.Fail("awarded_on", {"奖励日期不能晚于今天", "The day of the reward cannot be in the future"});
    } else if (*awarded_on < record.term_start) {
        validation.Fail("awarded_on", {fmt::format("奖励日期不能早于合同开始日期 {}", record.term_start.ToString()),
                                       fmt::format("The day cannot be before the contract starts on {}",
                                                   record.term_start.ToString())});
    }
    if (!validation.ok()) return validation.ToError();
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition(
            {"只有已签订或履行中的合同可以登记奖励", "Rewards can be recorded only on a signed or active contract"});
    }
    const auto month = AssessmentMonth::Of(*awarded_on).ToString();
    const auto now = context_.clock.Now();
    std::vector<CcReward> rewards;
    for (const auto& person : people) {
        CcReward reward;
        reward.contract_id = contract_id;
        reward.vendor_org_id = record.vendor_org_id;
        reward.person_id = person.id;
        reward.amount_fen = *input.amount_fen;
        reward.handed_out_by = *handed_out_by;
        reward.reason = reason;
        reward.awarded_on = *awarded_on;
        reward.month = month;
        reward.status = RewardStatus::kRecorded;
        reward.created_at = now;
        rewards.push_back(std::move(reward));
    }
    // The month's totals must stay computable with these rewards in them.
    auto amounts = RewardAmountsOf(storage::RewardsOfContract(*lease, contract_id, month, std::nullopt));
    for (const auto& amount : RewardAmountsOf(rewards)) amounts.push_back(amount);
    if (!SumRewards(amounts)) return RewardTooLarge();
    storage::Transaction transaction(*lease);
    std::optional<std::int64_t> batch_id;
    for (auto& reward : rewards) {
        reward.id = storage::InsertCcReward(*lease, reward, actor.user_id);
        if (rewards.size() > 1) {
            if (!batch_id) batch_id = reward.id;
            reward.batch_id = batch_id;
            storage::SetCcRewardBatch(*lease, reward.id, *batch_id);
        }
        storage::AppendAudit(*lease, &actor, now,
                             {"create", kRewardSubject, reward.id, std::nullopt, storage::CcRewardSnapshot(reward)});
    }
    transaction.Commit();
    std::vector<RewardView> views;
    for (std::size_t i = 0; i < rewards.size(); ++i) {
        views.push_back({std::move(rewards[i]), people[i].name, true});
    }
    return views;
}

Result<RewardView> RewardService::Withdraw(const Actor& actor, std::int64_t id, const std::string& reason) {
    if (auto status = actor.Require(Permission::kCcRewardWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindCcReward(*lease, id);
    if (!found) return Error::NotFound({"奖励", "Reward"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    const auto note = TrimText(reason);
    Validation validation;
    CheckLength(validation, "reason", note, 1, 1000, {"撤销理由", "Reason for withdrawing"});
    if (!validation.ok()) return validation.ToError();
    const auto already = Error::Precondition({"该奖励已撤销", "This reward has been withdrawn already"});
    if (found->status != RewardStatus::kRecorded) return already;
    auto reward = *found;
    const auto now = context_.clock.Now();
    reward.status = RewardStatus::kWithdrawn;
    reward.withdrawn_reason = note;
    reward.withdrawn_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::WithdrawCcReward(*lease, reward, actor.user_id)) return already;
    storage::AppendAudit(
        *lease, &actor, now,
        {"withdraw", kRewardSubject, reward.id, storage::CcRewardSnapshot(*found), storage::CcRewardSnapshot(reward)});
    transaction.Commit();
    const auto person = storage::FindPerson(*lease, reward.person_id);
    return RewardView{std::move(reward), person ? person->name : std::string(), false};
}

}  // namespace houqin
