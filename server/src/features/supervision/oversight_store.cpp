#include "features/supervision/oversight_store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

using Json = nlohmann::json;

std::int64_t StartOfDayMs(Date day) { return (day.days() * 86400 - kShanghaiOffsetSeconds) * 1000; }

std::optional<Instant> OptInstant(const Row& row, std::size_t column) {
    if (row.IsNull(column)) return std::nullopt;
    return Instant{row.Int(column)};
}

Param OptionalInstant(const std::optional<Instant>& instant) {
    if (!instant) return nullptr;
    return Param(instant->ms);
}

// A vendor user's meetings are those listing its vendor: the vendor id of its organisation.
std::optional<std::int64_t> VendorIdOfOrg(Connection& connection, std::int64_t org_id) {
    const auto row = connection.QueryOne("SELECT id FROM vendors WHERE org_id = ?", {org_id});
    if (!row) return std::nullopt;
    return row->Int(0);
}

void AddMeetingScope(Connection& connection, const VendorScope& scope, std::string& where, Params& params) {
    if (scope.vendor_org_id) {
        const auto vendor_id = VendorIdOfOrg(connection, *scope.vendor_org_id);
        // meeting_vendors holds each listed vendor as a row (migration 28): an index range, not a search of every
        // meeting's list.
        where += " AND m.id IN (SELECT mv.meeting_id FROM meeting_vendors mv WHERE mv.vendor_id = ?)";
        params.emplace_back(vendor_id.value_or(0));
        return;
    }
    AddScopeCondition(scope, "m.owner_path", "NULL", where, params);
}

constexpr const char* kMeetingColumns =
    "m.id, m.owner_org_id, m.owner_path, m.title, m.scheduled_at, m.location, m.vendor_ids, m.attendee_org_ids, "
    "m.agenda, m.minutes, m.attendees_present, m.status, m.cancel_reason, m.created_by, u.display_name, "
    "m.created_at, m.updated_at";
constexpr const char* kMeetingFrom = " FROM meetings m LEFT JOIN users u ON u.id = m.created_by";

Meeting MeetingFromRow(const Row& row) {
    Meeting meeting;
    meeting.id = row.Int(0);
    meeting.owner_org_id = row.Int(1);
    meeting.owner_path = row.Str(2);
    meeting.title = row.Str(3);
    meeting.scheduled_at = Instant{row.Int(4)};
    meeting.location = row.Str(5);
    meeting.vendor_ids = ParseIds(row.Str(6));
    meeting.attendee_org_ids = ParseIds(row.Str(7));
    meeting.agenda = row.Str(8);
    meeting.minutes = row.Str(9);
    meeting.attendees_present = row.Str(10);
    meeting.status = row.Str(11);
    meeting.cancel_reason = row.Str(12);
    meeting.created_by = row.OptInt(13);
    meeting.created_by_name = row.Str(14);
    meeting.created_at = Instant{row.Int(15)};
    meeting.updated_at = Instant{row.Int(16)};
    return meeting;
}

constexpr const char* kRectificationColumns =
    "r.id, r.contract_id, c.code, c.title, r.vendor_id, v.name, r.vendor_org_id, r.owner_path, r.meeting_id, "
    "r.assessment_id, r.title, r.requirement, r.owner, r.deadline, r.status, r.completion, r.evidence_ids, "
    "r.reported_at, r.verified_by, r.verified_at, r.result, r.effect, r.comment, r.created_by, u.display_name, "
    "r.created_at, r.updated_at";
constexpr const char* kRectificationFrom =
    " FROM rectifications r JOIN contracts c ON c.id = r.contract_id JOIN vendors v ON v.id = r.vendor_id "
    "LEFT JOIN users u ON u.id = r.created_by";

Rectification RectificationFromRow(const Row& row) {
    Rectification r;
    r.id = row.Int(0);
    r.contract_id = row.Int(1);
    r.contract_code = row.Str(2);
    r.contract_title = row.Str(3);
    r.vendor_id = row.Int(4);
    r.vendor_name = row.Str(5);
    r.vendor_org_id = row.Int(6);
    r.owner_path = row.Str(7);
    r.meeting_id = row.OptInt(8);
    r.assessment_id = row.OptInt(9);
    r.title = row.Str(10);
    r.requirement = row.Str(11);
    r.owner = row.Str(12);
    r.deadline = Date::Parse(row.Str(13)).value_or(Date{});
    r.status = row.Str(14);
    r.completion = row.Str(15);
    r.evidence_ids = ParseIds(row.Str(16));
    r.reported_at = OptInstant(row, 17);
    r.verified_by = row.Str(18);
    r.verified_at = OptInstant(row, 19);
    r.result = row.Str(20);
    r.effect = row.Str(21);
    r.comment = row.Str(22);
    r.created_by = row.OptInt(23);
    r.created_by_name = row.Str(24);
    r.created_at = Instant{row.Int(25)};
    r.updated_at = Instant{row.Int(26)};
    return r;
}

constexpr const char* kCommunicationColumns =
    "k.id, k.vendor_id, v.name, k.vendor_org_id, k.owner_path, k.contract_id, c.code, k.occurred_at, k.channel, "
    "k.counterpart, k.summary, k.created_by, k.created_by_name, k.created_at";
constexpr const char* kCommunicationFrom =
    " FROM communications k JOIN vendors v ON v.id = k.vendor_id LEFT JOIN contracts c ON c.id = k.contract_id";

Communication CommunicationFromRow(const Row& row) {
    Communication k;
    k.id = row.Int(0);
    k.vendor_id = row.Int(1);
    k.vendor_name = row.Str(2);
    k.vendor_org_id = row.Int(3);
    k.owner_path = row.Str(4);
    k.contract_id = row.OptInt(5);
    k.contract_code = row.Str(6);
    k.occurred_at = Instant{row.Int(7)};
    k.channel = row.Str(8);
    k.counterpart = row.Str(9);
    k.summary = row.Str(10);
    k.created_by = row.OptInt(11);
    k.created_by_name = row.Str(12);
    k.created_at = Instant{row.Int(13)};
    return k;
}

constexpr const char* kEnergyColumns =
    "e.id, e.contract_id, c.code, e.vendor_id, v.name, e.vendor_org_id, e.owner_path, e.recorded_on, e.measure, "
    "e.saving_fen, e.saving_kwh, e.evidence_ids, e.created_by, e.created_by_name, e.created_at";
constexpr const char* kEnergyFrom =
    " FROM energy_savings e JOIN contracts c ON c.id = e.contract_id JOIN vendors v ON v.id = e.vendor_id";

EnergySaving EnergyFromRow(const Row& row) {
    EnergySaving e;
    e.id = row.Int(0);
    e.contract_id = row.Int(1);
    e.contract_code = row.Str(2);
    e.vendor_id = row.Int(3);
    e.vendor_name = row.Str(4);
    e.vendor_org_id = row.Int(5);
    e.owner_path = row.Str(6);
    e.recorded_on = Date::Parse(row.Str(7)).value_or(Date{});
    e.measure = row.Str(8);
    e.saving = Money::FromFen(row.Int(9));
    e.saving_kwh = row.Int(10);
    e.evidence_ids = ParseIds(row.Str(11));
    e.created_by = row.OptInt(12);
    e.created_by_name = row.Str(13);
    e.created_at = Instant{row.Int(14)};
    return e;
}

}  // namespace

std::string IdsJson(const std::vector<std::int64_t>& ids) { return Json(ids).dump(); }

std::vector<std::int64_t> ParseIds(const std::string& json) {
    std::vector<std::int64_t> ids;
    const auto parsed = Json::parse(json.empty() ? "[]" : json, nullptr, false);
    if (!parsed.is_array()) return ids;
    for (const auto& value : parsed) {
        if (value.is_number_integer()) ids.push_back(value.get<std::int64_t>());
    }
    return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings

Page<Meeting> ListMeetings(Connection& connection, const MeetingFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddMeetingScope(connection, filter.scope, where, params);
    if (!filter.status.empty()) {
        where += " AND m.status = ?";
        params.emplace_back(filter.status);
    }
    if (filter.from) {
        where += " AND m.scheduled_at >= ?";
        params.emplace_back(StartOfDayMs(*filter.from));
    }
    if (filter.to) {
        where += " AND m.scheduled_at < ?";
        params.emplace_back(StartOfDayMs(filter.to->AddDays(1)));
    }
    const auto total = connection.QueryOne(std::string("SELECT COUNT(*)") + kMeetingFrom + where, params)->Int(0);
    std::string sql =
        std::string("SELECT ") + kMeetingColumns + kMeetingFrom + where + " ORDER BY m.scheduled_at DESC, m.id DESC";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<Meeting> meetings;
    for (const auto& row : connection.Query(sql, params)) meetings.push_back(MeetingFromRow(row));
    return PageOf(std::move(meetings), total);
}

void LockMeeting(Connection& connection, std::int64_t id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT id FROM meetings WHERE id = ? FOR UPDATE", {id});
    }
}

std::optional<Meeting> FindMeeting(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE m.id = ?";
    Params params{id};
    AddMeetingScope(connection, scope, where, params);
    const auto row = connection.QueryOne(std::string("SELECT ") + kMeetingColumns + kMeetingFrom + where, params);
    if (!row) return std::nullopt;
    return MeetingFromRow(*row);
}

std::int64_t InsertMeeting(Connection& connection, const Meeting& meeting) {
    const auto id = connection.InsertReturningId(
        "INSERT INTO meetings (owner_org_id, owner_path, title, scheduled_at, location, vendor_ids, attendee_org_ids, "
        "agenda, minutes, attendees_present, status, cancel_reason, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {meeting.owner_org_id, meeting.owner_path, meeting.title, meeting.scheduled_at.ms, meeting.location,
         IdsJson(meeting.vendor_ids), IdsJson(meeting.attendee_org_ids), meeting.agenda, meeting.minutes,
         meeting.attendees_present, meeting.status, meeting.cancel_reason, Optional(meeting.created_by),
         meeting.created_at.ms, meeting.updated_at.ms});
    // The caller's transaction covers both: a meeting and its vendors are written together or not at all.
    const std::set<std::int64_t> vendors(meeting.vendor_ids.begin(), meeting.vendor_ids.end());
    for (const auto vendor_id : vendors) {
        connection.Execute("INSERT INTO meeting_vendors (vendor_id, meeting_id) VALUES (?, ?)", {vendor_id, id});
    }
    return id;
}

void UpdateMeeting(Connection& connection, const Meeting& meeting) {
    connection.Execute(
        "UPDATE meetings SET minutes = ?, attendees_present = ?, status = ?, cancel_reason = ?, updated_at = ? "
        "WHERE id = ?",
        {meeting.minutes, meeting.attendees_present, meeting.status, meeting.cancel_reason, meeting.updated_at.ms,
         meeting.id});
}

std::string MeetingSnapshot(const Meeting& meeting) {
    return Json{{"id", meeting.id},
                {"title", meeting.title},
                {"scheduled_at", meeting.scheduled_at.ToIso()},
                {"location", meeting.location},
                {"vendor_ids", meeting.vendor_ids},
                {"attendee_org_ids", meeting.attendee_org_ids},
                {"agenda", meeting.agenda},
                {"minutes", meeting.minutes},
                {"attendees_present", meeting.attendees_present},
                {"status", meeting.status},
                {"cancel_reason", meeting.cancel_reason}}
        .dump();
}

std::int64_t InsertOpinion(Connection& connection, const MeetingOpinion& opinion) {
    return connection.InsertReturningId(
        "INSERT INTO meeting_opinions (meeting_id, kind, content, org_id, org_name, author, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {opinion.meeting_id, opinion.kind, opinion.content, Optional(opinion.org_id), opinion.org_name, opinion.author,
         opinion.created_at.ms});
}

std::vector<MeetingOpinion> ListOpinions(Connection& connection, std::int64_t meeting_id) {
    std::vector<MeetingOpinion> opinions;
    for (const auto& row : connection.Query(
             "SELECT id, meeting_id, kind, content, org_id, org_name, author, created_at FROM meeting_opinions "
             "WHERE meeting_id = ? ORDER BY id",
             {meeting_id})) {
        opinions.push_back({row.Int(0), row.Int(1), row.Str(2), row.Str(3), row.OptInt(4), row.Str(5), row.Str(6),
                            Instant{row.Int(7)}});
    }
    return opinions;
}

std::string OpinionSnapshot(const MeetingOpinion& opinion) {
    return Json{{"opinion_id", opinion.id},     {"kind", opinion.kind},
                {"content", opinion.content},   {"org_id", opinion.org_id ? Json(*opinion.org_id) : Json(nullptr)},
                {"org_name", opinion.org_name}, {"author", opinion.author}}
        .dump();
}

// ---------------------------------------------------------------------------------------------------------------
// Rectifications

Page<Rectification> ListRectifications(Connection& connection, const RectificationFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScopeCondition(filter.scope, "r.owner_path", "r.vendor_org_id", where, params);
    if (!filter.status.empty()) {
        where += " AND r.status = ?";
        params.emplace_back(filter.status);
    }
    if (filter.overdue) {
        where += *filter.overdue ? " AND r.status = 'open' AND r.deadline < ?"
                                 : " AND NOT (r.status = 'open' AND r.deadline < ?)";
        params.emplace_back(filter.today.ToString());
    }
    const std::pair<const char*, const std::optional<std::int64_t>*> ids[] = {
        {" AND r.vendor_id = ?", &filter.vendor_id},
        {" AND r.contract_id = ?", &filter.contract_id},
        {" AND r.meeting_id = ?", &filter.meeting_id},
        {" AND r.assessment_id = ?", &filter.assessment_id}};
    for (const auto& [condition, value] : ids) {
        if (*value) {
            where += condition;
            params.emplace_back(**value);
        }
    }
    const auto total = connection.QueryOne(std::string("SELECT COUNT(*)") + kRectificationFrom + where, params)->Int(0);
    std::string sql =
        std::string("SELECT ") + kRectificationColumns + kRectificationFrom + where + " ORDER BY r.deadline, r.id";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<Rectification> result;
    for (const auto& row : connection.Query(sql, params)) result.push_back(RectificationFromRow(row));
    return PageOf(std::move(result), total);
}

void LockRectification(Connection& connection, std::int64_t id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT id FROM rectifications WHERE id = ? FOR UPDATE", {id});
    }
}

std::optional<Rectification> FindRectification(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE r.id = ?";
    Params params{id};
    AddScopeCondition(scope, "r.owner_path", "r.vendor_org_id", where, params);
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kRectificationColumns + kRectificationFrom + where, params);
    if (!row) return std::nullopt;
    return RectificationFromRow(*row);
}

std::int64_t InsertRectification(Connection& connection, const Rectification& r) {
    return connection.InsertReturningId(
        "INSERT INTO rectifications (contract_id, vendor_id, vendor_org_id, owner_path, meeting_id, assessment_id, "
        "title, requirement, owner, deadline, status, completion, evidence_ids, reported_at, verified_by, "
        "verified_at, result, effect, comment, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {r.contract_id,
         r.vendor_id,
         r.vendor_org_id,
         r.owner_path,
         Optional(r.meeting_id),
         Optional(r.assessment_id),
         r.title,
         r.requirement,
         r.owner,
         r.deadline.ToString(),
         r.status,
         r.completion,
         IdsJson(r.evidence_ids),
         OptionalInstant(r.reported_at),
         r.verified_by,
         OptionalInstant(r.verified_at),
         r.result,
         r.effect,
         r.comment,
         Optional(r.created_by),
         r.created_at.ms,
         r.updated_at.ms});
}

void UpdateRectification(Connection& connection, const Rectification& r) {
    connection.Execute(
        "UPDATE rectifications SET status = ?, completion = ?, evidence_ids = ?, reported_at = ?, verified_by = ?, "
        "verified_at = ?, result = ?, effect = ?, comment = ?, updated_at = ? WHERE id = ?",
        {r.status, r.completion, IdsJson(r.evidence_ids), OptionalInstant(r.reported_at), r.verified_by,
         OptionalInstant(r.verified_at), r.result, r.effect, r.comment, r.updated_at.ms, r.id});
}

std::string RectificationSnapshot(const Rectification& r) {
    return Json{{"id", r.id},
                {"contract_id", r.contract_id},
                {"vendor_id", r.vendor_id},
                {"meeting_id", r.meeting_id ? Json(*r.meeting_id) : Json(nullptr)},
                {"assessment_id", r.assessment_id ? Json(*r.assessment_id) : Json(nullptr)},
                {"title", r.title},
                {"requirement", r.requirement},
                {"owner", r.owner},
                {"deadline", r.deadline.ToString()},
                {"status", r.status},
                {"completion", r.completion},
                {"evidence_ids", r.evidence_ids},
                {"result", r.result},
                {"effect", r.effect},
                {"comment", r.comment}}
        .dump();
}

std::optional<std::int64_t> AssessmentContractId(Connection& connection, std::int64_t assessment_id) {
    const auto row = connection.QueryOne("SELECT contract_id FROM assessments WHERE id = ?", {assessment_id});
    if (!row) return std::nullopt;
    return row->Int(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Communications

Page<Communication> ListCommunications(Connection& connection, const CommunicationFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScopeCondition(filter.scope, "k.owner_path", "k.vendor_org_id", where, params);
    if (filter.vendor_id) {
        where += " AND k.vendor_id = ?";
        params.emplace_back(*filter.vendor_id);
    }
    if (filter.contract_id) {
        where += " AND k.contract_id = ?";
        params.emplace_back(*filter.contract_id);
    }
    const auto total = connection.QueryOne(std::string("SELECT COUNT(*)") + kCommunicationFrom + where, params)->Int(0);
    std::string sql = std::string("SELECT ") + kCommunicationColumns + kCommunicationFrom + where +
                      " ORDER BY k.occurred_at DESC, k.id DESC";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<Communication> result;
    for (const auto& row : connection.Query(sql, params)) result.push_back(CommunicationFromRow(row));
    return PageOf(std::move(result), total);
}

std::optional<Communication> FindCommunication(Connection& connection, std::int64_t id) {
    const auto row = connection.QueryOne(
        std::string("SELECT ") + kCommunicationColumns + kCommunicationFrom + " WHERE k.id = ?", {id});
    if (!row) return std::nullopt;
    return CommunicationFromRow(*row);
}

std::int64_t InsertCommunication(Connection& connection, const Communication& communication) {
    return connection.InsertReturningId(
        "INSERT INTO communications (vendor_id, vendor_org_id, owner_path, contract_id, occurred_at, channel, "
        "counterpart, summary, created_by, created_by_name, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {communication.vendor_id, communication.vendor_org_id, communication.owner_path,
         Optional(communication.contract_id), communication.occurred_at.ms, communication.channel,
         communication.counterpart, communication.summary, Optional(communication.created_by),
         communication.created_by_name, communication.created_at.ms});
}

std::string CommunicationSnapshot(const Communication& communication) {
    return Json{{"id", communication.id},
                {"vendor_id", communication.vendor_id},
                {"contract_id", communication.contract_id ? Json(*communication.contract_id) : Json(nullptr)},
                {"occurred_at", communication.occurred_at.ToIso()},
                {"channel", communication.channel},
                {"counterpart", communication.counterpart},
                {"summary", communication.summary}}
        .dump();
}

// ---------------------------------------------------------------------------------------------------------------
// Energy-saving records

EnergySavingPage ListEnergySavings(Connection& connection, const EnergySavingFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScopeCondition(filter.scope, "e.owner_path", "e.vendor_org_id", where, params);
    if (filter.vendor_id) {
        where += " AND e.vendor_id = ?";
        params.emplace_back(*filter.vendor_id);
    }
    if (filter.contract_id) {
        where += " AND e.contract_id = ?";
        params.emplace_back(*filter.contract_id);
    }
    if (filter.year) {
        where += " AND e.recorded_on >= ? AND e.recorded_on <= ?";
        params.emplace_back(fmt::format("{:04d}-01-01", *filter.year));
        params.emplace_back(fmt::format("{:04d}-12-31", *filter.year));
    }
    EnergySavingPage page;
    const auto totals = connection.QueryOne(
        std::string("SELECT COUNT(*), COALESCE(SUM(e.saving_fen), 0), COALESCE(SUM(e.saving_kwh), 0)") + kEnergyFrom +
            where,
        params);
    page.total = totals->Int(0);
    page.saving = Money::FromFen(totals->Int(1));
    page.saving_kwh = totals->Int(2);
    std::string sql =
        std::string("SELECT ") + kEnergyColumns + kEnergyFrom + where + " ORDER BY e.recorded_on DESC, e.id DESC";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    for (const auto& row : connection.Query(sql, params)) page.items.push_back(EnergyFromRow(row));
    return page;
}

std::optional<EnergySaving> FindEnergySaving(Connection& connection, std::int64_t id) {
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kEnergyColumns + kEnergyFrom + " WHERE e.id = ?", {id});
    if (!row) return std::nullopt;
    return EnergyFromRow(*row);
}

std::int64_t InsertEnergySaving(Connection& connection, const EnergySaving& record) {
    return connection.InsertReturningId(
        "INSERT INTO energy_savings (contract_id, vendor_id, vendor_org_id, owner_path, recorded_on, measure, "
        "saving_fen, saving_kwh, evidence_ids, created_by, created_by_name, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {record.contract_id, record.vendor_id, record.vendor_org_id, record.owner_path, record.recorded_on.ToString(),
         record.measure, record.saving.fen(), record.saving_kwh, IdsJson(record.evidence_ids),
         Optional(record.created_by), record.created_by_name, record.created_at.ms});
}

std::string EnergySavingSnapshot(const EnergySaving& record) {
    return Json{{"id", record.id},
                {"contract_id", record.contract_id},
                {"recorded_on", record.recorded_on.ToString()},
                {"measure", record.measure},
                {"saving", record.saving.ToString()},
                {"saving_kwh", record.saving_kwh},
                {"evidence_ids", record.evidence_ids}}
        .dump();
}

}  // namespace houqin::storage
