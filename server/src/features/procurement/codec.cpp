#include "features/procurement/codec.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace houqin {
namespace {

using Json = nlohmann::json;

Json TextJson(const Text& text) { return Json{{"zh-CN", text.zh}, {"en", text.en}}; }

Json ValuesJson(const std::vector<PolicyParameter>& values) {
    Json items = Json::array();
    for (const auto& value : values) items.push_back({{"name", value.name}, {"value", value.value}});
    return items;
}

Json ReasonsArray(const std::vector<BidReason>& reasons) {
    Json items = Json::array();
    for (const auto& reason : reasons) items.push_back({{"code", reason.code}, {"text", TextJson(reason.text)}});
    return items;
}

}  // namespace

std::string RouteDecisionJson(const RouteDecision& decision) {
    Json reasons = Json::array();
    for (const auto& reason : decision.reasons) {
        reasons.push_back({{"code", reason.code}, {"subject", reason.subject}, {"text", TextJson(reason.text)}});
    }
    return Json{{"route", std::string(ProcurementRouteCode(decision.route))},
                {"route_name", TextJson(ProcurementRouteName(decision.route))},
                {"reasons", reasons},
                {"values", ValuesJson(decision.values)}}
        .dump();
}

std::string CriteriaVerdictJson(const CriteriaVerdict& verdict) {
    Json failures = Json::array();
    for (const auto& failure : verdict.failures) {
        failures.push_back(
            {{"code", failure.code}, {"criterion", failure.criterion}, {"text", TextJson(failure.text)}});
    }
    return Json{{"qualified", verdict.qualified}, {"failures", failures}, {"values", ValuesJson(verdict.values)}}
        .dump();
}

std::string BidReasonsJson(const std::vector<BidReason>& reasons) { return ReasonsArray(reasons).dump(); }

std::string OpeningRecordJson(const OpeningFacts& facts) {
    const auto& evaluation = facts.evaluation;
    Json bids = Json::array();
    for (const auto& evaluated : evaluation.bids) {
        const Bid* stored = nullptr;
        for (const auto& bid : facts.bids) {
            if (std::to_string(bid.id) == evaluated.bid_id) stored = &bid;
        }
        const OpenedBid* opened = nullptr;
        for (const auto& bid : facts.opened) {
            if (bid.bid_id == evaluated.bid_id) opened = &bid;
        }
        bids.push_back({{"id", stored ? Json(stored->id) : Json(evaluated.bid_id)},
                        {"vendor_id", evaluated.vendor_id},
                        {"vendor_name", evaluated.vendor_name},
                        {"submitted_at", evaluated.submitted_at.ToIso()},
                        {"receipt", stored ? stored->receipt : ""},
                        {"commitment", opened ? opened->commitment : ""},
                        {"receipt_matches", stored && opened && stored->receipt == opened->commitment},
                        {"quote", evaluated.quote ? Json(evaluated.quote->ToString()) : Json(nullptr)},
                        {"valid", evaluated.valid},
                        {"reasons", ReasonsArray(evaluated.reasons)},
                        {"rank", evaluated.rank},
                        {"tie_break", std::string(TieBreakCode(evaluated.tie_break))}});
    }
    Json draws = Json::array();
    for (const auto& draw : evaluation.draws) {
        Json lots = Json::array();
        for (const auto& lot : draw.lots) {
            // Bid ids are numbers in the record, as in bids[].id; the lot is a decimal string (64 bits).
            lots.push_back({{"bid_id", std::stoll(lot.bid_id)}, {"lot", std::to_string(lot.lot)}});
        }
        draws.push_back(
            {{"quote", draw.quote.ToString()}, {"submitted_at", draw.submitted_at.ToIso()}, {"lots", lots}});
    }
    return Json{{"project_id", facts.project_id},
                {"opened_at", facts.opened_at.ToIso()},
                {"officer_name", facts.officer_name},
                {"witness_name", facts.witness_name},
                {"witness_consent",
                 {{"id", facts.consent.id},
                  {"witness_id", facts.consent.witness_id},
                  {"witness_name", facts.consent.witness_name},
                  {"given_at", facts.consent.given_at.ToIso()}}},
                {"ceiling", facts.ceiling.ToString()},
                {"draw_seed", fmt::format("{:016x}", facts.draw_seed)},
                {"min_valid_bids", facts.min_valid_bids},
                {"outcome", std::string(BidOutcomeCode(evaluation.outcome))},
                {"summary", TextJson(evaluation.summary)},
                {"fingerprint", facts.fingerprint},
                {"bids", bids},
                {"draws", draws},
                {"values", ValuesJson(evaluation.values)}}
        .dump();
}

Text ProjectStepName(const std::string& subject, const std::string& action) {
    if (subject == "contract") {
        if (action == "create") return {"由授标生成合同草稿", "Contract draft created"};
        if (action == "submit") return {"合同提交审查", "Contract submitted for review"};
        if (action == "approve") return {"合同审查通过", "Contract review approved"};
        if (action == "return") return {"合同审查退回", "Contract review returned"};
        if (action == "sign") return {"合同签订", "Contract signed"};
        if (action == "update") return {"合同修改", "Contract edited"};
        return {fmt::format("合同:{}", action), fmt::format("Contract: {}", action)};
    }
    return ProjectStepName(std::string_view(action));
}

}  // namespace houqin
