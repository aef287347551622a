#pragma once
// JSON in and out for STF-7 incidents.
#include "features/staff/incident_service.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json IncidentJson(const IncidentView& view);
Json IncidentListJson(const IncidentList& list);
IncidentInput IncidentInputFromJson(const Json& body, Validation& validation);
IncidentClosing IncidentClosingFromJson(const Json& body, Validation& validation);
// SUP-7, RP-5: the counts the reports carry.
Json IncidentTallyJson(const IncidentTally& tally);

}  // namespace houqin::http
