#include "features/staff/incident_model.h"

namespace houqin {

std::string_view IncidentTypeCode(IncidentType type) {
    switch (type) {
        case IncidentType::kLabourDispute: return "labour_dispute";
        case IncidentType::kInjuryAtWork: return "injury_at_work";
        case IncidentType::kInjuryOffWork: return "injury_off_work";
        case IncidentType::kDamageLoss: return "damage_loss";
        case IncidentType::kRuleViolation: return "rule_violation";
        case IncidentType::kDataLeak: return "data_leak";
    }
    return "rule_violation";
}

std::optional<IncidentType> ParseIncidentType(std::string_view code) {
    for (const auto type : kIncidentTypes) {
        if (IncidentTypeCode(type) == code) return type;
    }
    return std::nullopt;
}

Text IncidentTypeText(IncidentType type) {
    switch (type) {
        case IncidentType::kLabourDispute: return {"劳动争议", "labour dispute"};
        case IncidentType::kInjuryAtWork: return {"工伤", "injury at work"};
        case IncidentType::kInjuryOffWork: return {"非因工受伤", "injury outside work"};
        case IncidentType::kDamageLoss: return {"损坏或遗失", "damage or loss"};
        case IncidentType::kRuleViolation: return {"违反现场规定", "on-site rule violation"};
        case IncidentType::kDataLeak: return {"数据泄露", "data leak"};
    }
    return {"违反现场规定", "on-site rule violation"};
}

bool IncidentNeedsPeople(IncidentType type) {
    return type == IncidentType::kLabourDispute || type == IncidentType::kInjuryAtWork ||
           type == IncidentType::kInjuryOffWork;
}

std::string_view LeakChannelCode(LeakChannel channel) {
    switch (channel) {
        case LeakChannel::kUsbCopy: return "usb_copy";
        case LeakChannel::kPrint: return "print";
        case LeakChannel::kEmail: return "email";
        case LeakChannel::kOther: return "other";
    }
    return "other";
}

std::optional<LeakChannel> ParseLeakChannel(std::string_view code) {
    for (const auto channel : {LeakChannel::kUsbCopy, LeakChannel::kPrint, LeakChannel::kEmail, LeakChannel::kOther}) {
        if (LeakChannelCode(channel) == code) return channel;
    }
    return std::nullopt;
}

std::string_view ResponsiblePartyCode(ResponsibleParty party) {
    switch (party) {
        case ResponsibleParty::kPartyA: return "party_a";
        case ResponsibleParty::kPartyB: return "party_b";
        case ResponsibleParty::kThirdParty: return "third_party";
        case ResponsibleParty::kUndetermined: return "undetermined";
    }
    return "undetermined";
}

std::optional<ResponsibleParty> ParseResponsibleParty(std::string_view code) {
    for (const auto party : {ResponsibleParty::kPartyA, ResponsibleParty::kPartyB, ResponsibleParty::kThirdParty,
                             ResponsibleParty::kUndetermined}) {
        if (ResponsiblePartyCode(party) == code) return party;
    }
    return std::nullopt;
}

std::string_view IncidentStatusCode(IncidentStatus status) {
    return status == IncidentStatus::kClosed ? "closed" : "open";
}

std::optional<IncidentStatus> ParseIncidentStatus(std::string_view code) {
    if (code == "open") return IncidentStatus::kOpen;
    if (code == "closed") return IncidentStatus::kClosed;
    return std::nullopt;
}

const WorkflowDefinition& IncidentWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        WorkflowDefinition definition;
        definition.kind = "staff_incident";
        // The closing note is required; the service checks it so that it can name the field in words.
        definition.transitions = {{"close", "open", "closed", {Role::kOffice, Role::kVendor}, false}};
        return definition;
    }();
    return kDefinition;
}

IncidentTally TallyIncidents(const std::vector<Incident>& incidents) {
    IncidentTally tally;
    for (const auto type : kIncidentTypes) {
        tally.by_type.push_back({std::string(IncidentTypeCode(type)), IncidentTypeText(type), 0});
    }
    for (const auto& incident : incidents) {
        ++tally.total;
        ++(incident.status == IncidentStatus::kOpen ? tally.open : tally.closed);
        for (auto& entry : tally.by_type) {
            if (entry.type == IncidentTypeCode(incident.type)) ++entry.count;
        }
        if (incident.type == IncidentType::kDataLeak) ++tally.data_leaks;
        // Each compensation is capped when recorded, so these sums stay far inside 64 bits.
        tally.compensation = tally.compensation + incident.compensation;
        if (incident.responsible_party == ResponsibleParty::kPartyB) {
            ++tally.party_b;
            tally.party_b_compensation = tally.party_b_compensation + incident.compensation;
        }
    }
    return tally;
}

}  // namespace houqin
