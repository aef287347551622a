#pragma once
// The one workflow for every "request, review, decide" flow (STYLE.md): states, typed transitions, who may fire
// each, which need a comment, and parallel approvals (several roles must each approve the same version).
// Pure: the caller loads the state and the recorded approvals, asks here, and stores what it is told.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/result.h"

namespace houqin {

struct Transition {
    std::string name;  // submit, approve, return, sign, ...
    std::string from;  // a state
    std::string to;    // the next state ("" = decided by the parallel approval)
    std::vector<Role> roles;
    bool comment_required = false;
};

struct Approval {
    Role role;
    int version = 0;
};

struct WorkflowDefinition {
    std::string kind;
    std::vector<Transition> transitions;
    // A transition named `approve` moves to `approved_state` once every role here approved the same version.
    std::vector<Role> required_approvals;
    std::string approved_state;

    // The transition if `role` may fire `name` from `state` with this comment; otherwise why not.
    Result<const Transition*> Check(std::string_view state, std::string_view name, Role role,
                                    std::string_view comment) const;
    // Names of the transitions `role` may fire from `state` (for buttons in the UI).
    [[nodiscard]] std::vector<std::string> Allowed(std::string_view state, Role role) const;
    // After an approval has been recorded: whether all required roles approved `version`.
    [[nodiscard]] bool FullyApproved(const std::vector<Approval>& approvals, int version) const;
};

// Contract review before signing (CON-2, D1 Art.6): the office submits; the judicial office (legal review) and the
// party-government office (text review) each approve or return the same version; approved contracts are signed.
// Amendments (CON-4) go through the same definition.
const WorkflowDefinition& ContractReviewWorkflow();

// RP-4: a reward, deduction or termination proposal is decided by the office, then by leadership (ROLE-3);
// either may reject it with a reason. The rules themselves withdraw a proposal whose evidence no longer holds.
const WorkflowDefinition& ProposalWorkflow();

// SUP-8: the vendor appeals an assessment with a reason; the office upholds it or changes the score, with reasons.
const WorkflowDefinition& AppealWorkflow();

}  // namespace houqin
