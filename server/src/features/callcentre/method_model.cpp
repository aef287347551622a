#include "features/callcentre/method_model.h"

namespace houqin {

std::string_view MethodStatusCode(MethodStatus status) {
    switch (status) {
        case MethodStatus::kDraft: return "draft";
        case MethodStatus::kSubmitted: return "submitted";
        case MethodStatus::kReturned: return "returned";
        case MethodStatus::kApproved: return "approved";
    }
    return "draft";
}

std::optional<MethodStatus> ParseMethodStatus(std::string_view code) {
    if (code == "draft") return MethodStatus::kDraft;
    if (code == "submitted") return MethodStatus::kSubmitted;
    if (code == "returned") return MethodStatus::kReturned;
    if (code == "approved") return MethodStatus::kApproved;
    return std::nullopt;
}

Text MethodStatusText(MethodStatus status) {
    switch (status) {
        case MethodStatus::kDraft: return {"乙方草拟中", "draft"};
        case MethodStatus::kSubmitted: return {"待甲方审批", "awaiting the office's approval"};
        case MethodStatus::kReturned: return {"甲方已退回", "returned by the office"};
        case MethodStatus::kApproved: return {"已批准", "approved"};
    }
    return {"乙方草拟中", "draft"};
}

const WorkflowDefinition& ScoringMethodWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "cc_scoring_method";
        // A return needs its reason: checked by the service, which names the field.
        definition.transitions = {
            {"submit", "draft", "submitted", {Role::kVendor}, false},
            {"submit", "returned", "submitted", {Role::kVendor}, false},
            {"approve", "submitted", "approved", {Role::kOffice}, false},
            {"return", "submitted", "returned", {Role::kOffice}, false},
        };
        return definition;
    }();
    return kDefinition;
}

std::string_view SuggestionStatusCode(SuggestionStatus status) {
    switch (status) {
        case SuggestionStatus::kSubmitted: return "submitted";
        case SuggestionStatus::kAccepted: return "accepted";
        case SuggestionStatus::kRejected: return "rejected";
    }
    return "submitted";
}

std::optional<SuggestionStatus> ParseSuggestionStatus(std::string_view code) {
    if (code == "submitted") return SuggestionStatus::kSubmitted;
    if (code == "accepted") return SuggestionStatus::kAccepted;
    if (code == "rejected") return SuggestionStatus::kRejected;
    return std::nullopt;
}

Text SuggestionStatusText(SuggestionStatus status) {
    switch (status) {
        case SuggestionStatus::kSubmitted: return {"待乙方核实", "awaiting the vendor"};
        case SuggestionStatus::kAccepted: return {"乙方已采纳", "accepted"};
        case SuggestionStatus::kRejected: return {"乙方未采纳", "rejected"};
    }
    return {"待乙方核实", "awaiting the vendor"};
}

const WorkflowDefinition& PenaltySuggestionWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "cc_penalty_suggestion";
        definition.transitions = {
            {"accept", "submitted", "accepted", {Role::kVendor}, false},
            {"reject", "submitted", "rejected", {Role::kVendor}, false},
        };
        return definition;
    }();
    return kDefinition;
}

}  // namespace houqin
