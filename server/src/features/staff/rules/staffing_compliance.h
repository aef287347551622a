#pragma once
// STF-6: staffing compliance, a pure function: the roster, the attendance punches, the contract's staffing
// requirement (with its changes over time, STF-9) and the holiday calendar in; per day and post, who was present
// and how many person-days are missing, with the evidence, out. RP-2 turns missing person-days into deductions.
//
// Semantics:
// - One DayResult for every day first..last, ascending. A day's type comes from the calendars (a make-up Saturday is
//   a working day, a weekday public holiday a holiday); a day whose year has no calendar is unknown: it has no
//   posts, counts in unknown_days, each such year gives one warning, and a punch on it counts nothing (note
//   kUnknownDayType). A null `calendars` makes every day unknown.
// - The requirement of a day is the latest version with effective_from <= day (the later one in the input when two
//   share a date); its entries for the day's type name the posts (the first entry wins when a post is named twice).
//   Days before every version have no posts and one warning says so.
// - A punch's minutes are split at midnight across the calendar days it spans (22:00-06:00 gives 120 minutes to the
//   first day and 360 to the second); only the days within first..last are looked at.
// - A punch counts nothing, and gives one note per day it touches, for the first of these reasons: the person is not
//   on the roster (kNotOnRoster); the day is outside every start..end of theirs (kOutsideEmployment); the day is on or
//   after unavailable_from (kUnavailable, with the reason); the day is after the expiry of one of the person's
//   `documents` and before its renewal while expired_documents is kBlock, e.g. a cook's health certificate valid until
//   03-02 stops counting on 03-03 (kUnavailable, naming the document and its expiry; STF-2); it has no clock-out, or
//   a clock-out not after the clock-in (kNoClockOut, on the clock-in's day only); the day's type is unknown
//   (kUnknownDayType); the day's requirement does not name the punch's post (kPostNotRequired). A punch's post is
//   the roster entry's when the punch names none.
// - Per post and day, a person's punches are merged (overlaps count once), then capped at required_hours*60, since
//   one person is at most one of the required people; the capped minutes are summed into provided_minutes and
//   listed in `present` (by person id). missing_person_days = ceil((people*hours*60 - provided) / (hours*60)) when
//   positive, else 0. A person on two posts counts on each, each capped by its own hours.
// - A day is short_of_staff when any post misses a person-day; posts are sorted by name. Notes are sorted by date,
//   then punch id.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "features/contracts/model.h"
#include "features/staff/rules/holiday_calendar.h"

namespace houqin {

// A Shanghai wall-clock time: minute of day 0..1439.
struct LocalMinute {
    Date date;
    int minute = 0;
    friend constexpr auto operator<=>(const LocalMinute&, const LocalMinute&) = default;
};

// STF-2: a document the person must hold valid to be counted (the role's setting says which, e.g. the health
// certificate of a cook or cleaner). expires_on is the last day it is valid; none: it does not expire. renewed_on is
// the issue date of the next document of the same kind: from that day the person counts again.
struct RequiredDocument {
    Text name;  // e.g. {"健康证", "health certificate"}
    std::optional<Date> expires_on;
    std::optional<Date> renewed_on;
};

// STF-2: whether an expired required document stops a person counting (the setting staff.expired_document_blocks).
enum class ExpiredDocuments { kBlock, kIgnore };

struct RosterEntry {
    std::int64_t person_id = 0;
    std::string name;
    std::string post;
    Date start;
    std::optional<Date> end;
    std::optional<Date> unavailable_from;  // e.g. the day a health certificate expired: not counted from then on
    Text unavailable_reason;
    std::vector<RequiredDocument> documents = {};  // STF-2: only those whose expiry stops the person counting
};

struct Punch {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string name;
    std::string post;  // empty: the person's post on the roster
    LocalMinute clock_in;
    std::optional<LocalMinute> clock_out;
};

// STF-9: a change of the staffing requirement takes effect from a date.
struct RequirementVersion {
    Date effective_from;
    std::vector<StaffingRequirement> staffing;
    Text source;
};

struct ComplianceInput {
    Date first;
    Date last;
    std::vector<RequirementVersion> requirements;
    std::vector<RosterEntry> roster;
    std::vector<Punch> punches;
    const HolidayCalendars* calendars = nullptr;
    ExpiredDocuments expired_documents = ExpiredDocuments::kBlock;
};

struct PresentPerson {
    std::int64_t person_id = 0;
    std::string name;
    int minutes = 0;
};

struct PostDay {
    std::string post;
    int required_people = 0;
    int required_hours = 0;
    int provided_minutes = 0;
    int missing_person_days = 0;
    std::vector<PresentPerson> present;
};

enum class NoteKind { kNotOnRoster, kOutsideEmployment, kNoClockOut, kUnavailable, kPostNotRequired, kUnknownDayType };
std::string_view NoteKindCode(NoteKind kind);  // "not_on_roster", "outside_employment", ... (snake case)

struct ComplianceNote {
    Date date;
    std::int64_t person_id = 0;
    std::string person_name;
    std::int64_t punch_id = 0;
    NoteKind kind = NoteKind::kNotOnRoster;
    Text text;
};

struct DayResult {
    Date date;
    std::optional<DayType> day_type;
    Text day_reason;
    bool short_of_staff = false;
    std::vector<PostDay> posts;
};

struct ComplianceResult {
    std::vector<DayResult> days;
    int short_days = 0;
    int missing_person_days = 0;
    int unknown_days = 0;
    std::vector<ComplianceNote> notes;
    std::vector<Text> warnings;
};

ComplianceResult ComputeCompliance(const ComplianceInput& input);

}  // namespace houqin
