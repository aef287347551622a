#pragma once
// All use cases, wired once in main and handed to the HTTP layer.
#include "app/score_sources.h"
#include "features/accounts/account_service.h"
#include "features/accounts/auth_service.h"
#include "features/audit/service.h"
#include "features/callcentre/call_import_service.h"
#include "features/callcentre/call_upload_service.h"
#include "features/callcentre/method_service.h"
#include "features/callcentre/number_service.h"
#include "features/callcentre/reward_service.h"
#include "features/callcentre/service.h"
#include "features/callcentre/suggestion_service.h"
#include "features/catalogue/service.h"
#include "features/contracts/service.h"
#include "features/dashboard/service.h"
#include "features/inbox/service.h"
#include "features/procurement/service.h"
#include "features/reports/service.h"
#include "features/staff/document_service.h"
#include "features/staff/incident_service.h"
#include "features/staff/served_service.h"
#include "features/staff/service.h"
#include "features/staff/staffing_request_service.h"
#include "features/staff/training_service.h"
#include "features/supervision/assessment_service.h"
#include "features/supervision/oversight_service.h"
#include "features/supervision/policy_service.h"
#include "features/supervision/survey_service.h"
#include "features/vendors/service.h"
#include "platform/service/context.h"

namespace houqin {

struct Services {
    explicit Services(storage::Database& database, Clock clock)
        : context{database, clock, {}},
          auth(context),
          accounts(context),
          catalogue(context),
          vendors(context),
          contracts(context),
          audit(context),
          dashboards(context),
          inbox(context),
          staff(context, contracts),
          documents(context, contracts),
          incidents(context, contracts),
          training(context, contracts),
          staffing_requests(context, contracts),
          served_rosters(context),
          agent_ids(context, contracts),
          call_imports(context, contracts),
          call_uploads(context, call_imports, contracts),
          numbers(context, contracts),
          rewards(context, contracts),
          scoring_methods(context, contracts),
          penalty_suggestions(context, contracts),
          policy(context, contracts, staff),
          agent_scores(context, contracts),
          assessments(context, policy),
          surveys(context, policy),
          oversight(context, policy),
          reports(context),
          procurement(context, contracts) {
        // a stored file may be read by whoever may read a record it belongs to; each feature's own read rule.
        vendors.AddAttachmentReader(
            "contract", [this](const Actor& actor, std::int64_t id) { return contracts.Get(actor, id).has_value(); });
        vendors.AddAttachmentReader("assessment", [this](const Actor& actor, std::int64_t id) {
            return assessments.Get(actor, id).has_value();
        });
        vendors.AddAttachmentReader("rectification", [this](const Actor& actor, std::int64_t id) {
            return oversight.GetRectification(actor, id).has_value();
        });
        vendors.AddAttachmentReader("energy_saving", [this](const Actor& actor, std::int64_t id) {
            return oversight.MayReadEnergySaving(actor, id);
        });
        // STF-6 -> RP-2: attendance is a fact the rules weigh; staff cannot depend on supervision, which reads it.
        staff.SetProposalHooks(
            {[this](storage::Connection& connection, const Actor* actor, std::int64_t contract_id) {
                 policy.EvaluateContract(connection, actor, contract_id);
             },
             [this](storage::Connection& connection, std::int64_t contract_id, const std::string& month) {
                 return policy.StaffingProposalOf(connection, contract_id, month);
             }});
        // CC-3, CC-6: the assessment's facts from the methods, suggestions and calls; streaks to the policy engine.
        agent_scores.SetSources(ScoreSourcesOf(policy));
        vendors.AddAttachmentReader("staff_replacement", [this](const Actor& actor, std::int64_t id) {
            return staff.MayReadReplacement(actor, id);
        });
        vendors.AddAttachmentReader("staffing_request", [this](const Actor& actor, std::int64_t id) {
            return staffing_requests.MayRead(actor, id);
        });
        vendors.AddAttachmentReader(
            "agent_id_request", [this](const Actor& actor, std::int64_t id) { return agent_ids.MayRead(actor, id); });
        vendors.AddAttachmentReader("number_request",
                                    [this](const Actor& actor, std::int64_t id) { return numbers.MayRead(actor, id); });
        vendors.AddAttachmentReader("cc_penalty_suggestion", [this](const Actor& actor, std::int64_t id) {
            return penalty_suggestions.MayRead(actor, id);
        });
        vendors.AddAttachmentReader(
            "staff_incident", [this](const Actor& actor, std::int64_t id) { return incidents.MayRead(actor, id); });
        // STF-2: a person's document scans and insurance proofs, for whoever reads the person's roster.
        vendors.AddAttachmentReader("staff_document", [this](const Actor& actor, std::int64_t id) {
            return documents.MayReadDocument(actor, id);
        });
        vendors.AddAttachmentReader("staff_insurance", [this](const Actor& actor, std::int64_t id) {
            return documents.MayReadPayment(actor, id);
        });
        vendors.AddAttachmentReader("project", [this](const Actor& actor, std::int64_t id) {
            return procurement.projects.Get(actor, id).has_value();
        });
    }
    Services(const Services&) = delete;
    Services& operator=(const Services&) = delete;

    ServiceContext context;
    AuthService auth;
    AccountService accounts;
    CatalogueService catalogue;
    VendorService vendors;
    ContractService contracts;
    AuditService audit;
    DashboardService dashboards;
    InboxService inbox;
    StaffService staff;
    DocumentService documents;
    IncidentService incidents;
    TrainingService training;
    StaffingRequestService staffing_requests;
    ServedRosterService served_rosters;
    AgentIdService agent_ids;
    CallImportService call_imports;
    CallUploadService call_uploads;
    NumberService numbers;
    RewardService rewards;
    ScoringMethodService scoring_methods;
    PenaltySuggestionService penalty_suggestions;
    PolicyService policy;
    AgentScoreService agent_scores;
    AssessmentService assessments;
    SurveyService surveys;
    OversightService oversight;
    ReportService reports;
    ProcurementServices procurement;
};

}  // namespace houqin
