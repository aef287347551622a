// RP-1, RP-2, RP-3, RP-4, SUP-4, SUP-8: the policy engine run against the cases in
// rules/cases/policy_cases.json, one parameterised test per case (facts in, expected decisions and evidence
// out, as in DuckDB's .test files). The file format is described in rules/cases/README.md.
#include "features/supervision/rules/policy_engine.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/test_rule_cases.h"

namespace houqin {
namespace {

using Json = nlohmann::json;

// ---- facts from JSON -------------------------------------------------------------------------------------------

Date ReadDate(const Json& json) {
    const auto text = json.get<std::string>();
    const auto date = Date::Parse(text);
    if (!date) throw std::runtime_error("bad date " + text);
    return *date;
}

Money ReadMoney(const Json& json) {
    const auto text = json.get<std::string>();
    const auto money = Money::Parse(text);
    if (!money) throw std::runtime_error("bad money " + text);
    return *money;
}

// "52", 52, "52.5" or 52.5 -> tenths, read from the text so no floating point is involved.
int ReadTenths(const Json& json) {
    const std::string text = json.is_string() ? json.get<std::string>() : json.dump();
    const auto point = text.find('.');
    const std::string whole = text.substr(0, point);
    const std::string tenth = point == std::string::npos ? "0" : text.substr(point + 1);
    const auto digits = [](const std::string& part) {
        return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(whole) || !digits(tenth) || tenth.size() != 1) throw std::runtime_error("bad score " + text);
    return std::stoi(whole) * 10 + (tenth[0] - '0');
}

std::vector<DeductionClause> ReadClauses(const Json& json) {
    std::vector<DeductionClause> clauses;
    for (const auto& item : json) {
        const auto kind = ParseDeductionKind(item.at("kind").get<std::string>());
        if (!kind) throw std::runtime_error("bad clause kind " + item.at("kind").dump());
        if (*kind == DeductionKind::kPercentOfFeePerPointBelowPass) {
            DeductionClause clause;
            clause.kind = *kind;
            clause.rate_basis_points = item.at("rate_basis_points").get<int>();
            clause.cap_basis_points = item.at("cap_basis_points").get<int>();
            clauses.push_back(clause);
            continue;
        }
        clauses.push_back({*kind, ReadMoney(item.at("amount")), ReadMoney(item.at("cap")), ""});
    }
    return clauses;
}

PolicyTerms ReadTerms(const Json& json, const PolicyTerms& defaults) {
    PolicyTerms terms = defaults;
    if (json.contains("pass_mark")) terms.pass_mark = json.at("pass_mark").get<int>();
    if (json.contains("deductions")) terms.deductions = ReadClauses(json.at("deductions"));
    return terms;
}

PolicyAssessment ReadAssessment(const Json& json) {
    PolicyAssessment assessment;
    assessment.id = json.at("id").get<std::string>();
    assessment.date = ReadDate(json.at("date"));
    assessment.period = json.value("period", json.at("date").get<std::string>().substr(0, 7));
    assessment.score_tenths = ReadTenths(json.at("score"));
    assessment.failed_items = json.value("failed_items", 0);
    assessment.missing_staff_days = json.value("missing_staff_days", 0);
    assessment.routine = json.value("routine", true);
    assessment.changed_on_appeal = json.value("changed_on_appeal", false);
    if (json.contains("terms")) assessment.terms = ReadTerms(json.at("terms"), PolicyTerms{60, {}});
    if (json.contains("fee")) {
        assessment.fee = PeriodFee{ReadMoney(json.at("fee")), {"付款计划", "the payment schedule"}};
    }
    return assessment;
}

PolicySurvey ReadSurvey(const Json& json) {
    PolicySurvey survey;
    survey.id = json.at("id").get<std::string>();
    survey.date = ReadDate(json.at("date"));
    survey.period = json.value("period", json.at("date").get<std::string>().substr(0, 7));
    // [very satisfied, satisfied, basically satisfied, dissatisfied, invalid]
    const auto& counts = json.at("counts");
    if (counts.size() != 5) throw std::runtime_error("survey counts take five numbers");
    survey.very_satisfied = counts[0].get<std::int64_t>();
    survey.satisfied = counts[1].get<std::int64_t>();
    survey.basically_satisfied = counts[2].get<std::int64_t>();
    survey.dissatisfied = counts[3].get<std::int64_t>();
    survey.invalid = counts[4].get<std::int64_t>();
    return survey;
}

PolicyEnergySaving ReadEnergy(const Json& json) {
    PolicyEnergySaving record;
    record.id = json.at("id").get<std::string>();
    record.date = ReadDate(json.at("date"));
    record.measure = json.value("measure", "");
    if (json.contains("saving")) record.saving = ReadMoney(json.at("saving"));
    record.saving_kwh = json.value("kwh", std::int64_t{0});
    return record;
}

void ApplySettings(const Json& json, PolicySettings& settings) {
    if (json.contains("version")) settings.version = json.at("version").get<std::string>();
    if (json.contains("rule_version")) settings.rule_version = json.at("rule_version").get<std::string>();
    if (json.contains("failures_threshold")) settings.failures_threshold = json.at("failures_threshold").get<int>();
    if (json.contains("window")) {
        const auto window = ParsePolicyWindowKind(json.at("window").get<std::string>());
        if (!window) throw std::runtime_error("bad window " + json.at("window").dump());
        settings.window = *window;
    }
    if (json.contains("satisfaction_percent")) {
        settings.satisfaction_percent = json.at("satisfaction_percent").get<int>();
    }
    if (json.contains("reward_assessment_average")) {
        settings.reward_assessment_average = json.at("reward_assessment_average").get<int>();
    }
    if (json.contains("reward_satisfaction_percent")) {
        settings.reward_satisfaction_percent = json.at("reward_satisfaction_percent").get<int>();
    }
}

PolicyFacts ReadFacts(const Json& json) {
    PolicyFacts facts;
    facts.contract = {"C1", *Date::Parse("2027-01-01"), *Date::Parse("2029-12-31"), {60, {}}};
    if (json.contains("contract")) {
        const auto& contract = json.at("contract");
        facts.contract.id = contract.value("id", facts.contract.id);
        if (contract.contains("term_start")) facts.contract.term_start = ReadDate(contract.at("term_start"));
        if (contract.contains("term_end")) facts.contract.term_end = ReadDate(contract.at("term_end"));
        facts.contract.terms = ReadTerms(contract, facts.contract.terms);
    }
    for (const auto& item : json.value("assessments", Json::array())) facts.assessments.push_back(ReadAssessment(item));
    for (const auto& item : json.value("surveys", Json::array())) facts.surveys.push_back(ReadSurvey(item));
    for (const auto& item : json.value("energy", Json::array())) facts.energy_savings.push_back(ReadEnergy(item));
    facts.settings.version = "settings-1";
    facts.settings.rule_version = "D1-Art8/2027.1";
    if (json.contains("settings")) ApplySettings(json.at("settings"), facts.settings);
    facts.today = ReadDate(json.at("today"));
    if (json.value("year_end_review", false)) facts.year_end_review = YearEndReview::kForce;
    return facts;
}

// "then": new or changed facts (matched by id), a later evaluation date or changed settings.
template <typename Fact, typename Reader>
void Upsert(std::vector<Fact>& facts, const Json& items, Reader read) {
    for (const auto& item : items) {
        auto fact = read(item);
        auto found = std::find_if(facts.begin(), facts.end(), [&](const Fact& f) { return f.id == fact.id; });
        if (found != facts.end()) {
            *found = std::move(fact);
        } else {
            facts.push_back(std::move(fact));
        }
    }
}

void ApplyChanges(const Json& json, PolicyFacts& facts) {
    if (json.contains("assessments")) Upsert(facts.assessments, json.at("assessments"), ReadAssessment);
    if (json.contains("surveys")) Upsert(facts.surveys, json.at("surveys"), ReadSurvey);
    if (json.contains("energy")) Upsert(facts.energy_savings, json.at("energy"), ReadEnergy);
    if (json.contains("remove")) {
        for (const auto& id : json.at("remove")) {
            const auto text = id.get<std::string>();
            std::erase_if(facts.assessments, [&](const auto& f) { return f.id == text; });
            std::erase_if(facts.surveys, [&](const auto& f) { return f.id == text; });
            std::erase_if(facts.energy_savings, [&](const auto& f) { return f.id == text; });
        }
    }
    if (json.contains("settings")) ApplySettings(json.at("settings"), facts.settings);
    if (json.contains("today")) facts.today = ReadDate(json.at("today"));
}

// ---- expectations ----------------------------------------------------------------------------------------------

std::string Describe(const PolicyEvaluation& evaluation) {
    std::ostringstream out;
    out << "window " << evaluation.window.first.ToString() << ".." << evaluation.window.last.ToString() << "\n";
    for (const auto& decision : evaluation.decisions) {
        out << "  " << PolicyDecisionKindCode(decision.kind) << " " << decision.rule << " amount "
            << (decision.amount ? decision.amount->ToString() : "-") << " evidence [";
        for (const auto& evidence : decision.evidence) out << evidence.id << "=" << evidence.value << " ";
        out << "]\n    key " << decision.dedupe_key << "\n    zh " << decision.explanation.zh << "\n    en "
            << decision.explanation.en << "\n";
    }
    for (const auto& note : evaluation.notes)
        out << "  note " << note.code << ":" << note.subject_id << " " << note.text.en << "\n";
    return out.str();
}

std::vector<std::string> Keys(const PolicyEvaluation& evaluation) {
    std::vector<std::string> keys;
    for (const auto& decision : evaluation.decisions) keys.push_back(decision.dedupe_key);
    return keys;
}

void ExpectDecisions(const PolicyFacts& facts, const PolicyEvaluation& evaluation, const Json& expect) {
    SCOPED_TRACE("engine answered:\n" + Describe(evaluation));
    for (const auto& decision : evaluation.decisions) {
        EXPECT_FALSE(decision.dedupe_key.empty());
        EXPECT_EQ(decision.rule_version, facts.settings.rule_version);
        EXPECT_EQ(decision.settings_version, facts.settings.version);
        EXPECT_EQ(decision.contract_id, facts.contract.id);
        EXPECT_FALSE(decision.evidence.empty()) << decision.rule;
        EXPECT_FALSE(decision.explanation.zh.empty());
        EXPECT_FALSE(decision.explanation.en.empty());
        EXPECT_EQ(decision.amount.has_value(), decision.kind == PolicyDecisionKind::kDeduction) << decision.rule;
    }
    if (expect.contains("window")) {
        EXPECT_EQ(evaluation.window.first.ToString() + ".." + evaluation.window.last.ToString(),
                  expect.at("window").get<std::string>());
    }
    if (expect.contains("reward_year")) {
        EXPECT_EQ(evaluation.reward_year.first.ToString() + ".." + evaluation.reward_year.last.ToString(),
                  expect.at("reward_year").get<std::string>());
    }
    if (expect.contains("notes")) {
        std::vector<std::string> notes;
        for (const auto& note : evaluation.notes) notes.push_back(note.code + ":" + note.subject_id);
        EXPECT_EQ(notes, expect.at("notes").get<std::vector<std::string>>());
    }
    if (expect.contains("note_text")) {
        std::string all;
        for (const auto& note : evaluation.notes) all += note.text.zh + "\n" + note.text.en + "\n";
        for (const auto& part : expect.at("note_text")) {
            EXPECT_NE(all.find(part.get<std::string>()), std::string::npos) << "notes lack: " << part;
        }
    }
    if (!expect.contains("decisions")) return;
    const auto& expected = expect.at("decisions");
    ASSERT_EQ(evaluation.decisions.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& want = expected[i];
        const auto& got = evaluation.decisions[i];
        SCOPED_TRACE("decision #" + std::to_string(i));
        if (want.contains("kind")) {
            EXPECT_EQ(PolicyDecisionKindCode(got.kind), want.at("kind").get<std::string>());
        }
        if (want.contains("rule")) {
            EXPECT_EQ(got.rule, want.at("rule").get<std::string>());
        }
        if (want.contains("amount")) {
            if (want.at("amount").is_null()) {
                EXPECT_FALSE(got.amount.has_value());
            } else {
                ASSERT_TRUE(got.amount.has_value());
                EXPECT_EQ(got.amount->ToString(), want.at("amount").get<std::string>());
            }
        }
        if (want.contains("evidence")) {
            std::vector<std::string> ids;
            for (const auto& evidence : got.evidence) ids.push_back(evidence.id);
            EXPECT_EQ(ids, want.at("evidence").get<std::vector<std::string>>());
        }
        if (want.contains("values")) {
            std::vector<std::string> values;
            for (const auto& evidence : got.evidence) values.push_back(evidence.value);
            EXPECT_EQ(values, want.at("values").get<std::vector<std::string>>());
        }
        if (want.contains("key")) {
            EXPECT_EQ(got.dedupe_key, want.at("key").get<std::string>());
        }
        for (const auto& part : want.value("zh", Json::array())) {
            EXPECT_NE(got.explanation.zh.find(part.get<std::string>()), std::string::npos) << "zh lacks: " << part;
        }
        for (const auto& part : want.value("zh_absent", Json::array())) {
            EXPECT_EQ(got.explanation.zh.find(part.get<std::string>()), std::string::npos) << "zh has: " << part;
        }
        for (const auto& part : want.value("en", Json::array())) {
            EXPECT_NE(got.explanation.en.find(part.get<std::string>()), std::string::npos) << "en lacks: " << part;
        }
        if (want.contains("thresholds")) {
            std::map<std::string, std::string> thresholds;
            for (const auto& parameter : got.thresholds) thresholds[parameter.name] = parameter.value;
            for (const auto& [name, value] : want.at("thresholds").items()) {
                EXPECT_EQ(thresholds[name], value.get<std::string>()) << "threshold " << name;
            }
        }
    }
}

std::vector<std::string> RulesOf(const std::vector<std::string>& keys) {
    std::vector<std::string> rules;
    for (const auto& key : keys) rules.push_back(key.substr(0, key.find('|')));
    return rules;
}

// RP-3: a vendor's several contracts (facts.contracts). Each is evaluated on its own facts, as the service loads
// them per contract, with the case's settings and evaluation date; expect.contracts holds each contract's
// expectations by id. Keys name their contract, so two contracts' proposals never share a dedupe key (the proposals
// table keeps it UNIQUE).
void ExpectSeveralContracts(const Json& facts_json, const Json& expect) {
    std::set<std::string> keys;
    for (const auto& item : facts_json.at("contracts")) {
        Json single = facts_json;
        single.erase("contracts");
        Json contract = item;
        for (const char* kind : {"assessments", "surveys", "energy"}) {
            if (item.contains(kind)) single[kind] = item.at(kind);
            contract.erase(kind);
        }
        single["contract"] = contract;
        const auto facts = ReadFacts(single);
        SCOPED_TRACE("contract " + facts.contract.id);
        const auto evaluation = EvaluatePolicies(facts);
        ExpectDecisions(facts, evaluation, expect.at("contracts").at(facts.contract.id));
        for (const auto& key : Keys(evaluation)) EXPECT_TRUE(keys.insert(key).second) << "two contracts share " << key;
    }
}

class PolicyCaseTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(PolicyCaseTest, Case) {
    const auto& test_case = GetParam();
    ASSERT_FALSE(test_case.body.contains("load_error")) << test_case.name;
    if (test_case.body.at("facts").contains("contracts")) {
        ExpectSeveralContracts(test_case.body.at("facts"), test_case.body.at("expect"));
        return;
    }
    const auto facts = ReadFacts(test_case.body.at("facts"));
    const auto first = EvaluatePolicies(facts);
    ExpectDecisions(facts, first, test_case.body.at("expect"));

    // RP-4: re-running on the same facts gives the same keys, so nothing is proposed twice and nothing withdrawn.
    const auto again = EvaluatePolicies(facts);
    EXPECT_EQ(Keys(again), Keys(first));
    const auto rerun = ReconcileProposals(again.decisions, Keys(first), {});
    EXPECT_TRUE(rerun.to_propose.empty());
    EXPECT_TRUE(rerun.to_withdraw.empty());
    EXPECT_EQ(ReconcileProposals(first.decisions, {}, {}).to_propose.size(), first.decisions.size())
        << "every decision has its own key";

    if (!test_case.body.contains("then")) return;
    const auto& then = test_case.body.at("then");
    auto later_facts = facts;
    ApplyChanges(then, later_facts);
    const auto later = EvaluatePolicies(later_facts);
    SCOPED_TRACE("then");
    ExpectDecisions(later_facts, later, then.value("expect", Json::object()));
    const auto reconciliation = ReconcileProposals(later.decisions, Keys(first), {});
    std::vector<std::string> proposed;
    for (const auto& decision : reconciliation.to_propose) proposed.push_back(decision.dedupe_key);
    if (then.contains("proposed")) {
        EXPECT_EQ(RulesOf(proposed), then.at("proposed").get<std::vector<std::string>>()) << Describe(later);
    }
    if (then.contains("withdrawn")) {
        EXPECT_EQ(RulesOf(reconciliation.to_withdraw), then.at("withdrawn").get<std::vector<std::string>>())
            << Describe(later);
    }
    // A closed proposal (approved or rejected) is never proposed again.
    const auto closed = ReconcileProposals(later.decisions, {}, Keys(later));
    EXPECT_TRUE(closed.to_propose.empty());
    EXPECT_TRUE(closed.to_withdraw.empty());
}

INSTANTIATE_TEST_SUITE_P(PolicyCases, PolicyCaseTest,
                         ::testing::ValuesIn(LoadRuleCases("HOUQIN_POLICY_CASES", __FILE__, "policy_cases.json")),
                         RuleCaseTestName);

// ---- the calendar helpers the windows rest on ------------------------------------------------------------------

Date D(const char* text) { return *Date::Parse(text); }

TEST(PolicyWindowTest, RP3_RollingWindowIsTheTwelveMonthsEndingToday) {
    const auto window = PolicyWindow(PolicyWindowKind::kRolling12Months, D("2027-01-01"), D("2028-03-15"));
    EXPECT_EQ(window.first, D("2027-03-16"));
    EXPECT_EQ(window.last, D("2028-03-15"));
    const auto leap = PolicyWindow(PolicyWindowKind::kRolling12Months, D("2027-01-01"), D("2028-02-29"));
    EXPECT_EQ(leap.first, D("2027-03-01"));
}

TEST(PolicyWindowTest, RP3_ContractYearCountsFromTermStart) {
    EXPECT_EQ(ContractYear(D("2027-04-01"), D("2028-03-31")).first, D("2027-04-01"));
    EXPECT_EQ(ContractYear(D("2027-04-01"), D("2028-03-31")).last, D("2028-03-31"));
    EXPECT_EQ(ContractYear(D("2027-04-01"), D("2028-04-01")).first, D("2028-04-01"));
    EXPECT_EQ(ContractYear(D("2027-04-01"), D("2030-01-15")).first, D("2029-04-01"));
    EXPECT_EQ(ContractYear(D("2027-04-01"), D("2027-01-15")).first, D("2027-04-01"));
    // An anniversary of 29 February falls on 28 February.
    EXPECT_EQ(ContractYear(D("2028-02-29"), D("2029-03-01")).first, D("2029-02-28"));
    EXPECT_EQ(ContractYear(D("2028-02-29"), D("2029-02-27")).last, D("2029-02-27"));
}

TEST(PolicyWindowTest, RP3_CalendarYear) {
    const auto window = PolicyWindow(PolicyWindowKind::kCalendarYear, D("2027-04-01"), D("2028-06-30"));
    EXPECT_EQ(window.first, D("2028-01-01"));
    EXPECT_EQ(window.last, D("2028-12-31"));
}

TEST(PolicyWindowTest, SUP4_RateComparesExactlyAndPrintsFloored) {
    const SatisfactionRate exactly{3, 5};
    EXPECT_FALSE(exactly.Below(60));
    EXPECT_EQ(exactly.ToString(), "60.00%");
    const SatisfactionRate just_below{5999, 10000};
    EXPECT_TRUE(just_below.Below(60));
    EXPECT_EQ(just_below.ToString(), "59.99%");
    const SatisfactionRate thirds{11999, 20000};  // 59.995%: floored, so it never reads as 60.00%
    EXPECT_TRUE(thirds.Below(60));
    EXPECT_EQ(thirds.ToString(), "59.99%");
    EXPECT_FALSE(RateOf(PolicySurvey{"S", "2027-03", D("2027-03-01"), 0, 0, 0, 0, 7}).has_value());
}

TEST(PolicyReconcileTest, RP4_ClosedProposalsAreNeitherReproposedNorWithdrawn) {
    PolicyDecision a;
    a.dedupe_key = "RP-2|C1|a:A1@520/60";
    PolicyDecision b;
    b.dedupe_key = "RP-2|C1|a:A2@500/60";
    const auto result = ReconcileProposals({a, b, b}, {"RP-3/failures|C1|old"}, {a.dedupe_key});
    ASSERT_EQ(result.to_propose.size(), 1U);
    EXPECT_EQ(result.to_propose[0].dedupe_key, b.dedupe_key);
    EXPECT_EQ(result.to_withdraw, std::vector<std::string>{"RP-3/failures|C1|old"});
}

}  // namespace
}  // namespace houqin

namespace houqin {
namespace {

TEST(PolicyReconcileTest, RP3_AFourthFailureKeepsTheOpenTerminationProposalAndRaisesNoSecond) {
    PolicyDecision four;
    four.dedupe_key = "RP-3/failures|C1|a:A1@520/60;a:A2@500/60;a:A3@550/60;a:A4@400/60";
    const std::string open_three = "RP-3/failures|C1|a:A1@520/60;a:A2@500/60;a:A3@550/60";
    const auto result = ReconcileProposals({four}, {open_three}, {});
    EXPECT_TRUE(result.to_propose.empty());
    EXPECT_TRUE(result.to_withdraw.empty());
    // A rejected proposal does not cover: the fourth failure puts the question to leadership again.
    const auto after_rejection = ReconcileProposals({four}, {}, {open_three});
    ASSERT_EQ(after_rejection.to_propose.size(), 1U);
    // An open proposal resting on a failure that is no longer one (changed on appeal) is withdrawn.
    PolicyDecision changed;
    changed.dedupe_key = "RP-3/failures|C1|a:A1@520/60;a:A3@550/60;a:A4@400/60";
    const auto appealed = ReconcileProposals({changed}, {open_three}, {});
    EXPECT_EQ(appealed.to_withdraw, std::vector<std::string>{open_three});
    ASSERT_EQ(appealed.to_propose.size(), 1U);
}

TEST(PolicyReconcileTest, RP4_AnOpenKeyWithoutEvidenceIsHeldByNoDecision) {
    // A key cut short after its contract ("RP-2|C1|") rests on no evidence. Empty segments are not evidence, so not
    // even a decision whose key ends in an empty segment holds it: it is withdrawn and the decision proposed.
    PolicyDecision decision;
    decision.dedupe_key = "RP-2|C1|a:A1@500/60;";
    const auto result = ReconcileProposals({decision}, {"RP-2|C1|"}, {});
    EXPECT_EQ(result.to_withdraw, std::vector<std::string>{"RP-2|C1|"});
    ASSERT_EQ(result.to_propose.size(), 1U);
    EXPECT_EQ(result.to_propose[0].dedupe_key, decision.dedupe_key);
}

// RP-2: the fee of an assessment period is its share of the payment schedule of the version in force; an amendment
// that raises the installments from July gives July its new fee and leaves June's as it was.
TEST(PeriodFeeTest, RP2_TheFeeFollowsTheScheduleOfTheVersionInForce) {
    ContractContent content;
    content.term_start = *Date::Parse("2027-01-01");
    content.term_end = *Date::Parse("2027-12-31");
    content.assessment.frequency = Frequency::kMonthly;
    content.payment.frequency = Frequency::kMonthly;
    for (int month = 1; month <= 12; ++month) {
        content.payment.installments.push_back({fmt::format("2027-{:02d}", month), Date::FromYmd(2027, month, 28),
                                                Money::FromFen(month <= 6 ? 3'000'000 : 3'200'000)});
    }
    EXPECT_EQ(PeriodFeeOf(content, "2027-06", 2)->amount.ToString(), "30000.00");
    const auto july = PeriodFeeOf(content, "2027-07", 2);
    ASSERT_TRUE(july);
    EXPECT_EQ(july->amount.ToString(), "32000.00");
    EXPECT_NE(july->basis.zh.find("合同第 2 版付款计划"), std::string::npos) << july->basis.zh;
    EXPECT_NE(july->basis.en.find("2027-07 installment 32000.00"), std::string::npos) << july->basis.en;
    EXPECT_FALSE(PeriodFeeOf(content, "2028-01", 2));  // not a period of the term

    // Quarterly payment, monthly assessment: the month's days of the quarter's installment, floored to the fen.
    content.payment.frequency = Frequency::kQuarterly;
    content.payment.installments = {{"2027-Q1", *Date::Parse("2027-03-31"), Money::FromFen(9'000'001)}};
    const auto february = PeriodFeeOf(content, "2027-02", 1);
    ASSERT_TRUE(february);
    EXPECT_EQ(february->amount.fen(), 9'000'001LL * 28 / 90);  // 28 of the quarter's 90 days
    EXPECT_NE(february->basis.en.find("28/90 days"), std::string::npos) << february->basis.en;
    EXPECT_FALSE(PeriodFeeOf(content, "2027-04", 1));  // no installment covers April
}

// RP-2: fee x rate x points, the cap as a share of the same fee; the values used are recorded and explained.
PolicyAssessment Failing(const std::string& id, const std::string& period, const std::string& date, int tenths) {
    PolicyAssessment assessment;
    assessment.id = id;
    assessment.period = period;
    assessment.date = *Date::Parse(date);
    assessment.score_tenths = tenths;
    return assessment;
}

TEST(PeriodFeeTest, RP2_PercentOfFeeClauseRecordsFeeRatePointsAndCap) {
    PolicyFacts facts;
    facts.contract = {"C1", *Date::Parse("2027-01-01"), *Date::Parse("2027-12-31"), {60, {}}};
    DeductionClause clause;
    clause.kind = DeductionKind::kPercentOfFeePerPointBelowPass;
    clause.rate_basis_points = 150;   // 1.5% of the fee per point
    clause.cap_basis_points = 1'000;  // at most 10%
    facts.contract.terms.deductions = {clause};
    facts.settings.version = "S1";
    facts.settings.rule_version = "v1";
    facts.today = *Date::Parse("2027-09-30");
    auto june = Failing("A6", "2027-06", "2027-06-28", 575);  // 2.5 below
    june.fee = PeriodFee{Money::FromFen(3'000'001), {"六月", "June"}};
    auto july = Failing("A7", "2027-07", "2027-07-28", 500);  // 10 below: 15% capped at 10%
    july.fee = PeriodFee{Money::FromFen(3'200'000), {"七月", "July"}};
    auto august = Failing("A8", "2027-08", "2027-08-28", 550);  // no fee known
    facts.assessments = {june, july, august};

    const auto evaluation = EvaluatePolicies(facts);
    std::vector<const PolicyDecision*> deductions;
    for (const auto& decision : evaluation.decisions) {
        if (decision.rule == "RP-2") deductions.push_back(&decision);
    }
    ASSERT_EQ(deductions.size(), 2U);
    // 30000.01 x 1.5% x 2.5 = 1125.000375, floored to 1125.00.
    EXPECT_EQ(deductions[0]->amount->ToString(), "1125.00");
    EXPECT_NE(deductions[0]->explanation.zh.find("不足一分舍去"), std::string::npos) << deductions[0]->explanation.zh;
    EXPECT_NE(deductions[0]->explanation.en.find("1.50% of the period's fee of 30000.01"), std::string::npos)
        << deductions[0]->explanation.en;
    // 32000.00 x 1.5% x 10 = 4800.00, above 10% of the fee: 3200.00.
    EXPECT_EQ(deductions[1]->amount->ToString(), "3200.00");
    EXPECT_NE(deductions[1]->explanation.zh.find("按上限计 3200.00 元"), std::string::npos);
    std::map<std::string, std::string> used;
    for (const auto& parameter : deductions[1]->thresholds) used[parameter.name] = parameter.value;
    EXPECT_EQ(used["percent_of_fee_per_point_below_pass"], "1.50%");
    EXPECT_EQ(used["percent_of_fee_cap"], "10.00%");
    EXPECT_EQ(used["period_fee"], "32000.00");
    EXPECT_EQ(used["points_below_pass"], "10");
    EXPECT_EQ(used["percent_of_fee_cap_amount"], "3200.00");
    EXPECT_EQ(used["pass_mark"], "60");
    // August has no fee: no deduction, and a note says why.
    const bool noted = std::any_of(evaluation.notes.begin(), evaluation.notes.end(), [](const PolicyNote& note) {
        return note.code == "period_fee_unknown" && note.subject_id == "A8";
    });
    EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace houqin
