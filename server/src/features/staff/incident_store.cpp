#include "features/staff/incident_store.h"

#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

constexpr const char* kIncidentColumns =
    "id, contract_id, vendor_org_id, type, leak_channel, occurred_on, description, responsible_party, "
    "compensation_fen, status, closing_note, closed_on, closed_at, created_at, updated_at, export_seq";

constexpr const char* kInsertIncident =
    "INSERT INTO staff_incidents (contract_id, vendor_org_id, type, leak_channel, occurred_on, description, "
    "responsible_party, compensation_fen, status, closing_note, created_by, created_at, updated_at, export_seq) VALUES "
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?) RETURNING id";

// CC-7: the export entry a leak is traced to (the audit trail's own record of it).
constexpr const char* kSelectIncidentExport =
    "SELECT seq, at, actor_name, after_json FROM audit_log WHERE seq = ? AND action = 'export'";

constexpr const char* kInsertIncidentPerson =
    "INSERT INTO staff_incident_people (incident_id, person_id) VALUES (?, ?)";

// Only an open incident closes: a second close (even a concurrent one) finds nothing to update.
constexpr const char* kCloseIncident =
    "UPDATE staff_incidents SET status = 'closed', closing_note = ?, closed_on = ?, closed_at = ?, closed_by = ?, "
    "updated_at = ? WHERE id = ? AND status = 'open'";

constexpr const char* kSelectPeople =
    "SELECT p.id, p.name FROM staff_incident_people i JOIN staff_people p ON p.id = i.person_id WHERE "
    "i.incident_id = ? ORDER BY p.name, p.id";

constexpr const char* kSelectFiles =
    "SELECT a.id, a.filename FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id WHERE "
    "l.record_kind = ? AND l.record_id = ? ORDER BY a.id";

}  // namespace

std::optional<IncidentExport> FindIncidentExport(Connection& connection, std::int64_t seq) {
    const auto row = connection.QueryOne(kSelectIncidentExport, {seq});
    if (!row) return std::nullopt;
    return IncidentExport{row->Int(0), Instant{row->Int(1)}, row->Str(2), row->IsNull(3) ? "" : row->Str(3)};
}

namespace {

Incident IncidentFromRow(const Row& row) {
    Incident incident;
    incident.id = row.Int(0);
    incident.contract_id = row.Int(1);
    incident.vendor_org_id = row.Int(2);
    incident.type = ParseIncidentType(row.Str(3)).value_or(IncidentType::kRuleViolation);
    if (!row.IsNull(4)) incident.leak_channel = ParseLeakChannel(row.Str(4));
    incident.occurred_on = Date::Parse(row.Str(5)).value_or(Date{});
    incident.description = row.Str(6);
    incident.responsible_party = ParseResponsibleParty(row.Str(7)).value_or(ResponsibleParty::kUndetermined);
    incident.compensation = Money::FromFen(row.Int(8));
    incident.status = ParseIncidentStatus(row.Str(9)).value_or(IncidentStatus::kOpen);
    incident.closing_note = row.Str(10);
    if (!row.IsNull(11)) incident.closed_on = Date::Parse(row.Str(11));
    if (!row.IsNull(12)) incident.closed_at = Instant{row.Int(12)};
    incident.created_at = Instant{row.Int(13)};
    incident.updated_at = Instant{row.Int(14)};
    if (!row.IsNull(15)) incident.export_seq = row.Int(15);
    return incident;
}

void FillDetails(Connection& connection, Incident& incident) {
    for (const auto& row : connection.Query(kSelectPeople, {incident.id})) {
        incident.people.push_back({row.Int(0), row.Str(1)});
    }
    for (const auto& row : connection.Query(kSelectFiles, {std::string(kIncidentSubject), incident.id})) {
        incident.files.push_back({row.Int(0), row.Str(1)});
    }
    if (incident.export_seq) incident.linked_export = FindIncidentExport(connection, *incident.export_seq);
}

std::vector<Incident> SelectIncidents(Connection& connection, const std::string& where, const Params& params) {
    std::vector<Incident> incidents;
    for (const auto& row : connection.Query(std::string("SELECT ") + kIncidentColumns + " FROM staff_incidents WHERE " +
                                                where + " ORDER BY occurred_on DESC, id DESC",
                                            params)) {
        incidents.push_back(IncidentFromRow(row));
    }
    for (auto& incident : incidents) FillDetails(connection, incident);
    return incidents;
}

}  // namespace

std::vector<Incident> IncidentsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectIncidents(connection, "contract_id = ?", {contract_id});
}

std::vector<Incident> IncidentsBetween(Connection& connection, std::int64_t contract_id, Date first, Date last) {
    return SelectIncidents(connection, "contract_id = ? AND occurred_on >= ? AND occurred_on <= ?",
                           {contract_id, first.ToString(), last.ToString()});
}

std::optional<Incident> FindIncident(Connection& connection, std::int64_t id) {
    auto found = SelectIncidents(connection, "id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t InsertIncident(Connection& connection, const Incident& incident, std::optional<std::int64_t> created_by) {
    const Param channel = incident.leak_channel ? Param(std::string(LeakChannelCode(*incident.leak_channel))) : Null();
    const auto id = connection.InsertReturningId(
        kInsertIncident, {incident.contract_id, incident.vendor_org_id, std::string(IncidentTypeCode(incident.type)),
                          channel, incident.occurred_on.ToString(), incident.description,
                          std::string(ResponsiblePartyCode(incident.responsible_party)), incident.compensation.fen(),
                          std::string(IncidentStatusCode(incident.status)), Optional(created_by),
                          incident.created_at.ms, incident.updated_at.ms, Optional(incident.export_seq)});
    for (const auto& person : incident.people) connection.Execute(kInsertIncidentPerson, {id, person.id});
    return id;
}

bool CloseIncident(Connection& connection, const Incident& incident, std::optional<std::int64_t> closed_by) {
    return connection.Execute(kCloseIncident,
                              {incident.closing_note, incident.closed_on->ToString(), incident.closed_at->ms,
                               Optional(closed_by), incident.updated_at.ms, incident.id}) > 0;
}

std::string IncidentSnapshot(const Incident& incident) {
    auto people = nlohmann::json::array();
    for (const auto& person : incident.people) people.push_back(person.name);
    auto files = nlohmann::json::array();
    for (const auto& file : incident.files) files.push_back(file.filename);
    return nlohmann::json{
        {"contract_id", incident.contract_id},
        {"type", std::string(IncidentTypeCode(incident.type))},
        {"leak_channel", incident.leak_channel ? nlohmann::json(std::string(LeakChannelCode(*incident.leak_channel)))
                                               : nlohmann::json()},
        {"occurred_on", incident.occurred_on.ToString()},
        {"people", people},
        {"description", incident.description},
        {"responsible_party", std::string(ResponsiblePartyCode(incident.responsible_party))},
        {"compensation", incident.compensation.ToString()},
        {"attachments", files},
        {"status", std::string(IncidentStatusCode(incident.status))},
        {"closing_note", incident.closing_note},
        {"closed_on", incident.closed_on ? nlohmann::json(incident.closed_on->ToString()) : nlohmann::json()},
        {"export_seq", incident.export_seq ? nlohmann::json(*incident.export_seq) : nlohmann::json()}}
        .dump();
}

}  // namespace houqin::storage
