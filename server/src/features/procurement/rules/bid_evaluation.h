#pragma once
// PRJ-7, D4 §5 (各投标方一次性报价,年报价最低方中标): the evaluation at the opening. Pure: the caller has opened each
// sealed quote (crypto/sealed_bids.h) and recomputed its commitment from the stored sealed bytes; here each bid is
// checked (receipt, quote above zero, not above the ceiling), the valid ones ranked by annual quote, and the winner
// named, with every reason and value recorded.
//
// Tie rule (stated, D4 §5 names none): equal quotes rank by earlier submission; bids equal in quote and submission
// time are ordered by a draw. The draw is reproducible: the caller supplies a random seed (drawn at the opening in
// front of the witness and recorded), each tied bid's lot is a function of the seed and its id only, and the
// smaller lot ranks first, so anyone holding the record can recompute the draw.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/rule_parameter.h"
#include "core/time.h"

namespace houqin {

struct OpenedBid {
    std::string bid_id;
    std::int64_t vendor_id = 0;
    std::string vendor_name;           // for the texts only
    Instant submitted_at;              // as recorded by the server at submission
    std::string receipt;               // the commitment handed to the bidder at submission
    std::string commitment;            // recomputed at the opening from the sealed bytes as stored
    std::optional<Money> quote;        // absent when the sealed quote could not be opened
    std::optional<Text> open_failure;  // why it could not be opened
};

struct BidEvaluationInput {
    Money ceiling;  // 最高限价 (PRJ-6): a quote above it is invalid; exactly the ceiling is valid
    std::uint64_t draw_seed = 0;
    int min_valid_bids = 1;  // fewer valid bids than this: no award (a setting; 1 = a single bidder may win)
    std::vector<OpenedBid> bids;
};

enum class TieBreak {
    kNone,               // its quote differs from every other valid quote
    kEarlierSubmission,  // an equal quote exists; the submission time decided
    kDraw,               // equal quote and equal submission time: the draw decided
};
std::string_view TieBreakCode(TieBreak tie_break);

struct BidReason {
    std::string code;  // receipt_mismatch, not_opened, not_positive, above_ceiling
    Text text;
};

struct EvaluatedBid {
    std::string bid_id;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    Instant submitted_at;
    std::optional<Money> quote;
    bool valid = false;
    std::vector<BidReason> reasons;  // every reason it is invalid; empty when valid
    int rank = 0;                    // 1 = lowest valid quote; 0 for an invalid bid
    TieBreak tie_break = TieBreak::kNone;
};

struct DrawLot {
    std::string bid_id;
    std::uint64_t lot = 0;
};

// One group of bids equal in quote and submission time, ordered by the draw.
struct TieDraw {
    Money quote;
    Instant submitted_at;
    std::vector<DrawLot> lots;  // in drawn order: the smallest lot first
};

enum class BidOutcome { kAwarded, kNoBids, kNoValidBid, kTooFewValidBids };
std::string_view BidOutcomeCode(BidOutcome outcome);

struct BidEvaluation {
    BidOutcome outcome = BidOutcome::kNoBids;
    std::optional<std::string> winner_bid_id;
    Text summary;
    std::vector<EvaluatedBid> bids;       // valid ones by rank, then invalid ones by submission time
    std::vector<TieDraw> draws;           // empty when no draw was needed
    std::vector<PolicyParameter> values;  // ceiling, draw seed, min valid bids, counts
};

// The lot of one bid in a draw: SplitMix64 of the seed mixed with the FNV-1a hash of the bid id.
std::uint64_t DrawLotFor(std::uint64_t seed, std::string_view bid_id);

// Refuses (InvalidArgument) a ceiling not above zero, a minimum below 1, a bid without id, and two bids with the same
// id or from the same vendor (exactly one quote per vendor is enforced at submission; here it is an invariant).
Result<BidEvaluation> EvaluateBids(const BidEvaluationInput& input);

}  // namespace houqin
