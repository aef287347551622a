#include "features/procurement/rules/bid_evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace houqin {

std::string_view TieBreakCode(TieBreak tie_break) {
    switch (tie_break) {
        case TieBreak::kNone: return "none";
        case TieBreak::kEarlierSubmission: return "earlier_submission";
        case TieBreak::kDraw: return "draw";
    }
    return "none";
}

std::string_view BidOutcomeCode(BidOutcome outcome) {
    switch (outcome) {
        case BidOutcome::kAwarded: return "awarded";
        case BidOutcome::kNoBids: return "no_bids";
        case BidOutcome::kNoValidBid: return "no_valid_bid";
        case BidOutcome::kTooFewValidBids: return "too_few_valid_bids";
    }
    return "no_bids";
}

std::uint64_t DrawLotFor(std::uint64_t seed, std::string_view bid_id) {
    // FNV-1a: a fixed, documented hash of the id, so the record alone lets anyone recompute the lot.
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : bid_id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    // SplitMix64's finaliser spreads every bit of seed and hash over the lot.
    std::uint64_t z = seed ^ hash;
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

namespace {

std::string NameOf(const OpenedBid& bid) {
    return bid.vendor_name.empty() ? fmt::format("#{}", bid.vendor_id) : bid.vendor_name;
}

std::vector<BidReason> Check(const OpenedBid& bid, Money ceiling) {
    std::vector<BidReason> reasons;
    // The receipt is checked first: a quote whose sealed bytes changed after submission says nothing reliable.
    if (bid.receipt != bid.commitment) {
        reasons.push_back(
            {"receipt_mismatch",
             {fmt::format("密封报价与回执不符(回执 {},开标时 {}),报价可能被替换", bid.receipt, bid.commitment),
              fmt::format("the sealed quote does not match its receipt (receipt {}, at the opening {}); "
                          "it may have been replaced",
                          bid.receipt, bid.commitment)}});
    }
    if (!bid.quote) {
        const Text why = bid.open_failure.value_or(Text{"无法解密", "it could not be decrypted"});
        reasons.push_back({"not_opened",
                           {fmt::format("密封报价无法开启:{}", why.zh),
                            fmt::format("the sealed quote could not be opened: {}", why.en)}});
        return reasons;
    }
    if (bid.quote->fen() <= 0) {
        reasons.push_back({"not_positive",
                           {fmt::format("报价 {} 元不是正数", bid.quote->ToString()),
                            fmt::format("the quote of {} yuan is not above zero", bid.quote->ToString())}});
    }
    if (*bid.quote > ceiling) {
        reasons.push_back({"above_ceiling",
                           {fmt::format("报价 {} 元高于最高限价 {} 元", bid.quote->ToString(), ceiling.ToString()),
                            fmt::format("the quote of {} yuan is above the ceiling of {} yuan", bid.quote->ToString(),
                                        ceiling.ToString())}});
    }
    return reasons;
}

EvaluatedBid Evaluated(const OpenedBid& bid, std::vector<BidReason> reasons) {
    EvaluatedBid out;
    out.bid_id = bid.bid_id;
    out.vendor_id = bid.vendor_id;
    out.vendor_name = bid.vendor_name;
    out.submitted_at = bid.submitted_at;
    out.quote = bid.quote;
    out.valid = reasons.empty();
    out.reasons = std::move(reasons);
    return out;
}

Status ValidateInput(const BidEvaluationInput& input) {
    Validation validation;
    if (input.ceiling.fen() <= 0) {
        validation.Fail("ceiling", {"最高限价必须大于零", "the ceiling must be above zero"});
    }
    if (input.min_valid_bids < 1) {
        validation.Fail("min_valid_bids", {"最少有效报价数至少为 1", "the minimum number of valid bids is at least 1"});
    }
    std::set<std::string> ids;
    std::set<std::int64_t> vendors;
    for (std::size_t i = 0; i < input.bids.size(); ++i) {
        const auto& bid = input.bids[i];
        const std::string field = fmt::format("bids[{}]", i);
        if (bid.bid_id.empty()) {
            validation.Fail(field + ".bid_id", {"报价缺少编号", "the bid has no id"});
        } else if (!ids.insert(bid.bid_id).second) {
            validation.Fail(field + ".bid_id", {fmt::format("报价编号 {} 重复", bid.bid_id),
                                                fmt::format("bid id {} appears twice", bid.bid_id)});
        }
        if (!vendors.insert(bid.vendor_id).second) {
            validation.Fail(field + ".vendor_id",
                            {fmt::format("供应商 {} 有两份报价,每家只能一次性报价", NameOf(bid)),
                             fmt::format("vendor {} has two bids; each vendor quotes once", NameOf(bid))});
        }
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

}  // namespace

Result<BidEvaluation> EvaluateBids(const BidEvaluationInput& input) {
    if (auto status = ValidateInput(input); !status) return status.error();

    BidEvaluation evaluation;
    std::vector<EvaluatedBid> valid;
    std::vector<EvaluatedBid> invalid;
    for (const auto& bid : input.bids) {
        auto evaluated = Evaluated(bid, Check(bid, input.ceiling));
        (evaluated.valid ? valid : invalid).push_back(std::move(evaluated));
    }

    // Lowest annual quote, then earliest submission; the draw orders what is still equal. The bid id last makes the
    // result independent of the order the caller listed the bids in; ids are unique (ValidateInput), so no two bids
    // compare equal.
    std::sort(valid.begin(), valid.end(), [](const EvaluatedBid& a, const EvaluatedBid& b) {
        return std::tie(*a.quote, a.submitted_at, a.bid_id) < std::tie(*b.quote, b.submitted_at, b.bid_id);
    });
    for (std::size_t first = 0; first < valid.size();) {
        std::size_t end_quote = first;
        while (end_quote < valid.size() && *valid[end_quote].quote == *valid[first].quote) ++end_quote;
        if (end_quote - first > 1) {
            for (std::size_t i = first; i < end_quote; ++i) valid[i].tie_break = TieBreak::kEarlierSubmission;
        }
        for (std::size_t begin_time = first; begin_time < end_quote;) {
            std::size_t end_time = begin_time;
            while (end_time < end_quote && valid[end_time].submitted_at == valid[begin_time].submitted_at) ++end_time;
            if (end_time - begin_time > 1) {
                TieDraw draw{*valid[begin_time].quote, valid[begin_time].submitted_at, {}};
                for (std::size_t i = begin_time; i < end_time; ++i) {
                    draw.lots.push_back({valid[i].bid_id, DrawLotFor(input.draw_seed, valid[i].bid_id)});
                }
                std::sort(draw.lots.begin(), draw.lots.end(), [](const DrawLot& a, const DrawLot& b) {
                    return std::tie(a.lot, a.bid_id) < std::tie(b.lot, b.bid_id);
                });
                std::vector<EvaluatedBid> drawn;
                for (const auto& lot : draw.lots) {
                    for (std::size_t i = begin_time; i < end_time; ++i) {
                        if (valid[i].bid_id == lot.bid_id) drawn.push_back(std::move(valid[i]));
                    }
                }
                for (std::size_t i = 0; i < drawn.size(); ++i) {
                    valid[begin_time + i] = std::move(drawn[i]);
                    valid[begin_time + i].tie_break = TieBreak::kDraw;
                }
                evaluation.draws.push_back(std::move(draw));
            }
            begin_time = end_time;
        }
        first = end_quote;
    }
    for (std::size_t i = 0; i < valid.size(); ++i) valid[i].rank = static_cast<int>(i + 1);
    std::sort(invalid.begin(), invalid.end(), [](const EvaluatedBid& a, const EvaluatedBid& b) {
        return std::tie(a.submitted_at, a.bid_id) < std::tie(b.submitted_at, b.bid_id);
    });

    const auto valid_count = static_cast<std::int64_t>(valid.size());
    if (input.bids.empty()) {
        evaluation.outcome = BidOutcome::kNoBids;
        evaluation.summary = {"无人投标,本次竞价不成立", "no bids were submitted; the bidding has failed"};
    } else if (valid.empty()) {
        evaluation.outcome = BidOutcome::kNoValidBid;
        evaluation.summary = {fmt::format("{} 份报价均无效,本次竞价不成立", input.bids.size()),
                              fmt::format("none of the {} bids is valid; the bidding has failed", input.bids.size())};
    } else if (valid_count < input.min_valid_bids) {
        evaluation.outcome = BidOutcome::kTooFewValidBids;
        evaluation.summary = {
            fmt::format("有效报价 {} 份,少于规定的 {} 份,本次竞价不成立", valid_count, input.min_valid_bids),
            fmt::format("{} valid bid(s), fewer than the required {}; the bidding has failed", valid_count,
                        input.min_valid_bids)};
    } else {
        const auto& winner = valid.front();
        evaluation.outcome = BidOutcome::kAwarded;
        evaluation.winner_bid_id = winner.bid_id;
        const std::string name = winner.vendor_name.empty() ? fmt::format("#{}", winner.vendor_id) : winner.vendor_name;
        std::string how_zh;
        std::string how_en;
        if (winner.tie_break == TieBreak::kEarlierSubmission) {
            how_zh = "(报价相同,提交在先)";
            how_en = " (equal quote, submitted earlier)";
        } else if (winner.tie_break == TieBreak::kDraw) {
            how_zh = "(报价和提交时间均相同,抽签决定)";
            how_en = " (equal quote and submission time, decided by the draw)";
        }
        evaluation.summary = {fmt::format("{} 以最低有效年报价 {} 元中标{}", name, winner.quote->ToString(), how_zh),
                              fmt::format("{} wins with the lowest valid annual quote of {} yuan{}", name,
                                          winner.quote->ToString(), how_en)};
    }

    evaluation.values = {{"ceiling", input.ceiling.ToString()},
                         {"draw_seed", std::to_string(input.draw_seed)},
                         {"min_valid_bids", std::to_string(input.min_valid_bids)},
                         {"bids", std::to_string(input.bids.size())},
                         {"valid_bids", std::to_string(valid.size())}};
    evaluation.bids = std::move(valid);
    for (auto& bid : invalid) evaluation.bids.push_back(std::move(bid));
    return evaluation;
}

}  // namespace houqin
