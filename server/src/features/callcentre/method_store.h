#pragma once
// CC-3 and CC-4: the SQL of the scoring method's versions (cc_scoring_methods) and of the penalty suggestions
// (cc_penalty_suggestions), migration 23. The monthly assessment reads the approved versions and the accepted
// suggestions through the first two functions.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/callcentre/method_model.h"
#include "features/callcentre/rules/agent_score.h"
#include "features/callcentre/rules/assessment_month.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

// CC-3: every approved version of the contract's method, oldest version first (pick one with MethodForMonth).
std::vector<ScoringMethod> LoadApprovedMethods(Connection& connection, std::int64_t contract_id);
// CC-4, X-2: the contracts in force within the scope whose agents are scored by an approved method, by id.
struct ScoredContract {
    std::int64_t id = 0;
    std::string code;
    std::string title;
};
std::vector<ScoredContract> ContractsWithApprovedMethod(Connection& connection, const VendorScope& scope, Date today);
// CC-4: accepted suggestions per person for the month (all accepted; the rule decides which count), oldest first.
std::map<std::int64_t, std::vector<AcceptedSuggestion>> LoadAcceptedSuggestions(Connection& connection,
                                                                                std::int64_t contract_id,
                                                                                AssessmentMonth month);

// The contract's versions, newest first.
std::vector<ScoringMethodRecord> ScoringMethodsOfContract(Connection& connection, std::int64_t contract_id);
std::optional<ScoringMethodRecord> FindScoringMethod(Connection& connection, std::int64_t id);
// Whether the contract has a version that is not approved yet (a draft, submitted or returned).
bool HasOpenScoringMethod(Connection& connection, std::int64_t contract_id);
// Inside a transaction: holds a contract's scoring (its methods and computed months) until it ends, so the check that
// it has no version open (CC-3) cannot be overtaken by a parallel draft, nor a month's computation by another.
// PostgreSQL: an advisory lock on (1006, contract); SQLite's BEGIN IMMEDIATE already serialises writers.
void LockScoringMethods(Connection& connection, std::int64_t contract_id);
std::int64_t InsertScoringMethod(Connection& connection, const ScoringMethodRecord& record);
// Writes the record's state and values only if the stored status is still `from` (false: someone else acted first).
bool UpdateScoringMethod(Connection& connection, const ScoringMethodRecord& record, MethodStatus from);
// The number the next approved version of the contract gets (1 for the first).
int NextScoringMethodVersion(Connection& connection, std::int64_t contract_id);
// For the audit trail.
std::string ScoringMethodSnapshot(const ScoringMethodRecord& record);

// The contract's suggestions, of one month or all, newest first.
std::vector<PenaltySuggestion> PenaltySuggestionsOfContract(Connection& connection, std::int64_t contract_id,
                                                            std::optional<AssessmentMonth> month);
std::optional<PenaltySuggestion> FindPenaltySuggestion(Connection& connection, std::int64_t id);
std::int64_t InsertPenaltySuggestion(Connection& connection, const PenaltySuggestion& suggestion,
                                     std::optional<std::int64_t> created_by);
// Writes the decision only if the stored status is still `from`.
bool DecidePenaltySuggestion(Connection& connection, const PenaltySuggestion& suggestion, SuggestionStatus from);
std::string PenaltySuggestionSnapshot(const PenaltySuggestion& suggestion);

}  // namespace houqin::storage

namespace houqin {
// The monthly assessment may call these unqualified or as houqin::...
using storage::LoadAcceptedSuggestions;
using storage::LoadApprovedMethods;
}  // namespace houqin
