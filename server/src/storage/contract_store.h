#pragma once
// Contracts, their versions, workflow steps, consultations, ledger and payments (CON-1 … CON-8).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/contract.h"
#include "storage/database.h"
#include "storage/vendor_store.h"

namespace houqin::storage {

struct SigningRecord {
    Date signed_on;
    std::string party_a_signatory;
    std::string party_b_signatory;
    std::int64_t attachment_id = 0;
    int version_no = 0;
    std::string by;
};

struct TerminationRecord {
    std::string reason;
    std::string breach_liability;
    Date effective_on;
    std::string by;
    Instant at;
};

struct AmendmentRecord {
    std::int64_t consultation_id = 0;
    std::string reason;
};

struct ContractRecord {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::int64_t owner_org_id = 0;
    std::string owner_path;
    std::int64_t category_id = 0;
    std::string status;        // stored status: draft, in_review, returned, approved, active, terminated, renewed
    std::string review_state;  // draft, in_review, returned, approved, none (of the original or an amendment)
    int version_no = 0;
    int active_version_no = 0;
    Date term_start;
    Date term_end;
    Money total_amount;
    std::optional<std::int64_t> predecessor_id;
    std::optional<std::int64_t> successor_id;
    std::optional<SigningRecord> signing;
    std::optional<TerminationRecord> termination;
    std::optional<AmendmentRecord> amendment;
    Instant created_at;
    Instant updated_at;
};

struct ContractVersion {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    int version_no = 0;
    std::string kind;    // original, amendment
    std::string status;  // draft, in_review, returned, approved, signed, superseded
    std::string content_json;
    std::string created_by;
    Instant created_at;
    std::optional<Instant> submitted_at;
};

struct WorkflowEvent {
    std::int64_t id = 0;
    int version_no = 0;
    std::string action;
    std::string from_state;
    std::string to_state;
    std::optional<std::int64_t> actor_id;
    std::string actor_name;
    std::string role;
    std::string comment;
    Instant at;
};

struct Consultation {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    Date held_on;
    std::string participants;
    std::string summary;
    std::string created_by;
    Instant created_at;
};

struct LedgerEntry {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string kind;  // deduction, reward
    std::string period;
    Money amount;
    std::string reason;
    std::string source;  // manual, proposal
    std::string created_by;
    Instant created_at;
};

struct PaymentRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string period;
    Money amount;
    Date paid_on;
    std::string reference;
    std::string note;
    std::string created_by;
    Instant created_at;
};

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

std::pair<std::vector<ContractRecord>, std::int64_t> ListContracts(Connection& connection,
                                                                   const ContractFilter& filter);
std::optional<ContractRecord> FindContract(Connection& connection, std::int64_t id, const VendorScope& scope);
std::int64_t InsertContract(Connection& connection, const ContractRecord& contract, Instant now);
void UpdateContract(Connection& connection, const ContractRecord& contract, Instant now);
// The next free code of the year: HT-2026-0001, HT-2026-0002, ...
std::string NextContractCode(Connection& connection, int year);
std::string ContractSnapshot(const ContractRecord& contract);

// The stored form of a version's content (the API's JSON document, see codec/contract_codec.h).
std::string SerializeContractContent(const ContractContent& content);
ContractContent ParseContractContent(const std::string& json);

std::vector<ContractVersion> ListContractVersions(Connection& connection, std::int64_t contract_id);
std::optional<ContractVersion> FindContractVersion(Connection& connection, std::int64_t contract_id, int version_no);
void InsertContractVersion(Connection& connection, const ContractVersion& version);
void UpdateContractVersion(Connection& connection, const ContractVersion& version);

void InsertWorkflowEvent(Connection& connection, const std::string& subject_type, std::int64_t subject_id,
                         const WorkflowEvent& event);
std::vector<WorkflowEvent> ListWorkflowEvents(Connection& connection, const std::string& subject_type,
                                              std::int64_t subject_id);

std::int64_t InsertConsultation(Connection& connection, const Consultation& consultation);
std::vector<Consultation> ListConsultations(Connection& connection, std::int64_t contract_id);
std::optional<Consultation> FindConsultation(Connection& connection, std::int64_t contract_id, std::int64_t id);

std::int64_t InsertLedgerEntry(Connection& connection, const LedgerEntry& entry);
std::vector<LedgerEntry> ListLedgerEntries(Connection& connection, std::int64_t contract_id);
std::int64_t InsertPayment(Connection& connection, const PaymentRecord& payment);
std::vector<PaymentRecord> ListPayments(Connection& connection, std::int64_t contract_id);

// Active contracts ending on or before `until` within the scope (reminders, X-2).
std::vector<ContractRecord> ContractsEndingBefore(Connection& connection, const VendorScope& scope, Date from,
                                                  Date until, std::int64_t limit);

}  // namespace houqin::storage
