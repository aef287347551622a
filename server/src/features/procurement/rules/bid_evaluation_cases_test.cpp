// PRJ-7, D4 §5: the evaluation at the opening run against the cases in rules/cases/bid_cases.json, one
// parameterised test per case (facts in, expected ranking, validity and outcome out). Format: rules/cases/
// README.md.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/test_rule_cases.h"
#include "features/procurement/rules/bid_evaluation.h"

namespace houqin {
namespace {

using Json = nlohmann::json;

Money ReadMoney(const Json& json) {
    const auto money = Money::Parse(json.get<std::string>());
    if (!money) throw std::runtime_error("bad money: " + json.dump());
    return *money;
}

BidEvaluationInput ReadInput(const Json& body) {
    BidEvaluationInput input;
    input.ceiling = ReadMoney(body.at("ceiling"));
    input.draw_seed = body.value("seed", std::uint64_t{1});
    input.min_valid_bids = body.value("min_valid_bids", 1);
    for (const auto& item : body.at("bids")) {
        OpenedBid bid;
        bid.bid_id = item.at("id").get<std::string>();
        bid.vendor_id = item.at("vendor").get<std::int64_t>();
        bid.vendor_name = "vendor-" + std::to_string(bid.vendor_id);
        const auto at = Instant::ParseIso(item.at("at").get<std::string>());
        if (!at) throw std::runtime_error("bad time: " + item.at("at").dump());
        bid.submitted_at = *at;
        bid.receipt = "receipt-" + bid.bid_id;
        bid.commitment = item.value("receipt_mismatch", false) ? "replaced" : bid.receipt;
        if (!item.at("quote").is_null()) bid.quote = ReadMoney(item.at("quote"));
        input.bids.push_back(std::move(bid));
    }
    return input;
}

class BidCaseTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(BidCaseTest, Case) {
    const auto& body = GetParam().body;
    ASSERT_FALSE(body.contains("load_error")) << body.at("load_error").get<std::string>();
    const auto& expect = body.at("expect");
    const auto result = EvaluateBids(ReadInput(body));

    if (expect.contains("error_fields")) {
        ASSERT_FALSE(result.has_value());
        std::vector<std::string> fields;
        for (const auto& field : result.error().fields) fields.push_back(field.field);
        EXPECT_EQ(fields, expect.at("error_fields").get<std::vector<std::string>>());
        return;
    }
    ASSERT_TRUE(result.has_value()) << result.error().message.en;
    const auto& evaluation = *result;
    EXPECT_EQ(BidOutcomeCode(evaluation.outcome), expect.at("outcome").get<std::string>());
    if (expect.contains("winner")) {
        if (expect.at("winner").is_null()) {
            EXPECT_FALSE(evaluation.winner_bid_id.has_value());
        } else {
            EXPECT_EQ(evaluation.winner_bid_id.value_or("<none>"), expect.at("winner").get<std::string>());
        }
    }
    std::vector<std::string> order;
    for (const auto& bid : evaluation.bids) order.push_back(bid.bid_id);
    if (expect.contains("order")) {
        EXPECT_EQ(order, expect.at("order").get<std::vector<std::string>>());
    }

    for (const auto& bid : evaluation.bids) {
        // Implied by every case: ranks run 1..n over the valid bids, invalid ones have rank 0 and a reason.
        EXPECT_EQ(bid.valid, bid.rank > 0) << bid.bid_id;
        EXPECT_EQ(bid.valid, bid.reasons.empty()) << bid.bid_id;
        std::vector<std::string> codes;
        for (const auto& reason : bid.reasons) {
            codes.push_back(reason.code);
            EXPECT_FALSE(reason.text.zh.empty());
            EXPECT_FALSE(reason.text.en.empty());
        }
        const auto invalid = expect.value("invalid", Json::object());
        const auto expected = invalid.contains(bid.bid_id) ? invalid.at(bid.bid_id).get<std::vector<std::string>>()
                                                           : std::vector<std::string>{};
        EXPECT_EQ(codes, expected) << bid.bid_id;
        const auto tie_breaks = expect.value("tie_breaks", Json::object());
        const std::string tie_break = tie_breaks.contains(bid.bid_id) ? tie_breaks.at(bid.bid_id) : "none";
        EXPECT_EQ(TieBreakCode(bid.tie_break), tie_break) << bid.bid_id;
    }
    if (expect.contains("draws")) {
        std::vector<std::vector<std::string>> draws;
        for (const auto& draw : evaluation.draws) {
            std::vector<std::string> ids;
            for (const auto& lot : draw.lots) ids.push_back(lot.bid_id);
            draws.push_back(ids);
        }
        EXPECT_EQ(draws, expect.at("draws").get<std::vector<std::vector<std::string>>>());
    }
    if (expect.contains("zh")) {
        EXPECT_NE(evaluation.summary.zh.find(expect.at("zh").get<std::string>()), std::string::npos)
            << evaluation.summary.zh;
    }
    if (expect.contains("en")) {
        EXPECT_NE(evaluation.summary.en.find(expect.at("en").get<std::string>()), std::string::npos)
            << evaluation.summary.en;
    }
}

INSTANTIATE_TEST_SUITE_P(BidCases, BidCaseTest,
                         ::testing::ValuesIn(LoadRuleCases("HOUQIN_BID_CASES", __FILE__, "bid_cases.json")),
                         RuleCaseTestName);

}  // namespace
}  // namespace houqin
