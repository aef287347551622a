#pragma once
// Contracts, their versions, consultations, ledger and payments (CON-1 … CON-8).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "features/contracts/model.h"
#include "features/contracts/rules/ledger.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"
#include "platform/workflow/workflow_store.h"

namespace houqin::storage {

struct ContractFilter {
    VendorScope scope;
    std::string q;
    std::optional<ContractStatus> status;
    std::optional<std::int64_t> vendor_id;
    Date today;
    std::string sort = "code";
    bool descending = false;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

Page<ContractRecord> ListContracts(Connection& connection, const ContractFilter& filter);
std::optional<ContractRecord> FindContract(Connection& connection, std::int64_t id, const VendorScope& scope);
// Inside a transaction: locks the contract's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite's
// BEGIN IMMEDIATE already holds the write lock), so a check made after it (a balance, a state) cannot be overtaken by
// a parallel request.
void LockContract(Connection& connection, std::int64_t id);
std::int64_t InsertContract(Connection& connection, const ContractRecord& contract, Instant now);
void UpdateContract(Connection& connection, const ContractRecord& contract, Instant now);
// The next free code of the year: HT-2026-0001, HT-2026-0002, ... Inside a transaction, which it holds the year's
// codes for until it ends: two contracts made at once get two codes, not one code and a refusal.
std::string NextContractCode(Connection& connection, int year);
std::string ContractSnapshot(const ContractRecord& contract);

// The stored form of a version's content (the API's JSON document, see codec/contract_codec.h).
std::string SerializeContractContent(const ContractContent& content);
ContractContent ParseContractContent(const std::string& json);

std::vector<ContractVersion> ListContractVersions(Connection& connection, std::int64_t contract_id);
std::optional<ContractVersion> FindContractVersion(Connection& connection, std::int64_t contract_id, int version_no);
void InsertContractVersion(Connection& connection, const ContractVersion& version);
void UpdateContractVersion(Connection& connection, const ContractVersion& version);

std::int64_t InsertConsultation(Connection& connection, const Consultation& consultation);
std::vector<Consultation> ListConsultations(Connection& connection, std::int64_t contract_id);
std::optional<Consultation> FindConsultation(Connection& connection, std::int64_t contract_id, std::int64_t id);

std::int64_t InsertLedgerEntry(Connection& connection, const LedgerEntry& entry);
std::vector<LedgerEntry> ListLedgerEntries(Connection& connection, std::int64_t contract_id);
// CON-8: the contract's deductions and rewards summed per kind and period by the engine, for the checks of a new entry
// or payment, which need the totals only (a contract's entries are not read one by one on every write).
struct LedgerSums {
    std::vector<LedgerMovement> deductions, rewards, payments;
};
LedgerSums SumLedger(Connection& connection, std::int64_t contract_id);
std::int64_t InsertPayment(Connection& connection, const PaymentRecord& payment);
std::vector<PaymentRecord> ListPayments(Connection& connection, std::int64_t contract_id);

// CON-3: the signed contracts whose term has begun by `today`, to be put in force by the daily job.
std::vector<std::int64_t> ContractsStartingBy(Connection& connection, Date today);

// the scope's contracts in force, not yet renewed, ending from `from` to `until`, soonest first (reminders).
std::vector<ContractEnding> ContractsEndingBefore(Connection& connection, const VendorScope& scope, Date from,
                                                  Date until, std::int64_t limit);

}  // namespace houqin::storage
