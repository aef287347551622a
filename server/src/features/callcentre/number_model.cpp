#include "features/callcentre/number_model.h"

namespace houqin {

std::string_view NumberRequestKindCode(NumberRequestKind kind) {
    switch (kind) {
        case NumberRequestKind::kAdd: return "add";
        case NumberRequestKind::kChange: return "change";
        case NumberRequestKind::kWithdraw: return "withdraw";
    }
    return "add";
}

std::optional<NumberRequestKind> ParseNumberRequestKind(std::string_view code) {
    if (code == "add") return NumberRequestKind::kAdd;
    if (code == "change") return NumberRequestKind::kChange;
    if (code == "withdraw") return NumberRequestKind::kWithdraw;
    return std::nullopt;
}

Text NumberRequestKindText(NumberRequestKind kind) {
    switch (kind) {
        case NumberRequestKind::kAdd: return {"新增外呼号码", "add an outbound number"};
        case NumberRequestKind::kChange: return {"变更外呼号码", "change an outbound number"};
        case NumberRequestKind::kWithdraw: return {"停用外呼号码", "withdraw an outbound number"};
    }
    return {"新增外呼号码", "add an outbound number"};
}

std::string_view NumberRequestStatusCode(NumberRequestStatus status) {
    switch (status) {
        case NumberRequestStatus::kRequested: return "requested";
        case NumberRequestStatus::kCarriedOut: return "carried_out";
        case NumberRequestStatus::kDeclined: return "declined";
    }
    return "requested";
}

std::optional<NumberRequestStatus> ParseNumberRequestStatus(std::string_view code) {
    if (code == "requested") return NumberRequestStatus::kRequested;
    if (code == "carried_out") return NumberRequestStatus::kCarriedOut;
    if (code == "declined") return NumberRequestStatus::kDeclined;
    return std::nullopt;
}

Text NumberRequestStatusText(NumberRequestStatus status) {
    switch (status) {
        case NumberRequestStatus::kRequested: return {"待乙方办理", "awaiting the vendor"};
        case NumberRequestStatus::kCarriedOut: return {"乙方已办理", "carried out"};
        case NumberRequestStatus::kDeclined: return {"乙方未办理", "declined"};
    }
    return {"待乙方办理", "awaiting the vendor"};
}

const WorkflowDefinition& NumberRequestWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "number_request";
        // The reason for declining is required (checked by the service, which names the field).
        definition.transitions = {
            {"carry_out", "requested", "carried_out", {Role::kVendor}, false},
            {"decline", "requested", "declined", {Role::kVendor}, false},
        };
        return definition;
    }();
    return kDefinition;
}

}  // namespace houqin
