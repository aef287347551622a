#include "features/callcentre/model.h"

namespace houqin {

std::string_view AgentIdRequestKindCode(AgentIdRequestKind kind) {
    switch (kind) {
        case AgentIdRequestKind::kOpen: return "open";
        case AgentIdRequestKind::kChange: return "change";
        case AgentIdRequestKind::kClose: return "close";
    }
    return "open";
}

std::optional<AgentIdRequestKind> ParseAgentIdRequestKind(std::string_view code) {
    if (code == "open") return AgentIdRequestKind::kOpen;
    if (code == "change") return AgentIdRequestKind::kChange;
    if (code == "close") return AgentIdRequestKind::kClose;
    return std::nullopt;
}

Text AgentIdRequestKindText(AgentIdRequestKind kind) {
    switch (kind) {
        case AgentIdRequestKind::kOpen: return {"开通工号", "open an agent ID"};
        case AgentIdRequestKind::kChange: return {"变更工号权限", "change an agent ID's permissions"};
        case AgentIdRequestKind::kClose: return {"关闭工号", "close an agent ID"};
    }
    return {"开通工号", "open an agent ID"};
}

std::string_view AgentIdRequestStatusCode(AgentIdRequestStatus status) {
    switch (status) {
        case AgentIdRequestStatus::kRequested: return "requested";
        case AgentIdRequestStatus::kCarriedOut: return "carried_out";
        case AgentIdRequestStatus::kDeclined: return "declined";
    }
    return "requested";
}

std::optional<AgentIdRequestStatus> ParseAgentIdRequestStatus(std::string_view code) {
    if (code == "requested") return AgentIdRequestStatus::kRequested;
    if (code == "carried_out") return AgentIdRequestStatus::kCarriedOut;
    if (code == "declined") return AgentIdRequestStatus::kDeclined;
    return std::nullopt;
}

Text AgentIdRequestStatusText(AgentIdRequestStatus status) {
    switch (status) {
        case AgentIdRequestStatus::kRequested: return {"待乙方办理", "awaiting the vendor"};
        case AgentIdRequestStatus::kCarriedOut: return {"乙方已办理", "carried out"};
        case AgentIdRequestStatus::kDeclined: return {"乙方未办理", "declined"};
    }
    return {"待乙方办理", "awaiting the vendor"};
}

const WorkflowDefinition& AgentIdRequestWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "agent_id_request";
        // The reason for declining is required (checked by the service, which names the field).
        definition.transitions = {
            {"carry_out", "requested", "carried_out", {Role::kVendor}, false},
            {"decline", "requested", "declined", {Role::kVendor}, false},
        };
        return definition;
    }();
    return kDefinition;
}

std::string PermissionListText(const std::vector<std::string>& codes) {
    std::string text;
    for (const auto& code : codes) {
        if (!text.empty()) text += ',';
        text += code;
    }
    return text;
}

std::vector<std::string> ParsePermissionList(std::string_view text) {
    std::vector<std::string> codes;
    while (!text.empty()) {
        const auto comma = text.find(',');
        if (const auto part = text.substr(0, comma); !part.empty()) codes.emplace_back(part);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return codes;
}

bool IsAgentIdText(std::string_view text) {
    if (text.empty() || text.size() > 20) return false;
    for (const char c : text) {
        const bool allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
        if (!allowed) return false;
    }
    return true;
}

}  // namespace houqin
