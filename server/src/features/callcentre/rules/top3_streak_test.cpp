// CC-6: the top-3 streak run against the cases in rules/cases/agent_score.json whose rule is "top3_streak" (months
// of totals in, ranked as the month's assessment ranks them; the bonus proposals with their evidence out). The
// format is described in rules/cases/README.md; streaks from scored months are "months" cases (agent_score_test).
#include "features/callcentre/rules/top3_streak.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/test_rule_cases.h"

namespace houqin {
namespace {

using Json = nlohmann::json;

Json Strings(const Json& json) { return json.is_array() ? json : Json::array({json}); }

void ExpectContains(const std::string& text, const Json& parts, const std::string& what) {
    for (const auto& part : Strings(parts)) {
        EXPECT_NE(text.find(part.get<std::string>()), std::string::npos)
            << what << ": \"" << text << "\" lacks " << part;
    }
}

// A month of the case: [[person, name, total], ...] ranked with the assessment's own competition ranking.
MonthRanking ReadRanking(const Json& item) {
    MonthRanking ranking;
    const auto month = AssessmentMonth::Parse(item.at("month").get<std::string>());
    if (!month) throw std::runtime_error("bad month " + item.dump());
    ranking.month = *month;
    ranking.method_version = item.value("version", 1);
    std::vector<std::int64_t> totals;
    for (const auto& agent : item.at("agents")) {
        const auto total = ParsePoints(agent.at(2).get<std::string>());
        if (!total) throw std::runtime_error("bad total " + agent.dump());
        totals.push_back(*total);
        ranking.agents.push_back({agent.at(0).get<std::int64_t>(), agent.at(1).get<std::string>(), 0, *total});
    }
    const auto ranks = CompetitionRanks(totals);
    for (std::size_t i = 0; i < ranks.size(); ++i) ranking.agents[i].rank = ranks[i];
    return ranking;
}

class Top3StreakCaseTest : public testing::TestWithParam<RuleCase> {};

TEST_P(Top3StreakCaseTest, Case) {
    const auto& test_case = GetParam();
    ASSERT_FALSE(test_case.body.contains("load_error")) << test_case.name;
    // CC-6: every case of this rule is about the top-3 bonus.
    ASSERT_EQ(test_case.body.at("requirement").get<std::string>(), "CC-6");
    ASSERT_EQ(test_case.name.rfind("CC-6 ", 0), 0U) << "a case's name starts with its requirement";
    const auto& facts = test_case.body.at("facts");
    std::vector<MonthRanking> rankings;
    for (const auto& item : facts.at("rankings")) rankings.push_back(ReadRanking(item));
    StreakSettings settings;
    settings.top = facts.value("top", 3);
    settings.months = facts.value("months", 3);
    const auto proposals = FindTopStreaks(rankings, settings);

    const auto& bonuses = test_case.body.at("expect").at("bonuses");
    ASSERT_EQ(proposals.size(), bonuses.size());
    for (std::size_t i = 0; i < bonuses.size(); ++i) {
        const auto& proposal = proposals[i];
        const auto& want = bonuses[i];
        SCOPED_TRACE("bonus " + std::to_string(i));
        EXPECT_EQ(proposal.person_id, want.at("person").get<std::int64_t>());
        EXPECT_EQ(proposal.first_month.ToString(), want.at("first").get<std::string>());
        EXPECT_EQ(proposal.qualifying_month.ToString(), want.at("qualifying").get<std::string>());
        EXPECT_EQ(proposal.streak_months, want.at("streak_months").get<int>());
        EXPECT_EQ(proposal.dedupe_key, want.at("key").get<std::string>());
        ASSERT_EQ(proposal.evidence.size(), static_cast<std::size_t>(settings.months));
        std::vector<int> ranks;
        std::vector<std::string> totals;
        std::vector<bool> tied;
        for (std::size_t m = 0; m < proposal.evidence.size(); ++m) {
            const auto& month = proposal.evidence[m];
            EXPECT_LE(month.rank, settings.top);
            if (m > 0) {
                EXPECT_EQ(month.month.Index(), proposal.evidence[m - 1].month.Index() + 1) << "consecutive months";
            }
            ranks.push_back(month.rank);
            totals.push_back(FormatPoints(month.total));
            tied.push_back(month.tied);
        }
        EXPECT_EQ(proposal.evidence.front().month, proposal.first_month);
        EXPECT_EQ(proposal.evidence.back().month, proposal.qualifying_month);
        EXPECT_EQ(ranks, want.at("ranks").get<std::vector<int>>());
        if (want.contains("totals")) {
            EXPECT_EQ(totals, want.at("totals").get<std::vector<std::string>>());
        }
        if (want.contains("tied")) {
            EXPECT_EQ(tied, want.at("tied").get<std::vector<bool>>());
        }
        EXPECT_FALSE(proposal.explanation.zh.empty());
        EXPECT_FALSE(proposal.explanation.en.empty());
        for (const auto& month : proposal.evidence) {
            ExpectContains(proposal.explanation.zh, Json(month.month.ToString()), "evidence month");
            ExpectContains(proposal.explanation.en, Json(FormatPoints(month.total)), "evidence score");
        }
        if (want.contains("zh")) ExpectContains(proposal.explanation.zh, want.at("zh"), "zh");
        if (want.contains("en")) ExpectContains(proposal.explanation.en, want.at("en"), "en");
    }
}

INSTANTIATE_TEST_SUITE_P(Top3StreakCases, Top3StreakCaseTest,
                         testing::ValuesIn(LoadRuleCases("HOUQIN_AGENT_SCORE_CASES", __FILE__, "agent_score.json",
                                                         {"top3_streak"})),
                         RuleCaseTestName);

// CC-6: re-running on the same months gives the same proposals and keys, so the service proposes a streak once.
TEST(Top3StreakTest, CC6_SameMonthsSameKeysInAnyOrder) {
    std::vector<MonthRanking> rankings;
    for (int month = 9; month <= 12; ++month) {
        rankings.push_back({{2026, month}, 1, {{1, "A", 1, 9500}, {2, "B", 2, 9000}, {3, "C", 3, 8000}}});
    }
    const auto forward = FindTopStreaks(rankings);
    std::reverse(rankings.begin(), rankings.end());
    const auto backward = FindTopStreaks(rankings);
    ASSERT_EQ(forward.size(), 3U);
    ASSERT_EQ(backward.size(), 3U);
    for (std::size_t i = 0; i < forward.size(); ++i) {
        EXPECT_EQ(forward[i].dedupe_key, backward[i].dedupe_key);
        EXPECT_EQ(forward[i].streak_months, 4);
        EXPECT_EQ(forward[i].qualifying_month, (AssessmentMonth{2026, 11}));
    }
}

}  // namespace
}  // namespace houqin
