// CC-4: the penalty-suggestion deadline run against the cases in rules/cases/agent_score.json whose rule is
// "penalty_deadline" (a month and a submission instant in; in time or too late, the deadline and the reason out).
// The format is described in rules/cases/README.md; a suggestion inside a month's scores is an "agent_score" case.
#include "features/callcentre/rules/penalty_deadline.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

class PenaltyDeadlineCaseTest : public testing::TestWithParam<RuleCase> {};

TEST_P(PenaltyDeadlineCaseTest, Case) {
    const auto& test_case = GetParam();
    ASSERT_FALSE(test_case.body.contains("load_error")) << test_case.name;
    // CC-4: every case of this rule is about the deadline of the 2nd.
    ASSERT_EQ(test_case.body.at("requirement").get<std::string>(), "CC-4");
    ASSERT_EQ(test_case.name.rfind("CC-4 ", 0), 0U) << "a case's name starts with its requirement";
    const auto& facts = test_case.body.at("facts");
    const auto& expect = test_case.body.at("expect");
    const auto month = AssessmentMonth::Parse(facts.at("month").get<std::string>());
    const auto submitted = Instant::ParseIso(facts.at("submitted").get<std::string>());
    ASSERT_TRUE(month.has_value() && submitted.has_value()) << "bad month or instant";
    const auto check = CheckPenaltyDeadline(*month, *submitted);
    EXPECT_EQ(check.timing == PenaltyTiming::kInTime ? "in_time" : "too_late", expect.at("timing").get<std::string>());
    EXPECT_EQ(check.deadline.ToIso(), expect.at("deadline").get<std::string>());
    EXPECT_EQ(check.deadline, PenaltyDeadline(*month));
    EXPECT_EQ(check.month, *month);
    EXPECT_EQ(check.submitted_at, *submitted);
    ExpectContains(check.reason.zh, Json(ShanghaiClockText(check.deadline)), "reason names the deadline");
    ExpectContains(check.reason.en, Json(ShanghaiClockText(check.deadline)), "reason names the deadline");
    if (expect.contains("zh")) ExpectContains(check.reason.zh, expect.at("zh"), "reason zh");
    if (expect.contains("en")) ExpectContains(check.reason.en, expect.at("en"), "reason en");
}

INSTANTIATE_TEST_SUITE_P(PenaltyDeadlineCases, PenaltyDeadlineCaseTest,
                         testing::ValuesIn(LoadRuleCases("HOUQIN_AGENT_SCORE_CASES", __FILE__, "agent_score.json",
                                                         {"penalty_deadline"})),
                         RuleCaseTestName);

// CC-4: the month a suggestion submitted now can still count for, for the form's default and the reminder.
TEST(PenaltyDeadlineTest, CC4_OldestOpenMonthTurnsAtTheSecond) {
    const auto at = [](const char* text) { return *Instant::ParseIso(text); };
    EXPECT_EQ(OldestOpenPenaltyMonth(at("2026-12-01T23:59:59.999+08:00")), (AssessmentMonth{2026, 11}));
    EXPECT_EQ(OldestOpenPenaltyMonth(at("2026-12-02T00:00:00+08:00")), (AssessmentMonth{2026, 12}));
    EXPECT_EQ(OldestOpenPenaltyMonth(at("2027-01-01T10:00:00+08:00")), (AssessmentMonth{2026, 12}));
    // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Shanghai.
    EXPECT_EQ(OldestOpenPenaltyMonth(at("2026-12-31T16:30:00Z")), (AssessmentMonth{2026, 12}));
}

// CC-4: the texts show Shanghai wall-clock time, seconds only when they are not zero.
TEST(PenaltyDeadlineTest, CC4_ShanghaiClockText) {
    EXPECT_EQ(ShanghaiClockText(*Instant::ParseIso("2026-12-01T15:59:00Z")), "2026-12-01 23:59");
    EXPECT_EQ(ShanghaiClockText(*Instant::ParseIso("2026-12-01T23:59:30+08:00")), "2026-12-01 23:59:30");
    EXPECT_EQ(ShanghaiClockText(*Instant::ParseIso("2026-12-01T23:59:59.999+08:00")), "2026-12-01 23:59:59.999");
}

}  // namespace
}  // namespace houqin
