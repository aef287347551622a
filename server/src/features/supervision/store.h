#pragma once
// Assessments and their appeals (SUP-3, SUP-8), satisfaction surveys (SUP-4) and the proposals of the rule
// engine (RP-1 … RP-4). Each row carries the contract's owner path and vendor organisation, so the caller's scope
// is one index condition.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/page.h"
#include "features/contracts/model.h"
#include "features/supervision/assessment.h"
#include "features/supervision/model.h"
#include "features/supervision/rules/policy_engine.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

struct AssessmentFilter {
    VendorScope scope;
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> vendor_id;
    std::string period;
    std::optional<bool> passed;
    std::string status;
    std::string sort = "assessed_on";
    bool descending = true;
    std::int64_t page = 1;
    std::int64_t page_size = 20;  // 0 = all
    // False for a list page, which shows neither: the records' items and terms stay empty, unread and unparsed.
    bool with_items = true;
};

Page<AssessmentRecord> ListAssessments(Connection& connection, const AssessmentFilter& filter);
std::optional<AssessmentRecord> FindAssessment(Connection& connection, std::int64_t id, const VendorScope& scope);
bool AssessmentExists(Connection& connection, std::int64_t contract_id, const std::string& period,
                      const std::string& kind);
std::int64_t InsertAssessment(Connection& connection, const AssessmentRecord& record);
// Only when the assessment is still in `expected_status`; false when someone else changed it first.
bool UpdateAssessment(Connection& connection, const AssessmentRecord& record, const std::string& expected_status);
std::string AssessmentSnapshot(const AssessmentRecord& record);

std::optional<AppealRecord> FindAppeal(Connection& connection, std::int64_t assessment_id);
std::int64_t InsertAppeal(Connection& connection, const AppealRecord& appeal);
void UpdateAppeal(Connection& connection, const AppealRecord& appeal);
std::string AppealSnapshot(const AppealRecord& appeal);

struct SurveyFilter {
    VendorScope scope;
    std::optional<std::int64_t> contract_id;
    std::string status;
    std::optional<std::int64_t> pending_for_user;  // open surveys this user has not answered
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

Page<SurveyRecord> ListSurveys(Connection& connection, const SurveyFilter& filter);
std::optional<SurveyRecord> FindSurvey(Connection& connection, std::int64_t id, const VendorScope& scope);
// Inside a transaction: locks the survey's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite's
// BEGIN IMMEDIATE already holds the write lock), so a check made after it (still open, when an answer is recorded)
// cannot be overtaken by a parallel request.
void LockSurvey(Connection& connection, std::int64_t id);
std::vector<SurveyRecord> ContractSurveys(Connection& connection, std::int64_t contract_id, bool closed_only);
std::int64_t InsertSurvey(Connection& connection, const SurveyRecord& record);
// Only from `expected_status`; false when the survey was no longer in it (two closes at once: one wins).
bool UpdateSurveyStatus(Connection& connection, std::int64_t id, const std::string& expected_status,
                        const std::string& status, std::optional<Instant> closed_at, Instant now);
std::string SurveySnapshot(const SurveyRecord& record);
// Records that the user answered; false when they already had (the primary key refuses a second row).
bool InsertRespondent(Connection& connection, std::int64_t survey_id, std::int64_t user_id);
bool HasResponded(Connection& connection, std::int64_t survey_id, std::int64_t user_id);
void InsertSurveyAnswer(Connection& connection, std::int64_t survey_id, const std::string& answer_key,
                        const SurveyAnswer& answer);
std::vector<SurveyAnswer> ListSurveyAnswers(Connection& connection, std::int64_t survey_id);
// Rewrites every answer of the survey in the caller's (separate) transaction. On PostgreSQL each row carries the id
// of the transaction that last wrote it (xmin); after this, all answers carry the same one, so no answer shares its
// transaction id with the survey_respondents row (and audit entry) of the person who gave it.
void RestampSurveyAnswers(Connection& connection, std::int64_t survey_id);
std::int64_t CountSurveyAnswers(Connection& connection, std::int64_t survey_id);
// Display names of the respondents (never for an anonymous survey: the caller checks).
std::vector<std::string> SurveyRespondentNames(Connection& connection, std::int64_t survey_id);

struct ProposalFilter {
    VendorScope scope;
    std::string kind;
    std::string status;
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> vendor_id;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

Page<ProposalRecord> ListProposals(Connection& connection, const ProposalFilter& filter);
std::optional<ProposalRecord> FindProposal(Connection& connection, std::int64_t id, const VendorScope& scope);
// The dedupe keys of a contract's proposals, split into open (pending_*) and closed ones.
std::pair<std::vector<std::string>, std::vector<std::string>> ProposalKeys(Connection& connection,
                                                                           std::int64_t contract_id);
// Every proposal of one rule on a contract, oldest first (RP-2/staffing: which days were already decided).
std::vector<ProposalRecord> ContractProposalsOfRule(Connection& connection, std::int64_t contract_id,
                                                    const std::string& rule);
std::optional<ProposalRecord> FindProposalByKey(Connection& connection, const std::string& dedupe_key);
// nullopt when a proposal with the same dedupe key exists already (another instance or request made it first).
std::optional<std::int64_t> InsertProposal(Connection& connection, const ProposalRecord& record);
// Only when the proposal is still in `expected_status` (two people deciding at once: the second one loses).
bool UpdateProposal(Connection& connection, const ProposalRecord& record, const std::string& expected_status);
std::string ProposalSnapshot(const ProposalRecord& record);
std::map<std::string, std::int64_t> CountProposalsByStatus(Connection& connection, const VendorScope& scope);

// A contract's energy-saving records as facts for RP-1.
std::vector<PolicyEnergySaving> EnergySavingFacts(Connection& connection, std::int64_t contract_id);
// "S<n>": n is the last change to any policy.* setting (0 = all defaults), so a decision names the settings it used.
std::string PolicySettingsVersion(Connection& connection);

// Routine assessments per period, the latest `limit` periods, oldest first.
std::vector<PeriodScore> ScoresByPeriod(Connection& connection, const VendorScope& scope, std::int64_t limit);
std::vector<PeriodRatings> SatisfactionByPeriod(Connection& connection, const VendorScope& scope, std::int64_t limit);
RectificationCounts CountRectifications(Connection& connection, const VendorScope& scope, Date today);
std::vector<std::pair<std::string, Money>> DeductionsByPeriod(Connection& connection, const VendorScope& scope,
                                                              std::int64_t limit);
struct OverdueRectification {
    std::int64_t id = 0;
    std::string title;
    std::string vendor_name;
    Date deadline;
};
std::vector<OverdueRectification> OverdueRectifications(Connection& connection, const VendorScope& scope, Date today,
                                                        std::int64_t limit);
struct UpcomingMeeting {
    std::int64_t id = 0;
    std::string title;
    Instant scheduled_at;
};
std::vector<UpcomingMeeting> UpcomingMeetings(Connection& connection, const std::string& owner_path_prefix,
                                              Instant from, Instant until, std::int64_t limit);

// Active contracts (stored status active, term not ended) in no particular scope: the daily job's work list.
std::vector<std::int64_t> ActiveContractIds(Connection& connection, Date today);

// the contracts in force within the scope and how often each is assessed (its version in force says), but for
// those with the routine assessment of `assessed_month` ("2026-11"): a monthly contract that has it is not due, and
// a county's contracts mostly are, so only the others' contents are read.
struct AssessmentSchedule {
    std::int64_t contract_id = 0;
    std::string code;
    std::string title;
    Date term_start;
    Date term_end;
    Frequency frequency = Frequency::kMonthly;
};
std::vector<AssessmentSchedule> ActiveAssessmentSchedules(Connection& connection, const VendorScope& scope, Date today,
                                                          const std::string& assessed_month);
// The (contract, period) pairs within the scope that have their routine assessment, for the given periods.
std::set<std::pair<std::int64_t, std::string>> RoutineAssessmentsOf(Connection& connection, const VendorScope& scope,
                                                                    const std::set<std::string>& periods);

// The rule engine's facts (RP-1 … RP-4) in the columns it reads, for the daily job over every contract and the
// evaluation after each write: the full records above parse every item and answer, which the rules never look at.
struct AssessmentFact {
    std::int64_t id = 0;
    int contract_version_no = 0;
    std::string period;
    std::string kind;  // routine, special
    Date assessed_on;
    int total_tenths = 0;
    int original_total_tenths = 0;
    int failed_items = 0;
    int missing_staff_days = 0;
    // Shared by the assessments that stored the same terms: parsed once per distinct text.
    std::shared_ptr<const AssessmentTermsSnapshot> terms;
};
// Every assessment of a contract, oldest first (by date, then id); terms not in `parsed` are parsed and added.
std::vector<AssessmentFact> ContractAssessmentFacts(Connection& connection, std::int64_t contract_id,
                                                    TermsByText& parsed);

struct SurveyFact {
    std::int64_t id = 0;
    std::string period;
    Date closes_on;
    std::optional<Instant> closed_at;
    bool basic_counts_satisfied = true;
    std::map<std::string, std::int64_t> ratings;  // rating code (as stored) -> number of answers giving it
};
// The contract's closed surveys, by id, with their answers counted by rating (one grouped query).
std::vector<SurveyFact> ClosedSurveyFacts(Connection& connection, std::int64_t contract_id);

}  // namespace houqin::storage
