#include "features/procurement/rules/procurement_route.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace houqin {

std::string_view ProcurementRouteCode(ProcurementRoute route) {
    switch (route) {
        case ProcurementRoute::kGovernment: return "government";
        case ProcurementRoute::kInternal: return "internal";
    }
    return "government";
}

Text ProcurementRouteName(ProcurementRoute route) {
    switch (route) {
        case ProcurementRoute::kGovernment: return {"政府采购", "Government procurement"};
        case ProcurementRoute::kInternal: return {"机关事务办自行组织采购", "Procurement by the office-affairs office"};
    }
    return {"政府采购", "Government procurement"};
}

std::string_view CatalogueEntryKindCode(CatalogueEntryKind kind) {
    switch (kind) {
        case CatalogueEntryKind::kCategory: return "category";
        case CatalogueEntryKind::kItem: return "item";
    }
    return "category";
}

std::optional<ThresholdBasis> ParseThresholdBasis(std::string_view code) {
    if (code == "annual_budget") return ThresholdBasis::kAnnualBudget;
    if (code == "total_budget") return ThresholdBasis::kTotalBudget;
    return std::nullopt;
}

std::string_view ThresholdBasisCode(ThresholdBasis basis) {
    switch (basis) {
        case ThresholdBasis::kAnnualBudget: return "annual_budget";
        case ThresholdBasis::kTotalBudget: return "total_budget";
    }
    return "annual_budget";
}

namespace {

Text BasisName(ThresholdBasis basis) {
    switch (basis) {
        case ThresholdBasis::kAnnualBudget: return {"年度预算", "annual budget"};
        case ThresholdBasis::kTotalBudget: return {"服务期总预算", "total budget of the service period"};
    }
    return {"年度预算", "annual budget"};
}

bool Contains(const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool Matches(const CatalogueEntry& entry, const RouteProject& project) {
    if (entry.code.empty()) return false;
    return entry.kind == CatalogueEntryKind::kCategory ? Contains(project.category_codes, entry.code)
                                                       : Contains(project.item_codes, entry.code);
}

RouteReason CatalogueReason(const CatalogueEntry& entry, int year) {
    if (entry.kind == CatalogueEntryKind::kCategory) {
        return {"catalogue_category",
                entry.code,
                {fmt::format("项目类别属于 {} 年政府采购目录品目 {}「{}」", year, entry.code, entry.name.zh),
                 fmt::format("the project's category is in the {} government procurement catalogue: {} \"{}\"", year,
                             entry.code, entry.name.en)}};
    }
    return {"catalogue_item",
            entry.code,
            {fmt::format("项目包含 {} 年政府采购目录项目 {}「{}」", year, entry.code, entry.name.zh),
             fmt::format("the project includes an item of the {} government procurement catalogue: {} \"{}\"", year,
                         entry.code, entry.name.en)}};
}

}  // namespace

Result<RouteDecision> DecideProcurementRoute(const ProcurementYearRules& rules, const RouteProject& project) {
    Validation validation;
    if (rules.year != project.year) {
        validation.Fail("year", {fmt::format("采购目录和限额标准是 {} 年的,项目适用 {} 年", rules.year, project.year),
                                 fmt::format("the catalogue and threshold are those of {}, the project is of {}",
                                             rules.year, project.year)});
    }
    if (rules.threshold.negative()) {
        validation.Fail("threshold", {"采购限额标准不能为负数", "the procurement threshold cannot be negative"});
    }
    if (project.annual_budget.negative()) {
        validation.Fail("annual_budget", {"年度预算不能为负数", "the annual budget cannot be negative"});
    }
    if (rules.basis == ThresholdBasis::kTotalBudget) {
        if (!project.total_budget) {
            validation.Fail("total_budget", {"限额标准按服务期总预算比较,项目缺少总预算",
                                             "the threshold applies to the total budget, which the project lacks"});
        } else if (project.total_budget->negative()) {
            validation.Fail("total_budget", {"总预算不能为负数", "the total budget cannot be negative"});
        }
    }
    if (!validation.ok()) return validation.ToError();

    RouteDecision decision;
    std::vector<std::string> matched;
    for (const auto& entry : rules.catalogue) {
        // One reason per code even if an administrator listed an entry twice.
        if (Matches(entry, project) && !Contains(matched, entry.code)) {
            decision.reasons.push_back(CatalogueReason(entry, rules.year));
            matched.push_back(entry.code);
        }
    }

    const Money value = rules.basis == ThresholdBasis::kTotalBudget ? *project.total_budget : project.annual_budget;
    const Text basis = BasisName(rules.basis);
    // "Reaches the threshold" (达到政府采购标准): exactly the threshold is government procurement.
    const bool reached = value >= rules.threshold;
    if (reached) {
        decision.reasons.push_back({"threshold_reached",
                                    std::string(ThresholdBasisCode(rules.basis)),
                                    {fmt::format("{} {} 元达到 {} 年采购限额标准 {} 元", basis.zh, value.ToString(),
                                                 rules.year, rules.threshold.ToString()),
                                     fmt::format("the {} of {} yuan reaches the {} procurement threshold of {} yuan",
                                                 basis.en, value.ToString(), rules.year, rules.threshold.ToString())}});
    }
    decision.route = decision.reasons.empty() ? ProcurementRoute::kInternal : ProcurementRoute::kGovernment;
    if (decision.route == ProcurementRoute::kInternal) {
        decision.reasons.push_back(
            {"below_threshold",
             std::string(ThresholdBasisCode(rules.basis)),
             {fmt::format(
                  "项目不在 {} 年政府采购目录内,{} {} 元低于采购限额标准 {} 元,由机关事务办比照政府采购程序执行",
                  rules.year, basis.zh, value.ToString(), rules.threshold.ToString()),
              fmt::format("the project is not in the {} government procurement catalogue and its {} of {} yuan is "
                          "below the threshold of {} yuan; the office-affairs office procures it by the same procedure",
                          rules.year, basis.en, value.ToString(), rules.threshold.ToString())}});
    }

    std::string matched_codes;
    for (const auto& code : matched) matched_codes += (matched_codes.empty() ? "" : ",") + code;
    decision.values = {
        {"year", std::to_string(rules.year)},      {"rules_version", rules.version},
        {"threshold", rules.threshold.ToString()}, {"threshold_basis", std::string(ThresholdBasisCode(rules.basis))},
        {"value_compared", value.ToString()},      {"catalogue_matches", matched_codes}};
    return decision;
}

}  // namespace houqin
