// A project's lifecycle (PRJ-1 … PRJ-3, PRJ-6, PRJ-8).
#include "features/procurement/project_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text_rules.h"
#include "features/accounts/store.h"
#include "features/catalogue/store.h"
#include "features/procurement/codec.h"
#include "features/procurement/service_internal.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
using namespace procurement_internal;  // the feature's shared parts (service_internal.h)

Result<Page<ProjectView>> ProjectService::List(const Actor& actor, const ProjectQuery& query) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::ProjectFilter filter{
        storage::VendorScope::Of(actor), query.q, query.status, query.route, query.year, query.page, query.page_size};
    auto [projects, total] = storage::ListProjects(*lease, filter);
    std::vector<ProjectView> views;
    views.reserve(projects.size());
    for (auto& project : projects)
        views.push_back(BuildProjectView(context_, *lease, actor, std::move(project), ProjectDetail::kSummary));
    return PageOf(std::move(views), total);
}

Result<ProjectView> ProjectService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    return BuildProjectView(context_, *lease, actor, std::move(*project), ProjectDetail::kWithHistory);
}

Result<Project> ProjectService::FromInput(storage::Connection& connection, const Actor& actor,
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
        // the office's own upload, or one already on this project (id 0 for a new project).
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

Result<ProjectView> ProjectService::Create(const Actor& actor, const ProjectInput& input) {
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
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, project->id, kEverything),
                            ProjectDetail::kWithHistory);
}

Result<ProjectView> ProjectService::Update(const Actor& actor, std::int64_t id, const ProjectInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
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
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                            ProjectDetail::kWithHistory);
}

Result<ProjectView> ProjectService::Submit(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
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
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                            ProjectDetail::kWithHistory);
}

Result<ProjectView> ProjectService::Decide(const Actor& actor, std::int64_t id, const std::string& decision,
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
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
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
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                            ProjectDetail::kWithHistory);
}

Result<ProjectView> ProjectService::RecordGovernment(const Actor& actor, std::int64_t id,
                                                     const GovernmentInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
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
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                            ProjectDetail::kWithHistory);
}

Result<ProjectView> ProjectService::SetCeiling(const Actor& actor, std::int64_t id, const CeilingInput& input) {
    if (auto status = actor.Require(Permission::kProjectApprove); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
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
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                            ProjectDetail::kWithHistory);
}

Result<std::vector<TrailItem>> ProjectService::Trail(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    if (actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    std::vector<TrailItem> items;
    for (const auto& entry : storage::ProjectTrail(*lease, id, project->contract_id)) {
        items.push_back({entry.at, entry.entity, entry.entity_id, entry.action, entry.actor_name, entry.role,
                         ProjectStepName(entry.entity, entry.action)});
    }
    return items;
}

}  // namespace houqin
