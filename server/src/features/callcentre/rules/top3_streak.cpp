#include "features/callcentre/rules/top3_streak.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace houqin {

std::vector<BonusProposal> FindTopStreaks(const std::vector<MonthRanking>& rankings, StreakSettings settings) {
    // One ranking per month, in calendar order; the later one in the input replaces an earlier one of its month.
    std::map<int, const MonthRanking*> by_month;
    for (const auto& ranking : rankings) by_month[ranking.month.Index()] = &ranking;

    struct Running {
        std::vector<StreakEvidence> months;  // the streak so far
        std::string name;
        int last_index = 0;
        bool proposed = false;
    };
    std::map<std::int64_t, Running> running;
    std::map<std::int64_t, std::size_t> open_proposal;  // index in `proposals` of the person's current streak
    std::vector<BonusProposal> proposals;

    for (const auto& [index, ranking] : by_month) {
        std::map<int, int> rank_counts;
        for (const auto& agent : ranking->agents) ++rank_counts[agent.rank];
        for (const auto& agent : ranking->agents) {
            if (agent.rank < 1 || agent.rank > settings.top) continue;
            auto& streak = running[agent.person_id];
            if (streak.months.empty() || streak.last_index != index - 1) {
                streak = Running{};
                open_proposal.erase(agent.person_id);
            }
            streak.months.push_back(
                {ranking->month, agent.rank, agent.total, rank_counts[agent.rank] > 1, ranking->method_version});
            streak.last_index = index;
            streak.name = agent.name;
            const int length = static_cast<int>(streak.months.size());
            if (const auto found = open_proposal.find(agent.person_id); found != open_proposal.end()) {
                proposals[found->second].streak_months = length;  // a longer streak, still one proposal
                continue;
            }
            if (length < settings.months) continue;
            BonusProposal proposal;
            proposal.person_id = agent.person_id;
            proposal.name = agent.name;
            proposal.first_month = streak.months.front().month;
            proposal.qualifying_month = ranking->month;
            proposal.streak_months = length;
            proposal.evidence = streak.months;
            proposal.dedupe_key = fmt::format("CC-6:{}:{}", agent.person_id, proposal.first_month.ToString());
            std::string months_zh;
            std::string months_en;
            for (const auto& month : proposal.evidence) {
                months_zh +=
                    fmt::format("{}{} {}第 {} 名（{} 分）", months_zh.empty() ? "" : "、", month.month.ToString(),
                                month.tied ? "并列" : "", month.rank, FormatPoints(month.total));
                months_en +=
                    fmt::format("{}{} {}rank {} ({} points)", months_en.empty() ? "" : ", ", month.month.ToString(),
                                month.tied ? "tied " : "", month.rank, FormatPoints(month.total));
            }
            proposal.explanation = {
                fmt::format("{} 连续 {} 个月排名前 {}：{}；提议一次性奖励，每段连续只提议一次", agent.name,
                            settings.months, settings.top, months_zh),
                fmt::format("{} ranked in the top {} for {} consecutive months: {}; a one-time bonus is proposed, "
                            "once per streak",
                            agent.name, settings.top, settings.months, months_en)};
            proposal.values = {{"top", fmt::format("{}", settings.top)},
                               {"months", fmt::format("{}", settings.months)},
                               {"first_month", proposal.first_month.ToString()},
                               {"qualifying_month", proposal.qualifying_month.ToString()}};
            for (const auto& month : proposal.evidence) {
                proposal.values.push_back(
                    {"rank_" + month.month.ToString(),
                     fmt::format("{} ({}, v{})", month.rank, FormatPoints(month.total), month.method_version)});
            }
            proposals.push_back(std::move(proposal));
            open_proposal[agent.person_id] = proposals.size() - 1;
        }
    }
    std::stable_sort(proposals.begin(), proposals.end(), [](const BonusProposal& a, const BonusProposal& b) {
        return std::tuple(a.qualifying_month, a.person_id) < std::tuple(b.qualifying_month, b.person_id);
    });
    return proposals;
}

}  // namespace houqin
