#pragma once
// The people who deliver a contract's service (STF-1) and their attendance (STF-6), as the staff feature stores them.
// The rules that judge them (ID numbers, day types, staffing compliance) are pure and live in rules/.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "core/workflow.h"
#include "features/staff/rules/resident_id.h"
#include "features/staff/rules/staffing_compliance.h"

namespace houqin {

// STF-1: a role from the organisation's list (话务员, 值班经理, 保安员 ...), named in both languages.
struct StaffRole {
    std::string code;
    Text name;
};

enum class PersonStatus { kUpcoming, kCurrent, kLeft };
std::string_view PersonStatusCode(PersonStatus status);
std::optional<PersonStatus> ParsePersonStatus(std::string_view code);

struct StaffPerson {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    std::string name;
    std::string id_number;  // full; leaves the server masked unless revealed (STF-1)
    Date birth_date;
    Sex sex = Sex::kMale;
    std::string phone;
    std::string role;  // a StaffRole code
    std::string post;  // the post the contract's staffing terms name (e.g. 服务人员); attendance counts against it
    Date start_date;
    std::optional<Date> end_date;
    Instant created_at;
    Instant updated_at;

    // Upcoming before the start date, left after the end date, current in between.
    [[nodiscard]] PersonStatus StatusOn(Date day) const;
};

// STF-6: one clock-in (and clock-out) of a person, in Asia/Shanghai wall-clock minutes ("2026-11-07 22:00").
struct AttendanceRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t person_id = 0;
    std::string person_name;
    std::string post;
    std::string clock_in;                  // "YYYY-MM-DD HH:MM"
    std::optional<std::string> clock_out;  // likewise; may be on the next day (a night shift)
    std::optional<std::int64_t> import_id;
    std::string import_file;
};

// STF-6: a year of the holiday calendar as the list of years shows it.
struct CalendarSummary {
    int year = 0;
    std::string source;
    std::int64_t days_off = 0;
    std::int64_t make_up_days = 0;
    std::string updated_by_name;
    Instant updated_at;
};

// STF-5: what a vendor issues to a person (D3 §8), recovered at departure. Codes are stored; the web shows words.
enum class EquipmentKind { kTool, kUniform, kBadge, kAccessCard, kKey, kOther };
std::string_view EquipmentKindCode(EquipmentKind kind);
std::optional<EquipmentKind> ParseEquipmentKind(std::string_view code);

// Issued until settled at departure; settling is one-way (returned or lost, never back to issued).
enum class EquipmentStatus { kIssued, kReturned, kLost };
std::string_view EquipmentStatusCode(EquipmentStatus status);
std::optional<EquipmentStatus> ParseEquipmentStatus(std::string_view code);

struct EquipmentItem {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::int64_t contract_id = 0;
    EquipmentKind kind = EquipmentKind::kOther;
    std::string description;
    std::int64_t quantity = 1;
    Money unit_value;  // per piece, in fen
    Date issued_on;
    EquipmentStatus status = EquipmentStatus::kIssued;
    std::optional<Date> settled_on;  // returned or reported lost on
    Money compensation;              // lost only: what the vendor's person pays for it
    std::string note;
    Instant created_at;
    Instant updated_at;

    // quantity × unit value, or nullopt beyond 64 bits (refused when the item is issued, so stored items have one).
    [[nodiscard]] std::optional<Money> TotalValue() const { return unit_value.FractionOf(quantity, 1); }
};

// STF-4 (D2 staff rule 6): the office asks in writing for a person to be replaced; the vendor names the replacement
// and reports back; the office confirms (closed) or returns it with a reason, and the vendor reports again.
enum class ReplacementStatus { kOpen, kReported, kReturned, kClosed };
std::string_view ReplacementStatusCode(ReplacementStatus status);
std::optional<ReplacementStatus> ParseReplacementStatus(std::string_view code);
// The steps, who may take each, from which state: the one workflow every "request, verify, decide" flow uses.
const WorkflowDefinition& ReplacementWorkflow();
// The subject of a replacement request's workflow events, audit entries and attachments.
inline constexpr char kReplacementSubject[] = "staff_replacement";

struct ReplacementRequest {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::int64_t person_id = 0;  // the person to be replaced
    std::string reason;
    std::optional<std::int64_t> attachment_id;  // the written request, scanned
    Date requested_on;
    int deadline_days = 0;  // the setting in force when it was asked, kept with the request
    Date deadline;          // requested_on + deadline_days: the report is due by the end of this day
    ReplacementStatus status = ReplacementStatus::kOpen;
    std::optional<std::int64_t> replacement_id;  // the person the vendor names
    std::string report_note;
    std::optional<Instant> reported_at;
    Instant created_at;
    Instant updated_at;

    // Days past the deadline while no report is in (open or returned); 0 otherwise.
    [[nodiscard]] std::int64_t OverdueDays(Date today) const {
        const bool waiting = status == ReplacementStatus::kOpen || status == ReplacementStatus::kReturned;
        return waiting && today > deadline ? today.days() - deadline.days() : 0;
    }
};

// a replacement request waiting for someone's step, with what a to-do list shows of it.
struct WaitingReplacement {
    ReplacementRequest request;
    std::string person_name;
    std::string contract_code;
    std::string contract_title;
};

// "YYYY-MM-DD HH:MM" (or with a T, or seconds) -> the date and the minute of the day; nullopt when not a real time.
std::optional<LocalMinute> ParseWallClock(std::string_view text);
std::string WallClockText(const LocalMinute& time);
// "HH:MM" (or "H:MM", "HH:MM:SS") -> minute of the day.
std::optional<int> ParseClockTime(std::string_view text);

}  // namespace houqin
