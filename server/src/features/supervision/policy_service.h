#pragma once
// RP-1 … RP-4: runs the rule engine on a contract's facts, stores what it proposes (never twice for the same
// evidence), withdraws what no longer holds, and takes proposals through the office and leadership. An approved
// deduction or reward enters the contract's ledger; an approved termination terminates the contract (CON-7).
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/contracts/service.h"
#include "features/contracts/store.h"
#include "features/staff/service.h"
#include "features/supervision/rules/policy_engine.h"
#include "features/supervision/store.h"
#include "platform/service/context.h"

namespace houqin {

struct PolicyRun {
    std::int64_t evaluated = 0;  // contracts looked at
    std::vector<std::int64_t> proposed;
    std::vector<std::int64_t> withdrawn;
    std::vector<PolicyNote> notes;
    std::vector<std::int64_t> came_into_force;  // the daily job: signed contracts whose term began (CON-3)
};

struct ProposalView {
    ProposalRecord record;
    std::vector<std::string> allowed_actions;
    std::vector<WorkflowEvent> history;
};

// A proposal made by a rule outside this engine's contract rules (CC-6: the call centre's top-3 bonus, found by
// features/callcentre over its stored rankings). It goes through the same office-then-leadership decision; its
// dedupe key ("CC-6:<person>:<first month>") keeps it from being made twice, and EvaluateContract never withdraws it
// (its own rules do not produce such keys).
struct ExternalProposal {
    std::string kind;  // agent_bonus: approving it books nothing in the contract's ledger
    std::string rule;  // CC-6
    std::string rule_version;
    std::string dedupe_key;
    std::string period;  // the month that completed the streak
    std::vector<PolicyEvidence> evidence;
    std::vector<PolicyParameter> thresholds;
    Text explanation;
};

struct ProposalQuery {
    std::string kind;
    std::string status;
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> vendor_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

class PolicyService {
  public:
    PolicyService(ServiceContext& context, ContractService& contracts, StaffService& staff)
        : context_(context), contracts_(contracts), staff_(staff) {}

    // Inside the caller's transaction, after a fact of the contract changed (RP-4). `actor` is whoever caused the
    // change (recorded in the audit trail as the trigger); the proposals themselves are made by the rules.
    PolicyRun EvaluateContract(storage::Connection& connection, const Actor* actor, std::int64_t contract_id,
                               YearEndReview review = YearEndReview::kWhenLastMonth);
    // POST /policy/evaluate: one contract, or every active contract in the caller's scope.
    Result<PolicyRun> Evaluate(const Actor& actor, std::optional<std::int64_t> contract_id, bool year_end_review);
    // The daily job: first the signed contracts whose term has begun come into force (CON-3), then the rules run over
    // every active contract, each in its own transaction.
    PolicyRun RunDaily();
    // Inside the caller's transaction: stores `proposal` pending the office with its workflow event and audit entry;
    // the new id, or nothing when its dedupe key was proposed before (whatever became of it).
    std::optional<std::int64_t> ProposeExternal(storage::Connection& connection, const Actor& trigger,
                                                std::int64_t contract_id, const ExternalProposal& proposal);
    // Inside the caller's transaction: the outside rule has run again over the contract's facts (CC-6, a month
    // recomputed), and of its proposals still awaiting a decision (dedupe key starting with `key_prefix`, e.g.
    // "CC-6:") those whose key is not in `holding` are withdrawn, with `reason` in their history and the audit trail.
    // The ids withdrawn.
    std::vector<std::int64_t> WithdrawExternal(storage::Connection& connection, std::int64_t contract_id,
                                               std::string_view key_prefix, const std::vector<std::string>& holding,
                                               const Text& reason);

    Result<Page<ProposalView>> List(const Actor& actor, const ProposalQuery& query);
    Result<ProposalView> Get(const Actor& actor, std::int64_t id);
    // The staffing deduction proposal made for a month (RP-2/staffing), for the compliance page (STF-6).
    std::optional<StaffingProposalRef> StaffingProposalOf(storage::Connection& connection, std::int64_t contract_id,
                                                          const std::string& month);
    Result<ProposalView> Decide(const Actor& actor, std::int64_t id, const std::string& decision,
                                const std::string& comment, std::optional<Money> amount);

  private:
    // What every contract of one evaluation reads alike: the policy settings (recorded with each decision) and the
    // attendance check's calendars and setting, read once per run, which is one instant; and the assessment terms
    // parsed so far. Never kept past the run.
    struct RunBasis {
        PolicySettings settings;
        StaffService::ComplianceBasis staffing;
        TermsByText terms;
    };
    RunBasis LoadRunBasis(storage::Connection& connection);
    PolicyRun EvaluateOne(storage::Connection& connection, const Actor* actor, std::int64_t contract_id,
                          YearEndReview review, RunBasis& basis);
    // Withdraws the open proposal of `key` (nothing when it is decided or gone): status, event, audit entry.
    std::optional<std::int64_t> Withdraw(storage::Connection& connection, const std::string& key, const Text& reason,
                                         Instant now);
    PolicyFacts LoadFacts(storage::Connection& connection, const ContractRecord& contract, YearEndReview review,
                          RunBasis& basis);
    ProposalView Build(storage::Connection& connection, const Actor& actor, ProposalRecord record);
    ServiceContext& context_;
    ContractService& contracts_;
    StaffService& staff_;
};

// The rule set's version, recorded on every proposal.
inline constexpr const char* kPolicyRuleVersion = "D1-Art8/v1";

}  // namespace houqin
