#pragma once
// PRJ-3, D1 Art.3: a project listed in the year's government procurement catalogue (政府采购目录), or whose budget
// reaches the year's procurement threshold (限额标准), must go through formal government procurement and cannot be
// procured by the office itself; below that the office runs the internal procedure. Pure: the caller loads the
// catalogue and threshold of the project's year; the answer names every reason that holds and the values it used,
// so the project page can show why and the decision can be recorded with its evidence.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/rule_parameter.h"

namespace houqin {

enum class ProcurementRoute {
    kGovernment,  // formal government procurement (公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 询价, 单一来源)
    kInternal,  // the office-affairs office's own sealed bidding (比照政府采购程序, D1 Art.3)
};
std::string_view ProcurementRouteCode(ProcurementRoute route);
Text ProcurementRouteName(ProcurementRoute route);

// The catalogue lists either whole service categories or single items.
enum class CatalogueEntryKind { kCategory, kItem };
std::string_view CatalogueEntryKindCode(CatalogueEntryKind kind);

struct CatalogueEntry {
    CatalogueEntryKind kind = CatalogueEntryKind::kCategory;
    std::string code;  // a service category code (CAT-1) or an item code, compared exactly
    Text name;
};

// Which value is compared with the threshold. The default follows the issue (the annual budget); a town whose
// threshold applies to the whole contract value (so that a multi-year service is not split into small years) can
// switch the setting without a code change.
enum class ThresholdBasis { kAnnualBudget, kTotalBudget };
std::optional<ThresholdBasis> ParseThresholdBasis(std::string_view code);
std::string_view ThresholdBasisCode(ThresholdBasis basis);

// The rules of one year, maintained by an administrator.
struct ProcurementYearRules {
    int year = 0;
    std::string version;  // the version of the catalogue and threshold, recorded with the decision
    std::vector<CatalogueEntry> catalogue;
    Money threshold;  // at or above it: government procurement
    ThresholdBasis basis = ThresholdBasis::kAnnualBudget;
};

struct RouteProject {
    int year = 0;  // the year whose rules apply (the caller decides: the year the project is approved)
    // The project's category code first, then its ancestors' codes: a catalogue entry for a parent category covers
    // its sub-categories.
    std::vector<std::string> category_codes;
    std::vector<std::string> item_codes;
    Money annual_budget;
    std::optional<Money> total_budget;  // the whole service period; needed only with ThresholdBasis::kTotalBudget
};

struct RouteReason {
    std::string code;     // catalogue_category, catalogue_item, threshold_reached, below_threshold
    std::string subject;  // the catalogue code matched, or the threshold basis
    Text text;
};

struct RouteDecision {
    ProcurementRoute route = ProcurementRoute::kInternal;
    // Every reason that holds: each matched catalogue entry, then the threshold. For the internal route, the one
    // reason is below_threshold (which says that no catalogue entry matched either).
    std::vector<RouteReason> reasons;
    std::vector<PolicyParameter> values;  // year, rules version, threshold, basis, value compared, matched codes
};

// Refuses (InvalidArgument, each bad field named) rules of another year, a negative threshold or budget, and a
// total-budget basis without a total budget.
Result<RouteDecision> DecideProcurementRoute(const ProcurementYearRules& rules, const RouteProject& project);

}  // namespace houqin
