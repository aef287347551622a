#pragma once
// PRJ-8: the award turns the opening's result into a contract draft, filled from the project, the winning vendor and
// its annual quote; the office completes the clauses and the draft goes through the dual review like any contract
// (CON-2). Pure: the caller loads the project, the winner, the category and the owner, and validates the draft.
#include <cstddef>
#include <string>

#include "core/money.h"
#include "features/catalogue/model.h"
#include "features/contracts/model.h"
#include "features/procurement/model.h"
#include "features/vendors/model.h"

namespace houqin {

struct AwardFacts {
    Project project;         // the name, code, service term, scope and responsible department of the contract
    Money annual_quote;      // the result: the winning bid's annual quote (or government procurement's annual amount)
    Vendor winner;           // party B
    Category category;       // its name for the service item, its checklist for the assessment terms
    std::string owner_name;  // party A: the town (or county) that owns the project
};

// The longest service-item scope the draft takes from the project's scope, in bytes; cut on a character boundary.
inline constexpr std::size_t kAwardScopeBytes = 450;

// The contract draft of an award: both parties, the project's term at the annual quote (TermTotalOfAnnual), monthly
// installments by bank transfer, monthly assessment by the category's checklist (one item of 100 points when it has
// none) with the usual bands, and the project's responsible department and person. A party-B phone that is no phone
// number is left out rather than refusing the draft.
ContractContent DraftContractOfAward(const AwardFacts& facts);

}  // namespace houqin
