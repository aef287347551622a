#include "features/staff/store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

constexpr const char* kSelectRoles = "SELECT code, name_zh, name_en FROM staff_roles ORDER BY sort_order, code";

constexpr const char* kPersonColumns =
    "id, contract_id, vendor_org_id, owner_path, name, id_number, birth_date, sex, phone, role, post, start_date, "
    "end_date, created_at, updated_at";

constexpr const char* kInsertPerson =
    "INSERT INTO staff_people (contract_id, vendor_org_id, owner_path, name, id_number, birth_date, sex, phone, role, "
    "post, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
    "id";

constexpr const char* kUpdatePerson =
    "UPDATE staff_people SET name = ?, id_number = ?, birth_date = ?, sex = ?, phone = ?, role = ?, post = ?, "
    "start_date = ?, end_date = ?, updated_at = ? WHERE id = ?";

constexpr const char* kAttendanceColumns =
    "a.id, a.contract_id, a.person_id, p.name, a.post, a.clock_in, a.clock_out, a.import_id, "
    "COALESCE(i.file_name, '')";
constexpr const char* kAttendanceFrom =
    " FROM attendance a JOIN staff_people p ON p.id = a.person_id LEFT JOIN attendance_imports i ON i.id = a.import_id";

constexpr const char* kInsertAttendance =
    "INSERT INTO attendance (contract_id, person_id, post, work_date, clock_in, clock_out, import_id, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, clock_in) DO NOTHING";

constexpr const char* kEquipmentColumns =
    "id, person_id, contract_id, kind, description, quantity, unit_value_fen, issued_on, status, settled_on, "
    "compensation_fen, note, created_at, updated_at";

constexpr const char* kInsertEquipment =
    "INSERT INTO staff_equipment (person_id, contract_id, kind, description, quantity, unit_value_fen, issued_on, "
    "status, settled_on, compensation_fen, note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?) RETURNING id";

// Only an issued item changes: a second settlement (even a concurrent one) finds nothing to update.
constexpr const char* kSettleEquipment =
    "UPDATE staff_equipment SET status = ?, settled_on = ?, compensation_fen = ?, note = ?, updated_at = ? WHERE id = "
    "? AND status = 'issued'";

constexpr const char* kUnsettledByPerson =
    "SELECT person_id, COUNT(*) FROM staff_equipment WHERE contract_id = ? AND status = 'issued' GROUP BY person_id";

constexpr const char* kReplacementColumns =
    "id, contract_id, vendor_org_id, person_id, reason, attachment_id, requested_on, deadline_days, deadline, status, "
    "replacement_id, report_note, reported_at, created_at, updated_at";

constexpr const char* kInsertReplacement =
    "INSERT INTO staff_replacements (contract_id, vendor_org_id, person_id, reason, attachment_id, requested_on, "
    "deadline_days, deadline, status, replacement_id, report_note, reported_at, created_by, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kUpdateReplacement =
    "UPDATE staff_replacements SET status = ?, replacement_id = ?, report_note = ?, reported_at = ?, updated_at = ? "
    "WHERE id = ? AND status = ?";

Param OptionalDate(const std::optional<Date>& date) {
    if (!date) return nullptr;
    return date->ToString();
}

StaffPerson PersonFromRow(const Row& row) {
    StaffPerson person;
    person.id = row.Int(0);
    person.contract_id = row.Int(1);
    person.vendor_org_id = row.Int(2);
    person.owner_path = row.Str(3);
    person.name = row.Str(4);
    person.id_number = row.Str(5);
    person.birth_date = Date::Parse(row.Str(6)).value_or(Date{});
    person.sex = row.Str(7) == "female" ? Sex::kFemale : Sex::kMale;
    person.phone = row.Str(8);
    person.role = row.Str(9);
    person.post = row.Str(10);
    person.start_date = Date::Parse(row.Str(11)).value_or(Date{});
    if (!row.IsNull(12)) person.end_date = Date::Parse(row.Str(12));
    person.created_at = Instant{row.Int(13)};
    person.updated_at = Instant{row.Int(14)};
    return person;
}

EquipmentItem EquipmentFromRow(const Row& row) {
    EquipmentItem item;
    item.id = row.Int(0);
    item.person_id = row.Int(1);
    item.contract_id = row.Int(2);
    item.kind = ParseEquipmentKind(row.Str(3)).value_or(EquipmentKind::kOther);
    item.description = row.Str(4);
    item.quantity = row.Int(5);
    item.unit_value = Money::FromFen(row.Int(6));
    item.issued_on = Date::Parse(row.Str(7)).value_or(Date{});
    item.status = ParseEquipmentStatus(row.Str(8)).value_or(EquipmentStatus::kIssued);
    if (!row.IsNull(9)) item.settled_on = Date::Parse(row.Str(9));
    item.compensation = Money::FromFen(row.Int(10));
    item.note = row.Str(11);
    item.created_at = Instant{row.Int(12)};
    item.updated_at = Instant{row.Int(13)};
    return item;
}

AttendanceRecord AttendanceFromRow(const Row& row) {
    AttendanceRecord record;
    record.id = row.Int(0);
    record.contract_id = row.Int(1);
    record.person_id = row.Int(2);
    record.person_name = row.Str(3);
    record.post = row.Str(4);
    record.clock_in = row.Str(5);
    if (!row.IsNull(6)) record.clock_out = row.Str(6);
    record.import_id = row.OptInt(7);
    record.import_file = row.Str(8);
    return record;
}

}  // namespace

std::vector<StaffRole> ListStaffRoles(Connection& connection) {
    std::vector<StaffRole> roles;
    for (const auto& row : connection.Query(kSelectRoles)) roles.push_back({row.Str(0), {row.Str(1), row.Str(2)}});
    return roles;
}

std::string NextStaffRoleCode(Connection& connection) {
    // Counting the existing custom codes would reuse one after a rename; the highest number plus one never does.
    std::int64_t highest = 0;
    for (const auto& row : connection.Query("SELECT code FROM staff_roles WHERE code LIKE 'role\\_%' ESCAPE '\\'")) {
        const auto& code = row.Str(0);
        std::int64_t number = 0;
        bool digits = code.size() > 5;
        for (std::size_t i = 5; i < code.size() && digits; ++i) {
            digits = code[i] >= '0' && code[i] <= '9';
            if (digits) number = number * 10 + (code[i] - '0');
        }
        if (digits) highest = std::max(highest, number);
    }
    return "role_" + std::to_string(highest + 1);
}

void InsertStaffRole(Connection& connection, const StaffRole& role) {
    connection.Execute(
        "INSERT INTO staff_roles (code, name_zh, name_en, sort_order) VALUES (?, ?, ?, "
        "(SELECT COALESCE(MAX(sort_order), 0) + 1 FROM staff_roles))",
        {role.code, role.name.zh, role.name.en});
}

bool UpdateStaffRole(Connection& connection, const StaffRole& role) {
    return connection.Execute("UPDATE staff_roles SET name_zh = ?, name_en = ? WHERE code = ?",
                              {role.name.zh, role.name.en, role.code}) > 0;
}

Page<StaffPerson> ListPeople(Connection& connection, const PersonFilter& filter) {
    std::string where = " WHERE contract_id = ?";
    Params params{filter.contract_id};
    if (filter.status) {
        const auto today = filter.today.ToString();
        switch (*filter.status) {
            case PersonStatus::kUpcoming:
                where += " AND start_date > ?";
                params.emplace_back(today);
                break;
            case PersonStatus::kCurrent:
                where += " AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)";
                params.emplace_back(today);
                params.emplace_back(today);
                break;
            case PersonStatus::kLeft:
                where += " AND end_date < ?";
                params.emplace_back(today);
                break;
        }
    }
    if (!filter.q.empty()) {
        const auto pattern = LikeContains(filter.q);
        where +=
            " AND (name LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR post LIKE ? ESCAPE '\\' OR id_number LIKE ? "
            "ESCAPE '\\')";
        params.emplace_back(pattern);
        params.emplace_back(pattern);
        params.emplace_back(pattern);
        // Only the end of an ID number is searchable, as the masked list shows its last four characters: a search on
        // the hidden middle (the birth date) finds nobody, so a search cannot unmask a number digit by digit.
        params.emplace_back(LikeSuffix(filter.q));
    }
    const auto count = connection.QueryOne("SELECT COUNT(*) FROM staff_people" + where, params);
    std::string sql = std::string("SELECT ") + kPersonColumns + " FROM staff_people" + where + " ORDER BY name, id";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<StaffPerson> items;
    for (const auto& row : connection.Query(sql, params)) items.push_back(PersonFromRow(row));
    return PageOf(std::move(items), count ? count->Int(0) : 0);
}

void LockRoster(Connection& connection, std::int64_t contract_id) {
    // Class 1001 (STF-1 rosters); the others in use: 8 (CC-8 call keys), 1002 and 1003 (contract and project codes),
    // 1004, 1005 and 1006 (CC-1 agent IDs, CC-2 outbound
    // numbers, CC-3 scoring methods).
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1001, CAST(? AS INTEGER))", {contract_id});
    }
}

std::vector<StaffPerson> PeopleOfContract(Connection& connection, std::int64_t contract_id) {
    std::vector<StaffPerson> people;
    for (const auto& row : connection.Query(
             std::string("SELECT ") + kPersonColumns + " FROM staff_people WHERE contract_id = ? ORDER BY id",
             {contract_id})) {
        people.push_back(PersonFromRow(row));
    }
    return people;
}

std::optional<StaffPerson> FindPerson(Connection& connection, std::int64_t id) {
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kPersonColumns + " FROM staff_people WHERE id = ?", {id});
    if (!row) return std::nullopt;
    return PersonFromRow(*row);
}

std::int64_t InsertPerson(Connection& connection, const StaffPerson& person) {
    return connection.InsertReturningId(
        kInsertPerson,
        {person.contract_id, person.vendor_org_id, person.owner_path, person.name, person.id_number,
         person.birth_date.ToString(), std::string(SexCode(person.sex)), person.phone, person.role, person.post,
         person.start_date.ToString(), OptionalDate(person.end_date), person.created_at.ms, person.updated_at.ms});
}

void UpdatePerson(Connection& connection, const StaffPerson& person) {
    connection.Execute(kUpdatePerson,
                       {person.name, person.id_number, person.birth_date.ToString(), std::string(SexCode(person.sex)),
                        person.phone, person.role, person.post, person.start_date.ToString(),
                        OptionalDate(person.end_date), person.updated_at.ms, person.id});
}

std::string PersonSnapshot(const StaffPerson& person) {
    return nlohmann::json{
        {"contract_id", person.contract_id},
        {"name", person.name},
        {"id_number", MaskResidentId(person.id_number)},
        {"phone", person.phone},
        {"role", person.role},
        {"post", person.post},
        {"start_date", person.start_date.ToString()},
        {"end_date", person.end_date ? nlohmann::json(person.end_date->ToString()) : nlohmann::json()}}
        .dump();
}

std::vector<EquipmentItem> EquipmentOfPerson(Connection& connection, std::int64_t person_id) {
    std::vector<EquipmentItem> items;
    for (const auto& row : connection.Query(std::string("SELECT ") + kEquipmentColumns +
                                                " FROM staff_equipment WHERE person_id = ? ORDER BY issued_on, id",
                                            {person_id})) {
        items.push_back(EquipmentFromRow(row));
    }
    return items;
}

std::optional<EquipmentItem> FindEquipment(Connection& connection, std::int64_t id) {
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kEquipmentColumns + " FROM staff_equipment WHERE id = ?", {id});
    if (!row) return std::nullopt;
    return EquipmentFromRow(*row);
}

std::int64_t InsertEquipment(Connection& connection, const EquipmentItem& item,
                             std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertEquipment,
        {item.person_id, item.contract_id, std::string(EquipmentKindCode(item.kind)), item.description, item.quantity,
         item.unit_value.fen(), item.issued_on.ToString(), std::string(EquipmentStatusCode(item.status)),
         OptionalDate(item.settled_on), item.compensation.fen(), item.note, Optional(created_by), item.created_at.ms,
         item.updated_at.ms});
}

bool SettleEquipment(Connection& connection, const EquipmentItem& item) {
    return connection.Execute(kSettleEquipment,
                              {std::string(EquipmentStatusCode(item.status)), OptionalDate(item.settled_on),
                               item.compensation.fen(), item.note, item.updated_at.ms, item.id}) > 0;
}

std::map<std::int64_t, std::int64_t> UnsettledEquipmentCounts(Connection& connection, std::int64_t contract_id) {
    std::map<std::int64_t, std::int64_t> counts;
    for (const auto& row : connection.Query(kUnsettledByPerson, {contract_id})) counts[row.Int(0)] = row.Int(1);
    return counts;
}

std::int64_t UnsettledEquipmentCount(Connection& connection, std::int64_t person_id) {
    const auto row = connection.QueryOne(
        "SELECT COUNT(*) FROM staff_equipment WHERE person_id = ? AND status = 'issued'", {person_id});
    return row ? row->Int(0) : 0;
}

std::string EquipmentSnapshot(const EquipmentItem& item) {
    const auto total = item.TotalValue();
    return nlohmann::json{
        {"person_id", item.person_id},
        {"contract_id", item.contract_id},
        {"kind", std::string(EquipmentKindCode(item.kind))},
        {"description", item.description},
        {"quantity", item.quantity},
        {"unit_value", item.unit_value.ToString()},
        {"total_value", total ? nlohmann::json(total->ToString()) : nlohmann::json()},
        {"issued_on", item.issued_on.ToString()},
        {"status", std::string(EquipmentStatusCode(item.status))},
        {"settled_on", item.settled_on ? nlohmann::json(item.settled_on->ToString()) : nlohmann::json()},
        {"compensation", item.compensation.ToString()},
        {"note", item.note}}
        .dump();
}

namespace {

ReplacementRequest ReplacementFromRow(const Row& row) {
    ReplacementRequest request;
    request.id = row.Int(0);
    request.contract_id = row.Int(1);
    request.vendor_org_id = row.Int(2);
    request.person_id = row.Int(3);
    request.reason = row.Str(4);
    if (!row.IsNull(5)) request.attachment_id = row.Int(5);
    request.requested_on = Date::Parse(row.Str(6)).value_or(Date{});
    request.deadline_days = static_cast<int>(row.Int(7));
    request.deadline = Date::Parse(row.Str(8)).value_or(Date{});
    request.status = ParseReplacementStatus(row.Str(9)).value_or(ReplacementStatus::kOpen);
    if (!row.IsNull(10)) request.replacement_id = row.Int(10);
    request.report_note = row.Str(11);
    if (!row.IsNull(12)) request.reported_at = Instant{row.Int(12)};
    request.created_at = Instant{row.Int(13)};
    request.updated_at = Instant{row.Int(14)};
    return request;
}

}  // namespace

std::vector<ReplacementRequest> ReplacementsOfContract(Connection& connection, std::int64_t contract_id) {
    std::vector<ReplacementRequest> requests;
    for (const auto& row : connection.Query(std::string("SELECT ") + kReplacementColumns +
                                                " FROM staff_replacements WHERE contract_id = ? ORDER BY id DESC",
                                            {contract_id})) {
        requests.push_back(ReplacementFromRow(row));
    }
    return requests;
}

std::optional<ReplacementRequest> FindReplacement(Connection& connection, std::int64_t id) {
    const auto row = connection.QueryOne(
        std::string("SELECT ") + kReplacementColumns + " FROM staff_replacements WHERE id = ?", {id});
    if (!row) return std::nullopt;
    return ReplacementFromRow(*row);
}

bool HasOpenReplacement(Connection& connection, std::int64_t person_id) {
    return connection
        .QueryOne("SELECT id FROM staff_replacements WHERE person_id = ? AND status <> 'closed'", {person_id})
        .has_value();
}

std::int64_t InsertReplacement(Connection& connection, const ReplacementRequest& request,
                               std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertReplacement,
        {request.contract_id, request.vendor_org_id, request.person_id, request.reason, Optional(request.attachment_id),
         request.requested_on.ToString(), static_cast<std::int64_t>(request.deadline_days), request.deadline.ToString(),
         std::string(ReplacementStatusCode(request.status)), Optional(request.replacement_id), request.report_note,
         request.reported_at ? Optional(std::optional<std::int64_t>(request.reported_at->ms))
                             : Optional(std::optional<std::int64_t>()),
         Optional(created_by), request.created_at.ms, request.updated_at.ms});
}

bool UpdateReplacement(Connection& connection, const ReplacementRequest& request, ReplacementStatus from) {
    return connection.Execute(kUpdateReplacement,
                              {std::string(ReplacementStatusCode(request.status)), Optional(request.replacement_id),
                               request.report_note,
                               request.reported_at ? Optional(std::optional<std::int64_t>(request.reported_at->ms))
                                                   : Optional(std::optional<std::int64_t>()),
                               request.updated_at.ms, request.id, std::string(ReplacementStatusCode(from))}) > 0;
}

std::string ReplacementSnapshot(const ReplacementRequest& request) {
    return nlohmann::json{
        {"contract_id", request.contract_id},
        {"person_id", request.person_id},
        {"reason", request.reason},
        {"attachment_id", request.attachment_id ? nlohmann::json(*request.attachment_id) : nlohmann::json()},
        {"requested_on", request.requested_on.ToString()},
        {"deadline_days", request.deadline_days},
        {"deadline", request.deadline.ToString()},
        {"status", std::string(ReplacementStatusCode(request.status))},
        {"replacement_id", request.replacement_id ? nlohmann::json(*request.replacement_id) : nlohmann::json()},
        {"report_note", request.report_note}}
        .dump();
}

std::vector<WaitingReplacement> WaitingReplacements(Connection& connection, const VendorScope& scope,
                                                    const std::vector<ReplacementStatus>& statuses,
                                                    std::int64_t limit) {
    std::vector<WaitingReplacement> waiting;
    if (statuses.empty()) return waiting;
    std::string sql =
        "SELECT r.id, r.contract_id, r.vendor_org_id, r.person_id, r.reason, r.attachment_id, "
        "r.requested_on, r.deadline_days, r.deadline, r.status, r.replacement_id, r.report_note, "
        "r.reported_at, r.created_at, r.updated_at, s.name, c.code, c.title FROM staff_replacements r "
        "JOIN staff_people s ON s.id = r.person_id JOIN contracts c ON c.id = r.contract_id WHERE r.status IN (" +
        Placeholders(statuses.size()) + ")";
    Params params;
    for (const auto status : statuses) params.emplace_back(std::string(ReplacementStatusCode(status)));
    std::string where;
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", where, params);
    sql += where;
    sql += " ORDER BY r.deadline, r.id LIMIT ?";
    params.emplace_back(limit);
    for (const auto& row : connection.Query(sql, params)) {
        waiting.push_back({ReplacementFromRow(row), row.Str(15), row.Str(16), row.Str(17)});
    }
    return waiting;
}

std::vector<CalendarSummary> ListCalendars(Connection& connection) {
    std::vector<CalendarSummary> calendars;
    const auto rows = connection.Query(
        "SELECT c.year, c.source, c.updated_by_name, c.updated_at, "
        "(SELECT COUNT(*) FROM holiday_days d WHERE d.year = c.year AND d.kind = 'off'), "
        "(SELECT COUNT(*) FROM holiday_days d WHERE d.year = c.year AND d.kind = 'work') "
        "FROM holiday_calendars c ORDER BY c.year DESC");
    for (const auto& row : rows) {
        CalendarSummary summary;
        summary.year = static_cast<int>(row.Int(0));
        summary.source = row.Str(1);
        summary.updated_by_name = row.Str(2);
        summary.updated_at = Instant{row.Int(3)};
        summary.days_off = row.Int(4);
        summary.make_up_days = row.Int(5);
        calendars.push_back(std::move(summary));
    }
    return calendars;
}

std::vector<HolidayCalendar> CalendarsBetween(Connection& connection, int first_year, int last_year) {
    std::vector<HolidayCalendar> calendars;
    for (const auto& row : connection.Query("SELECT year, source FROM holiday_calendars WHERE year BETWEEN ? AND ? "
                                            "ORDER BY year",
                                            {std::int64_t{first_year}, std::int64_t{last_year}})) {
        HolidayCalendar calendar;
        calendar.year = static_cast<int>(row.Int(0));
        calendar.source = row.Str(1);
        calendars.push_back(std::move(calendar));
    }
    if (calendars.empty()) return calendars;
    const auto days = connection.Query(
        "SELECT day, year, kind, name FROM holiday_days WHERE year BETWEEN ? AND ? "
        "ORDER BY day",
        {std::int64_t{first_year}, std::int64_t{last_year}});
    for (const auto& row : days) {
        const auto year = static_cast<int>(row.Int(1));
        for (auto& calendar : calendars) {
            if (calendar.year != year) continue;
            const auto kind = ParseCalendarDayKind(row.Str(2));
            const auto date = Date::Parse(row.Str(0));
            if (kind && date) calendar.days.push_back({*date, *kind, row.Str(3)});
        }
    }
    return calendars;
}

std::optional<HolidayCalendar> FindCalendar(Connection& connection, int year) {
    auto calendars = CalendarsBetween(connection, year, year);
    if (calendars.empty()) return std::nullopt;
    return std::move(calendars.front());
}

void ReplaceCalendar(Connection& connection, const HolidayCalendar& calendar, const std::string& by_name, Instant now) {
    const std::int64_t year = calendar.year;
    connection.Execute("DELETE FROM holiday_days WHERE year = ?", {year});
    connection.Execute("DELETE FROM holiday_calendars WHERE year = ?", {year});
    connection.Execute("INSERT INTO holiday_calendars (year, source, updated_by_name, updated_at) VALUES (?, ?, ?, ?)",
                       {year, calendar.source, by_name, now.ms});
    for (const auto& day : calendar.days) {
        connection.Execute("INSERT INTO holiday_days (day, year, kind, name) VALUES (?, ?, ?, ?)",
                           {day.date.ToString(), year, std::string(CalendarDayKindCode(day.kind)), day.name});
    }
}

Page<AttendanceRecord> ListAttendance(Connection& connection, const AttendanceFilter& filter) {
    std::string where = " WHERE a.contract_id = ? AND a.work_date BETWEEN ? AND ?";
    Params params{filter.contract_id, filter.first.ToString(), filter.last.ToString()};
    if (filter.person_id) {
        where += " AND a.person_id = ?";
        params.emplace_back(*filter.person_id);
    }
    const auto count = connection.QueryOne("SELECT COUNT(*) FROM attendance a" + where, params);
    std::string sql =
        std::string("SELECT ") + kAttendanceColumns + kAttendanceFrom + where + " ORDER BY a.clock_in, p.name, a.id";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<AttendanceRecord> items;
    for (const auto& row : connection.Query(sql, params)) items.push_back(AttendanceFromRow(row));
    return PageOf(std::move(items), count ? count->Int(0) : 0);
}

std::vector<AttendanceRecord> AttendanceBetween(Connection& connection, std::int64_t contract_id, Date first,
                                                Date last) {
    std::vector<AttendanceRecord> records;
    const auto rows = connection.Query(std::string("SELECT ") + kAttendanceColumns + kAttendanceFrom +
                                           " WHERE a.contract_id = ? AND a.work_date BETWEEN ? AND ? ORDER BY "
                                           "a.clock_in, a.id",
                                       {contract_id, first.ToString(), last.ToString()});
    records.reserve(rows.size());
    for (const auto& row : rows) records.push_back(AttendanceFromRow(row));
    return records;
}

std::vector<DatedAttendance> DatedAttendanceBetween(Connection& connection, std::int64_t contract_id, Date first,
                                                    Date last) {
    std::vector<DatedAttendance> records;
    const auto rows = connection.Query(std::string("SELECT ") + kAttendanceColumns + ", a.work_date" + kAttendanceFrom +
                                           " WHERE a.contract_id = ? AND a.work_date BETWEEN ? AND ? ORDER BY "
                                           "a.clock_in, a.id",
                                       {contract_id, first.ToString(), last.ToString()});
    records.reserve(rows.size());
    for (const auto& row : rows) {
        records.push_back({row.Str(9), AttendanceFromRow(row)});
    }
    return records;
}

std::vector<MonthShortfall> ShortfallsOfMonth(Connection& connection, const VendorScope& scope,
                                              const std::string& month, std::int64_t limit) {
    // A town's contracts from its range, each with its month's result by key, rather than the county's month.
    std::string sql =
        "SELECT c.id, c.code, c.title, r.short_days, r.missing_person_days FROM staffing_month_results r JOIN "
        "contracts c ON c.id = r.contract_id WHERE " +
        ScopeLed(connection, scope, "r.month") + " = ? AND r.missing_person_days > 0";
    Params params{month};
    std::string where;
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", where, params);
    sql += where + " ORDER BY r.missing_person_days DESC, c.id LIMIT ?";
    params.emplace_back(limit);
    std::vector<MonthShortfall> found;
    for (const auto& row : connection.Query(sql, params)) {
        found.push_back(
            {row.Int(0), row.Str(1), row.Str(2), static_cast<int>(row.Int(3)), static_cast<int>(row.Int(4))});
    }
    return found;
}

void SaveStaffingMonth(Connection& connection, std::int64_t contract_id, const std::string& month, int short_days,
                       int missing_person_days, Instant at) {
    connection.Execute(
        "INSERT INTO staffing_month_results (contract_id, month, short_days, missing_person_days, computed_at) VALUES "
        "(?, ?, ?, ?, ?) ON CONFLICT (contract_id, month) DO UPDATE SET short_days = excluded.short_days, "
        "missing_person_days = excluded.missing_person_days, computed_at = excluded.computed_at",
        {contract_id, month, std::int64_t{short_days}, std::int64_t{missing_person_days}, at.ms});
}

std::optional<AttendanceRecord> FindAttendance(Connection& connection, std::int64_t id) {
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kAttendanceColumns + kAttendanceFrom + " WHERE a.id = ?", {id});
    if (!row) return std::nullopt;
    return AttendanceFromRow(*row);
}

bool InsertAttendance(Connection& connection, const AttendanceRecord& record, std::optional<std::int64_t> created_by,
                      Instant now) {
    return connection.Execute(
               kInsertAttendance,
               {record.contract_id, record.person_id, record.post, record.clock_in.substr(0, 10), record.clock_in,
                Optional(record.clock_out), Optional(record.import_id), Optional(created_by), now.ms}) > 0;
}

std::optional<std::int64_t> FindAttendanceId(Connection& connection, std::int64_t person_id,
                                             const std::string& clock_in) {
    const auto row =
        connection.QueryOne("SELECT id FROM attendance WHERE person_id = ? AND clock_in = ?", {person_id, clock_in});
    if (!row) return std::nullopt;
    return row->Int(0);
}

std::int64_t InsertAttendanceImport(Connection& connection, const AttendanceImport& record) {
    return connection.InsertReturningId(
        "INSERT INTO attendance_imports (contract_id, file_name, sha256, row_count, imported, created_by, "
        "created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {record.contract_id, record.file_name, record.sha256, record.row_count, record.imported,
         Optional(record.created_by), record.created_by_name, record.created_at.ms});
}

void SetImportedCount(Connection& connection, std::int64_t import_id, std::int64_t imported) {
    connection.Execute("UPDATE attendance_imports SET imported = ? WHERE id = ?", {imported, import_id});
}

}  // namespace houqin::storage
