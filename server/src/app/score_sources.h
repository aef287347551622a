#pragma once
// CC-3 and CC-6 wiring: the monthly agent assessment reads the approved scoring methods and accepted suggestions
// (CC-3, CC-4) and the imported calls' agent-day totals (CC-8), and hands each top-3 streak to the policy engine as
// a bonus proposal through the office-then-leadership decision. The call-centre feature does not depend on
// supervision (which may come to read call-centre facts), so the bridge is made here.
#include <fmt/format.h>

#include "features/callcentre/call_store.h"
#include "features/callcentre/method_store.h"
#include "features/callcentre/score_service.h"
#include "features/supervision/policy_service.h"

namespace houqin {

// CC-6: the streak as a proposal, its three months' ranks and scores as evidence in words.
inline ExternalProposal BonusProposalOf(const BonusProposal& bonus) {
    ExternalProposal proposal;
    proposal.kind = "agent_bonus";
    proposal.rule = "CC-6";
    proposal.rule_version = "D2-staff4/v1";
    proposal.dedupe_key = bonus.dedupe_key;
    proposal.period = bonus.qualifying_month.ToString();
    for (const auto& month : bonus.evidence) {
        const auto points = FormatPoints(month.total);
        proposal.evidence.push_back(
            {PolicyEvidenceKind::kAgentScore,
             std::to_string(bonus.person_id),
             month.month.ToString(),
             month.month.LastDay(),
             points,
             {fmt::format("{} {} 月度考核第 {} 名{},{} 分(考核办法第 {} 版)", bonus.name, month.month.ToString(),
                          month.rank, month.tied ? "(并列)" : "", points, month.method_version),
              fmt::format("{} ranked {}{} in {} with {} points (scoring method version {})", bonus.name, month.rank,
                          month.tied ? " (tied)" : "", month.month.ToString(), points, month.method_version)}});
    }
    // The settings and the streak's months; each month's rank and score are the evidence, in words.
    for (const auto& value : bonus.values) {
        if (value.name.rfind("rank_", 0) != 0) proposal.thresholds.push_back(value);
    }
    proposal.explanation = bonus.explanation;
    return proposal;
}

inline ScoreSources ScoreSourcesOf(PolicyService& policy) {
    ScoreSources sources;
    sources.methods = [](storage::Connection& connection, std::int64_t contract_id) {
        return storage::LoadApprovedMethods(connection, contract_id);
    };
    sources.suggestions = [](storage::Connection& connection, std::int64_t contract_id, AssessmentMonth month) {
        return storage::LoadAcceptedSuggestions(connection, contract_id, month);
    };
    sources.agent_days = [](storage::Connection& connection, std::int64_t contract_id, Date first, Date last) {
        std::vector<ScoreAgentDay> days;
        for (const auto& day : storage::LoadAgentDays(connection, contract_id, first, last)) {
            days.push_back({day.agent_id, day.day, day.calls, day.successful, day.talk_seconds});
        }
        return days;
    };
    sources.propose_bonus = [&policy](storage::Connection& connection, const Actor& actor,
                                      const ContractRecord& contract, const BonusProposal& bonus) {
        return policy.ProposeExternal(connection, actor, contract.id, BonusProposalOf(bonus));
    };
    sources.withdraw_bonuses = [&policy](storage::Connection& connection, const ContractRecord& contract,
                                         const std::vector<std::string>& holding) {
        static const Text kStreakBroken{
            "重新计算月度考核后,该坐席已不再连续三个月位列前三,奖励建议撤回",
            "After a month's scores were recomputed the agent is no longer in the top 3 for three consecutive months; "
            "the bonus proposal is withdrawn"};
        return policy.WithdrawExternal(connection, contract.id, "CC-6:", holding, kStreakBroken);
    };
    return sources;
}

}  // namespace houqin
