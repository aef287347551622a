#pragma once
// Contracts (CON-1 … CON-8): drafting, dual review before signing (D1 Art.6), signing, amendments after
// consultation, renewal, termination, and the payment ledger. Every step is a workflow event and an audit entry.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/contracts/model.h"
#include "features/contracts/rules/ledger.h"
#include "features/contracts/store.h"
#include "features/vendors/model.h"
#include "platform/service/context.h"

namespace houqin {

struct ContractReviewDecision {
    std::string decision;  // approve, return
    std::string comment;
    std::string by;               // the user name the step recorded
    std::string by_display_name;  // the reviewer as the page names them (empty if the user is gone)
    Role role = Role::kJudicial;
    Instant at;
};

struct ContractView {
    ContractRecord record;
    ContractStatus status = ContractStatus::kDraft;  // effective: expired and renewed are derived from the date
    ContractContent content;                         // of the latest version
    int review_version_no = 0;                       // the version under (or last through) review
    std::optional<ContractReviewDecision> legal;     // judicial office
    std::optional<ContractReviewDecision> text;      // party-government office
    std::vector<std::string> allowed_actions;
    std::optional<std::int64_t> days_to_expiry;
    std::optional<AttachmentInfo> signed_scan;
};

struct ContractQuery {
    std::string q;
    std::optional<ContractStatus> status;
    std::optional<std::int64_t> vendor_id;
    std::string sort = "code";
    bool descending = false;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct SignInput {
    std::optional<Date> signed_on;
    std::string party_a_signatory;
    std::string party_b_signatory;
    std::optional<std::int64_t> attachment_id;
};

struct ConsultationInput {
    std::optional<Date> held_on;
    std::string participants;
    std::string summary;
};

struct TerminationInput {
    std::string reason;
    std::string breach_liability;
    std::optional<Date> effective_on;
};

struct RenewalInput {
    std::string reason;
    std::optional<Date> term_start;
    std::optional<Date> term_end;
};

struct LedgerInput {
    std::string kind;  // deduction, reward
    std::string period;
    std::optional<Money> amount;
    std::string reason;
};

struct PaymentInput {
    std::string period;
    std::optional<Money> amount;
    std::optional<Date> paid_on;
    std::string reference;
    std::string note;
};

struct ContractLedger {
    LedgerStatement statement;
    std::vector<LedgerEntry> entries;
    std::vector<PaymentRecord> payments;
};

class ContractService {
  public:
    explicit ContractService(ServiceContext& context) : context_(context) {}

    Result<Page<ContractView>> List(const Actor& actor, const ContractQuery& query);
    Result<ContractView> Get(const Actor& actor, std::int64_t id);
    Result<ContractView> Create(const Actor& actor, ContractContent content);
    Result<ContractView> Update(const Actor& actor, std::int64_t id, ContractContent content);
    Result<ContractView> Submit(const Actor& actor, std::int64_t id);
    Result<ContractView> Review(const Actor& actor, std::int64_t id, int version_no, const std::string& decision,
                                const std::string& comment);
    Result<ContractView> Sign(const Actor& actor, std::int64_t id, const SignInput& input);
    Result<std::vector<ContractVersion>> Versions(const Actor& actor, std::int64_t id);
    Result<std::vector<WorkflowEvent>> History(const Actor& actor, std::int64_t id);
    // The content of one version (0 = the latest) with the contract, for the printed document (CON-5): the content
    // carries the rules' title the version cites, and the version its status in words (CON-1, CON-3).
    struct Document {
        ContractView view;
        ContractContent content;
        int version_no = 0;
        Text version_status;
    };
    Result<Document> DocumentData(const Actor& actor, std::int64_t id, int version_no);
    // CC-7: one contract's document, read or printed, is recorded in the audit trail (an export, not a list export).
    Status RecordDocumentRead(const Actor& actor, std::int64_t id, const Document& document);

    Result<Consultation> AddConsultation(const Actor& actor, std::int64_t id, const ConsultationInput& input);
    Result<std::vector<Consultation>> Consultations(const Actor& actor, std::int64_t id);
    Result<ContractView> StartAmendment(const Actor& actor, std::int64_t id,
                                        std::optional<std::int64_t> consultation_id, const std::string& reason);
    Result<ContractView> Terminate(const Actor& actor, std::int64_t id, const TerminationInput& input);
    Result<ContractView> Renew(const Actor& actor, std::int64_t id, const RenewalInput& input);
    // CON-7 inside the caller's transaction (an approved termination proposal, RP-3): the caller has checked that
    // the contract is active.
    void ApplyTermination(storage::Connection& connection, const Actor& actor, ContractRecord record,
                          const std::string& reason, const std::string& breach_liability, Date effective_on);

    // A new draft inside the caller's transaction, content already checked (PRJ-8: the award of a project).
    std::int64_t InsertDraft(storage::Connection& connection, const Actor& actor, const ContractContent& content,
                             const Organisation& owner, const Vendor& vendor);

    // CON-3, the daily job: every signed contract whose term has begun comes into force, each in its own
    // transaction, with a workflow step and an audit entry saying why. Returns the ids put in force.
    std::vector<std::int64_t> BringIntoForce();

    Result<ContractLedger> Ledger(const Actor& actor, std::int64_t id);
    Result<LedgerEntry> AddLedgerEntry(const Actor& actor, std::int64_t id, const LedgerInput& input);
    Result<PaymentRecord> AddPayment(const Actor& actor, std::int64_t id, const PaymentInput& input);

  private:
    // `with_content` false leaves view.content empty: the list shows no content, and parsing each row's 3 KB took
    // most of its time on a county.
    ContractView Build(storage::Connection& connection, const Actor& actor, ContractRecord record,
                       bool with_content = true);
    // What Build adds to the record, from its review steps and its signed scan as read already (a list page reads
    // those for all its rows in two queries instead of two per row).
    ContractView BuildFrom(const Actor& actor, ContractRecord record, const std::vector<WorkflowEvent>& events,
                           std::optional<AttachmentInfo> signed_scan);
    Result<ContractRecord> Load(storage::Connection& connection, const Actor& actor, std::int64_t id);
    // Load for a change: inside the caller's transaction, with the contract's row locked first, so what is checked
    // (its state, its balance) is still true when the change is written.
    Result<ContractRecord> LoadForWrite(storage::Connection& connection, const Actor& actor, std::int64_t id);
    Status CheckReferences(storage::Connection& connection, const Actor& actor, ContractContent& content);
    ContractLedger ComputeLedgerFor(storage::Connection& connection, const ContractRecord& record);
    // The statement alone, from the engine's sums: what a new entry or payment is checked against.
    LedgerStatement ComputeStatementFor(storage::Connection& connection, const ContractRecord& record);
    void Record(storage::Connection& connection, const Actor& actor, const ContractRecord& before,
                const ContractRecord& after, int version_no, const std::string& action, const std::string& from_state,
                const std::string& to_state, const std::string& comment);
    ServiceContext& context_;
};

}  // namespace houqin
