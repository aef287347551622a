#include "core/workflow.h"

#include <algorithm>

namespace houqin {

Result<const Transition*> WorkflowDefinition::Check(std::string_view state, std::string_view name, Role role,
                                                    std::string_view comment) const {
    const Transition* named = nullptr;
    for (const auto& transition : transitions) {
        if (transition.name != name) continue;
        named = &transition;
        if (transition.from != state) continue;
        if (std::find(transition.roles.begin(), transition.roles.end(), role) == transition.roles.end()) {
            return Error::Forbidden();
        }
        if (transition.comment_required && comment.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            return Error::Invalid("comment", {"请填写意见", "A comment is required"});
        }
        return &transition;
    }
    if (!named) return Error::Invalid("action", {"未知的操作", "Unknown action"});
    // The action exists but not from this state: say so, naming the state the user sees.
    bool role_ever_allowed = false;
    for (const auto& transition : transitions) {
        if (transition.name == name &&
            std::find(transition.roles.begin(), transition.roles.end(), role) != transition.roles.end()) {
            role_ever_allowed = true;
        }
    }
    if (!role_ever_allowed) return Error::Forbidden();
    return Error::Precondition({"当前状态下不能执行此操作", "This action is not possible in the current state"});
}

std::vector<std::string> WorkflowDefinition::Allowed(std::string_view state, Role role) const {
    std::vector<std::string> names;
    for (const auto& transition : transitions) {
        if (transition.from == state &&
            std::find(transition.roles.begin(), transition.roles.end(), role) != transition.roles.end() &&
            std::find(names.begin(), names.end(), transition.name) == names.end()) {
            names.push_back(transition.name);
        }
    }
    return names;
}

bool WorkflowDefinition::FullyApproved(const std::vector<Approval>& approvals, int version) const {
    for (auto role : required_approvals) {
        const bool found = std::any_of(approvals.begin(), approvals.end(), [&](const Approval& approval) {
            return approval.role == role && approval.version == version;
        });
        if (!found) return false;
    }
    return true;
}

const WorkflowDefinition& ContractReviewWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        const std::vector<Role> office = {Role::kOffice, Role::kAdmin};
        const std::vector<Role> reviewers = {Role::kJudicial, Role::kPartyOffice};
        WorkflowDefinition definition;
        definition.kind = "contract_review";
        definition.transitions = {
            {"edit", "draft", "draft", office, false},       {"edit", "returned", "returned", office, false},
            {"submit", "draft", "in_review", office, false}, {"submit", "returned", "in_review", office, false},
            {"approve", "in_review", "", reviewers, false},  {"return", "in_review", "returned", reviewers, true},
            {"sign", "approved", "signed", office, false},
        };
        definition.required_approvals = reviewers;
        definition.approved_state = "approved";
        return definition;
    }();
    return kDefinition;
}

const WorkflowDefinition& ProposalWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        const std::vector<Role> office = {Role::kOffice, Role::kAdmin};
        const std::vector<Role> leadership = {Role::kLeadership};
        WorkflowDefinition definition;
        definition.kind = "proposal";
        definition.transitions = {
            {"approve", "pending_office", "pending_leadership", office, false},
            {"reject", "pending_office", "rejected", office, true},
            {"approve", "pending_leadership", "approved", leadership, false},
            {"reject", "pending_leadership", "rejected", leadership, true},
        };
        return definition;
    }();
    return kDefinition;
}

const WorkflowDefinition& AppealWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        const std::vector<Role> office = {Role::kOffice, Role::kAdmin};
        WorkflowDefinition definition;
        definition.kind = "appeal";
        definition.transitions = {
            {"appeal", "submitted", "appealed", {Role::kVendor}, true},
            {"uphold", "appealed", "decided", office, true},
            {"change", "appealed", "decided", office, true},
        };
        return definition;
    }();
    return kDefinition;
}

}  // namespace houqin
