#include "features/supervision/rules/rectification.h"

namespace houqin {

const WorkflowDefinition& RectificationWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        const std::vector<Role> office = {Role::kOffice, Role::kAdmin};
        const std::vector<Role> vendor = {Role::kVendor};
        WorkflowDefinition definition;
        definition.kind = "rectification";
        definition.transitions = {
            {"report", "open", "reported", vendor, false},
            {"accept", "reported", "closed", office, false},
            {"reject", "reported", "open", office, true},
        };
        return definition;
    }();
    return kDefinition;
}

}  // namespace houqin
