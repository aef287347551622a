#include "features/procurement/service.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <set>

#include "core/text_rules.h"
#include "features/accounts/store.h"
#include "features/catalogue/store.h"
#include "features/procurement/codec.h"
#include "features/procurement/rules/bid_evaluation.h"
#include "features/procurement/rules/procurement_route.h"
#include "features/procurement/rules/selection_criteria.h"
#include "features/procurement/sealed_bids.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

const storage::VendorScope kEverything{"/", std::nullopt};

Error ProjectNotFound() { return Error::NotFound({"项目不存在", "The project does not exist"}); }

Error Refuse(const std::string& field, Text message) {
    return Error::Conflict(ErrorCode::kFailedPrecondition, field, std::move(message));
}

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

// Called first inside a write's transaction: the project must still be as it was when the request was checked (two
// openings at once, a ceiling set while a bid arrives, a decision on a project edited meanwhile).
std::optional<Error> ChangedMeanwhile(storage::Connection& connection, const Project& before) {
    const auto now = storage::LockProject(connection, before.id);
    if (now && storage::ProjectSnapshot(*now) == storage::ProjectSnapshot(before)) return std::nullopt;
    return Refuse("status", {"项目刚被他人修改,请刷新后重试",
                             "The project was just changed by someone else; reload and "
                             "try again"});
}

Error SecondBid() {
    return Error::Conflict(ErrorCode::kAlreadyExists, "quote",
                           {"每家单位只能报价一次,已提交的报价不能更改",
                            "Each vendor quotes once; the quote already submitted cannot change"});
}

Error BidsClosed() { return Refuse("bid_deadline", {"投标已截止,不再接受报价", "The bid deadline has passed"}); }

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

std::optional<std::int64_t> VendorIdOfOrg(storage::Connection& connection, std::int64_t org_id) {
    const auto row = connection.QueryOne("SELECT id FROM vendors WHERE org_id = ?", {org_id});
    if (!row) return std::nullopt;
    return row->Int(0);
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

Result<RouteDecision> DecideRoute(storage::Connection& connection, const Project& project,
                                  const storage::ProcurementRulesRecord& rules) {
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

SealRecord ToRecord(const ProjectSeal& seal) {
    SealRecord record;
    record.project_id = seal.project_id;
    record.public_key = seal.public_key;
    record.locked_private_key = seal.locked_private_key;
    record.officer_salt = seal.officer_salt;
    record.witness_salt = seal.witness_salt;
    record.officer_check = seal.officer_check;
    record.witness_check = seal.witness_check;
    record.opslimit = seal.limits.opslimit;
    record.memlimit = seal.limits.memlimit;
    record.fingerprint = PublicKeyFingerprint(seal.public_key);
    return record;
}

ProjectSeal FromRecord(const SealRecord& record) {
    ProjectSeal seal;
    seal.project_id = record.project_id;
    seal.public_key = record.public_key;
    seal.locked_private_key = record.locked_private_key;
    seal.officer_salt = record.officer_salt;
    seal.witness_salt = record.witness_salt;
    seal.officer_check = record.officer_check;
    seal.witness_check = record.witness_check;
    seal.limits = {record.opslimit, record.memlimit};
    return seal;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Yearly rules (PRJ-3)

Result<std::vector<storage::ProcurementRulesRecord>> ProcurementService::ListRules(const Actor& actor) {
    if (!actor.Can(Permission::kProjectRead) && !actor.Can(Permission::kProcurementRules)) return Error::Forbidden();
    if (actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    return storage::CurrentProcurementRulesOfEveryYear(*lease);
}

Result<ProcurementRulesView> ProcurementService::GetRules(const Actor& actor, int year) {
    if (!actor.Can(Permission::kProjectRead) && !actor.Can(Permission::kProcurementRules)) return Error::Forbidden();
    if (actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    auto history = storage::ProcurementRulesHistory(*lease, year);
    if (history.empty()) return Error::NotFound(NoRulesForYear(year));
    ProcurementRulesView view{history.front(), std::move(history)};
    return view;
}

Result<ProcurementRulesView> ProcurementService::PutRules(const Actor& actor, int year,
                                                          const ProcurementRulesInput& input) {
    if (auto status = actor.Require(Permission::kProcurementRules); !status) return status.error();
    Validation validation;
    if (year < 2000 || year > 2100)
        validation.Fail("year", {"年度须在 2000 到 2100 之间", "The year must be 2000-2100"});
    if (!input.threshold) {
        validation.Fail("threshold", {"请填写政府采购限额标准", "Enter the procurement threshold"});
    } else if (input.threshold->negative() || input.threshold->fen() == 0) {
        validation.Fail("threshold", {"限额标准须大于 0", "The threshold must be greater than 0"});
    }
    const auto basis = ParseThresholdBasis(input.basis);
    if (!basis) {
        validation.Fail("basis", {"比较基数须为 annual_budget(年度预算)或 total_budget(总预算)",
                                  "basis must be annual_budget or total_budget"});
    }
    CheckLength(validation, "reason", input.reason, 2, 500, {"修改原因", "Reason"});
    if (input.catalogue.size() > 500) validation.Fail("catalogue", {"目录最多 500 项", "At most 500 entries"});
    auto lease = context_.database.Acquire();
    ProcurementYearRules rules;
    rules.year = year;
    if (input.threshold) rules.threshold = *input.threshold;
    if (basis) rules.basis = *basis;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < input.catalogue.size(); ++i) {
        const auto& entry = input.catalogue[i];
        const auto prefix = fmt::format("catalogue[{}]", i);
        CatalogueEntry parsed;
        if (entry.kind == "category") {
            parsed.kind = CatalogueEntryKind::kCategory;
            if (!storage::FindCategoryIdByCode(*lease, entry.code)) {
                validation.Fail(prefix + ".code", {"服务类别编码不存在", "No service category has this code"});
            }
        } else if (entry.kind == "item") {
            parsed.kind = CatalogueEntryKind::kItem;
            if (!IsCode(entry.code, 1, 40)) {
                validation.Fail(prefix + ".code", {"品目编码须为 1-40 位字母、数字、横线或下划线",
                                                   "An item code has 1-40 letters, digits, '-' or '_'"});
            }
        } else {
            validation.Fail(prefix + ".kind",
                            {"类型须为 category(服务类别)或 item(品目)", "kind must be category or item"});
        }
        if (!seen.insert({entry.kind, entry.code}).second) {
            validation.Fail(prefix + ".code", {"目录项重复", "The entry is listed twice"});
        }
        CheckLength(validation, prefix + ".name_zh", entry.name_zh, 1, 100, {"名称", "Name"});
        CheckLength(validation, prefix + ".name_en", entry.name_en, 0, 200, {"英文名称", "English name"});
        parsed.code = entry.code;
        parsed.name = {entry.name_zh, entry.name_en};
        rules.catalogue.push_back(std::move(parsed));
    }
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    const auto before = storage::CurrentProcurementRules(*lease, year);
    storage::ProcurementRulesRecord record{rules, 0, input.reason, actor.user_id, actor.display_name, now};
    record.version = storage::InsertProcurementRules(*lease, record);
    storage::AppendAudit(
        *lease, &actor, now,
        {"update", "procurement_rules", year,
         before ? std::optional<std::string>(storage::ProcurementRulesSnapshot(*before)) : std::nullopt,
         storage::ProcurementRulesSnapshot(record)});
    transaction.Commit();
    auto history = storage::ProcurementRulesHistory(*lease, year);
    ProcurementRulesView view{history.front(), std::move(history)};
    return view;
}

// ---------------------------------------------------------------------------------------------------------------
// Projects (PRJ-1, PRJ-2)

Result<Project> ProcurementService::Load(storage::Connection& connection, const Actor& actor, std::int64_t id) {
    auto project = storage::FindProject(connection, id, storage::VendorScope::Of(actor));
    if (!project) return ProjectNotFound();
    return *project;
}

ProjectView ProcurementService::Build(storage::Connection& connection, const Actor& actor, Project project, bool full) {
    ProjectView view;
    const auto now = context_.clock.Now();
    for (const auto id : project.plan_ids) {
        if (auto attachment = storage::FindAttachment(connection, id, false)) view.plans.push_back(attachment->info);
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
                            context_.settings.Get(connection, setting::kProcurementPublishCeiling) == 1;
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
        view.min_bidding_days = context_.settings.Get(connection, setting::kProcurementMinBiddingDays);
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
    if (full && !actor.vendor_org_id) view.history = storage::ListWorkflowEvents(connection, "project", project.id);
    if (actor.vendor_org_id && !view.my_bid) project.winner_quote.reset();
    view.record = std::move(project);
    if (!view.show_ceiling) view.record.ceiling.reset();
    return view;
}

Result<Page<ProjectView>> ProcurementService::List(const Actor& actor, const ProjectQuery& query) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::ProjectFilter filter{
        storage::VendorScope::Of(actor), query.q, query.status, query.route, query.year, query.page, query.page_size};
    auto [projects, total] = storage::ListProjects(*lease, filter);
    std::vector<ProjectView> views;
    views.reserve(projects.size());
    for (auto& project : projects) views.push_back(Build(*lease, actor, std::move(project), false));
    return PageOf(std::move(views), total);
}

Result<ProjectView> ProcurementService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    return Build(*lease, actor, std::move(*project), true);
}

Result<Project> ProcurementService::FromInput(storage::Connection& connection, const Actor& actor,
                                              const ProjectInput& input, Project project) {
    Validation validation;
    project.name = input.name;
    project.year = input.year ? static_cast<int>(std::clamp<std::int64_t>(*input.year, -1, 100000)) : 0;
    if (!input.year) validation.Fail("year", {"请填写年度", "Enter the year"});
    project.category_id = input.category_id.value_or(0);
    project.item_codes = input.item_codes;
    project.scope = input.scope;
    if (!input.annual_budget) validation.Fail("annual_budget", {"请填写年度预算", "Enter the annual budget"});
    project.annual_budget = input.annual_budget.value_or(Money{});
    if (!input.total_budget) validation.Fail("total_budget", {"请填写总预算", "Enter the total budget"});
    project.total_budget = input.total_budget.value_or(Money{});
    if (!input.service_start) validation.Fail("service_start", {"请填写服务期开始日期", "Enter the service start"});
    if (!input.service_end) validation.Fail("service_end", {"请填写服务期结束日期", "Enter the service end"});
    project.service_start = input.service_start.value_or(Date{});
    project.service_end = input.service_end.value_or(Date{});
    project.department_id = input.department_id.value_or(0);
    project.responsible_person = input.responsible_person;
    project.responsible_phone = input.responsible_phone;
    project.plan_ids = input.plan_ids;
    if (auto status = ValidateProject(project); !status) {
        for (auto& field : status.error().fields) validation.Fail(field.field, field.message);
    }
    if (project.category_id > 0) {
        const auto category = storage::FindCategory(connection, project.category_id);
        if (!category || !category->active) {
            validation.Fail("category_id", {"服务类别不存在或已停用", "The service category does not exist"});
        }
    }
    if (project.department_id > 0) {
        const auto org = storage::FindOrg(connection, project.department_id);
        if (!org || org->kind != OrgKind::kDepartment || org->path.rfind(actor.scope_path, 0) != 0) {
            validation.Fail("department_id", {"责任部门不存在", "The department does not exist"});
        }
    }
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < project.plan_ids.size(); ++i) {
        const auto field = fmt::format("plan_attachment_ids[{}]", i);
        // X-5: the office's own upload, or one already on this project (id 0 for a new project).
        const auto attachment = AttachmentForUse(connection, actor, project.plan_ids[i], "project", project.id);
        if (!seen.insert(project.plan_ids[i]).second) {
            validation.Fail(field, {"附件重复", "The attachment is listed twice"});
        } else if (!attachment) {
            validation.Fail(field, {"附件不存在", "The attachment does not exist"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    return project;
}

void ProcurementService::WriteStep(storage::Connection& connection, const Actor& actor, const std::string& action,
                                   ProjectStatus from, const Project& after, const std::string& comment, Instant now,
                                   const StepAudit& audit) {
    // The actor as every workflow records it: the user's id and user name, and the role they acted in.
    storage::InsertWorkflowEvent(
        connection, "project", after.id,
        {0, 1, action, std::string(ProjectStatusCode(from)), std::string(ProjectStatusCode(after.status)),
         actor.user_id, actor.username, std::string(RoleCode(actor.role)), comment, now});
    storage::AppendAudit(connection, &actor, now, {action, "project", after.id, audit.before, audit.after});
}

void ProcurementService::RecordStep(storage::Connection& connection, const Actor& actor, const Transition& step,
                                    const Project& before, const Project& after, const std::string& comment,
                                    Instant now, std::optional<StepAudit> audit) {
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

Result<ProjectView> ProcurementService::Create(const Actor& actor, const ProjectInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto owner = storage::FindOrg(*lease, OrgIdOfPath(actor.scope_path));
    if (!owner) return Error::Forbidden();
    HOUQIN_TRY(project, FromInput(*lease, actor, input, Project{}));
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    project->code = storage::NextProjectCode(*lease, project->year);
    project->owner_org_id = owner->id;
    project->owner_path = owner->path;
    project->status = ProjectStatus::kDraft;
    project->created_by = actor.user_id;
    project->created_by_name = actor.display_name;
    project->created_at = now;
    project->updated_at = now;
    project->id = storage::InsertProject(*lease, *project);
    for (const auto plan : project->plan_ids) storage::LinkAttachment(*lease, plan, "project", project->id);
    // The creation is no transition of the workflow: the project starts as a draft.
    WriteStep(*lease, actor, "create", ProjectStatus::kDraft, *project, "", now,
              {std::nullopt, storage::ProjectSnapshot(*project)});
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, project->id, kEverything), true);
}

Result<ProjectView> ProcurementService::Update(const Actor& actor, std::int64_t id, const ProjectInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "edit", actor, ""));
    HOUQIN_TRY(project, FromInput(*lease, actor, input, *before));
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    if (project->year != before->year) {
        // The code carries the year: a project moved to another year gets a code of that year.
        project->code = storage::NextProjectCode(*lease, project->year);
    }
    const auto now = context_.clock.Now();
    project->updated_at = now;
    for (const auto plan : project->plan_ids) storage::LinkAttachment(*lease, plan, "project", project->id);
    RecordStep(*lease, actor, **step, *before, *project, "", now);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true);
}

Result<ProjectView> ProcurementService::Submit(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "submit", actor, ""));
    if (before->plan_ids.empty()) {
        return Error::Invalid("plan_attachment_ids",
                              {"提交审批前请上传采购实施方案", "Attach the procurement implementation plan first"});
    }
    auto project = *before;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    const auto now = context_.clock.Now();
    project.status = ProjectStatus::kPendingLeadership;
    project.updated_at = now;
    RecordStep(*lease, actor, **step, *before, project, "", now);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true);
}

Result<ProjectView> ProcurementService::Decide(const Actor& actor, std::int64_t id, const std::string& decision,
                                               const std::string& comment) {
    if (auto status = actor.Require(Permission::kProjectApprove); !status) return status.error();
    Validation validation;
    if (decision != "approve" && decision != "return") {
        validation.Fail("decision", {"决定须为 approve(批准)或 return(退回)", "decision must be approve or return"});
    }
    if (decision == "return") CheckLength(validation, "comment", comment, 2, 1000, {"退回意见", "Comment"});
    CheckLength(validation, "comment", comment, 0, 1000, {"意见", "Comment"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, decision, actor, comment));
    auto project = *before;
    if (decision == "approve") {
        // PRJ-3: the route is decided at approval with the year's rules in force, and kept with its reasons.
        const auto rules = storage::CurrentProcurementRules(*lease, project.year);
        if (!rules) return Refuse("year", NoRulesForYear(project.year));
        HOUQIN_TRY(route, DecideRoute(*lease, project, *rules));
        project.route = std::string(ProcurementRouteCode(route->route));
        project.route_decision_json = RouteDecisionJson(*route);
        project.status = ProjectStatus::kApproved;
    } else {
        project.status = ProjectStatus::kReturned;
    }
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    const auto now = context_.clock.Now();
    project.updated_at = now;
    RecordStep(*lease, actor, **step, *before, project, comment, now);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true);
}

Result<ProjectView> ProcurementService::RecordGovernment(const Actor& actor, std::int64_t id,
                                                         const GovernmentInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "record_government", actor, ""));
    Validation validation;
    const auto& methods = GovernmentProcurementMethods();
    if (std::find(methods.begin(), methods.end(), input.method) == methods.end()) {
        validation.Fail("method", {"采购方式须为公开招标、邀请招标、竞争性谈判、竞争性磋商、询价或单一来源",
                                   "method must be public_tender, invited_tender, competitive_negotiation, "
                                   "competitive_consultation, inquiry or single_source"});
    }
    CheckLength(validation, "reference", input.reference, 2, 100, {"采购编号", "Procurement reference"});
    CheckLength(validation, "agency", input.agency, 0, 200, {"采购代理机构", "Agency"});
    CheckLength(validation, "result", input.result, 2, 2000, {"采购结果", "Result"});
    if (!input.started_on) validation.Fail("started_on", {"请填写采购开始日期", "Enter the start date"});
    if (input.started_on && input.completed_on && *input.completed_on < *input.started_on) {
        validation.Fail("completed_on", {"完成日期不能早于开始日期", "Completion cannot precede the start"});
    }
    if (input.completed_on && *input.completed_on > context_.clock.Today()) {
        validation.Fail("completed_on", {"完成日期不能晚于今天", "Completion cannot be in the future"});
    }
    if (input.amount && (input.amount->negative() || input.amount->fen() == 0)) {
        validation.Fail("amount", {"中标年度金额须大于 0", "The annual amount must be greater than 0"});
    } else if (input.amount && input.amount->fen() > kMaxProcurementFen) {
        validation.Fail("amount", {"中标年度金额超出上限(100 亿元)", "The annual amount exceeds the limit"});
    }
    if (input.winner_vendor_id.has_value() != input.amount.has_value()) {
        validation.Fail(input.amount ? "winner_vendor_id" : "amount",
                        {"中标单位和中标年度金额须同时填写", "Enter both the winning vendor and its annual amount"});
    }
    if (input.winner_vendor_id &&
        !storage::FindVendor(*lease, *input.winner_vendor_id, storage::VendorScope::Of(actor))) {
        validation.Fail("winner_vendor_id", {"外包单位不存在", "The vendor does not exist"});
    }
    if (!validation.ok()) return validation.ToError();
    auto project = *before;
    project.government = GovernmentProcurement{input.method,     input.reference,    input.agency,
                                               input.started_on, input.completed_on, input.result};
    project.winner_vendor_id = input.winner_vendor_id;
    project.winner_quote = input.amount;
    project.status = ProjectStatus::kProcured;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    const auto now = context_.clock.Now();
    project.updated_at = now;
    RecordStep(*lease, actor, **step, *before, project, "", now);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true);
}

// ---------------------------------------------------------------------------------------------------------------
// Ceiling and bidding (PRJ-6, PRJ-7)

Result<ProjectView> ProcurementService::SetCeiling(const Actor& actor, std::int64_t id, const CeilingInput& input) {
    if (auto status = actor.Require(Permission::kProjectApprove); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "set_ceiling", actor, ""));
    // D4 §5: the ceiling is fixed before anyone bids; changing it after a quote arrived would favour or hurt one.
    if (storage::CountBids(*lease, id) > 0) {
        return Refuse("amount", {"已有投标报价,不能再设定或修改最高限价",
                                 "Bids have arrived; the ceiling can no longer be set or changed"});
    }
    Validation validation;
    if (!input.amount) {
        validation.Fail("amount", {"请填写最高限价", "Enter the ceiling price"});
    } else if (input.amount->negative() || input.amount->fen() == 0) {
        validation.Fail("amount", {"最高限价须大于 0", "The ceiling must be greater than 0"});
    } else if (input.amount->fen() > kMaxProcurementFen) {
        validation.Fail("amount", {"最高限价超出上限(100 亿元)", "The ceiling exceeds the limit"});
    }
    CheckLength(validation, "reason", input.reason, 0, 500, {"说明", "Reason"});
    if (!validation.ok()) return validation.ToError();
    auto project = *before;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    if (storage::CountBids(*lease, id) > 0) {
        return Refuse("amount", {"已有投标报价,不能再设定或修改最高限价",
                                 "Bids have arrived; the ceiling can no longer be set or changed"});
    }
    const auto now = context_.clock.Now();
    project.ceiling = input.amount;
    project.ceiling_reason = input.reason;
    project.ceiling_set_by_name = actor.display_name;
    project.ceiling_set_at = now;
    project.updated_at = now;
    RecordStep(*lease, actor, **step, *before, project, input.reason, now);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true);
}

namespace {

// What a consent is for, in the refusals.
Text ConsentStep(const std::string& purpose) {
    if (purpose == kConsentOpenBidding) return {"发起投标(生成密封公钥)", "opening the bidding (creating the seal)"};
    return {"开标", "the opening"};
}

std::string ShanghaiMinute(Instant instant) {
    const auto iso = instant.ToIso();
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

}  // namespace

// PRJ-7 (D1 Art.4): the witness's consent comes from the witness's own session. The office's step uses it once,
// within procurement.witness_consent_minutes; nobody types a log-in password on another person's screen.
Result<WitnessConsent> ProcurementService::FreshConsent(storage::Connection& connection, std::int64_t project_id,
                                                        const std::string& purpose, Instant now) {
    const auto step = ConsentStep(purpose);
    const auto minutes = context_.settings.Get(connection, setting::kProcurementWitnessConsentMinutes);
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

Result<WitnessConsent> ProcurementService::GiveWitnessConsent(const Actor& actor, std::int64_t id,
                                                              const std::string& purpose) {
    if (auto status = actor.Require(Permission::kProjectWitness); !status) return status.error();
    if (purpose != kConsentOpenBidding && purpose != kConsentOpening) {
        return Error::Invalid("purpose", {"见证事项须为 open_bidding(发起投标)或 opening(开标)",
                                          "purpose must be open_bidding or opening"});
    }
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    const bool opening = purpose == kConsentOpening;
    HOUQIN_TRY(step, CheckStep(*project, opening ? "witness_opening" : "witness_open_bidding", actor, ""));
    const auto now = context_.clock.Now();
    if (!opening && !project->ceiling) {
        return Refuse("status", {"领导尚未设定最高限价,还不能发起投标", "The ceiling is not set yet"});
    }
    if (opening) {
        // Bids are closed before the witness consents to open them.
        if (!DeadlinePassed(*project, now)) {
            return Refuse("bid_deadline", {"投标尚未截止,还不能确认开标",
                                           "Bids are still open; the opening cannot be "
                                           "witnessed yet"});
        }
    }
    const auto minutes = context_.settings.Get(*lease, setting::kProcurementWitnessConsentMinutes);
    WitnessConsent consent;
    consent.project_id = id;
    consent.purpose = purpose;
    consent.witness_id = actor.user_id;
    consent.witness_name = actor.display_name.empty() ? actor.username : actor.display_name;
    consent.given_at = now;
    consent.expires_at = Instant{now.ms + minutes * 60'000};
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *project)) return *changed;
    consent.id = storage::InsertWitnessConsent(*lease, consent);
    RecordStep(*lease, actor, **step, *project, *project,
               fmt::format("确认见证{},{} 前有效", ConsentStep(purpose).zh, ShanghaiMinute(consent.expires_at)), now,
               StepAudit{std::nullopt, storage::WitnessConsentSnapshot(consent)});
    transaction.Commit();
    return consent;
}

Result<ProjectView> ProcurementService::OpenBidding(const Actor& actor, std::int64_t id, const BiddingInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "open_bidding", actor, ""));
    if (!before->ceiling) {
        return Refuse("ceiling", {"领导尚未设定最高限价", "Leadership has not set the ceiling price yet"});
    }
    const auto now = context_.clock.Now();
    // The shortest announcement period is a setting (procurement.min_bidding_days); the step records the value used.
    const auto min_days = context_.settings.Get(*lease, setting::kProcurementMinBiddingDays);
    const Instant earliest{now.ms + min_days * 86'400'000LL};
    Validation validation;
    if (!input.bid_deadline) {
        validation.Fail("bid_deadline", {"请填写投标截止时间", "Enter the bid deadline"});
    } else if (*input.bid_deadline <= now) {
        validation.Fail("bid_deadline", {"投标截止时间须晚于现在", "The bid deadline must be in the future"});
    } else if (*input.bid_deadline < earliest) {
        validation.Fail("bid_deadline",
                        {fmt::format("投标截止时间距发布不得少于 {} 天(最早 {})", min_days, ShanghaiMinute(earliest)),
                         fmt::format("The bid deadline must be at least {} days after publication (at the earliest {})",
                                     min_days, ShanghaiMinute(earliest))});
    }
    if (!input.opening_at) {
        validation.Fail("opening_at", {"请填写开标时间", "Enter the opening time"});
    } else if (input.bid_deadline && *input.opening_at < *input.bid_deadline) {
        validation.Fail("opening_at", {"开标时间不能早于投标截止时间", "The opening cannot precede the deadline"});
    }
    if (auto status = CheckSealSecret("officer_secret", input.secrets.officer_secret); !status) {
        for (auto& field : status.error().fields) validation.Fail(field.field, field.message);
    }
    if (auto status = CheckSealSecret("witness_secret", input.secrets.witness_secret); !status) {
        for (auto& field : status.error().fields) validation.Fail(field.field, field.message);
    }
    // Checked again by CreateProjectSeal; here so that the refusal of the body comes before the consent's.
    if (!input.secrets.officer_secret.empty() && input.secrets.officer_secret == input.secrets.witness_secret) {
        validation.Fail("witness_secret", {"纪检监督人口令不能与开标人口令相同",
                                           "the witness's secret must differ from the opening officer's"});
    }
    if (!validation.ok()) return validation.ToError();
    HOUQIN_TRY(witness, FreshConsent(*lease, id, kConsentOpenBidding, now));
    HOUQIN_TRY(seal, CreateProjectSeal(id, input.secrets.officer_secret, input.secrets.witness_secret, seal_limits_));
    auto record = ToRecord(*seal);
    record.officer_id = actor.user_id;
    record.officer_name = actor.display_name;
    record.witness_id = witness->witness_id;
    record.witness_name = witness->witness_name;
    record.created_at = now;
    auto project = *before;
    project.status = ProjectStatus::kBidding;
    project.bid_deadline = input.bid_deadline;
    project.opening_at = input.opening_at;
    project.updated_at = now;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    if (!storage::UseWitnessConsent(*lease, witness->id, now, actor.display_name)) {
        return FreshConsent(*lease, id, kConsentOpenBidding, now).error();
    }
    storage::InsertSeal(*lease, record);
    RecordStep(*lease, actor, **step, *before, project,
               fmt::format("公钥指纹 {};见证人 {}(本人账号确认于 {},确认编号 {});投标截止 {},距发布不少于 {} 天"
                           "(设置 procurement.min_bidding_days = {})",
                           record.fingerprint, witness->witness_name, ShanghaiMinute(witness->given_at), witness->id,
                           ShanghaiMinute(*input.bid_deadline), min_days, min_days),
               now);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true);
}

Result<std::vector<ProjectRegistration>> ProcurementService::Registrations(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    return storage::ListRegistrations(*lease, project->id, actor.vendor_org_id);
}

Result<std::pair<ProjectRegistration, bool>> ProcurementService::Register(const Actor& actor, std::int64_t id,
                                                                          std::optional<std::int64_t> vendor_id) {
    if (!actor.Can(Permission::kBidSubmit) && !actor.Can(Permission::kProjectWrite)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    // A registration is the vendor's record, audited as such; it is no step of the project's history.
    if (auto step = CheckStep(*project, "register", actor, ""); !step) return step.error();
    const auto now = context_.clock.Now();
    if (DeadlinePassed(*project, now) || !project->bid_deadline) {
        return Refuse("bid_deadline", {"投标已截止,不能再报名", "The bid deadline has passed"});
    }
    std::optional<Vendor> vendor;
    if (actor.vendor_org_id) {
        const auto own = VendorIdOfOrg(*lease, *actor.vendor_org_id);
        if (!own || (vendor_id && *vendor_id != *own)) {
            return Error::Invalid("vendor_id", {"只能为本单位报名", "A vendor can register only itself"});
        }
        vendor = storage::FindVendor(*lease, *own, kEverything);
    } else {
        if (!vendor_id) return Error::Invalid("vendor_id", {"请选择外包单位", "Choose the vendor"});
        vendor = storage::FindVendor(*lease, *vendor_id, storage::VendorScope::Of(actor));
    }
    if (!vendor) return Error::Invalid("vendor_id", {"外包单位不存在", "The vendor does not exist"});
    const auto category = storage::FindCategory(*lease, project->category_id);
    // PRJ-5: the criteria are judged on the bid date, the deadline's day: a certificate ending before it fails.
    const auto verdict = CheckSelectionCriteria(category ? category->criteria : SelectionCriteria{}, *vendor,
                                                project->bid_deadline->ShanghaiDate());
    const auto existing = storage::FindRegistration(*lease, id, vendor->id);
    ProjectRegistration registration{0,
                                     id,
                                     vendor->id,
                                     vendor->name,
                                     vendor->org_id,
                                     verdict.qualified,
                                     CriteriaVerdictJson(verdict),
                                     now,
                                     actor.display_name};
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *project)) return *changed;
    if (context_.clock.Now() >= *project->bid_deadline) {
        return Refuse("bid_deadline", {"投标已截止,不能再报名", "The bid deadline has passed"});
    }
    storage::UpsertRegistration(*lease, registration);
    storage::AppendAudit(
        *lease, &actor, now,
        {"register", "project", id,
         existing ? std::optional<std::string>(storage::RegistrationSnapshot(*existing)) : std::nullopt,
         storage::RegistrationSnapshot(registration)});
    transaction.Commit();
    return std::make_pair(*storage::FindRegistration(*lease, id, vendor->id), !existing.has_value());
}

Result<std::vector<BidView>> ProcurementService::Bids(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    const bool opened = storage::FindOpening(*lease, id).has_value();
    // The record is published to the bidders; a vendor that did not bid sees nothing of the others (as GetOpening).
    if (opened && actor.vendor_org_id && storage::ListBids(*lease, id, actor.vendor_org_id).empty()) {
        return Error::NotFound({"该项目尚未开标", "The bids of this project have not been opened"});
    }
    // After the opening the record is published to the bidders: each sees every quote (PRJ-7).
    const auto vendor_filter = opened ? std::nullopt : actor.vendor_org_id;
    std::vector<BidView> views;
    for (auto& bid : storage::ListBids(*lease, project->id, vendor_filter)) {
        bid.sealed.clear();
        views.push_back({std::move(bid), opened});
    }
    return views;
}

Result<std::pair<Bid, std::string>> ProcurementService::SubmitBid(const Actor& actor, std::int64_t id,
                                                                  std::optional<Money> quote) {
    if (auto status = actor.Require(Permission::kBidSubmit); !status) return status.error();
    if (!actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    // A bid is the vendor's sealed record, audited as such; it is no step of the project's history.
    if (auto step = CheckStep(*project, "bid", actor, ""); !step) return step.error();
    const auto now = context_.clock.Now();
    if (DeadlinePassed(*project, now) || !project->bid_deadline) {
        return BidsClosed();
    }
    if (!quote) return Error::Invalid("quote", {"请填写年度报价", "Enter the annual quote"});
    if (quote->negative() || quote->fen() == 0) {
        return Error::Invalid("quote", {"年度报价须大于 0", "The annual quote must be greater than 0"});
    }
    if (quote->fen() > kMaxProcurementFen) {
        return Error::Invalid("quote", {"年度报价超出上限(100 亿元)", "The annual quote exceeds the limit"});
    }
    const auto vendor_id = VendorIdOfOrg(*lease, *actor.vendor_org_id);
    const auto vendor = vendor_id ? storage::FindVendor(*lease, *vendor_id, kEverything) : std::nullopt;
    if (!vendor) return Error::Forbidden();
    const auto registration = storage::FindRegistration(*lease, id, vendor->id);
    if (!registration) {
        return Refuse("vendor_id", {"请先报名并通过资格审查", "Register for the project before bidding"});
    }
    // PRJ-5: checked again on the bid date itself: a qualification that lapsed since registering fails now.
    const auto category = storage::FindCategory(*lease, project->category_id);
    const auto verdict =
        CheckSelectionCriteria(category ? category->criteria : SelectionCriteria{}, *vendor, now.ShanghaiDate());
    if (!verdict.qualified) {
        Validation validation;
        for (const auto& failure : verdict.failures) validation.Fail(failure.criterion, failure.text);
        return validation.ToError();
    }
    if (!storage::ListBids(*lease, id, actor.vendor_org_id).empty()) {
        return SecondBid();
    }
    const auto seal = storage::FindSeal(*lease, id);
    if (!seal) return Refuse("status", {"投标密封公钥缺失", "The bidding has no sealing key"});
    HOUQIN_TRY(sealed, SealQuote(seal->public_key, *quote, {id, vendor->id}));
    Bid bid;
    bid.project_id = id;
    bid.vendor_id = vendor->id;
    bid.vendor_name = vendor->name;
    bid.vendor_org_id = vendor->org_id;
    bid.submitted_at = now;
    bid.submitted_by_name = actor.display_name;
    bid.sealed = sealed->sealed;
    bid.receipt = sealed->receipt;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *project)) return *changed;
    if (context_.clock.Now() >= *project->bid_deadline) {
        return BidsClosed();
    }
    try {
        bid.id = storage::InsertBid(*lease, bid);
    } catch (const storage::DbError& error) {
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return SecondBid();
    }
    storage::AppendAudit(*lease, &actor, now, {"bid", "project", id, std::nullopt, storage::BidSnapshot(bid)});
    transaction.Commit();
    bid.sealed.clear();
    return std::make_pair(bid, seal->fingerprint);
}

// ---------------------------------------------------------------------------------------------------------------
// Opening and award (PRJ-7, PRJ-8)

Result<BidOpening> ProcurementService::Open(const Actor& actor, std::int64_t id, const SealSecrets& secrets) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "open", actor, ""));
    const auto now = context_.clock.Now();
    if (!OpeningTimeCome(*before, now)) {
        const auto when = before->opening_at ? before->opening_at->ToIso() : std::string("-");
        return Refuse("opening_at", {fmt::format("未到开标时间({})", when),
                                     fmt::format("It is not yet the opening time ({})", when)});
    }
    const auto max_failures = context_.settings.Get(*lease, setting::kProcurementOpeningMaxFailures);
    const auto lock_minutes = context_.settings.Get(*lease, setting::kProcurementOpeningLockMinutes);
    if (before->opening_failures >= max_failures && before->opening_failed_at &&
        now.ms < before->opening_failed_at->ms + lock_minutes * 60'000) {
        const auto minutes = (before->opening_failed_at->ms + lock_minutes * 60'000 - now.ms + 59'999) / 60'000;
        Error error{
            ErrorCode::kResourceExhausted,
            {fmt::format("开标口令连续错误 {} 次,请 {} 分钟后再试", before->opening_failures, minutes),
             fmt::format("{} failed opening attempts; try again in {} minute(s)", before->opening_failures, minutes)},
            {},
            {}};
        error.fields.push_back({"officer_secret", error.message});
        return error;
    }
    Validation validation;
    if (secrets.officer_secret.empty()) validation.Fail("officer_secret", {"请输入开标人口令", "Enter your secret"});
    if (secrets.witness_secret.empty()) {
        validation.Fail("witness_secret", {"请见证人输入口令", "The witness must enter their secret"});
    }
    if (!validation.ok()) return validation.ToError();
    HOUQIN_TRY(witness, FreshConsent(*lease, id, kConsentOpening, now));
    const auto seal_record = storage::FindSeal(*lease, id);
    if (!seal_record) return Refuse("status", {"投标密封公钥缺失", "The bidding has no sealing key"});
    auto key = OpenSeal(FromRecord(*seal_record), secrets.officer_secret, secrets.witness_secret);
    if (!key) {
        // Each attempt costs two argon2id runs; the count and the pause are settings (PRJ-7). Each attempt also uses
        // the witness's consent: trying the secrets again needs the witness to consent again, in their own session.
        storage::Transaction transaction(*lease);
        storage::UseWitnessConsent(*lease, witness->id, now, actor.display_name);
        auto project = storage::LockProject(*lease, id).value_or(*before);
        project.opening_failures = project.opening_failures >= max_failures ? 1 : project.opening_failures + 1;
        project.opening_failed_at = now;
        storage::UpdateProject(*lease, project);
        std::string fields;
        for (const auto& field : key.error().fields) fields += (fields.empty() ? "" : ",") + field.field;
        storage::AppendAudit(*lease, &actor, now,
                             {"open_failed", "project", id, std::nullopt,
                              fmt::format(R"({{"failures":{},"max_failures":{},"lock_minutes":{},"wrong":"{}",)"
                                          R"("witness_consent_id":{}}})",
                                          project.opening_failures, max_failures, lock_minutes, fields, witness->id)});
        transaction.Commit();
        return key.error();
    }
    // Everything from here is read inside the transaction, so a bid accepted just before cannot be left out.
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    if (!storage::UseWitnessConsent(*lease, witness->id, now, actor.display_name)) {
        return FreshConsent(*lease, id, kConsentOpening, now).error();
    }
    auto bids = storage::ListBids(*lease, id, std::nullopt);
    std::vector<OpenedBid> opened;
    for (const auto& bid : bids) {
        OpenedBid item;
        item.bid_id = std::to_string(bid.id);
        item.vendor_id = bid.vendor_id;
        item.vendor_name = bid.vendor_name;
        item.submitted_at = bid.submitted_at;
        item.receipt = bid.receipt;
        if (auto commitment = CommitmentOf(bid.sealed)) item.commitment = *commitment;
        if (auto quote = OpenQuote(*key, bid.sealed, {id, bid.vendor_id})) {
            item.quote = *quote;
        } else {
            item.open_failure = quote.error().message;
        }
        opened.push_back(std::move(item));
    }
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    BidEvaluationInput input;
    input.ceiling = *before->ceiling;
    input.draw_seed = seed;
    input.min_valid_bids = static_cast<int>(context_.settings.Get(*lease, setting::kProcurementMinValidBids));
    input.bids = opened;
    HOUQIN_TRY(evaluation, EvaluateBids(input));

    OpeningFacts facts{id,
                       now,
                       actor.display_name,
                       witness->witness_name,
                       *witness,
                       *before->ceiling,
                       seed,
                       input.min_valid_bids,
                       seal_record->fingerprint,
                       bids,
                       opened,
                       *evaluation};
    BidOpening opening{id, now, actor.display_name, witness->witness_name, OpeningRecordJson(facts)};
    auto project = *before;
    project.outcome = std::string(BidOutcomeCode(evaluation->outcome));
    project.status = evaluation->outcome == BidOutcome::kAwarded ? ProjectStatus::kOpened : ProjectStatus::kFailed;
    project.opening_failures = 0;
    project.opening_failed_at.reset();
    project.updated_at = now;
    for (const auto& evaluated : evaluation->bids) {
        for (auto& bid : bids) {
            if (std::to_string(bid.id) != evaluated.bid_id) continue;
            bid.opened_quote = evaluated.quote;
            bid.valid = evaluated.valid;
            bid.rank = evaluated.rank;
            bid.reasons_json = BidReasonsJson(evaluated.reasons);
            storage::RecordBidOpened(*lease, bid);
            if (evaluation->winner_bid_id && *evaluation->winner_bid_id == evaluated.bid_id) {
                project.winner_vendor_id = bid.vendor_id;
                project.winner_quote = evaluated.quote;
            }
        }
    }
    storage::InsertOpening(*lease, opening);
    RecordStep(*lease, actor, **step, *before, project,
               fmt::format("见证人 {}(本人账号确认于 {});{}", witness->witness_name, ShanghaiMinute(witness->given_at),
                           evaluation->summary.zh),
               now, StepAudit{storage::ProjectSnapshot(*before), opening.record_json});
    transaction.Commit();
    return opening;
}

Result<std::pair<ProjectView, BidOpening>> ProcurementService::GetOpening(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    auto opening = storage::FindOpening(*lease, id);
    const auto not_found = Error::NotFound({"该项目尚未开标", "The bids of this project have not been opened"});
    if (!opening) return not_found;
    // Published to the bidders (PRJ-7); a vendor that did not bid has no part in it.
    if (actor.vendor_org_id && storage::ListBids(*lease, id, actor.vendor_org_id).empty()) return not_found;
    return std::make_pair(Build(*lease, actor, std::move(*project), false), std::move(*opening));
}

Result<AwardResult> ProcurementService::Award(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, Load(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "award", actor, ""));
    if (before->contract_id || !HasWinner(*before)) return WrongState("award", *before);
    const auto vendor = storage::FindVendor(*lease, *before->winner_vendor_id, kEverything);
    const auto category = storage::FindCategory(*lease, before->category_id);
    const auto owner = storage::FindOrg(*lease, before->owner_org_id);
    if (!vendor || !category || !owner) return ProjectNotFound();

    // PRJ-8: the draft is filled from the project, the vendor and the winning annual quote; the office completes
    // the clauses and it goes through the dual review like any contract (CON-2).
    ContractContent content;
    content.title = before->name;
    content.category_id = before->category_id;
    content.vendor_id = vendor->id;
    content.party_a.name = owner->name;
    content.party_b = {vendor->name,           vendor->legal_representative, vendor->contact_phone,
                       vendor->address,        vendor->bank_account_name,    vendor->bank_name,
                       vendor->bank_account_no};
    if (!content.party_b.phone.empty() && !IsPhone(content.party_b.phone)) content.party_b.phone.clear();
    content.term_start = before->service_start;
    content.term_end = before->service_end;
    content.annual_amount = *before->winner_quote;
    content.total_amount = TermTotalOfAnnual(*before->winner_quote, before->service_start, before->service_end);
    content.service_items.push_back(
        {category->name_zh, before->scope.substr(0, std::min<std::size_t>(before->scope.size(), 450)),
         fmt::format("年报价 {} 元({})", before->winner_quote->ToString(), before->code), content.total_amount});
    content.payment.method = "银行转账";
    content.payment.frequency = Frequency::kMonthly;
    content.payment.installments =
        GenerateSchedule(content.term_start, content.term_end, Frequency::kMonthly, content.total_amount);
    content.assessment.frequency = Frequency::kMonthly;
    content.assessment.pass_mark = 60;
    content.assessment.checklist = category->checklist;
    if (content.assessment.checklist.empty()) content.assessment.checklist = {{"综合考核", 100}};
    content.assessment.bands = {{"优秀", 90}, {"良好", 75}, {"合格", 60}};
    content.responsible_department_id = before->department_id;
    content.responsible_person = before->responsible_person;
    content.responsible_phone = before->responsible_phone;
    // The scope is cut on a character boundary (UTF-8) for the service item.
    auto& item_scope = content.service_items.front().scope;
    while (!item_scope.empty() && (static_cast<unsigned char>(item_scope.back()) & 0xC0) == 0x80) item_scope.pop_back();
    if (!item_scope.empty() && (static_cast<unsigned char>(item_scope.back()) & 0x80) != 0) item_scope.pop_back();
    if (auto status = ValidateContractContent(content); !status) return status.error();

    auto project = *before;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    const auto now = context_.clock.Now();
    const auto contract_id = contracts_.InsertDraft(*lease, actor, content, *owner, *vendor);
    project.contract_id = contract_id;
    project.status = ProjectStatus::kAwarded;
    project.updated_at = now;
    RecordStep(*lease, actor, **step, *before, project, "", now);
    transaction.Commit();
    return AwardResult{Build(*lease, actor, *storage::FindProject(*lease, id, kEverything), true), contract_id};
}

Result<std::vector<TrailItem>> ProcurementService::Trail(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    if (actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, Load(*lease, actor, id));
    std::vector<TrailItem> items;
    for (const auto& entry : storage::ProjectTrail(*lease, id, project->contract_id)) {
        items.push_back({entry.at, entry.entity, entry.entity_id, entry.action, entry.actor_name, entry.role,
                         ProjectStepName(entry.entity, entry.action)});
    }
    return items;
}

}  // namespace houqin
