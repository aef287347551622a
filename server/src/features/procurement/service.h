#pragma once
// Projects and procurement (PRJ-1 … PRJ-8, D1 Art.3-4, D4 §2 and §5, D5.1-5.2): a project is approved before any
// purchase step; the year's catalogue and threshold route it to government procurement or to the office's own
// sealed bidding; vendors register against the category's criteria and submit one sealed quote each under the
// ceiling set by leadership; the quotes are opened with the discipline-inspection witness and the winner's quote
// becomes a contract draft. Every write is one transaction with its audit entry; design in docs/procurement.md.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/contracts/service.h"
#include "features/contracts/store.h"
#include "features/procurement/model.h"
#include "features/procurement/sealed_bids.h"
#include "features/procurement/store.h"
#include "features/vendors/model.h"
#include "platform/service/context.h"

namespace houqin {

struct CatalogueEntryInput {
    std::string kind;
    std::string code;
    std::string name_zh;
    std::string name_en;
};

struct ProcurementRulesInput {
    std::optional<Money> threshold;
    std::string basis;
    std::vector<CatalogueEntryInput> catalogue;
    std::string reason;
};

struct ProcurementRulesView {
    storage::ProcurementRulesRecord current;
    std::vector<storage::ProcurementRulesRecord> history;  // filled for one year
};

struct ProjectQuery {
    std::string q;
    std::string status;
    std::string route;
    std::optional<int> year;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct ProjectInput {
    std::string name;
    std::optional<std::int64_t> year;
    std::optional<std::int64_t> category_id;
    std::vector<std::string> item_codes;
    std::string scope;
    std::optional<Money> annual_budget;
    std::optional<Money> total_budget;
    std::optional<Date> service_start;
    std::optional<Date> service_end;
    std::optional<std::int64_t> department_id;
    std::string responsible_person;
    std::string responsible_phone;
    std::vector<std::int64_t> plan_ids;
};

struct GovernmentInput {
    std::string method;
    std::string reference;
    std::string agency;
    std::optional<Date> started_on;
    std::optional<Date> completed_on;
    std::string result;
    std::optional<std::int64_t> winner_vendor_id;
    std::optional<Money> amount;
};

struct CeilingInput {
    std::optional<Money> amount;
    std::string reason;
};

// The two secrets of the seal (its creation and the opening). The witness's identity is not typed here: it comes from
// the witness's consent, given in their own session (GiveWitnessConsent), never from a password typed on the office's
// screen.
struct SealSecrets {
    std::string officer_secret;
    std::string witness_secret;
};

// PRJ-7: what a witness consents to: the seal's creation ("open_bidding") or the opening ("opening").
inline constexpr const char* kConsentOpenBidding = "open_bidding";
inline constexpr const char* kConsentOpening = "opening";

struct BiddingInput {
    std::optional<Instant> bid_deadline;
    std::optional<Instant> opening_at;
    SealSecrets secrets;
};

struct ProjectCounts {
    std::int64_t registrations = 0;
    std::int64_t qualified = 0;
    std::int64_t bids = 0;
};

struct ProjectView {
    Project record;
    std::vector<AttachmentInfo> plans;
    std::string route_preview_json;  // until approval: the route the current rules would give
    std::optional<Text> route_preview_error;
    bool show_ceiling = true;
    std::optional<SealRecord> seal;
    bool accepting = false;  // bids accepted now
    ProjectCounts counts;
    std::optional<ProjectRegistration> my_registration;  // vendor users
    std::optional<Bid> my_bid;                           // vendor users
    // The witness's consent to the project's next witnessed step, while unused and fresh (not for vendors).
    std::optional<WitnessConsent> witness_consent;
    // While the bidding may be opened: procurement.min_bidding_days in force, for the form to state it.
    std::optional<std::int64_t> min_bidding_days;
    std::vector<std::string> allowed_actions;
    std::vector<storage::WorkflowEvent> history;  // filled for one project
};

struct BidView {
    Bid bid;
    bool opened = false;  // the quote and validity may be shown
};

struct TrailItem {
    Instant at;
    std::string subject;  // project, contract
    std::optional<std::int64_t> subject_id;
    std::string action;
    std::string actor_name;
    std::string role;
    Text summary;
};

struct NamedUser {
    std::int64_t id = 0;
    std::string name;
};

struct AwardResult {
    ProjectView project;
    std::int64_t contract_id = 0;
};

class ProcurementService {
  public:
    ProcurementService(ServiceContext& context, ContractService& contracts)
        : context_(context), contracts_(contracts) {}

    // The argon2id cost of new seals (default: libsodium's MODERATE). The demo data, whose secrets are printed in
    // README.md, uses the minimum: a cost protects nothing when the secret is public.
    void SetSealLimits(SealKdfLimits limits) { seal_limits_ = limits; }

    Result<std::vector<storage::ProcurementRulesRecord>> ListRules(const Actor& actor);
    Result<ProcurementRulesView> GetRules(const Actor& actor, int year);
    Result<ProcurementRulesView> PutRules(const Actor& actor, int year, const ProcurementRulesInput& input);

    Result<Page<ProjectView>> List(const Actor& actor, const ProjectQuery& query);
    Result<ProjectView> Get(const Actor& actor, std::int64_t id);
    Result<ProjectView> Create(const Actor& actor, const ProjectInput& input);
    Result<ProjectView> Update(const Actor& actor, std::int64_t id, const ProjectInput& input);
    Result<ProjectView> Submit(const Actor& actor, std::int64_t id);
    Result<ProjectView> Decide(const Actor& actor, std::int64_t id, const std::string& decision,
                               const std::string& comment);
    Result<ProjectView> RecordGovernment(const Actor& actor, std::int64_t id, const GovernmentInput& input);
    Result<ProjectView> SetCeiling(const Actor& actor, std::int64_t id, const CeilingInput& input);
    Result<ProjectView> OpenBidding(const Actor& actor, std::int64_t id, const BiddingInput& input);

    Result<std::vector<ProjectRegistration>> Registrations(const Actor& actor, std::int64_t id);
    // 201 for a new registration, 200 for a re-check: the bool says whether it is new.
    Result<std::pair<ProjectRegistration, bool>> Register(const Actor& actor, std::int64_t id,
                                                          std::optional<std::int64_t> vendor_id);
    Result<std::vector<BidView>> Bids(const Actor& actor, std::int64_t id);
    Result<std::pair<Bid, std::string>> SubmitBid(const Actor& actor, std::int64_t id, std::optional<Money> quote);

    // PRJ-7: a discipline-inspection user, from their own session, consents to witness the project's next step.
    Result<WitnessConsent> GiveWitnessConsent(const Actor& actor, std::int64_t id, const std::string& purpose);
    Result<BidOpening> Open(const Actor& actor, std::int64_t id, const SealSecrets& secrets);
    Result<std::pair<ProjectView, BidOpening>> GetOpening(const Actor& actor, std::int64_t id);
    Result<AwardResult> Award(const Actor& actor, std::int64_t id);
    Result<std::vector<TrailItem>> Trail(const Actor& actor, std::int64_t id);

  private:
    ProjectView Build(storage::Connection& connection, const Actor& actor, Project project, bool full);
    Result<Project> Load(storage::Connection& connection, const Actor& actor, std::int64_t id);
    Result<Project> FromInput(storage::Connection& connection, const Actor& actor, const ProjectInput& input,
                              Project project);
    // The consent the step may use: the newest for the project and purpose, unused and not expired; otherwise a refusal
    // naming what is missing (none, expired, already used).
    Result<WitnessConsent> FreshConsent(storage::Connection& connection, std::int64_t project_id,
                                        const std::string& purpose, Instant now);
    // What a step's audit entry holds: the project before and after, unless the step enters a record of its own (the
    // witness's consent, the opening record).
    struct StepAudit {
        std::optional<std::string> before;
        std::string after;
    };
    // A project step (ProjectWorkflow()), checked by the caller and written in its transaction: the project's row when
    // it changed, the history event and the audit entry.
    void RecordStep(storage::Connection& connection, const Actor& actor, const Transition& step, const Project& before,
                    const Project& after, const std::string& comment, Instant now,
                    std::optional<StepAudit> audit = std::nullopt);
    // The history event and audit entry of one step (RecordStep's, and the creation's, which is no transition).
    void WriteStep(storage::Connection& connection, const Actor& actor, const std::string& action, ProjectStatus from,
                   const Project& after, const std::string& comment, Instant now, const StepAudit& audit);
    ServiceContext& context_;
    ContractService& contracts_;
    SealKdfLimits seal_limits_ = DefaultSealLimits();
};

}  // namespace houqin
