#pragma once
// What the procurement services share and nothing else includes (not the routes): loading a project in the caller's
// scope, the view of it, the check of a step against ProjectWorkflow() with the refusals users know, the one writer
// of a step (RecordStep), and the witness's consent a witnessed step uses. Each service (rules_service,
// project_service, sealing_service, bidding_service, opening_service) keeps its own use cases; these are the parts two
// or more of them need.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/access.h"
#include "core/result.h"
#include "core/workflow.h"
#include "features/procurement/model.h"
#include "features/procurement/project_view.h"
#include "features/procurement/rules/procurement_route.h"
#include "features/procurement/store.h"
#include "platform/database/database.h"
#include "platform/service/context.h"

namespace houqin::procurement_internal {

inline const storage::VendorScope kEverything{"/", std::nullopt};

Error ProjectNotFound();
// A refusal by the state of things (409, FailedPrecondition) on `field`.
Error Refuse(const std::string& field, Text message);
Text NoRulesForYear(int year);

// The conditions on the record a step needs besides its state (ProjectWorkflow() holds the states and the roles).
// PRJ-3: the route decided at approval sends a project to government procurement or to the office's own bidding.
bool GovernmentRouted(const Project& project);
bool InternallyRouted(const Project& project);
// PRJ-7: bids are accepted until the deadline; the witness consents to the opening only after it; the opening is at
// its announced time.
bool DeadlinePassed(const Project& project, Instant now);
bool OpeningTimeCome(const Project& project, Instant now);
// PRJ-8: a winner with its annual amount (the opening's, or the one recorded from government procurement).
bool HasWinner(const Project& project);

// Called first inside a write's transaction: the project must still be as it was when the request was checked (two
// openings at once, a ceiling set while a bid arrives, a decision on a project edited meanwhile).
std::optional<Error> ChangedMeanwhile(storage::Connection& connection, const Project& before);

// Why the project's state does not allow `action` (the workflow said so), in the words the users know.
Error WrongState(std::string_view action, const Project& project);
// A project step asked by `actor`: the workflow's transition if the state and the role allow it and the route fits;
// otherwise the refusal (PRJ-2 and the route first, as users have always been told).
Result<const Transition*> CheckStep(const Project& project, std::string_view action, const Actor& actor,
                                    std::string_view comment);

std::optional<std::int64_t> VendorIdOfOrg(storage::Connection& connection, std::int64_t org_id);
// PRJ-3: the route the year's rules give the project (its category's lineage, its items, its budgets).
Result<RouteDecision> DecideRoute(storage::Connection& connection, const Project& project,
                                  const ProcurementRulesRecord& rules);

// "2026-12-08 09:30" in Asia/Shanghai, for the steps' comments and the refusals.
std::string ShanghaiMinute(Instant instant);
// What a consent is for, in the refusals.
Text ConsentStep(const std::string& purpose);
// PRJ-7 (D1 Art.4): the consent the step may use: the newest for the project and purpose, unused and not expired;
// otherwise a refusal naming what is missing (none, expired, already used).
Result<WitnessConsent> FreshConsent(ServiceContext& context, storage::Connection& connection, std::int64_t project_id,
                                    const std::string& purpose, Instant now);

// The project `id` in the caller's scope, or not found.
Result<Project> LoadProject(storage::Connection& connection, const Actor& actor, std::int64_t id);
// A list row, or one project with its history (not for vendors).
enum class ProjectDetail { kSummary, kWithHistory };
// The project as `actor` may see it, with what they may do with it now.
ProjectView BuildProjectView(ServiceContext& context, storage::Connection& connection, const Actor& actor,
                             Project project, ProjectDetail detail);

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

}  // namespace houqin::procurement_internal
