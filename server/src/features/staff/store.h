#pragma once
// The staff feature's SQL: roles, rosters (STF-1), the holiday calendar and attendance (STF-6).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/time.h"
#include "features/staff/model.h"
#include "features/staff/rules/holiday_calendar.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::vector<StaffRole> ListStaffRoles(Connection& connection);
// STF-1: the roles are a setting the administrator keeps. New codes are "role_<n>", never typed by a user.
std::string NextStaffRoleCode(Connection& connection);
void InsertStaffRole(Connection& connection, const StaffRole& role);
// False when no role has the code.
bool UpdateStaffRole(Connection& connection, const StaffRole& role);

struct PersonFilter {
    std::int64_t contract_id = 0;
    std::optional<PersonStatus> status;  // on `today`
    Date today;
    std::string q;  // name, phone or post contains; or the ID number's last characters
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};
Page<StaffPerson> ListPeople(Connection& connection, const PersonFilter& filter);
std::vector<StaffPerson> PeopleOfContract(Connection& connection, std::int64_t contract_id);
// Inside a transaction: holds the contract's roster until the transaction ends, so the check that one person is not on
// it twice for overlapping dates (STF-1) cannot be overtaken by a parallel addition. PostgreSQL: a transaction-scoped
// advisory lock on (1001, contract) (the contract's row belongs to the contracts feature); SQLite's BEGIN IMMEDIATE
// already lets one writer at a time.
void LockRoster(Connection& connection, std::int64_t contract_id);
std::optional<StaffPerson> FindPerson(Connection& connection, std::int64_t id);
std::int64_t InsertPerson(Connection& connection, const StaffPerson& person);
void UpdatePerson(Connection& connection, const StaffPerson& person);
// For the audit trail: the person with the ID number masked, so the trail is no second copy of personal data.
std::string PersonSnapshot(const StaffPerson& person);

// STF-5: equipment issued to people.
std::vector<EquipmentItem> EquipmentOfPerson(Connection& connection, std::int64_t person_id);
std::optional<EquipmentItem> FindEquipment(Connection& connection, std::int64_t id);
std::int64_t InsertEquipment(Connection& connection, const EquipmentItem& item, std::optional<std::int64_t> created_by);
// Settles an issued item; false when it was settled already (the status guard makes the change one-way).
bool SettleEquipment(Connection& connection, const EquipmentItem& item);
// Person id -> how many of the items issued to them are not yet settled, for the contract's roster.
std::map<std::int64_t, std::int64_t> UnsettledEquipmentCounts(Connection& connection, std::int64_t contract_id);
std::int64_t UnsettledEquipmentCount(Connection& connection, std::int64_t person_id);
// For the audit trail.
std::string EquipmentSnapshot(const EquipmentItem& item);

// STF-4: replacement requests.
std::vector<ReplacementRequest> ReplacementsOfContract(Connection& connection, std::int64_t contract_id);
std::optional<ReplacementRequest> FindReplacement(Connection& connection, std::int64_t id);
// True when the person has a request not yet closed (a second one would be the same request twice).
bool HasOpenReplacement(Connection& connection, std::int64_t person_id);
std::int64_t InsertReplacement(Connection& connection, const ReplacementRequest& request,
                               std::optional<std::int64_t> created_by);
// Writes the new state only if the stored one is still `from` (false: someone else took the step first).
bool UpdateReplacement(Connection& connection, const ReplacementRequest& request, ReplacementStatus from);
// For the audit trail.
std::string ReplacementSnapshot(const ReplacementRequest& request);
// the requests in `statuses` on contracts within `scope`, oldest deadline first, for the to-do lists.
std::vector<WaitingReplacement> WaitingReplacements(Connection& connection, const VendorScope& scope,
                                                    const std::vector<ReplacementStatus>& statuses, std::int64_t limit);

std::vector<CalendarSummary> ListCalendars(Connection& connection);
std::optional<HolidayCalendar> FindCalendar(Connection& connection, int year);
// Every kept year from `first_year` to `last_year`.
std::vector<HolidayCalendar> CalendarsBetween(Connection& connection, int first_year, int last_year);
// Replaces the year's days (the caller's transaction).
void ReplaceCalendar(Connection& connection, const HolidayCalendar& calendar, const std::string& by_name, Instant now);

struct AttendanceFilter {
    std::int64_t contract_id = 0;
    Date first;
    Date last;  // work dates first..last
    std::optional<std::int64_t> person_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};
Page<AttendanceRecord> ListAttendance(Connection& connection, const AttendanceFilter& filter);
// Every punch whose clock-in date lies in first..last, in clock-in order.
std::vector<AttendanceRecord> AttendanceBetween(Connection& connection, std::int64_t contract_id, Date first,
                                                Date last);
// As AttendanceBetween, each punch with its work date: the rules' check of every month of a term from one read.
struct DatedAttendance {
    std::string work_date;  // "YYYY-MM-DD" as stored
    AttendanceRecord record;
};
std::vector<DatedAttendance> DatedAttendanceBetween(Connection& connection, std::int64_t contract_id, Date first,
                                                    Date last);
// STF-6, X-2: contracts in scope whose `month` was judged short of staff, most missing person-days first.
struct MonthShortfall {
    std::int64_t contract_id = 0;
    std::string contract_code;
    std::string contract_title;
    int short_days = 0;
    int missing_person_days = 0;
};
std::vector<MonthShortfall> ShortfallsOfMonth(Connection& connection, const VendorScope& scope,
                                              const std::string& month, std::int64_t limit);
// STF-6: a judged month's totals, kept for the dashboard (replaces the month's earlier result).
void SaveStaffingMonth(Connection& connection, std::int64_t contract_id, const std::string& month, int short_days,
                       int missing_person_days, Instant at);
std::optional<AttendanceRecord> FindAttendance(Connection& connection, std::int64_t id);
// Adds the punch unless the person already has one with that clock-in (then false: a re-import adds nothing twice).
bool InsertAttendance(Connection& connection, const AttendanceRecord& record, std::optional<std::int64_t> created_by,
                      Instant now);
std::optional<std::int64_t> FindAttendanceId(Connection& connection, std::int64_t person_id,
                                             const std::string& clock_in);

struct AttendanceImport {
    std::int64_t contract_id = 0;
    std::string file_name;
    std::string sha256;
    std::int64_t row_count = 0;
    std::int64_t imported = 0;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
};
std::int64_t InsertAttendanceImport(Connection& connection, const AttendanceImport& record);
void SetImportedCount(Connection& connection, std::int64_t import_id, std::int64_t imported);

}  // namespace houqin::storage
