// PRJ-3: the year's procurement rules, with their history.
#include "features/procurement/rules_service.h"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "core/text_rules.h"
#include "features/catalogue/store.h"
#include "features/procurement/service_internal.h"
#include "platform/audit/audit_store.h"

namespace houqin {
using namespace procurement_internal;  // the feature's shared parts (service_internal.h)

Result<std::vector<ProcurementRulesRecord>> ProcurementRulesService::ListRules(const Actor& actor) {
    if (!actor.Can(Permission::kProjectRead) && !actor.Can(Permission::kProcurementRules)) return Error::Forbidden();
    if (actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    return storage::CurrentProcurementRulesOfEveryYear(*lease);
}

Result<ProcurementRulesView> ProcurementRulesService::GetRules(const Actor& actor, int year) {
    if (!actor.Can(Permission::kProjectRead) && !actor.Can(Permission::kProcurementRules)) return Error::Forbidden();
    if (actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    auto history = storage::ProcurementRulesHistory(*lease, year);
    if (history.empty()) return Error::NotFound(NoRulesForYear(year));
    ProcurementRulesView view{history.front(), std::move(history)};
    return view;
}

Result<ProcurementRulesView> ProcurementRulesService::PutRules(const Actor& actor, int year,
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
    ProcurementRulesRecord record{rules, 0, input.reason, actor.user_id, actor.display_name, now};
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

}  // namespace houqin
