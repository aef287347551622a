// Rosters (STF-1), the holiday calendar, attendance and staffing compliance (STF-6), imports.
#include "features/staff/routes.h"

#include "features/staff/codec.h"
#include "platform/http/mapping.h"

namespace houqin::http {
namespace {

Result<int> PathYear(const HttpRequest& request) {
    HOUQIN_TRY(year, PathId(request, "year"));
    if (*year < 2000 || *year > 2100) {
        return Error::Invalid("year", {"年份须在 2000 到 2100 之间", "The year must be between 2000 and 2100"});
    }
    return static_cast<int>(*year);
}

Result<ImportFile> ImportFileOf(const HttpRequest& request) {
    ImportFile file;
    file.file_name = UrlDecode(request.Header("x-filename"), PlusSign::kLiteral);
    file.bytes = request.body;
    const auto encoding = request.Header("x-encoding");
    if (!encoding.empty()) {
        const auto parsed = ParseTextEncoding(encoding);
        if (!parsed) {
            return Error::Invalid("encoding",
                                  {"编码须为自动、UTF-8 或 GB18030", "The encoding must be auto, utf-8 or gb18030"});
        }
        file.encoding = *parsed;
    }
    if (file.bytes.empty()) return Error::Invalid("file", {"请选择要导入的文件", "Choose a file to import"});
    return file;
}

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

HttpResponse TemplateResponse(std::string body, const std::string& ascii_name, const std::string& name) {
    return FileResponse(kXlsx, std::move(body), ascii_name, name, Disposition::kAttachment);
}

}  // namespace

Result<HttpResponse> RosterPageResponse(RequestContext& context, const RosterLister& list) {
    HOUQIN_TRY(id, PathId(context.request, "id"));
    Validation validation;
    const auto page = ReadPageQuery(context.request, {"name"}, validation);
    PersonQuery query;
    query.page = page.page;
    query.page_size = page.page_size;
    query.q = context.request.Query("q").value_or("");
    query.status = PersonStatusQuery(context.request, validation);
    if (!validation.ok()) return validation.ToError();
    HOUQIN_TRY(people, list(context.actor(), *id, query));
    Json items = Json::array();
    for (const auto& person : people->items) items.push_back(PersonJson(person));
    return JsonResponse(200, PageJson(std::move(items), people->total, page));
}

void AddStaffRoutes(Router& router, StaffService& staff) {
    router
        .Add("GET", "/api/v1/staff-roles", Access::kSession, "staff", "The roles a person on a roster may have",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(roles, staff.Roles(context.actor()));
                 Json items = Json::array();
                 for (const auto& role : *roles) items.push_back(StaffRoleJson(role));
                 return JsonResponse(200, Json{{"items", std::move(items)}});
             })
        .ReturnsItems("StaffRole")
        // A served department reads the role names its rosters show (STF-1).
        .Requires({Permission::kStaffRead, Permission::kRosterReadServed})
        .Scope(RecordScope::kNone);
    const auto role_name = [](const Json& body, Validation& validation) {
        JsonReader reader(body, validation);
        // Empty names are refused by the service, which names the field in words.
        return Text{reader.String("name_zh", JsonReader::Need::kOptional),
                    reader.String("name_en", JsonReader::Need::kOptional)};
    };
    router
        .Add("POST", "/api/v1/staff-roles", Access::kSession, "staff",
             "The administrator adds a role (name_zh, name_en); its code is made by the server (STF-1)",
             [&staff, role_name](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto name = role_name(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(role, staff.AddRole(context.actor(), name));
                 return JsonResponse(201, StaffRoleJson(*role));
             })
        .Body("StaffRoleInput")
        .Creates("StaffRole")
        .Requires({Permission::kSettingsManage})
        .Scope(RecordScope::kNone);
    router
        .Add("PUT", "/api/v1/staff-roles/{code}", Access::kSession, "staff",
             "The administrator renames a role (name_zh, name_en); people keep it (STF-1)",
             [&staff, role_name](RequestContext& context) -> Result<HttpResponse> {
                 const auto code = context.request.params.at("code");
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto name = role_name(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(role, staff.RenameRole(context.actor(), code, name));
                 return JsonResponse(200, StaffRoleJson(*role));
             })
        .Body("StaffRoleInput")
        .Returns("StaffRole")
        .Requires({Permission::kSettingsManage})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/contracts/{id}/staff", Access::kSession, "staff",
             "The contract's roster (status = current, upcoming, left or all; q); ID numbers masked",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 return RosterPageResponse(context, std::bind_front(&StaffService::ListPeople, &staff));
             })
        .ReturnsPage("Person")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/staff", Access::kSession, "staff",
             "Add a person to the contract's roster (the vendor; the ID number is checked, GB 11643)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto input = PersonInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 if (!input.id_number) return Error::Invalid("id_number", {"请填写身份证号", "Enter the ID number"});
                 HOUQIN_TRY(person, staff.AddPerson(context.actor(), *id, input));
                 return JsonResponse(201, PersonJson(*person));
             })
        .Body("PersonInput")
        .Creates("Person")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("PUT", "/api/v1/staff/{id}", Access::kSession, "staff",
             "Change a person on a roster (an absent id_number keeps the stored one)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto input = PersonInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(person, staff.UpdatePerson(context.actor(), *id, input));
                 return JsonResponse(200, PersonJson(*person));
             })
        .Body("PersonInput")
        .Returns("Person")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/staff/{id}/reveal-id", Access::kSession, "staff",
             "The person's full ID number (the office or the person's vendor; written to the audit trail)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(number, staff.RevealIdNumber(context.actor(), *id));
                 return JsonResponse(200, Json{{"id_number", *number}});
             })
        .NoBody()
        .Returns("RevealedIdNumber")
        .Requires({Permission::kStaffReveal})
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/staff/{id}/equipment", Access::kSession, "staff",
             "The tools, uniforms, badges, access cards and keys issued to a person, settled or not (STF-5)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(equipment, staff.Equipment(context.actor(), *id));
                 return JsonResponse(200, PersonEquipmentJson(*equipment));
             })
        .Returns("PersonEquipment")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/staff/{id}/equipment", Access::kSession, "staff",
             "Record an item issued to a person (the vendor; kind tool|uniform|badge|access_card|key|other, quantity, "
             "unit_value as a decimal string, issued_on) (STF-5)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = EquipmentInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(item, staff.IssueEquipment(context.actor(), *id, input));
                 return JsonResponse(201, EquipmentJson(*item));
             })
        .Body("EquipmentInput")
        .Creates("EquipmentItem")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    const auto settle_route = [&router, &staff](const char* pattern, Settlement settlement, const char* body_schema,
                                                const char* summary) {
        router
            .Add("POST", pattern, Access::kSession, "staff", summary,
                 [&staff, settlement](RequestContext& context) -> Result<HttpResponse> {
                     HOUQIN_TRY(id, PathId(context.request, "id"));
                     HOUQIN_TRY(body, ParseObject(context.request));
                     Validation validation;
                     const auto input = SettlementInputFromJson(*body, settlement, validation);
                     if (!validation.ok()) return validation.ToError();
                     HOUQIN_TRY(item, staff.SettleEquipment(context.actor(), *id, settlement, input));
                     return JsonResponse(200, EquipmentJson(*item));
                 })
            .Body(body_schema)
            .Returns("EquipmentItem")
            .Requires({Permission::kStaffWrite})
            .Scope(RecordScope::kVendor);
    };
    settle_route("/api/v1/staff/equipment/{id}/return", Settlement::kReturned, "EquipmentReturnInput",
                 "Settle an issued item as returned (settled_on; note optional); an item settled already is refused "
                 "(STF-5)");
    settle_route("/api/v1/staff/equipment/{id}/lost", Settlement::kLost, "EquipmentLostInput",
                 "Settle an issued item as lost (settled_on, compensation as a decimal string >= 0, note); an item "
                 "settled already is refused (STF-5)");
    router
        .Add("GET", "/api/v1/contracts/{id}/replacements", Access::kSession, "staff",
             "The contract's written replacement requests with their steps, status and days overdue (STF-4)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(list, staff.Replacements(context.actor(), *id));
                 return JsonResponse(200, ReplacementListJson(*list));
             })
        .Returns("ReplacementList")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/replacements", Access::kSession, "staff",
             "The office asks in writing for a person to be replaced (person_id, reason, attachment_id optional); "
             "due after the days the setting staff.replacement_days gives (STF-4)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = ReplacementInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, staff.RequestReplacement(context.actor(), *id, input));
                 return JsonResponse(201, ReplacementJson(*request));
             })
        .Body("ReplacementInput")
        .Creates("Replacement")
        .Requires({Permission::kStaffReplaceRequest})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/staff/replacements/{id}/report", Access::kSession, "staff",
             "The vendor names the replacement (replacement_id, a person on the same roster) and reports back (note) "
             "(STF-4)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = ReplacementReportFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(request, staff.ReportReplacement(context.actor(), *id, input));
                 return JsonResponse(200, ReplacementJson(*request));
             })
        .Body("ReplacementReportInput")
        .Returns("Replacement")
        .Requires({Permission::kStaffWrite})
        .Scope(RecordScope::kVendor);
    const auto decide_route = [&router, &staff](const char* pattern, ReplacementDecision decision, const char* field,
                                                const char* body_schema, const char* summary) {
        router
            .Add("POST", pattern, Access::kSession, "staff", summary,
                 [&staff, decision, field](RequestContext& context) -> Result<HttpResponse> {
                     HOUQIN_TRY(id, PathId(context.request, "id"));
                     HOUQIN_TRY(body, ParseObject(context.request));
                     Validation validation;
                     JsonReader reader(*body, validation);
                     const auto comment = reader.String(field, JsonReader::Need::kOptional);
                     if (!validation.ok()) return validation.ToError();
                     HOUQIN_TRY(request, staff.DecideReplacement(context.actor(), *id, decision, comment));
                     return JsonResponse(200, ReplacementJson(*request));
                 })
            .Body(body_schema)
            .Returns("Replacement")
            .Requires({Permission::kStaffReplaceRequest})
            .Scope(RecordScope::kVendor);
    };
    decide_route("/api/v1/staff/replacements/{id}/confirm", ReplacementDecision::kConfirm, "comment",
                 "ReplacementConfirmInput",
                 "The office confirms the vendor's report and closes the request (comment optional) (STF-4)");
    decide_route("/api/v1/staff/replacements/{id}/return", ReplacementDecision::kReturn, "reason",
                 "ReplacementReturnInput",
                 "The office sends the vendor's report back with a reason; the vendor reports again (STF-4)");
    router
        .Add("POST", "/api/v1/contracts/{id}/staff/import", Access::kSession, "staff",
             "Import people from .xlsx or CSV (raw body; X-Filename, X-Encoding auto|utf-8|gb18030); any bad row "
             "imports nothing and is named as row.<n>.<column>",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(file, ImportFileOf(context.request));
                 HOUQIN_TRY(outcome, staff.ImportRoster(context.actor(), *id, *file));
                 return JsonResponse(200, ImportOutcomeJson(*outcome));
             })
        .BodyFile("application/octet-stream")  // .xlsx or CSV, as read
        .Returns("StaffImportOutcome")
        .Requires({Permission::kStaffWrite})
        .MaxBody(StaffService::kMaxImportBytes)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/staff/templates/roster.xlsx", Access::kSession, "staff", "The roster import template",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, staff.ImportTemplate(context.actor(), StaffService::Template::kRoster));
                 return TemplateResponse(std::move(*body), "roster-template.xlsx", "服务人员名册导入模板.xlsx");
             })
        .ReturnsFile(kXlsx)
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/staff/templates/attendance.xlsx", Access::kSession, "staff",
             "The attendance import template",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(body, staff.ImportTemplate(context.actor(), StaffService::Template::kAttendance));
                 return TemplateResponse(std::move(*body), "attendance-template.xlsx", "考勤导入模板.xlsx");
             })
        .ReturnsFile(kXlsx)
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kNone);

    router
        .Add("GET", "/api/v1/holiday-calendars", Access::kSession, "staff",
             "The years of the holiday calendar (State Council arrangements) kept",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(calendars, staff.ListCalendars(context.actor()));
                 Json items = Json::array();
                 for (const auto& calendar : *calendars) items.push_back(CalendarSummaryJson(calendar));
                 return JsonResponse(200, Json{{"items", std::move(items)}});
             })
        .ReturnsItems("HolidayCalendarSummary")
        .Scope(RecordScope::kNone);
    router
        .Add("GET", "/api/v1/holiday-calendars/{year}", Access::kSession, "staff",
             "One year's days off and make-up working days",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(year, PathYear(context.request));
                 HOUQIN_TRY(calendar, staff.GetCalendar(context.actor(), *year));
                 return JsonResponse(200, CalendarJson(*calendar));
             })
        .Returns("HolidayCalendar")
        .Scope(RecordScope::kNone);
    router
        .Add("PUT", "/api/v1/holiday-calendars/{year}", Access::kSession, "staff",
             "Replace a year's calendar (days: date, kind off|work, name; make-up days only on a weekend)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(year, PathYear(context.request));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 auto calendar = CalendarFromJson(*year, *body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(saved, staff.SaveCalendar(context.actor(), std::move(calendar)));
                 return JsonResponse(200, CalendarJson(*saved));
             })
        .Body("HolidayCalendarInput")
        .Returns("HolidayCalendar")
        .Requires({Permission::kSettingsManage})
        .Scope(RecordScope::kNone);
    router
        .Add("POST", "/api/v1/holiday-calendars/{year}/import", Access::kSession, "staff",
             "Replace a year's calendar from a holiday-cn JSON file or a CSV (date,name,off|work)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(year, PathYear(context.request));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 JsonReader reader(*body, validation);
                 const auto format = reader.String("format");
                 const auto content = reader.String("content");
                 const auto source = reader.String("source", JsonReader::Need::kOptional);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(saved, staff.ImportCalendar(context.actor(), *year, format, content, source));
                 return JsonResponse(200, CalendarJson(*saved));
             })
        .Body("HolidayCalendarImport")
        .Returns("HolidayCalendar")
        .Requires({Permission::kSettingsManage})
        .Scope(RecordScope::kNone);

    router
        .Add("GET", "/api/v1/contracts/{id}/attendance", Access::kSession, "staff",
             "The contract's attendance in a month (month = YYYY-MM, person_id)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 Validation validation;
                 const auto page = ReadPageQuery(context.request, {"clock_in"}, validation);
                 AttendanceQuery query;
                 query.month = context.request.Query("month").value_or("");
                 query.person_id = QueryId(context.request, "person_id", validation);
                 query.page = page.page;
                 query.page_size = page.page_size;
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(records, staff.ListAttendance(context.actor(), *id, query));
                 Json items = Json::array();
                 for (const auto& record : records->items) items.push_back(AttendanceJson(record));
                 return JsonResponse(200, PageJson(std::move(items), records->total, page));
             })
        .ReturnsPage("Punch")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/attendance", Access::kSession, "staff",
             "Enter one clock-in and clock-out by hand (times YYYY-MM-DD HH:MM; a night shift ends the next day)",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(body, ParseObject(context.request));
                 Validation validation;
                 const auto input = AttendanceInputFromJson(*body, validation);
                 if (!validation.ok()) return validation.ToError();
                 HOUQIN_TRY(record, staff.AddAttendance(context.actor(), *id, input));
                 return JsonResponse(201, AttendanceJson(*record));
             })
        .Body("PunchInput")
        .Creates("Punch")
        .Requires({Permission::kAttendanceWrite})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/attendance/import", Access::kSession, "staff",
             "Import attendance from .xlsx or CSV (raw body; X-Filename, X-Encoding); any bad row imports nothing; "
             "the same file again adds nothing twice",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(file, ImportFileOf(context.request));
                 HOUQIN_TRY(outcome, staff.ImportAttendance(context.actor(), *id, *file));
                 return JsonResponse(200, ImportOutcomeJson(*outcome));
             })
        .BodyFile("application/octet-stream")  // .xlsx or CSV, as read
        .Returns("StaffImportOutcome")
        .Requires({Permission::kAttendanceWrite})
        .MaxBody(StaffService::kMaxImportBytes)
        .Scope(RecordScope::kVendor);
    router
        .Add("GET", "/api/v1/contracts/{id}/staffing", Access::kSession, "staff",
             "Staffing compliance for a month (month = YYYY-MM): each day's type from the holiday calendar, "
             "required and provided person-hours per post, shortfalls with the people present",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 HOUQIN_TRY(view, staff.Compliance(context.actor(), *id, context.request.Query("month").value_or("")));
                 return JsonResponse(200, ComplianceJson(*view));
             })
        .Returns("Compliance")
        .Requires({Permission::kStaffRead})
        .Scope(RecordScope::kVendor);
    router
        .Add("POST", "/api/v1/contracts/{id}/staffing/{month}/propose", Access::kSession, "staff",
             "Run the rules on the contract now: the month's staffing deduction proposal (RP-2), or why there is none",
             [&staff](RequestContext& context) -> Result<HttpResponse> {
                 HOUQIN_TRY(id, PathId(context.request, "id"));
                 const auto month = context.request.params.contains("month") ? context.request.params.at("month") : "";
                 HOUQIN_TRY(proposal, staff.Propose(context.actor(), *id, month));
                 return JsonResponse(201, Json{{"proposal_id", proposal->id}, {"status", proposal->status}});
             })
        .NoBody()
        .Creates("StaffingProposalReceipt")
        .Requires({Permission::kSupervisionWrite})
        .Scope(RecordScope::kVendor);
}

}  // namespace houqin::http
