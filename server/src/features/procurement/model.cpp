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

Text ProjectStatusName(const std::string& code) {
    if (code == "draft") return {"草稿", "Draft"};
    if (code == "pending_leadership") return {"待领导审批", "Awaiting leadership"};
    if (code == "returned") return {"已退回", "Returned"};
    if (code == "approved") return {"已批准", "Approved"};
    if (code == "procured") return {"政府采购已完成", "Government procurement done"};
    if (code == "bidding") return {"投标中", "Bidding"};
    if (code == "opened") return {"已开标", "Opened"};
    if (code == "failed") return {"流标", "No award"};
    if (code == "awarded") return {"已授标", "Awarded"};
    return {code, code};
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
    const auto period_days = static_cast<__int128>(end.days() - start.days() + 1);
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
