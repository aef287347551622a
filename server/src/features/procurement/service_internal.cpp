// The procurement services' shared parts (service_internal.h).
#include "features/procurement/service_internal.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <vector>

#include "features/catalogue/store.h"
#include "features/procurement/codec.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"

namespace houqin::procurement_internal {
namespace {
// PRJ-2: 先审批、后采购.
Error NotApproved() {
    return Refuse("status", {"项目尚未批准,不能进行采购步骤(先审批、后采购)",
                             "The project is not approved; no procurement step may start before approval"});
}

Error GovernmentRoute() {
    return Refuse("route", {"该项目须按政府采购规定执行,不得自行组织投标",
                            "This project must go through government procurement; the office cannot run its own "
                            "bidding"});
}

Error NotGovernmentRoute() {
    return Refuse("route", {"该项目不属于政府采购,按内部投标程序办理",
                            "This project is not for government procurement; use the internal bidding"});
}

// PRJ-2 and PRJ-3, refused before anything about the state: no procurement step before approval, and each route's
// steps on that route only.
std::optional<Error> RouteRefusal(std::string_view action, const Project& project) {
    if (action == "edit" || action == "submit" || action == "approve" || action == "return") return std::nullopt;
    if (!IsApproved(project.status)) return NotApproved();
    if (action == "record_government") {
        if (!GovernmentRouted(project)) return NotGovernmentRoute();
    } else if (action != "award" && GovernmentRouted(project)) {
        return GovernmentRoute();
    }
    return std::nullopt;
}

// Whether a step the workflow allows the caller from the project's state is offered now: what the record must hold
// besides its state, as the step itself checks it when taken.
bool Offered(std::string_view action, const ProjectView& view, const Project& project, const Actor& actor,
             Instant now) {
    if (action == "record_government") return GovernmentRouted(project);
    // D4 §5: the ceiling is fixed before anyone bids.
    if (action == "set_ceiling") return InternallyRouted(project) && view.counts.bids == 0;
    if (action == "open_bidding" || action == "witness_open_bidding") {
        return InternallyRouted(project) && project.ceiling.has_value();
    }
    // The office may register a vendor through the API; the page offers registration to a vendor, for itself.
    if (action == "register") return view.accepting && actor.Can(Permission::kBidSubmit);
    if (action == "bid") {
        return view.accepting && view.my_registration && view.my_registration->qualified && !view.my_bid;
    }
    if (action == "open") return OpeningTimeCome(project, now);
    if (action == "witness_opening") return InternallyRouted(project) && DeadlinePassed(project, now);
    // An opening's winner (its annual quote), or government procurement's recorded winner and amount.
    if (action == "award") {
        return !project.contract_id && project.winner_vendor_id &&
               (project.status == ProjectStatus::kOpened || project.winner_quote);
    }
    return true;
}

// The category's code followed by its ancestors' (a catalogue entry for a parent covers its children).
std::vector<std::string> CategoryLineage(storage::Connection& connection, std::int64_t category_id) {
    std::vector<std::string> codes;
    std::optional<std::int64_t> next = category_id;
    for (int depth = 0; next && depth < 16; ++depth) {
        const auto category = storage::FindCategory(connection, *next);
        if (!category) break;
        codes.push_back(category->code);
        next = category->parent_id;
    }
    return codes;
}

}  // namespace

Error ProjectNotFound() { return Error::NotFound({"项目不存在", "The project does not exist"}); }

Error Refuse(const std::string& field, Text message) {
    return Error::Conflict(ErrorCode::kFailedPrecondition, field, std::move(message));
}

// Called first inside a write's transaction: the project must still be as it was when the request was checked (two
// openings at once, a ceiling set while a bid arrives, a decision on a project edited meanwhile).
std::optional<Error> ChangedMeanwhile(storage::Connection& connection, const Project& before) {
    const auto now = storage::LockProject(connection, before.id);
    if (now && storage::ProjectSnapshot(*now) == storage::ProjectSnapshot(before)) return std::nullopt;
    return Refuse("status", {"项目刚被他人修改,请刷新后重试",
                             "The project was just changed by someone else; reload and "
                             "try again"});
}

// The conditions on the record a step needs besides its state (ProjectWorkflow() holds the states and the roles).
// PRJ-3: the route decided at approval sends a project to government procurement or to the office's own bidding.
bool GovernmentRouted(const Project& project) { return project.route == "government"; }
bool InternallyRouted(const Project& project) { return project.route == "internal"; }
// PRJ-7: bids are accepted until the deadline; the witness consents to the opening only after it; the opening is at
// its announced time.
bool DeadlinePassed(const Project& project, Instant now) {
    return project.bid_deadline && now >= *project.bid_deadline;
}
bool OpeningTimeCome(const Project& project, Instant now) { return project.opening_at && now >= *project.opening_at; }
// PRJ-8: a winner with its annual amount (the opening's, or the one recorded from government procurement).
bool HasWinner(const Project& project) { return project.winner_vendor_id && project.winner_quote; }

// Why the project's state does not allow `action` (the workflow said so), in the words the users know.
Error WrongState(std::string_view action, const Project& project) {
    const bool approved = project.status == ProjectStatus::kApproved;
    if (action == "edit") {
        return Refuse("status", {"只有草稿或已退回的项目可以修改", "Only a draft or returned project can be edited"});
    }
    if (action == "submit") {
        return Refuse("status",
                      {"只有草稿或已退回的项目可以提交", "Only a draft or returned project can be submitted"});
    }
    if (action == "approve" || action == "return") {
        return Refuse("status", {"该项目不在待领导审批状态", "The project is not awaiting leadership approval"});
    }
    if (action == "record_government") {
        return Refuse("status", {"政府采购结果已登记", "The government procurement is already recorded"});
    }
    if (action == "set_ceiling") {
        return Refuse("status", {"开标后不能再设定最高限价", "The ceiling cannot change after the opening"});
    }
    if (action == "open_bidding" || action == "witness_open_bidding") {
        return Refuse("status", {"该项目的投标已经发布", "The bidding of this project has already been opened"});
    }
    if (action == "register") {
        return Refuse("status", {"该项目当前不接受报名", "The project is not open for registration"});
    }
    if (action == "bid") return Refuse("status", {"该项目当前不接受投标", "The project is not accepting bids"});
    if (action == "open" || action == "witness_opening") {
        return Refuse("status", approved ? Text{"投标尚未发布", "The bidding has not been opened"}
                                         : Text{"该项目已开标", "The bids of this project have already been opened"});
    }
    if (project.contract_id) return Refuse("status", {"该项目已授标", "The project has already been awarded"});
    return Refuse("status", project.status == ProjectStatus::kProcured
                                ? Text{"政府采购结果未登记中标单位和金额,不能生成合同",
                                       "The government procurement record names no winner and amount"}
                                : Text{"该项目没有中标结果,不能授标", "The project has no winning bid to award"});
}

// A project step asked by `actor`: the workflow's transition if the state and the role allow it and the route fits;
// otherwise the refusal (PRJ-2 and the route first, as users have always been told).
Result<const Transition*> CheckStep(const Project& project, std::string_view action, const Actor& actor,
                                    std::string_view comment) {
    auto step = ProjectWorkflow().Check(ProjectStatusCode(project.status), action, actor.role, comment);
    if (!step && step.error().code != ErrorCode::kFailedPrecondition) return step.error();
    if (auto refusal = RouteRefusal(action, project)) return *refusal;
    if (!step) return WrongState(action, project);
    return *step;
}

std::optional<std::int64_t> VendorIdOfOrg(storage::Connection& connection, std::int64_t org_id) {
    const auto row = connection.QueryOne("SELECT id FROM vendors WHERE org_id = ?", {org_id});
    if (!row) return std::nullopt;
    return row->Int(0);
}

Result<RouteDecision> DecideRoute(storage::Connection& connection, const Project& project,
                                  const ProcurementRulesRecord& rules) {
    RouteProject facts;
    facts.year = project.year;
    facts.category_codes = CategoryLineage(connection, project.category_id);
    facts.item_codes = project.item_codes;
    facts.annual_budget = project.annual_budget;
    facts.total_budget = project.total_budget;
    return DecideProcurementRoute(rules.rules, facts);
}

Text NoRulesForYear(int year) {
    return {fmt::format("{} 年度尚未设置政府采购目录和限额标准,请管理员先设置", year),
            fmt::format("No government procurement catalogue and threshold are set for {}; an administrator must "
                        "set them first",
                        year)};
}

// What a consent is for, in the refusals.
Text ConsentStep(const std::string& purpose) {
    if (purpose == kConsentOpenBidding) return {"发起投标(生成密封公钥)", "opening the bidding (creating the seal)"};
    return {"开标", "the opening"};
}

std::string ShanghaiMinute(Instant instant) {
    const auto iso = instant.ToIso();
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

// PRJ-7 (D1 Art.4): the witness's consent comes from the witness's own session. The office's step uses it once,
// within procurement.witness_consent_minutes; nobody types a log-in password on another person's screen.
Result<WitnessConsent> FreshConsent(ServiceContext& context, storage::Connection& connection, std::int64_t project_id,
                                    const std::string& purpose, Instant now) {
    const auto step = ConsentStep(purpose);
    const auto minutes = context.settings.Get(connection, setting::kProcurementWitnessConsentMinutes);
    const auto consent = storage::LatestWitnessConsent(connection, project_id, purpose);
    if (!consent) {
        return Refuse("witness_consent",
                      {fmt::format("缺少纪检监察见证人的确认:请见证人用本人账号登录,在本项目页面确认见证{}(确认后 {} "
                                   "分钟内有效,只能使用一次)",
                                   step.zh, minutes),
                       fmt::format("The discipline-inspection witness's consent is missing: the witness logs in with "
                                   "their own account and consents to {} on this project's page (valid for {} "
                                   "minutes, used once)",
                                   step.en, minutes)});
    }
    if (consent->used_at) {
        return Refuse("witness_consent",
                      {fmt::format("见证人 {} 的确认已于 {} 使用过,每次确认只能使用一次:请见证人重新确认",
                                   consent->witness_name, ShanghaiMinute(*consent->used_at)),
                       fmt::format("The consent of witness {} was already used at {}; a consent is used once: the "
                                   "witness must consent again",
                                   consent->witness_name, ShanghaiMinute(*consent->used_at))});
    }
    if (now >= consent->expires_at) {
        return Refuse("witness_consent",
                      {fmt::format("见证人 {} 的确认已于 {} 过期(有效 {} 分钟):请见证人重新确认", consent->witness_name,
                                   ShanghaiMinute(consent->expires_at), minutes),
                       fmt::format("The consent of witness {} expired at {} (valid for {} minutes): the witness must "
                                   "consent again",
                                   consent->witness_name, ShanghaiMinute(consent->expires_at), minutes)});
    }
    return *consent;
}

Result<Project> LoadProject(storage::Connection& connection, const Actor& actor, std::int64_t id) {
    auto project = storage::FindProject(connection, id, storage::VendorScope::Of(actor));
    if (!project) return ProjectNotFound();
    return *project;
}

ProjectView BuildProjectView(ServiceContext& context, storage::Connection& connection, const Actor& actor,
                             Project project, ProjectDetail detail) {
    ProjectView view;
    const auto now = context.clock.Now();
    for (const auto id : project.plan_ids) {
        // The attachment's name, type and size, not its content.
        if (auto attachment = storage::FindAttachment(connection, id, storage::AttachmentRead::kInfo)) {
            view.plans.push_back(attachment->info);
        }
    }
    if (!IsApproved(project.status) && !actor.vendor_org_id) {
        if (const auto rules = storage::CurrentProcurementRules(connection, project.year)) {
            if (auto decision = DecideRoute(connection, project, *rules)) {
                view.route_preview_json = RouteDecisionJson(*decision);
            } else {
                view.route_preview_error = decision.error().message;
            }
        } else {
            view.route_preview_error = NoRulesForYear(project.year);
        }
    }
    if (InternallyRouted(project)) {
        view.seal = storage::FindSeal(connection, project.id);
        for (const auto& registration : storage::ListRegistrations(connection, project.id, std::nullopt)) {
            ++view.counts.registrations;
            if (registration.qualified) ++view.counts.qualified;
        }
        view.counts.bids = storage::CountBids(connection, project.id);
    }
    view.accepting = project.status == ProjectStatus::kBidding && project.bid_deadline && !DeadlinePassed(project, now);
    if (actor.vendor_org_id) {
        // PRJ-6: the ceiling stays with the office and leadership until the opening, unless the town publishes it.
        view.show_ceiling = project.status == ProjectStatus::kOpened || project.status == ProjectStatus::kFailed ||
                            project.status == ProjectStatus::kAwarded ||
                            context.settings.Get(connection, setting::kProcurementPublishCeiling) == 1;
        if (const auto vendor_id = VendorIdOfOrg(connection, *actor.vendor_org_id)) {
            view.my_registration = storage::FindRegistration(connection, project.id, *vendor_id);
            const auto mine = storage::ListBids(connection, project.id, actor.vendor_org_id);
            if (!mine.empty()) view.my_bid = mine.front();
        }
        // Before the opening, a vendor learns nothing of the others.
        if (project.status == ProjectStatus::kBidding) view.counts = {};
    }
    // The workflow names what the caller's role may do from this state; the record says whether it can be done now.
    for (auto& action : ProjectWorkflow().Allowed(ProjectStatusCode(project.status), actor.role)) {
        if (Offered(action, view, project, actor, now)) view.allowed_actions.push_back(std::move(action));
    }
    const auto& actions = view.allowed_actions;
    if (std::find(actions.begin(), actions.end(), "open_bidding") != actions.end()) {
        view.min_bidding_days = context.settings.Get(connection, setting::kProcurementMinBiddingDays);
    }
    // PRJ-7: the witness consents from their own session to the step the office takes next.
    const char* witnessed = !InternallyRouted(project)                                      ? nullptr
                            : project.status == ProjectStatus::kApproved && project.ceiling ? kConsentOpenBidding
                            : project.status == ProjectStatus::kBidding && DeadlinePassed(project, now)
                                ? kConsentOpening
                                : nullptr;
    if (witnessed && !actor.vendor_org_id) {
        auto consent = storage::LatestWitnessConsent(connection, project.id, witnessed);
        if (consent && !consent->used_at && now < consent->expires_at) view.witness_consent = std::move(consent);
    }
    // Steps carry the office's and leadership's comments (a ceiling's reason among them): not for vendors.
    if (detail == ProjectDetail::kWithHistory && !actor.vendor_org_id)
        view.history = storage::ListWorkflowEvents(connection, "project", project.id);
    if (actor.vendor_org_id && !view.my_bid) project.winner_quote.reset();
    view.record = std::move(project);
    if (!view.show_ceiling) view.record.ceiling.reset();
    return view;
}

void WriteStep(storage::Connection& connection, const Actor& actor, const std::string& action, ProjectStatus from,
               const Project& after, const std::string& comment, Instant now, const StepAudit& audit) {
    // The actor as every workflow records it: the user's id and user name, and the role they acted in.
    storage::InsertWorkflowEvent(
        connection, "project", after.id,
        {0, 1, action, std::string(ProjectStatusCode(from)), std::string(ProjectStatusCode(after.status)),
         actor.user_id, actor.username, std::string(RoleCode(actor.role)), comment, now});
    storage::AppendAudit(connection, &actor, now, {action, "project", after.id, audit.before, audit.after});
}

void RecordStep(storage::Connection& connection, const Actor& actor, const Transition& step, const Project& before,
                const Project& after, const std::string& comment, Instant now, std::optional<StepAudit> audit) {
    // The state the workflow names; an empty one is decided by the step itself (the opening: opened or failed).
    assert(step.to.empty() || step.to == ProjectStatusCode(after.status));
    const auto before_snapshot = storage::ProjectSnapshot(before);
    auto after_snapshot = storage::ProjectSnapshot(after);
    // A step that leaves the project as it was (a witness's consent) writes no row.
    if (after_snapshot != before_snapshot || after.updated_at.ms != before.updated_at.ms) {
        storage::UpdateProject(connection, after);
    }
    if (!audit) audit = StepAudit{before_snapshot, std::move(after_snapshot)};
    WriteStep(connection, actor, std::string(ProjectStepAction(step.name)), before.status, after, comment, now, *audit);
}

}  // namespace houqin::procurement_internal
