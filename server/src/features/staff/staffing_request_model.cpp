#include "features/staff/staffing_request_model.h"

#include <fmt/format.h>

#include <algorithm>

namespace houqin {

std::string_view StaffingRequestStatusCode(StaffingRequestStatus status) {
    switch (status) {
        case StaffingRequestStatus::kRequested: return "requested";
        case StaffingRequestStatus::kConsented: return "consented";
        case StaffingRequestStatus::kDeclined: return "declined";
    }
    return "requested";
}

std::optional<StaffingRequestStatus> ParseStaffingRequestStatus(std::string_view code) {
    if (code == "requested") return StaffingRequestStatus::kRequested;
    if (code == "consented") return StaffingRequestStatus::kConsented;
    if (code == "declined") return StaffingRequestStatus::kDeclined;
    return std::nullopt;
}

Text StaffingRequestStatusText(StaffingRequestStatus status) {
    switch (status) {
        case StaffingRequestStatus::kRequested: return {"待乙方答复", "awaiting the vendor's answer"};
        case StaffingRequestStatus::kConsented: return {"乙方已同意", "consented"};
        case StaffingRequestStatus::kDeclined: return {"乙方不同意", "declined"};
    }
    return {"待乙方答复", "awaiting the vendor's answer"};
}

const WorkflowDefinition& StaffingRequestWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "staffing_request";
        // The reason for declining is required (checked by the service, which names the field).
        definition.transitions = {
            {"consent", "requested", "consented", {Role::kVendor}, false},
            {"decline", "requested", "declined", {Role::kVendor}, false},
        };
        return definition;
    }();
    return kDefinition;
}

bool IsExtraManagerRole(std::string_view role) { return role == "duty_manager" || role == "qa"; }

std::string DayTypesText(const std::vector<DayType>& types) {
    std::string text;
    for (const auto type : {DayType::kWorkday, DayType::kWeekend, DayType::kHoliday}) {
        if (std::find(types.begin(), types.end(), type) == types.end()) continue;
        if (!text.empty()) text += ',';
        text += DayTypeCode(type);
    }
    return text;
}

std::vector<DayType> ParseDayTypes(std::string_view text) {
    std::vector<DayType> types;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto part = text.substr(0, comma);
        if (const auto type = ParseDayType(part)) types.push_back(*type);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return types;
}

StaffingChange StaffingRequest::Change() const {
    const auto from = effective_on.value_or(effective_from);
    return {from,
            post,
            day_types,
            people,
            hours,
            {fmt::format("{} 书面要求增配{}(第 {} 号)", requested_on.ToString(), post, id),
             fmt::format("written request of {} for an extra {} (no. {})", requested_on.ToString(), post, id)}};
}

}  // namespace houqin
