#pragma once
// The staff feature's use cases: the roster a vendor keeps per contract (STF-1), the holiday calendar an
// administrator keeps per year, attendance entered or imported, and staffing compliance (STF-6), whose
// shortfalls the rules turn into deduction proposals (RP-2). Every write is one transaction with its audit entry.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/contracts/service.h"
#include "features/staff/model.h"
#include "features/staff/rules/holiday_calendar.h"
#include "features/staff/rules/staffing_compliance.h"
#include "features/staff/rules/staffing_versions.h"
#include "platform/imports/tabular.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

struct PersonView {
    StaffPerson person;
    PersonStatus status = PersonStatus::kCurrent;
    bool can_edit = false;
    bool can_reveal = false;
    // STF-5: items not yet returned or reported lost, counted once the person's end date is set (their departure is
    // flagged until it is zero); 0 for a person who has no end date.
    std::int64_t equipment_unsettled = 0;
};

struct PersonQuery {
    std::optional<PersonStatus> status;  // nullopt: everyone ever on the roster
    std::string q;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct PersonInput {
    std::string name;
    std::optional<std::string> id_number;  // on update, absent keeps the stored number
    std::string phone;
    std::string role;
    std::string post;
    std::optional<Date> start_date;
    std::optional<Date> end_date;
};

// A file to import: its bytes, its name and the text encoding chosen (or auto-detected).
struct ImportFile {
    std::string file_name;
    std::string_view bytes;
    TextEncoding encoding = TextEncoding::kAuto;
};

struct ImportOutcome {
    std::int64_t rows = 0;       // data rows read
    std::int64_t imported = 0;   // rows added
    std::int64_t unchanged = 0;  // rows already there (a re-imported file adds nothing twice)
};

// STF-5: an item issued to a person.
struct EquipmentInput {
    std::string kind;  // an EquipmentKind code
    std::string description;
    std::int64_t quantity = 0;
    Money unit_value;
    std::optional<Date> issued_on;
};

enum class Settlement { kReturned, kLost };

// STF-5: how an item was settled at departure: returned on a day, or lost on a day with the compensation and a note.
struct SettlementInput {
    std::optional<Date> settled_on;
    Money compensation;  // lost only
    std::string note;    // required when lost
};

struct EquipmentView {
    EquipmentItem item;
    bool can_settle = false;
};

// STF-5: what a person holds, as the roster's equipment dialog shows it.
struct PersonEquipment {
    PersonView person;
    std::int64_t unsettled = 0;  // items not yet settled, whether or not the person has an end date
    bool can_issue = false;
    std::vector<EquipmentView> items;
};

// STF-4: the office's written request that a person be replaced.
struct ReplacementInput {
    std::optional<std::int64_t> person_id;
    std::string reason;
    std::optional<std::int64_t> attachment_id;
};

// STF-4: the vendor's report: the replacement it names and what it did.
struct ReplacementReport {
    std::optional<std::int64_t> replacement_id;
    std::string note;
};

enum class ReplacementDecision { kConfirm, kReturn };

struct ReplacementView {
    ReplacementRequest request;
    std::string person_name;
    std::string replacement_name;
    std::string attachment_name;
    std::int64_t overdue_days = 0;             // past the deadline with no report in (open or returned)
    std::vector<std::string> allowed_actions;  // report, confirm, return: what the caller may do now
    std::vector<WorkflowEvent> events;
};

struct ReplacementList {
    std::vector<ReplacementView> items;
    bool can_request = false;
    int deadline_days = 0;  // the setting in force: a new request would be due this many days after today
};

struct AttendanceInput {
    std::optional<std::int64_t> person_id;
    std::string post;  // empty: the person's post
    std::string clock_in;
    std::optional<std::string> clock_out;
};

struct AttendanceQuery {
    std::string month;  // YYYY-MM
    std::optional<std::int64_t> person_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct CalendarView {
    HolidayCalendar calendar;
    std::string updated_by_name;
    std::optional<Instant> updated_at;
};

// A deduction proposal made from a month's shortfalls (RP-2), as the compliance page links to it.
struct StaffingProposalRef {
    std::int64_t id = 0;
    std::string status;
};

struct ComplianceView {
    std::string month;
    std::vector<StaffingRequirement> requirement;  // in force on the month's first day
    std::vector<RequirementVersion> changes;       // STF-9: consented changes taking effect later in the month
    ComplianceResult result;
    std::optional<StaffingProposalRef> proposal;
    bool can_propose = false;
};

// The shortfall days of one complete month, for the rule that proposes deductions from them (RP-2).
struct StaffingMonth {
    std::string month;  // YYYY-MM
    std::vector<DayResult> short_days;
};

// What the staff feature needs from the rules that turn shortfalls into proposals (supervision). Wired in
// app/services.h, so staff does not depend on supervision, which reads staff's facts.
struct StaffingProposalHooks {
    // Re-runs the rules on the contract inside the caller's transaction (RP-4: a new fact re-runs them).
    std::function<void(storage::Connection&, const Actor*, std::int64_t contract_id)> evaluate;
    // The staffing deduction proposal made for the month, if any.
    std::function<std::optional<StaffingProposalRef>(storage::Connection&, std::int64_t contract_id,
                                                     const std::string& month)>
        find;
};

class StaffService {
  public:
    StaffService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}
    void SetProposalHooks(StaffingProposalHooks hooks) { hooks_ = std::move(hooks); }

    // STF-1 roster.
    Result<std::vector<StaffRole>> Roles(const Actor& actor);
    // The list of roles is a setting (STF-1): the administrator adds a role or renames one (names in zh-CN and
    // English, each unique); a role's code is made by the server and never changes, so people keep their role.
    Result<StaffRole> AddRole(const Actor& actor, const Text& name);
    Result<StaffRole> RenameRole(const Actor& actor, const std::string& code, const Text& name);
    Result<Page<PersonView>> ListPeople(const Actor& actor, std::int64_t contract_id, const PersonQuery& query);
    Result<PersonView> AddPerson(const Actor& actor, std::int64_t contract_id, const PersonInput& input);
    Result<PersonView> UpdatePerson(const Actor& actor, std::int64_t id, const PersonInput& input);
    Result<std::string> RevealIdNumber(const Actor& actor, std::int64_t id);
    Result<ImportOutcome> ImportRoster(const Actor& actor, std::int64_t contract_id, const ImportFile& file);

    // STF-5 equipment issued per person and settled at departure.
    Result<PersonEquipment> Equipment(const Actor& actor, std::int64_t person_id);
    Result<EquipmentView> IssueEquipment(const Actor& actor, std::int64_t person_id, const EquipmentInput& input);
    Result<EquipmentView> SettleEquipment(const Actor& actor, std::int64_t item_id, Settlement settlement,
                                          const SettlementInput& input);

    // STF-4 replacement requests: the office asks, the vendor reports, the office confirms or returns.
    Result<ReplacementList> Replacements(const Actor& actor, std::int64_t contract_id);
    Result<ReplacementView> RequestReplacement(const Actor& actor, std::int64_t contract_id,
                                               const ReplacementInput& input);
    Result<ReplacementView> ReportReplacement(const Actor& actor, std::int64_t id, const ReplacementReport& input);
    Result<ReplacementView> DecideReplacement(const Actor& actor, std::int64_t id, ReplacementDecision decision,
                                              const std::string& comment);
    // whoever may read the request's contract's staff may read its attached written request.
    bool MayReadReplacement(const Actor& actor, std::int64_t id);

    // STF-6 holiday calendar.
    Result<std::vector<CalendarSummary>> ListCalendars(const Actor& actor);
    Result<CalendarView> GetCalendar(const Actor& actor, int year);
    Result<CalendarView> SaveCalendar(const Actor& actor, HolidayCalendar calendar);
    // format: "holiday-cn" (JSON) or "csv".
    Result<CalendarView> ImportCalendar(const Actor& actor, int year, const std::string& format,
                                        const std::string& content, const std::string& source);
    // The published years (2025, 2026) that a database lacks, after its migrations: every installation starts with
    // them; a year an administrator has changed is left as it is.
    void InstallPublishedCalendars();

    // STF-6 attendance and compliance.
    Result<Page<AttendanceRecord>> ListAttendance(const Actor& actor, std::int64_t contract_id,
                                                  const AttendanceQuery& query);
    Result<AttendanceRecord> AddAttendance(const Actor& actor, std::int64_t contract_id, const AttendanceInput& input);
    Result<ImportOutcome> ImportAttendance(const Actor& actor, std::int64_t contract_id, const ImportFile& file);
    Result<ComplianceView> Compliance(const Actor& actor, std::int64_t contract_id, const std::string& month);
    // POST .../staffing/{month}/propose: runs the rules on the contract now; the month's proposal, or why none.
    Result<StaffingProposalRef> Propose(const Actor& actor, std::int64_t contract_id, const std::string& month);

    // What the attendance check reads alike for every contract at one instant: the holiday calendar of every year on
    // record and whether an expired document stops a person counting (STF-2). Read once for a run over many
    // contracts (the daily job), not once per contract and month.
    struct ComplianceBasis {
        HolidayCalendars calendars;
        ExpiredDocuments expired_documents = ExpiredDocuments::kBlock;
    };
    static ComplianceBasis LoadComplianceBasis(storage::Connection& connection);
    // For the rules (RP-2), inside the caller's transaction: every complete month of the term before `today` that has
    // attendance recorded, with its short days. A month without any attendance is not judged (nothing to go on).
    std::vector<StaffingMonth> ShortfallMonths(storage::Connection& connection, std::int64_t contract_id,
                                               const std::vector<StaffingRequirement>& staffing, Date term_start,
                                               Date term_end, Date today, const ComplianceBasis& basis);

    // the import templates, a header row and one example row (.xlsx).
    enum class Template { kRoster, kAttendance };
    Result<std::string> ImportTemplate(const Actor& actor, Template kind);

    // Import files may be large (a year of punches); the route accepts up to this many bytes.
    static constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    PersonView ViewOf(const Actor& actor, StaffPerson person) const;
    ReplacementView BuildReplacement(storage::Connection& connection, const Actor& actor,
                                     ReplacementRequest request) const;
    // STF-9: the contract's staffing requirement and every consented change (rules/staffing_versions.h).
    static std::vector<RequirementVersion> StaffingHistory(storage::Connection& connection, std::int64_t contract_id,
                                                           const std::vector<StaffingRequirement>& staffing,
                                                           Date term_start, std::vector<Text>* warnings);
    ComplianceResult ComputeFor(storage::Connection& connection, std::int64_t contract_id,
                                const std::vector<StaffingRequirement>& staffing, Date term_start, Date first,
                                Date last);
    // The contract's part of the check, alike for each of its months: the requirement history (STF-9, its warnings
    // into `warnings`) and the roster with the documents whose expiry stops a person counting (STF-2).
    static ComplianceInput ContractInput(storage::Connection& connection, std::int64_t contract_id,
                                         const std::vector<StaffingRequirement>& staffing, Date term_start,
                                         ExpiredDocuments expired_documents, std::vector<Text>* warnings);
    // A stored punch as the check reads it; nothing when its clock-in is not a wall-clock time.
    static std::optional<Punch> PunchOf(const AttendanceRecord& record);
    ServiceContext& context_;
    ContractService& contracts_;
    StaffingProposalHooks hooks_;
};

}  // namespace houqin
