#pragma once
// Reading what the renewal basis and the period reports summarise (RP-5, SUP-7): contracts in scope, their
// assessments (with items), surveys (answer counts per rating), proposals, ledger lines and contract events (people by
// display name). Read only; the assessment and survey tables are written by their own services.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/contracts/store.h"
#include "features/reports/model.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

// Signed contracts (active, terminated; expired and renewed are derived from active) in scope whose term overlaps
// first..last, optionally of one vendor, by code.
std::vector<ContractRecord> SignedContractsOverlapping(Connection& connection, const VendorScope& scope, Date first,
                                                       Date last, std::optional<std::int64_t> vendor_id);

// Every assessment of a contract, oldest first. items_json holds [{item, points, lost_tenths, failed, ...}].
// `years`, when given, keeps the rows whose period label lies in those calendar years ("2026", "2026-Q4" and
// "2026-11" all begin with the year), read through the (contract, period) index; the caller still checks each label.
// `items`: kSkip leaves each row's items empty, unread and unparsed (the renewal basis lists totals only; parsing
// five years of checklists was 45% of its CPU on the county).
enum class AssessmentItems { kRead, kSkip };
std::vector<ReportAssessment> ContractAssessmentRows(Connection& connection, std::int64_t contract_id,
                                                     std::optional<std::pair<int, int>> years = std::nullopt,
                                                     AssessmentItems items = AssessmentItems::kRead);
// Every survey of a contract with its answers counted per rating; the rate is left to the caller.
std::vector<ReportSurvey> ContractSurveyRows(Connection& connection, std::int64_t contract_id,
                                             std::optional<std::pair<int, int>> years = std::nullopt);
std::vector<ReportProposal> ContractProposalRows(Connection& connection, std::int64_t contract_id);
// The proposal whose approval wrote this ledger entry, if any.
std::optional<std::int64_t> ProposalOfLedgerEntry(Connection& connection, std::int64_t entry_id);
// The display name of the account a ledger entry records by user name (the reports name people, not logins); the
// user name itself when no account has it.
std::string PersonName(Connection& connection, const std::string& username);
// Amendments, amendment signings, renewals and terminations of a contract in [from_ms, to_ms).
std::vector<AuditContractEvent> ContractEventsBetween(Connection& connection, std::int64_t contract_id,
                                                      std::int64_t from_ms, std::int64_t to_ms);

}  // namespace houqin::storage
