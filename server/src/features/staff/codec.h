#pragma once
// JSON in and out for the staff feature: people (STF-1), the holiday calendar, attendance and compliance (STF-6).
#include "features/staff/served_service.h"
#include "features/staff/service.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json StaffRoleJson(const StaffRole& role);
Json PersonJson(const PersonView& view);
// The roster lists' status filter: current, upcoming, left or all (absent or empty: all); else a field error.
std::optional<PersonStatus> PersonStatusQuery(const HttpRequest& request, Validation& validation);
// STF-1: a contract serving the caller's department, with how many people are on its roster today.
Json ServedContractJson(const ServedContract& contract);
PersonInput PersonInputFromJson(const Json& body, Validation& validation);
Json EquipmentJson(const EquipmentView& view);
Json PersonEquipmentJson(const PersonEquipment& equipment);
EquipmentInput EquipmentInputFromJson(const Json& body, Validation& validation);
SettlementInput SettlementInputFromJson(const Json& body, Settlement settlement, Validation& validation);
Json ReplacementJson(const ReplacementView& view);
Json ReplacementListJson(const ReplacementList& list);
ReplacementInput ReplacementInputFromJson(const Json& body, Validation& validation);
ReplacementReport ReplacementReportFromJson(const Json& body, Validation& validation);
Json CalendarSummaryJson(const CalendarSummary& summary);
Json CalendarJson(const CalendarView& view);
HolidayCalendar CalendarFromJson(int year, const Json& body, Validation& validation);
Json AttendanceJson(const AttendanceRecord& record);
AttendanceInput AttendanceInputFromJson(const Json& body, Validation& validation);
Json ImportOutcomeJson(const ImportOutcome& outcome);
Json ComplianceJson(const ComplianceView& view);

}  // namespace houqin::http
