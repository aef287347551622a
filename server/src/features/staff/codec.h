#pragma once
// JSON in and out for the staff feature: people (STF-1), the holiday calendar, attendance and compliance (STF-6).
#include "features/staff/service.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json StaffRoleJson(const StaffRole& role);
Json PersonJson(const PersonView& view);
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
