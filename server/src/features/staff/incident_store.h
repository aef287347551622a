#pragma once
// The SQL of STF-7 incidents: the incident, the people on the roster it names, the scans linked to it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "features/staff/incident_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

// The record kind of an incident in attachment_links and workflow_events.
inline constexpr char kIncidentSubject[] = "staff_incident";

// Newest first (by date, then by id), with people and files filled in.
std::vector<Incident> IncidentsOfContract(Connection& connection, std::int64_t contract_id);
// Those that occurred from `first` to `last` (both included), for the reports.
std::vector<Incident> IncidentsBetween(Connection& connection, std::int64_t contract_id, Date first, Date last);
std::optional<Incident> FindIncident(Connection& connection, std::int64_t id);
// CC-7: the audit trail's entry of an export (action export), to trace a data leak to; nothing for any other entry.
std::optional<IncidentExport> FindIncidentExport(Connection& connection, std::int64_t seq);
// Writes the incident and the people it names; returns its id. The caller links the files.
std::int64_t InsertIncident(Connection& connection, const Incident& incident, std::optional<std::int64_t> created_by);
// Closes an open incident; false when it was closed already (the status guard makes closing one-way).
bool CloseIncident(Connection& connection, const Incident& incident, std::optional<std::int64_t> closed_by);
// For the audit trail.
std::string IncidentSnapshot(const Incident& incident);

}  // namespace houqin::storage
