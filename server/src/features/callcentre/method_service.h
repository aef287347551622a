#pragma once
// CC-3 (D2 staff 4): the scoring method of a call-centre contract's monthly agent assessment. The contract's vendor
// drafts a version (weights on a 100-point base, monthly targets, caps, deductions, pro-rating, penalty points, the
// month it applies from), edits it while it is a draft or returned, and submits it; the office approves it or returns
// it with a reason. Approved versions are numbered 1, 2, ... per contract and never change. Every step is one
// transaction with its workflow event and audit entry.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/callcentre/method_model.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

// What the vendor writes: the values (read by the routes onto the defaults), the first month and a note.
struct ScoringMethodInput {
    std::string effective_from;  // YYYY-MM
    ScoringMethod values;
    std::string note;
};

struct ScoringMethodView {
    ScoringMethodRecord record;
    std::vector<std::string> allowed_actions;  // edit, submit, approve, return: what the caller may do now
    std::vector<WorkflowEvent> events;
};

struct ScoringMethodList {
    std::vector<ScoringMethodView> items;  // newest first
    bool can_draft = false;
    std::optional<int> in_force_version;  // the approved version in force this month
    ScoringMethod defaults;               // what a new draft starts from (default-checklists.md)
};

class ScoringMethodService {
  public:
    ScoringMethodService(ServiceContext& context, ContractService& contracts)
        : context_(context), contracts_(contracts) {}

    Result<ScoringMethodList> List(const Actor& actor, std::int64_t contract_id);
    Result<ScoringMethodView> Get(const Actor& actor, std::int64_t id);
    Result<ScoringMethodView> Draft(const Actor& actor, std::int64_t contract_id, const ScoringMethodInput& input);
    // Replaces the values of a draft or returned version.
    Result<ScoringMethodView> Edit(const Actor& actor, std::int64_t id, const ScoringMethodInput& input);
    Result<ScoringMethodView> Submit(const Actor& actor, std::int64_t id, const std::string& note);
    Result<ScoringMethodView> Approve(const Actor& actor, std::int64_t id, const std::string& note);
    Result<ScoringMethodView> Return(const Actor& actor, std::int64_t id, const std::string& reason);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    ScoringMethodView ViewOf(storage::Connection& connection, const Actor& actor, ScoringMethodRecord record) const;
    // The values checked by the rule and the month checked against the contract's term and the approved versions.
    Result<ScoringMethod> CheckInput(storage::Connection& connection, const ContractRecord& contract,
                                     const ScoringMethodInput& input, std::string& note) const;
    // One workflow step: the transition checked, the record updated if its status is still the one read, the event
    // and the audit entry, in one transaction.
    Result<ScoringMethodView> Step(const Actor& actor, std::int64_t id, const std::string& action,
                                   const std::string& comment);

    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
