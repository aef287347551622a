#include "features/procurement/model.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "core/text_rules.h"

namespace houqin {

const std::vector<std::string>& GovernmentProcurementMethods() {
    static const std::vector<std::string> kMethods = {
        "public_tender", "invited_tender", "competitive_negotiation", "competitive_consultation",
        "inquiry",       "single_source"};
    return kMethods;
}

Text GovernmentProcurementMethodName(const std::string& code) {
    if (code == "public_tender") return {"公开招标", "Public tender"};
    if (code == "invited_tender") return {"邀请招标", "Invited tender"};
    if (code == "competitive_negotiation") return {"竞争性谈判", "Competitive negotiation"};
    if (code == "competitive_consultation") return {"竞争性磋商", "Competitive consultation"};
    if (code == "inquiry") return {"询价", "Request for quotations"};
    if (code == "single_source") return {"单一来源", "Single source"};
    return {code, code};
}

std::string_view ProjectStatusCode(ProjectStatus status) {
    switch (status) {
        case ProjectStatus::kDraft: return "draft";
        case ProjectStatus::kPendingLeadership: return "pending_leadership";
        case ProjectStatus::kReturned: return "returned";
        case ProjectStatus::kApproved: return "approved";
        case ProjectStatus::kProcured: return "procured";
        case ProjectStatus::kBidding: return "bidding";
        case ProjectStatus::kOpened: return "opened";
        case ProjectStatus::kFailed: return "failed";
        case ProjectStatus::kAwarded: return "awarded";
    }
    return "draft";
}

std::optional<ProjectStatus> ParseProjectStatus(std::string_view code) {
    for (const auto status : {ProjectStatus::kDraft, ProjectStatus::kPendingLeadership, ProjectStatus::kReturned,
                              ProjectStatus::kApproved, ProjectStatus::kProcured, ProjectStatus::kBidding,
                              ProjectStatus::kOpened, ProjectStatus::kFailed, ProjectStatus::kAwarded}) {
        if (ProjectStatusCode(status) == code) return status;
    }
    return std::nullopt;
}

Text ProjectStatusName(ProjectStatus status) {
    switch (status) {
        case ProjectStatus::kDraft: return {"草稿", "Draft"};
        case ProjectStatus::kPendingLeadership: return {"待领导审批", "Awaiting leadership"};
        case ProjectStatus::kReturned: return {"已退回", "Returned"};
        case ProjectStatus::kApproved: return {"已批准", "Approved"};
        case ProjectStatus::kProcured: return {"政府采购已完成", "Government procurement done"};
        case ProjectStatus::kBidding: return {"投标中", "Bidding"};
        case ProjectStatus::kOpened: return {"已开标", "Opened"};
        case ProjectStatus::kFailed: return {"流标", "No award"};
        case ProjectStatus::kAwarded: return {"已授标", "Awarded"};
    }
    return {"", ""};
}

bool IsApproved(ProjectStatus status) {
    return status != ProjectStatus::kDraft && status != ProjectStatus::kPendingLeadership &&
           status != ProjectStatus::kReturned;
}

const WorkflowDefinition& ProjectWorkflow() {
    static const WorkflowDefinition kDefinition = [] {
        const std::vector<Role> office = {Role::kOffice, Role::kAdmin};
        const std::vector<Role> leadership = {Role::kLeadership};
        const std::vector<Role> witness = {Role::kDiscipline};
        // The office may register a vendor on its behalf (a vendor without an account); only vendors bid.
        const std::vector<Role> registering = {Role::kVendor, Role::kOffice, Role::kAdmin};
        const std::vector<Role> vendor = {Role::kVendor};
        WorkflowDefinition definition;
        definition.kind = "project";
        // In the order the page offers them: Allowed() lists a state's actions in this order.
        definition.transitions = {
            {"edit", "draft", "draft", office, false},
            {"edit", "returned", "returned", office, false},
            {"submit", "draft", "pending_leadership", office, false},
            {"submit", "returned", "pending_leadership", office, false},
            {"approve", "pending_leadership", "approved", leadership, false},
            // A return needs its reason: 2-1000 characters, checked by the service, which names the field.
            {"return", "pending_leadership", "returned", leadership, false},
            {"record_government", "approved", "procured", office, false},
            // PRJ-6 (D4 §5): set or changed until the first quote arrives.
            {"set_ceiling", "approved", "approved", leadership, false},
            {"set_ceiling", "bidding", "bidding", leadership, false},
            {"open_bidding", "approved", "bidding", office, false},
            {"register", "bidding", "bidding", registering, false},
            {"bid", "bidding", "bidding", vendor, false},
            // PRJ-7: opened or failed, as the evaluation of the bids decides.
            {"open", "bidding", "", office, false},
            // PRJ-7: the witness consents, in their own session, to the office's next witnessed step.
            {"witness_open_bidding", "approved", "approved", witness, false},
            {"witness_opening", "bidding", "bidding", witness, false},
            // PRJ-8: the winning bid, or the government procurement's recorded winner.
            {"award", "opened", "awarded", office, false},
            {"award", "procured", "awarded", office, false},
        };
        return definition;
    }();
    return kDefinition;
}

std::string_view ProjectStepAction(std::string_view transition) {
    if (transition == "edit") return "update";
    if (transition == "witness_open_bidding" || transition == "witness_opening") return "witness_consent";
    return transition;
}

Text ProjectStepName(std::string_view action) {
    if (action == "create") return {"创建项目", "Project created"};
    if (action == "update") return {"修改项目", "Project edited"};
    if (action == "submit") return {"提交领导审批", "Submitted for leadership approval"};
    if (action == "approve") return {"领导批准,确定采购方式", "Approved by leadership; route decided"};
    if (action == "return") return {"领导退回", "Returned by leadership"};
    if (action == "record_government") return {"登记政府采购结果", "Government procurement recorded"};
    if (action == "set_ceiling") return {"设定最高限价", "Ceiling price set"};
    if (action == "open_bidding") return {"发布投标,生成密封公钥", "Bidding opened; sealing key created"};
    if (action == "register") return {"投标单位报名及资格审查", "Vendor registered and checked"};
    if (action == "bid") return {"投标单位提交密封报价", "Sealed quote submitted"};
    if (action == "witness_consent") {
        return {"纪检监察见证人本人确认见证", "The witness consented in their own account"};
    }
    if (action == "open_failed") return {"开标口令验证失败", "Opening attempt failed"};
    if (action == "open") return {"开标(纪检见证)", "Bids opened (witnessed)"};
    if (action == "award") return {"授标并生成合同草稿", "Awarded; contract draft created"};
    return {std::string(action), std::string(action)};
}

// The contract's total for the service period: the annual quote per whole year, otherwise pro rata by days (365 a
// year), rounded to the fen.
Money TermTotalOfAnnual(Money annual, Date start, Date end) {
    using namespace std::chrono;
    const year_month_day first{sys_days{days{start.days()}}};
    for (int years = 1; years <= 10; ++years) {
        const year_month_day anniversary = first + std::chrono::years{years};
        if (!anniversary.ok()) break;
        const auto day_after_end = end.AddDays(1).days();
        if (sys_days{anniversary}.time_since_epoch().count() == day_after_end) {
            return Money::FromFen(annual.fen() * years);
        }
    }
    const __int128 period_days = end.days() - start.days() + 1;
    return Money::FromFen(static_cast<std::int64_t>((annual.fen() * period_days * 2 + 365) / (365 * 2)));
}

Status ValidateProject(const Project& project) {
    Validation validation;
    CheckLength(validation, "name", project.name, 2, 200, {"项目名称", "Name"});
    if (project.year < 2000 || project.year > 2100) {
        validation.Fail("year", {"年度须在 2000 到 2100 之间", "The year must be between 2000 and 2100"});
    }
    if (project.category_id <= 0) validation.Fail("category_id", {"请选择服务类别", "Choose the service category"});
    std::set<std::string> seen;
    for (std::size_t i = 0; i < project.item_codes.size(); ++i) {
        const auto field = fmt::format("item_codes[{}]", i);
        if (!IsCode(project.item_codes[i], 1, 40)) {
            validation.Fail(field, {"品目编码须为 1-40 位字母、数字、横线或下划线",
                                    "An item code has 1-40 letters, digits, '-' or '_'"});
        } else if (!seen.insert(project.item_codes[i]).second) {
            validation.Fail(field, {"品目编码重复", "The item code is listed twice"});
        }
    }
    if (project.item_codes.size() > 50) validation.Fail("item_codes", {"品目最多 50 个", "At most 50 item codes"});
    CheckLength(validation, "scope", project.scope, 2, 5000, {"服务范围", "Scope"});
    if (project.annual_budget.negative() || project.annual_budget.fen() == 0) {
        validation.Fail("annual_budget", {"年度预算须大于 0", "The annual budget must be greater than 0"});
    }
    if (project.annual_budget.fen() > kMaxProcurementFen) {
        validation.Fail("annual_budget", {"年度预算超出上限(100 亿元)", "The annual budget exceeds the limit"});
    }
    if (project.total_budget.fen() > kMaxProcurementFen) {
        validation.Fail("total_budget", {"总预算超出上限(100 亿元)", "The total budget exceeds the limit"});
    }
    if (project.total_budget < project.annual_budget) {
        validation.Fail("total_budget",
                        {"总预算不能低于年度预算", "The total budget cannot be below the annual budget"});
    }
    if (project.service_end <= project.service_start) {
        validation.Fail("service_end", {"服务期结束日期须晚于开始日期", "The service period must end after it starts"});
    }
    if (project.department_id <= 0) {
        validation.Fail("department_id", {"请选择责任部门", "Choose the responsible department"});
    }
    CheckLength(validation, "responsible_person", project.responsible_person, 1, 50, {"责任人", "Responsible person"});
    if (!project.responsible_phone.empty() && !IsPhone(project.responsible_phone)) {
        validation.Fail("responsible_phone", {"电话须为 7-20 位数字,可含 - 或开头的 +",
                                              "Phone must have 7-20 digits, with '-' or a leading '+'"});
    }
    if (project.plan_ids.size() > 20) {
        validation.Fail("plan_attachment_ids", {"实施方案附件最多 20 个", "At most 20 plan attachments"});
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

}  // namespace houqin
