#pragma once
// The office's day-to-day oversight of vendors: work meetings with the departments' opinions (SUP-1, D1 Art.7(1)),
// rectification notices and their verification (SUP-2, D5.8), the communication log (SUP-6, D5.6) and
// energy-saving records (RP-1, 节能降耗). Values and their field rules; the service checks what needs the database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace houqin {

struct Meeting {
    std::int64_t id = 0;
    std::int64_t owner_org_id = 0;
    std::string owner_path;
    std::string title;
    Instant scheduled_at;
    std::string location;
    std::vector<std::int64_t> vendor_ids;
    std::vector<std::int64_t> attendee_org_ids;  // departments invited
    std::string agenda;
    std::string minutes;
    std::string attendees_present;
    std::string status = "scheduled";  // scheduled, held, cancelled
    std::string cancel_reason;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
    Instant updated_at;
};

struct MeetingOpinion {
    std::int64_t id = 0;
    std::int64_t meeting_id = 0;
    std::string kind;  // opinion, suggestion
    std::string content;
    std::optional<std::int64_t> org_id;
    std::string org_name;
    std::string author;
    Instant created_at;
};

struct Rectification {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string contract_code;
    std::string contract_title;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    std::optional<std::int64_t> meeting_id;
    std::optional<std::int64_t> assessment_id;
    std::string title;
    std::string requirement;
    std::string owner;  // the person responsible for the rectification
    Date deadline;
    std::string status = "open";  // open, reported, closed
    std::string completion;
    std::vector<std::int64_t> evidence_ids;
    std::optional<Instant> reported_at;
    std::string verified_by;
    std::optional<Instant> verified_at;
    std::string result;  // accepted, rejected ("" before the first verification)
    std::string effect;  // effective, partly_effective, ineffective (accepted only)
    std::string comment;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
    Instant updated_at;
};

// SUP-2: overdue = still open after its deadline. A report awaiting verification is not the vendor's delay.
bool IsOverdue(const Rectification& rectification, Date today);
std::int64_t DaysOverdue(const Rectification& rectification, Date today);

struct Communication {
    std::int64_t id = 0;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    std::optional<std::int64_t> contract_id;
    std::string contract_code;
    Instant occurred_at;
    std::string channel;  // phone, meeting, visit, letter, email, message, other
    std::string counterpart;
    std::string summary;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
};

bool IsCommunicationChannel(std::string_view channel);

struct EnergySaving {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string contract_code;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    Date recorded_on;
    std::string measure;
    Money saving;
    std::int64_t saving_kwh = 0;
    std::vector<std::int64_t> evidence_ids;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
};

// A period label as the contracts use them: "2027-03" (month), "2027-Q1", "2027-H1", "2027" (year); the days it
// covers. nullopt when the text is not such a label.
struct LabelledPeriod {
    std::string label;
    Date first;
    Date last;
};
std::optional<LabelledPeriod> ParsePeriodLabel(std::string_view label);

}  // namespace houqin
