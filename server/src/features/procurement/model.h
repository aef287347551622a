#pragma once
// Projects and their procurement (PRJ-1 … PRJ-8): what is stored about a project, its registrations, its sealed
// bids and the opening. Decisions about them (route, criteria, evaluation) are in rules/; the sealing in crypto/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "core/workflow.h"
#include "features/procurement/rules/procurement_route.h"

namespace houqin {

// D1 Art.3: the formal government procurement methods.
const std::vector<std::string>& GovernmentProcurementMethods();
Text GovernmentProcurementMethodName(const std::string& code);

// A project's states, stored and sent by their codes (draft, pending_leadership, returned, approved, procured,
// bidding, opened, failed, awarded).
enum class ProjectStatus {
    kDraft,
    kPendingLeadership,
    kReturned,
    kApproved,
    kProcured,  // government route: the procurement's result recorded (PRJ-3)
    kBidding,   // internal route: sealed bids accepted until the deadline (PRJ-7)
    kOpened,    // the bids opened and a winner found
    kFailed,    // the bids opened, no award (no bids, none valid, too few)
    kAwarded,   // the contract draft created (PRJ-8)
};
std::string_view ProjectStatusCode(ProjectStatus status);
std::optional<ProjectStatus> ParseProjectStatus(std::string_view code);
Text ProjectStatusName(ProjectStatus status);
// PRJ-2 (先审批、后采购): approved, or any state after it; no procurement step before.
bool IsApproved(ProjectStatus status);

// The project's steps (PRJ-2 … PRJ-8): the office (and the administrator) drafts and submits, leadership approves or
// returns with a comment and sets the ceiling; after approval either the office records the government procurement
// or it opens the sealed bidding witnessed by discipline inspection, vendors register and bid, the office opens the
// bids and awards. The names are the `allowed_actions` of the API. What the record itself must hold besides its
// state (the route, a ceiling, the deadline passed, ...) is the service's, named there.
const WorkflowDefinition& ProjectWorkflow();

// The action a transition records in the project's history and audit trail, where it is not its own name: `edit`
// records `update`, both witness consents record `witness_consent` (the names stored since the first release).
std::string_view ProjectStepAction(std::string_view transition);

// The name of a recorded project step (a history event's or a trail entry's action), in both languages: the one
// table the history, the trail and the locale files' step names follow.
Text ProjectStepName(std::string_view action);

struct GovernmentProcurement {
    std::string method;
    std::string reference;
    std::string agency;
    std::optional<Date> started_on;
    std::optional<Date> completed_on;
    std::string result;
};

struct Project {
    std::int64_t id = 0;
    std::string code;  // XM-2026-0001
    std::string name;
    int year = 0;
    std::int64_t category_id = 0;
    std::string category_name;     // zh-CN
    std::string category_name_en;  // the English interface names the category in English
    std::vector<std::string> item_codes;
    std::string scope;
    Money annual_budget;
    Money total_budget;
    Date service_start;
    Date service_end;
    std::int64_t department_id = 0;
    std::string department_name;
    std::string responsible_person;
    std::string responsible_phone;
    std::vector<std::int64_t> plan_ids;
    std::int64_t owner_org_id = 0;
    std::string owner_path;
    ProjectStatus status = ProjectStatus::kDraft;
    std::string route;                // government, internal; empty until approved
    std::string route_decision_json;  // the decision with reasons and values, as shown by the API
    std::optional<GovernmentProcurement> government;
    std::optional<Money> ceiling;
    std::string ceiling_reason;
    std::string ceiling_set_by_name;
    std::optional<Instant> ceiling_set_at;
    std::optional<Instant> bid_deadline;
    std::optional<Instant> opening_at;
    std::int64_t opening_failures = 0;
    std::optional<Instant> opening_failed_at;
    std::string outcome;  // awarded, no_bids, no_valid_bid, too_few_valid_bids; empty before the opening
    std::optional<std::int64_t> winner_vendor_id;
    std::string winner_vendor_name;
    std::optional<Money> winner_quote;  // the annual amount awarded
    std::optional<std::int64_t> contract_id;
    std::string contract_code;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
    Instant updated_at;
};

// The largest amount a budget, ceiling or quote may state: 100 亿元 (10^12 fen), far above any outsourced service,
// so that sums and products over a service period stay exact in 64 bits.
constexpr std::int64_t kMaxProcurementFen = 1'000'000'000'000;

// PRJ-8: the contract total for a service period at an annual price: the annual amount per whole year of the
// period, otherwise pro rata by days (365 a year), rounded half up to the fen.
Money TermTotalOfAnnual(Money annual, Date start, Date end);

// Field checks that need no database (PRJ-1).
Status ValidateProject(const Project& project);

struct ProjectRegistration {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    bool qualified = false;
    std::string verdict_json;  // failures and values, as shown by the API
    Instant checked_at;
    std::string registered_by_name;
};

struct Bid {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    Instant submitted_at;
    std::string submitted_by_name;
    std::string sealed;   // base64 of the sealed box: the amount exists nowhere else before the opening
    std::string receipt;  // hex commitment handed to the bidder
    // Filled at the opening.
    std::optional<Money> opened_quote;
    std::optional<bool> valid;
    int rank = 0;
    std::string reasons_json;
};

// The stored half of a project seal (crypto::ProjectSeal plus who created it).
struct SealRecord {
    std::int64_t project_id = 0;
    std::string public_key;
    std::string locked_private_key;
    std::string officer_salt;
    std::string witness_salt;
    std::string officer_check;
    std::string witness_check;
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;
    std::string fingerprint;
    std::optional<std::int64_t> officer_id;
    std::string officer_name;
    std::optional<std::int64_t> witness_id;
    std::string witness_name;
    Instant created_at;
};

// PRJ-7: the discipline-inspection witness's consent, given from their own session to one step of one project
// (purpose "open_bidding": the seal's creation; "opening": the opening), used once by the office while fresh.
struct WitnessConsent {
    std::int64_t id = 0;
    std::int64_t project_id = 0;
    std::string purpose;
    std::int64_t witness_id = 0;
    std::string witness_name;
    Instant given_at;
    Instant expires_at;
    std::optional<Instant> used_at;
    std::string used_by_name;
};

struct BidOpening {
    std::int64_t project_id = 0;
    Instant opened_at;
    std::string officer_name;
    std::string witness_name;
    std::string record_json;  // the whole opening record, as shown by the API
};

// One version of a year's procurement rules (PRJ-1), as recorded: what the rules service hands to its routes.
struct ProcurementRulesRecord {
    ProcurementYearRules rules;  // rules.version is "<year>-v<version>"
    int version = 0;
    std::string reason;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
};

}  // namespace houqin
