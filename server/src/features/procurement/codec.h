#pragma once
// The records of the rules' decisions (PRJ-3 route, PRJ-5 criteria verdict, PRJ-7 opening record) as JSON. The
// stored form and the API's form are one document: a record is stored as its decision was shown, so it reads the
// same after the rules or their settings change, and the routes pass it through unchanged.
#include <cstdint>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "features/procurement/model.h"
#include "features/procurement/rules/bid_evaluation.h"
#include "features/procurement/rules/procurement_route.h"
#include "features/procurement/rules/selection_criteria.h"

namespace houqin {

std::string RouteDecisionJson(const RouteDecision& decision);
std::string CriteriaVerdictJson(const CriteriaVerdict& verdict);
std::string BidReasonsJson(const std::vector<BidReason>& reasons);
struct OpeningFacts {
    std::int64_t project_id = 0;
    Instant opened_at;
    std::string officer_name;
    std::string witness_name;
    WitnessConsent consent;  // the witness's own consent the opening used (PRJ-7)
    Money ceiling;
    std::uint64_t draw_seed = 0;
    int min_valid_bids = 1;
    std::string fingerprint;
    std::vector<Bid> bids;  // as stored, with the receipt
    std::vector<OpenedBid> opened;
    BidEvaluation evaluation;
};
std::string OpeningRecordJson(const OpeningFacts& facts);

// The name of a step of a project (subject "project") or of its contract (subject "contract"), in both languages: the
// one name the project's history and its trail both show.
Text ProjectStepName(const std::string& subject, const std::string& action);

}  // namespace houqin
