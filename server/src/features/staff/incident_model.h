#pragma once
// STF-7: incidents on a contract, as the staff feature stores them and the reports count them. Pure: no I/O.
// The kinds come from the documents: labour disputes (D3 §4), injuries at and outside work (D3 §5), damaged or lost
// documents and property (D4 §3.7), on-site rule violations (D2 on-site rules) and data leaks (D2 on-site rule 3,
// CC-7: USB copies, prints, e-mail). Codes are stored; the web shows words.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "core/workflow.h"

namespace houqin {

enum class IncidentType { kLabourDispute, kInjuryAtWork, kInjuryOffWork, kDamageLoss, kRuleViolation, kDataLeak };
inline constexpr std::array<IncidentType, 6> kIncidentTypes = {
    IncidentType::kLabourDispute, IncidentType::kInjuryAtWork,  IncidentType::kInjuryOffWork,
    IncidentType::kDamageLoss,    IncidentType::kRuleViolation, IncidentType::kDataLeak};
std::string_view IncidentTypeCode(IncidentType type);
std::optional<IncidentType> ParseIncidentType(std::string_view code);
Text IncidentTypeText(IncidentType type);
// A dispute or an injury is about someone: it names at least one person on the roster. Damage, a violation or a
// leak may have no one on the roster to name (D2 on-site rule 3 is about Party A's own managers).
bool IncidentNeedsPeople(IncidentType type);

// CC-7: how data left the site (D2 on-site rule 3 names USB copies, prints and e-mail).
enum class LeakChannel { kUsbCopy, kPrint, kEmail, kOther };
std::string_view LeakChannelCode(LeakChannel channel);
std::optional<LeakChannel> ParseLeakChannel(std::string_view code);

// Who is responsible, and so who pays the compensation (D3 §5: "由责任方承担"); undetermined until it is known.
enum class ResponsibleParty { kPartyA, kPartyB, kThirdParty, kUndetermined };
std::string_view ResponsiblePartyCode(ResponsibleParty party);
std::optional<ResponsibleParty> ParseResponsibleParty(std::string_view code);

// Open until closed with a note; closing is one-way (a reopened case would rewrite what the reports already said).
enum class IncidentStatus { kOpen, kClosed };
std::string_view IncidentStatusCode(IncidentStatus status);
std::optional<IncidentStatus> ParseIncidentStatus(std::string_view code);
// The one step an incident has: open -> closed, by the office or the vendor (incident:write decides who may).
const WorkflowDefinition& IncidentWorkflow();

struct IncidentPerson {
    std::int64_t id = 0;
    std::string name;
};

struct IncidentFile {
    std::int64_t id = 0;
    std::string filename;
};

// CC-7: the export a data leak is traced to, as the audit trail recorded it.
struct IncidentExport {
    std::int64_t seq = 0;  // the audit entry's number
    Instant at;
    std::string actor_name;
    std::string snapshot;  // the entry's {what, format, filters, rows}
};

struct Incident {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;  // the contract's vendor, for scope
    IncidentType type = IncidentType::kRuleViolation;
    std::optional<LeakChannel> leak_channel;  // data leaks only
    Date occurred_on;
    std::string description;
    ResponsibleParty responsible_party = ResponsibleParty::kUndetermined;
    Money compensation;  // in fen, paid by the responsible party
    IncidentStatus status = IncidentStatus::kOpen;
    std::string closing_note;
    std::optional<Date> closed_on;
    std::optional<Instant> closed_at;
    std::vector<IncidentPerson> people;
    std::vector<IncidentFile> files;
    std::optional<std::int64_t> export_seq;  // CC-7: data leaks only, the export it is traced to
    std::optional<IncidentExport> linked_export;
    Instant created_at;
    Instant updated_at;
};

// SUP-7 and RP-5: what the reports say about a contract's incidents in a span of days.
struct IncidentTypeCount {
    std::string type;  // an IncidentType code
    Text name;
    std::int64_t count = 0;
};

struct IncidentTally {
    std::int64_t total = 0;
    std::int64_t open = 0;
    std::int64_t closed = 0;
    std::vector<IncidentTypeCount> by_type;  // every type, in kIncidentTypes order, zero counts included
    Money compensation;                      // all compensation recorded
    std::int64_t party_b = 0;                // incidents with Party B responsible
    Money party_b_compensation;              // what Party B pays
    std::int64_t data_leaks = 0;             // CC-7
};

// Counts `incidents` (already limited to the span by the caller) into a tally.
IncidentTally TallyIncidents(const std::vector<Incident>& incidents);

}  // namespace houqin
