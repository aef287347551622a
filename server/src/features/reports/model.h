#pragma once
// What the renewal basis (RP-5, CON-6) and the period reports (SUP-7, D5.7) contain. The service fills these from the
// records; the HTTP layer writes them as JSON, reports/ as PDF and Excel, so all three formats say the same thing.
// Scores are integer tenths, money integer fen, rates floored text such as "83.33%".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "features/staff/incident_model.h"
#include "features/supervision/oversight.h"

namespace houqin {

struct ReportContract {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::string status;  // effective status code (active, expired, renewed, terminated, ...)
    Text status_name;
    Date term_start;
    Date term_end;
    Money total_amount;
};

struct ReportAssessmentItem {
    std::string item;
    int points = 0;
    int lost_tenths = 0;
    bool failed = false;
};

struct ReportAssessment {
    std::int64_t id = 0;
    std::string period;
    std::string kind;  // routine, special
    Date assessed_on;
    std::string inspector;
    int total_tenths = 0;
    int pass_mark = 60;
    bool passed = false;
    std::string grade;
    int failed_items = 0;
    std::vector<ReportAssessmentItem> items;
};

struct ReportSurvey {
    std::int64_t id = 0;
    std::string period;
    std::string title;
    std::string status;  // open, closed
    std::int64_t very_satisfied = 0;
    std::int64_t satisfied = 0;
    std::int64_t basically_satisfied = 0;
    std::int64_t dissatisfied = 0;
    bool basic_counts_satisfied = true;
    std::int64_t satisfied_count = 0;  // by the survey's own formula
    std::int64_t valid = 0;
    std::optional<std::string> rate;  // none without valid answers
};

struct ReportProposal {
    std::int64_t id = 0;
    std::string kind;  // termination, deduction, reward
    std::string rule;
    std::string status;
    std::string period;
    std::optional<Money> amount;
    std::optional<Money> approved_amount;
    Text explanation;
    Instant created_at;
    Instant updated_at;
};

struct RectificationTally {
    std::int64_t total = 0;
    std::int64_t open = 0;
    std::int64_t reported = 0;
    std::int64_t closed = 0;
    std::int64_t overdue = 0;
};

struct LedgerTally {
    std::int64_t count = 0;
    Money amount;
    std::int64_t from_proposals = 0;  // entries written by an approved proposal (source "proposal")
};

struct ReportThreshold {
    std::string name;  // the setting key
    std::int64_t value = 0;
};

struct ReportReason {
    std::string code;
    std::string level;  // the recommendation this reason leads to
    Text text;
};

struct RenewalBasis {
    ReportContract contract;
    std::vector<ReportAssessment> assessments;  // in the term, oldest first
    std::optional<int> average_tenths;          // of the routine assessments, rounded half up to a tenth
    std::int64_t failures = 0;
    std::int64_t routine_failures = 0;
    std::vector<ReportSurvey> surveys;        // closed surveys of the contract
    std::optional<std::string> satisfaction;  // pooled over them
    RectificationTally rectifications;
    LedgerTally deductions;
    LedgerTally rewards;
    std::int64_t energy_records = 0;
    Money energy_saving;
    std::int64_t energy_saving_kwh = 0;
    std::vector<ReportProposal> proposals;
    // STF-7 as evidence: incidents that occurred in the term, with the Party-B-responsible count and compensation.
    IncidentTally incidents;
    std::string recommendation;  // renew, renew_with_conditions, do_not_renew
    Text recommendation_name;
    std::vector<ReportReason> reasons;
    std::vector<ReportThreshold> thresholds;  // the settings values used
    Instant generated_at;
    std::string generated_by;
};

struct ReportRectification {
    std::int64_t id = 0;
    std::string title;
    Date deadline;
    std::string status;
    bool overdue = false;
    std::string result;
    std::string effect;
};

struct QualitySection {
    ReportContract contract;
    std::vector<ReportAssessment> assessments;
    std::vector<ReportSurvey> surveys;
    std::vector<ReportRectification> rectifications;
    IncidentTally incidents;  // STF-7: those that occurred in the period
};

struct QualityReport {
    LabelledPeriod period;
    std::optional<std::int64_t> vendor_id;
    std::vector<QualitySection> sections;
    std::int64_t assessments = 0;
    std::int64_t passed = 0;
    std::int64_t failed = 0;
    std::optional<int> average_tenths;
    std::optional<std::string> satisfaction;  // pooled over the period's surveys with answers
    RectificationTally rectifications;
    std::int64_t incidents = 0;  // STF-7: all sections' incidents in the period
    std::int64_t incidents_open = 0;
    Instant generated_at;
    std::string generated_by;
};

struct AuditLedgerLine {
    std::int64_t id = 0;
    std::string kind;  // deduction, reward
    std::string period;
    Money amount;
    std::string reason;
    std::string source;  // manual, proposal
    std::optional<std::int64_t> proposal_id;
    std::string created_by;
    Instant created_at;
};

struct AuditContractEvent {
    Instant at;
    std::string action;  // amend, sign (an amendment in force), renew, terminate
    int version_no = 0;
    std::string actor_name;
    std::string comment;
};

struct AuditSection {
    ReportContract contract;
    // Installment periods whose due date falls within the report's dates (CON-8 arithmetic).
    Money amount;
    Money deductions;
    Money rewards;
    Money due;
    Money paid;
    Money balance;
    std::vector<AuditLedgerLine> entries;
    std::vector<ReportProposal> proposals;  // decided (approved or rejected) within the dates
    std::vector<AuditContractEvent> events;
};

struct AuditChainCheck {
    bool ok = true;
    std::int64_t checked = 0;
    std::optional<std::int64_t> first_bad_seq;
    Text reason;
};

struct InternalAuditReport {
    Date from;
    Date to;
    std::optional<std::int64_t> vendor_id;
    std::vector<AuditSection> sections;
    Money amount;
    Money deductions;
    Money rewards;
    Money due;
    Money paid;
    Money balance;
    AuditChainCheck chain;
    Instant generated_at;
    std::string generated_by;
};

// "52.5" from 525, "90" from 900.
std::string ScoreText(int tenths);

}  // namespace houqin
