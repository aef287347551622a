#include "features/staff/model.h"

#include <fmt/format.h>

#include <charconv>

namespace houqin {

std::string_view PersonStatusCode(PersonStatus status) {
    switch (status) {
        case PersonStatus::kUpcoming: return "upcoming";
        case PersonStatus::kCurrent: return "current";
        case PersonStatus::kLeft: return "left";
    }
    return "current";
}

std::optional<PersonStatus> ParsePersonStatus(std::string_view code) {
    if (code == "upcoming") return PersonStatus::kUpcoming;
    if (code == "current") return PersonStatus::kCurrent;
    if (code == "left") return PersonStatus::kLeft;
    return std::nullopt;
}

PersonStatus StaffPerson::StatusOn(Date day) const {
    if (day < start_date) return PersonStatus::kUpcoming;
    if (end_date && day > *end_date) return PersonStatus::kLeft;
    return PersonStatus::kCurrent;
}

std::string_view EquipmentKindCode(EquipmentKind kind) {
    switch (kind) {
        case EquipmentKind::kTool: return "tool";
        case EquipmentKind::kUniform: return "uniform";
        case EquipmentKind::kBadge: return "badge";
        case EquipmentKind::kAccessCard: return "access_card";
        case EquipmentKind::kKey: return "key";
        case EquipmentKind::kOther: return "other";
    }
    return "other";
}

std::optional<EquipmentKind> ParseEquipmentKind(std::string_view code) {
    for (const auto kind : {EquipmentKind::kTool, EquipmentKind::kUniform, EquipmentKind::kBadge,
                            EquipmentKind::kAccessCard, EquipmentKind::kKey, EquipmentKind::kOther}) {
        if (EquipmentKindCode(kind) == code) return kind;
    }
    return std::nullopt;
}

std::string_view EquipmentStatusCode(EquipmentStatus status) {
    switch (status) {
        case EquipmentStatus::kIssued: return "issued";
        case EquipmentStatus::kReturned: return "returned";
        case EquipmentStatus::kLost: return "lost";
    }
    return "issued";
}

std::optional<EquipmentStatus> ParseEquipmentStatus(std::string_view code) {
    if (code == "issued") return EquipmentStatus::kIssued;
    if (code == "returned") return EquipmentStatus::kReturned;
    if (code == "lost") return EquipmentStatus::kLost;
    return std::nullopt;
}

std::string_view ReplacementStatusCode(ReplacementStatus status) {
    switch (status) {
        case ReplacementStatus::kOpen: return "open";
        case ReplacementStatus::kReported: return "reported";
        case ReplacementStatus::kReturned: return "returned";
        case ReplacementStatus::kClosed: return "closed";
    }
    return "open";
}

std::optional<ReplacementStatus> ParseReplacementStatus(std::string_view code) {
    for (const auto status : {ReplacementStatus::kOpen, ReplacementStatus::kReported, ReplacementStatus::kReturned,
                              ReplacementStatus::kClosed}) {
        if (ReplacementStatusCode(status) == code) return status;
    }
    return std::nullopt;
}

const WorkflowDefinition& ReplacementWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "staff_replacement";
        // A returned report is reported again; the office's reason for returning it is required (checked by the
        // service, which names the field).
        definition.transitions = {
            {"report", "open", "reported", {Role::kVendor}, false},
            {"report", "returned", "reported", {Role::kVendor}, false},
            {"confirm", "reported", "closed", {Role::kOffice}, false},
            {"return", "reported", "returned", {Role::kOffice}, false},
        };
        return definition;
    }();
    return kDefinition;
}

namespace {

std::optional<int> Digits(std::string_view text) {
    if (text.empty() || text.size() > 2) return std::nullopt;
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

}  // namespace

std::optional<int> ParseClockTime(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto hours = Digits(text.substr(0, colon));
    auto rest = text.substr(colon + 1);
    if (const auto second_colon = rest.find(':'); second_colon != std::string_view::npos) {
        const auto seconds = Digits(rest.substr(second_colon + 1));
        if (!seconds || *seconds > 59) return std::nullopt;
        rest = rest.substr(0, second_colon);
    }
    if (rest.size() != 2) return std::nullopt;
    const auto minutes = Digits(rest);
    if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
    return *hours * 60 + *minutes;
}

std::optional<LocalMinute> ParseWallClock(std::string_view text) {
    if (text.size() < 16 || (text[10] != ' ' && text[10] != 'T')) return std::nullopt;
    const auto date = Date::Parse(text.substr(0, 10));
    const auto minute = ParseClockTime(text.substr(11));
    if (!date || !minute) return std::nullopt;
    return LocalMinute{*date, *minute};
}

std::string WallClockText(const LocalMinute& time) {
    return fmt::format("{} {:02}:{:02}", time.date.ToString(), time.minute / 60, time.minute % 60);
}

}  // namespace houqin
