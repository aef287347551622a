#pragma once
// The supervision feature's records (SUP-3, SUP-4, SUP-8, RP-1 ... RP-4): what its store reads and writes and its
// services hand to its routes.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "features/supervision/assessment.h"
#include "features/supervision/rules/policy_engine.h"

namespace houqin {

struct StoredAssessmentItem {
    std::string item;
    int points = 0;
    int lost_tenths = 0;
    bool failed = false;
    std::string note;
    std::vector<std::int64_t> photo_ids;
};

// The contract terms in force when an assessment was made: it is judged by them even after an amendment.
struct AssessmentTermsSnapshot {
    AssessmentTerms terms;
    std::vector<DeductionClause> deductions;
    int failed_item_percent = 100;  // the setting in force when it was made
};

struct AssessmentRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string contract_code;
    std::string contract_title;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    int contract_version_no = 0;
    std::string period;
    std::string kind;  // routine, special
    Date assessed_on;
    std::string inspector;
    std::vector<StoredAssessmentItem> items;
    AssessmentTermsSnapshot terms;
    int total_tenths = 0;
    int original_total_tenths = 0;
    int pass_mark = 60;
    bool passed = false;
    std::string grade;
    int failed_items = 0;
    int missing_staff_days = 0;
    std::string summary;
    std::string status;  // submitted, appealed, decided
    Date appeal_deadline;
    std::optional<std::int64_t> created_by;
    Instant created_at;
    Instant updated_at;
};

struct AppealRecord {
    std::int64_t id = 0;
    std::int64_t assessment_id = 0;
    std::string reason;
    std::vector<std::int64_t> attachment_ids;
    std::string status;  // pending, upheld, changed
    int previous_total_tenths = 0;
    std::string decision_reason;
    std::string created_by;
    Instant created_at;
    std::string decided_by;
    std::optional<Instant> decided_at;
};

struct SurveyQuestion {
    std::string key;
    std::string text;
    std::string kind;  // rating (1-5), text
};

struct SurveyRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string contract_code;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    std::string period;
    std::string title;
    bool anonymous = false;
    std::vector<SurveyQuestion> questions;
    std::string status;  // open, closed
    Date opens_on;
    Date closes_on;
    bool basic_counts_satisfied = true;
    std::optional<Instant> closed_at;
    std::optional<std::int64_t> created_by;
    Instant created_at;
    Instant updated_at;
};

struct SurveyAnswer {
    std::optional<std::int64_t> user_id;  // never set for an anonymous survey
    std::string rating;                   // very_satisfied, satisfied, basically_satisfied, dissatisfied
    std::map<std::string, std::string> answers;
    std::string comment;
};

struct ProposalRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string contract_code;
    std::string contract_title;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::string owner_path;
    std::string kind;  // termination, deduction, reward
    std::string rule;
    std::string rule_version;
    std::string settings_version;
    std::string dedupe_key;
    std::string period;
    std::optional<Money> amount;
    std::optional<Money> approved_amount;
    std::vector<PolicyEvidence> evidence;
    std::vector<PolicyParameter> thresholds;
    Text explanation;
    std::string status;  // pending_office, pending_leadership, approved, rejected, withdrawn
    std::optional<std::int64_t> ledger_entry_id;
    Instant created_at;
    Instant updated_at;
};

// X-3 dashboard figures, within a scope.
struct PeriodScore {
    std::string period;
    std::int64_t sum_tenths = 0;
    std::int64_t count = 0;
};

struct PeriodRatings {
    std::string period;
    std::int64_t satisfied = 0;  // by each survey's own formula
    std::int64_t valid = 0;
};

struct RectificationCounts {
    std::int64_t open = 0;
    std::int64_t reported = 0;
    std::int64_t overdue = 0;
};

// Parsed terms by their stored text. Parsing is a function of the text alone, so a run over many contracts may keep
// one (most assessments of a county carry one of a few texts) without ever reading stale terms.
using TermsByText = std::map<std::string, std::shared_ptr<const AssessmentTermsSnapshot>, std::less<>>;

}  // namespace houqin
