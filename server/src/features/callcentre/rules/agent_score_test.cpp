// CC-3 (and CC-4, CC-6 where a case says so): the monthly agent assessment run against the cases in
// rules/cases/agent_score.json whose rule is "agent_score" (one month) or "months" (several months: the method in
// force each month, the scores and rankings, and the top-3 bonus proposals they lead to). One parameterised test per
// case; the file format is described in rules/cases/README.md. Plain tests below cover the helpers.
#include "features/callcentre/rules/agent_score.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/test_rule_cases.h"
#include "features/callcentre/rules/top3_streak.h"

namespace houqin {
namespace {

using Json = nlohmann::json;

// ---- facts from JSON -------------------------------------------------------------------------------------------

AssessmentMonth ReadMonth(const Json& json) {
    const auto text = json.get<std::string>();
    const auto month = AssessmentMonth::Parse(text);
    if (!month) throw std::runtime_error("bad month " + text);
    return *month;
}

std::int64_t ReadPoints(const Json& json) {
    const auto text = json.is_string() ? json.get<std::string>() : std::to_string(json.get<std::int64_t>());
    const auto points = ParsePoints(text);
    if (!points) throw std::runtime_error("bad points " + json.dump());
    return *points;
}

Instant ReadInstant(const Json& json) {
    const auto text = json.get<std::string>();
    const auto instant = Instant::ParseIso(text);
    if (!instant) throw std::runtime_error("bad instant " + text);
    return *instant;
}

// The method of README.md: these defaults, with the case's keys merged over them (JSON merge patch).
ScoringMethod ReadMethod(const Json& patch) {
    Json json = {
        {"version", 1},
        {"effective_from", "2026-01"},
        {"weights", {{"discipline", "20"}, {"visits", "40"}, {"talk", "20"}, {"training", "20"}}},
        {"targets", {{"visits", 400}, {"talk_seconds", 72000}}},
        {"caps", {{"visits", 100}, {"talk", 100}}},
        {"deductions", {{"absence", "2"}, {"late", "0.5"}, {"violation", "3"}}},
        {"penalty", "2"},
        {"training_full", "100"},
        {"pro_rating", "by_days_held"},
    };
    json.merge_patch(patch);
    ScoringMethod method;
    method.version = json.at("version").get<int>();
    method.effective_from = ReadMonth(json.at("effective_from"));
    method.discipline_weight = ReadPoints(json.at("weights").at("discipline"));
    method.visits_weight = ReadPoints(json.at("weights").at("visits"));
    method.talk_weight = ReadPoints(json.at("weights").at("talk"));
    method.training_weight = ReadPoints(json.at("weights").at("training"));
    method.visits_target = json.at("targets").at("visits").get<std::int64_t>();
    method.talk_seconds_target = json.at("targets").at("talk_seconds").get<std::int64_t>();
    method.visits_cap_percent = json.at("caps").at("visits").get<int>();
    method.talk_cap_percent = json.at("caps").at("talk").get<int>();
    method.absence_deduction = ReadPoints(json.at("deductions").at("absence"));
    method.late_deduction = ReadPoints(json.at("deductions").at("late"));
    method.violation_deduction = ReadPoints(json.at("deductions").at("violation"));
    method.penalty_deduction = ReadPoints(json.at("penalty"));
    method.training_full_score = ReadPoints(json.at("training_full"));
    const auto rating = ParseProRating(json.at("pro_rating").get<std::string>());
    if (!rating) throw std::runtime_error("bad pro_rating " + json.at("pro_rating").dump());
    method.pro_rating = *rating;
    return method;
}

std::vector<AgentMonthFacts> ReadAgents(const Json& list, AssessmentMonth month) {
    std::vector<AgentMonthFacts> agents;
    for (const auto& item : list) {
        AgentMonthFacts facts;
        facts.person_id = item.at("person").get<std::int64_t>();
        facts.name = item.value("name", "");
        facts.agent_ids = item.value("agent_ids", std::vector<std::string>{});
        facts.days_held = item.value("days_held", month.Days());
        facts.calls = item.value("calls", std::int64_t{0});
        facts.successful_visits = item.value("successful_visits", std::int64_t{0});
        facts.talk_seconds = item.value("talk_seconds", std::int64_t{0});
        facts.required_days = item.value("required_days", 22);
        facts.attended_days = item.value("attended_days", 22);
        facts.absent_days = item.value("absent_days", 0);
        facts.late_arrivals = item.value("late", 0);
        facts.violations = item.value("violations", 0);
        if (item.contains("training") && !item.at("training").is_null()) {
            facts.training_score = ReadPoints(item.at("training"));
        }
        for (const auto& suggestion : item.value("suggestions", Json::array())) {
            facts.suggestions.push_back(
                {suggestion.at("id").get<std::string>(), ReadInstant(suggestion.at("submitted"))});
        }
        agents.push_back(std::move(facts));
    }
    return agents;
}

// ---- expectations ----------------------------------------------------------------------------------------------

Json Strings(const Json& json) { return json.is_array() ? json : Json::array({json}); }

void ExpectContains(const std::string& text, const Json& parts, const std::string& what) {
    for (const auto& part : Strings(parts)) {
        EXPECT_NE(text.find(part.get<std::string>()), std::string::npos)
            << what << ": \"" << text << "\" lacks " << part;
    }
}

std::int64_t CapOf(const ScoringMethod& method, const DimensionScore& dimension) {
    switch (dimension.dimension) {
        case ScoreDimension::kVisits: return method.visits_weight * method.visits_cap_percent / 100;
        case ScoreDimension::kTalkTime: return method.talk_weight * method.talk_cap_percent / 100;
        default: return dimension.weight;
    }
}

// What holds for every month's result, whatever the case says.
void ExpectInvariants(const ScoringMethod& method, const MonthAssessment& month, std::size_t agent_count) {
    ASSERT_EQ(month.agents.size(), agent_count);
    ASSERT_EQ(month.ranking.agents.size(), agent_count);
    EXPECT_EQ(month.method_version, method.version);
    std::vector<std::int64_t> totals;
    for (const auto& agent : month.agents) totals.push_back(agent.total);
    const auto ranks = CompetitionRanks(totals);
    for (std::size_t i = 0; i < month.agents.size(); ++i) {
        const auto& agent = month.agents[i];
        SCOPED_TRACE("person " + std::to_string(agent.person_id));
        EXPECT_EQ(agent.rank, ranks[i]);
        EXPECT_EQ(agent.method_version, method.version);
        if (i > 0) {
            EXPECT_LE(month.agents[i - 1].rank, agent.rank);
            if (month.agents[i - 1].rank == agent.rank) {
                EXPECT_LT(month.agents[i - 1].person_id, agent.person_id);
            }
        }
        const bool tied = std::count(ranks.begin(), ranks.end(), agent.rank) > 1;
        EXPECT_EQ(agent.tied, tied);
        ASSERT_EQ(agent.dimensions.size(), 4U);
        std::int64_t sum = 0;
        for (const auto& dimension : agent.dimensions) {
            EXPECT_GE(dimension.points, 0);
            EXPECT_LE(dimension.points, CapOf(method, dimension));
            EXPECT_FALSE(dimension.explanation.zh.empty());
            EXPECT_FALSE(dimension.explanation.en.empty());
            // The points a dimension shows are the points it counts.
            EXPECT_NE(dimension.explanation.zh.find(FormatPoints(dimension.points)), std::string::npos)
                << dimension.explanation.zh;
            EXPECT_NE(dimension.explanation.en.find(FormatPoints(dimension.points)), std::string::npos)
                << dimension.explanation.en;
            sum += dimension.points;
        }
        std::int64_t deducted = 0;
        for (const auto& suggestion : agent.suggestions) {
            EXPECT_EQ(suggestion.counted, suggestion.deadline.timing == PenaltyTiming::kInTime);
            EXPECT_EQ(suggestion.deduction, suggestion.counted ? method.penalty_deduction : 0);
            deducted += suggestion.deduction;
        }
        EXPECT_EQ(agent.penalty_deduction, deducted);
        EXPECT_EQ(agent.total, std::max<std::int64_t>(0, sum - deducted));
        EXPECT_FALSE(agent.penalty_explanation.zh.empty());
        EXPECT_FALSE(agent.penalty_explanation.en.empty());
        ExpectContains(agent.summary.zh, Json(FormatPoints(agent.total)), "summary zh");
        ExpectContains(agent.summary.en, Json(FormatPoints(agent.total)), "summary en");
        const auto version = std::find_if(agent.values.begin(), agent.values.end(),
                                          [](const PolicyParameter& value) { return value.name == "method_version"; });
        ASSERT_NE(version, agent.values.end());
        EXPECT_EQ(version->value, std::to_string(method.version));
        EXPECT_EQ(month.ranking.agents[i].person_id, agent.person_id);
        EXPECT_EQ(month.ranking.agents[i].rank, agent.rank);
        EXPECT_EQ(month.ranking.agents[i].total, agent.total);
    }
}

const DimensionScore& Dimension(const AgentScore& agent, const std::string& code) {
    for (const auto& dimension : agent.dimensions) {
        if (ScoreDimensionCode(dimension.dimension) == code) return dimension;
    }
    throw std::runtime_error("no dimension " + code);
}

void ExpectTexts(const AgentScore& agent, const Json& texts, bool chinese) {
    for (const auto& [key, parts] : texts.items()) {
        const std::string language = chinese ? "zh " : "en ";
        if (key == "penalty") {
            ExpectContains(chinese ? agent.penalty_explanation.zh : agent.penalty_explanation.en, parts,
                           language + key);
        } else if (key == "summary") {
            ExpectContains(chinese ? agent.summary.zh : agent.summary.en, parts, language + key);
        } else {
            const auto& text = Dimension(agent, key).explanation;
            ExpectContains(chinese ? text.zh : text.en, parts, language + key);
        }
    }
}

void ExpectAgent(const AgentScore& agent, const Json& want) {
    SCOPED_TRACE("person " + std::to_string(agent.person_id));
    EXPECT_EQ(agent.person_id, want.at("person").get<std::int64_t>());
    if (want.contains("rank")) {
        EXPECT_EQ(agent.rank, want.at("rank").get<int>());
    }
    if (want.contains("tied")) {
        EXPECT_EQ(agent.tied, want.at("tied").get<bool>());
    }
    if (want.contains("total")) {
        EXPECT_EQ(FormatPoints(agent.total), want.at("total").get<std::string>());
    }
    if (want.contains("pro_rated")) {
        EXPECT_EQ(agent.pro_rated, want.at("pro_rated").get<bool>());
    }
    if (want.contains("version")) {
        EXPECT_EQ(agent.method_version, want.at("version").get<int>());
    }
    const Json points_wanted = want.value("points", Json::object());  // named: items() would dangle on a temporary
    for (const auto& [code, points] : points_wanted.items()) {
        EXPECT_EQ(FormatPoints(Dimension(agent, code).points), points.get<std::string>()) << code;
    }
    if (want.contains("penalty")) {
        EXPECT_EQ(FormatPoints(agent.penalty_deduction), want.at("penalty").get<std::string>());
    }
    if (want.contains("counted")) {
        std::vector<std::string> counted;
        std::vector<std::string> not_counted;
        for (const auto& suggestion : agent.suggestions) {
            (suggestion.counted ? counted : not_counted).push_back(suggestion.id);
        }
        EXPECT_EQ(counted, want.at("counted").get<std::vector<std::string>>());
        EXPECT_EQ(not_counted, want.value("not_counted", std::vector<std::string>{}));
    }
    const Json values_wanted = want.value("values", Json::object());
    for (const auto& [name, value] : values_wanted.items()) {
        const auto found = std::find_if(agent.values.begin(), agent.values.end(),
                                        [&](const PolicyParameter& parameter) { return parameter.name == name; });
        ASSERT_NE(found, agent.values.end()) << "value " << name;
        EXPECT_EQ(found->value, value.get<std::string>()) << "value " << name;
    }
    if (want.contains("zh")) ExpectTexts(agent, want.at("zh"), true);
    if (want.contains("en")) ExpectTexts(agent, want.at("en"), false);
}

// The month's result against its expectation: either the error fields, or the exact list of agents in order.
void ExpectMonth(const ScoringMethod& method, const Result<MonthAssessment>& result, std::size_t agent_count,
                 const Json& expect) {
    if (expect.contains("error")) {
        ASSERT_FALSE(result.has_value()) << "the case expects a refusal";
        std::vector<std::string> fields;
        for (const auto& field : result.error().fields) {
            fields.push_back(field.field);
            EXPECT_FALSE(field.message.zh.empty());
            EXPECT_FALSE(field.message.en.empty());
        }
        EXPECT_EQ(fields, expect.at("error").at("fields").get<std::vector<std::string>>());
        return;
    }
    ASSERT_TRUE(result.has_value()) << (result.has_value()              ? ""
                                        : result.error().fields.empty() ? result.error().message.en
                                                                        : result.error().fields.front().field + ": " +
                                                                              result.error().fields.front().message.en);
    ExpectInvariants(method, *result, agent_count);
    if (expect.contains("version")) {
        EXPECT_EQ(result->method_version, expect.at("version").get<int>());
    }
    const auto& agents = expect.at("agents");
    ASSERT_EQ(result->agents.size(), agents.size());
    for (std::size_t i = 0; i < agents.size(); ++i) ExpectAgent(result->agents[i], agents[i]);
}

void ExpectBonuses(const std::vector<BonusProposal>& proposals, const Json& bonuses) {
    ASSERT_EQ(proposals.size(), bonuses.size());
    for (std::size_t i = 0; i < bonuses.size(); ++i) {
        const auto& proposal = proposals[i];
        const auto& want = bonuses[i];
        SCOPED_TRACE("bonus " + std::to_string(i));
        EXPECT_EQ(proposal.person_id, want.at("person").get<std::int64_t>());
        EXPECT_EQ(proposal.first_month.ToString(), want.at("first").get<std::string>());
        EXPECT_EQ(proposal.qualifying_month.ToString(), want.at("qualifying").get<std::string>());
        ASSERT_EQ(proposal.evidence.size(), 3U);
        std::vector<int> ranks;
        std::vector<std::string> totals;
        for (const auto& month : proposal.evidence) {
            ranks.push_back(month.rank);
            totals.push_back(FormatPoints(month.total));
        }
        EXPECT_EQ(ranks, want.at("ranks").get<std::vector<int>>());
        if (want.contains("totals")) {
            EXPECT_EQ(totals, want.at("totals").get<std::vector<std::string>>());
        }
        if (want.contains("streak_months")) {
            EXPECT_EQ(proposal.streak_months, want.at("streak_months").get<int>());
        }
        EXPECT_EQ(proposal.dedupe_key,
                  "CC-6:" + std::to_string(proposal.person_id) + ":" + proposal.first_month.ToString());
        if (want.contains("zh")) ExpectContains(proposal.explanation.zh, want.at("zh"), "bonus zh");
        if (want.contains("en")) ExpectContains(proposal.explanation.en, want.at("en"), "bonus en");
    }
}

class AgentScoreCaseTest : public testing::TestWithParam<RuleCase> {};

TEST_P(AgentScoreCaseTest, Case) {
    const auto& test_case = GetParam();
    ASSERT_FALSE(test_case.body.contains("load_error")) << test_case.name;
    // CC-3 for the score itself, CC-4 for the penalty deadline in a score, CC-6 for the bonus from several months.
    const auto requirement = test_case.body.at("requirement").get<std::string>();
    ASSERT_TRUE(requirement == "CC-3" || requirement == "CC-4" || requirement == "CC-6") << "each case names one";
    ASSERT_EQ(test_case.name.rfind(requirement + " ", 0), 0U) << "a case's name starts with its requirement";
    const auto& facts = test_case.body.at("facts");
    const auto& expect = test_case.body.at("expect");

    if (test_case.body.at("rule") == "agent_score") {
        const auto method = ReadMethod(facts.value("method", Json::object()));
        const auto month = ReadMonth(facts.at("month"));
        const auto agents = ReadAgents(facts.at("agents"), month);
        ExpectMonth(method, ScoreMonth(method, month, agents), agents.size(), expect);
        return;
    }
    // "months": the method in force each month, each month scored, then the streaks over the months scored.
    std::vector<ScoringMethod> methods;
    for (const auto& item : facts.at("methods")) methods.push_back(ReadMethod(item));
    const auto& months = facts.at("months");
    const auto& expected_months = expect.at("months");
    ASSERT_EQ(months.size(), expected_months.size());
    std::vector<MonthRanking> rankings;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const auto month = ReadMonth(months[i].at("month"));
        SCOPED_TRACE("month " + month.ToString());
        const auto& want = expected_months[i];
        EXPECT_EQ(want.at("month").get<std::string>(), month.ToString());
        const auto method = MethodForMonth(methods, month);
        if (want.value("no_method", false)) {
            EXPECT_FALSE(method.has_value());
            continue;
        }
        ASSERT_TRUE(method.has_value()) << "no method in force";
        const auto agents = ReadAgents(months[i].at("agents"), month);
        const auto result = ScoreMonth(*method, month, agents);
        ExpectMonth(*method, result, agents.size(), want);
        if (result.has_value()) rankings.push_back(result->ranking);
    }
    ExpectBonuses(FindTopStreaks(rankings), expect.value("bonuses", Json::array()));
}

INSTANTIATE_TEST_SUITE_P(AgentScoreCases, AgentScoreCaseTest,
                         testing::ValuesIn(LoadRuleCases("HOUQIN_AGENT_SCORE_CASES", __FILE__, "agent_score.json",
                                                         {"agent_score", "months"})),
                         RuleCaseTestName);

// ---- the helpers ----------------------------------------------------------------------------------------------

// CC-3: points are exact hundredths, written with two decimals.
TEST(AgentScoreTest, CC3_PointsParseAndFormatExactly) {
    EXPECT_EQ(ParsePoints("40"), 4000);
    EXPECT_EQ(ParsePoints("0.5"), 50);
    EXPECT_EQ(ParsePoints("12.34"), 1234);
    EXPECT_EQ(ParsePoints("12.345"), std::nullopt);
    EXPECT_EQ(ParsePoints("-1"), std::nullopt);
    EXPECT_EQ(ParsePoints("1."), std::nullopt);
    EXPECT_EQ(ParsePoints(".5"), std::nullopt);
    EXPECT_EQ(ParsePoints(""), std::nullopt);
    EXPECT_EQ(FormatPoints(8750), "87.50");
    EXPECT_EQ(FormatPoints(5), "0.05");
    EXPECT_EQ(FormatPoints(-200), "-2.00");
}

// CC-3: equal scores share a rank and the next rank skips (competition ranking).
TEST(AgentScoreTest, CC3_CompetitionRanksShareAndSkip) {
    EXPECT_EQ(CompetitionRanks({9000, 9500, 9500, 8000}), (std::vector<int>{3, 1, 1, 4}));
    EXPECT_EQ(CompetitionRanks({100, 100, 100}), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(CompetitionRanks({}), std::vector<int>{});
}

// CC-3: the method is versioned; the version in force is the latest started by the month.
TEST(AgentScoreTest, CC3_MethodForMonthTakesTheLatestVersionStarted) {
    ScoringMethod first;
    first.version = 1;
    first.effective_from = {2026, 1};
    ScoringMethod second = first;
    second.version = 2;
    second.effective_from = {2026, 11};
    ScoringMethod third = first;
    third.version = 3;
    third.effective_from = {2026, 11};
    const std::vector<ScoringMethod> approved{third, first, second};
    EXPECT_FALSE(MethodForMonth(approved, {2025, 12}).has_value());
    EXPECT_EQ(MethodForMonth(approved, {2026, 10})->version, 1);
    EXPECT_EQ(MethodForMonth(approved, {2026, 11})->version, 3);
    EXPECT_EQ(MethodForMonth(approved, {2027, 3})->version, 3);
}

// CC-3: a method whose weights do not make 100 points, or with no target, is refused, naming every field.
TEST(AgentScoreTest, CC3_ValidateScoringMethodNamesEveryBadField) {
    ScoringMethod method;
    method.version = 0;
    method.visits_weight = 5000;
    method.visits_target = 0;
    method.talk_seconds_target = 72000;
    method.talk_cap_percent = 99;
    const auto result = ValidateScoringMethod(method);
    ASSERT_FALSE(result.has_value());
    std::vector<std::string> fields;
    for (const auto& field : result.error().fields) fields.push_back(field.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"version", "weights", "visits_target", "talk_cap_percent"}));
    EXPECT_NE(result.error().fields[1].message.zh.find("110.00"), std::string::npos);
}

// CC-3: months are calendar months; February 2028 has 29 days.
TEST(AgentScoreTest, CC3_AssessmentMonthCalendar) {
    EXPECT_EQ(AssessmentMonth::Parse("2026-11"), (AssessmentMonth{2026, 11}));
    EXPECT_FALSE(AssessmentMonth::Parse("2026-13").has_value());
    EXPECT_FALSE(AssessmentMonth::Parse("2026-1").has_value());
    EXPECT_EQ((AssessmentMonth{2028, 2}).Days(), 29);
    EXPECT_EQ((AssessmentMonth{2026, 12}).Next(), (AssessmentMonth{2027, 1}));
    EXPECT_EQ((AssessmentMonth{2026, 12}).LastDay().ToString(), "2026-12-31");
    EXPECT_EQ(AssessmentMonth::Of(*Date::Parse("2026-02-28")), (AssessmentMonth{2026, 2}));
}

}  // namespace
}  // namespace houqin
