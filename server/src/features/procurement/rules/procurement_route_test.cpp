// PRJ-3, D1 Art.3: in the catalogue or at/above the threshold -> government procurement; otherwise the office's own.
#include "features/procurement/rules/procurement_route.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Money Yuan(std::int64_t yuan) { return Money::FromFen(yuan * 100); }

ProcurementYearRules Rules2027() {
    ProcurementYearRules rules;
    rules.year = 2027;
    rules.version = "2027-v1";
    rules.threshold = Yuan(1'000'000);
    rules.catalogue = {{CatalogueEntryKind::kCategory, "property", {"物业管理服务", "property management"}},
                       {CatalogueEntryKind::kItem, "canteen-outsourcing", {"食堂承包经营", "canteen operation"}}};
    return rules;
}

RouteProject Cleaning(Money annual_budget) {
    RouteProject project;
    project.year = 2027;
    project.category_codes = {"cleaning", "logistics"};
    project.item_codes = {"office-cleaning"};
    project.annual_budget = annual_budget;
    return project;
}

std::string Value(const RouteDecision& decision, std::string_view name) {
    for (const auto& value : decision.values) {
        if (value.name == name) return value.value;
    }
    return "<missing>";
}

TEST(ProcurementRouteTest, PRJ3_BelowThresholdAndNotInCatalogueIsInternal) {
    const auto decision = DecideProcurementRoute(Rules2027(), Cleaning(Yuan(999'999)));
    ASSERT_TRUE(decision.has_value());
    EXPECT_EQ(decision->route, ProcurementRoute::kInternal);
    ASSERT_EQ(decision->reasons.size(), 1u);
    EXPECT_EQ(decision->reasons[0].code, "below_threshold");
    EXPECT_NE(decision->reasons[0].text.zh.find("999999.00 元低于采购限额标准 1000000.00 元"), std::string::npos);
    EXPECT_NE(decision->reasons[0].text.en.find("below the threshold of 1000000.00 yuan"), std::string::npos);
    EXPECT_EQ(Value(*decision, "threshold"), "1000000.00");
    EXPECT_EQ(Value(*decision, "value_compared"), "999999.00");
    EXPECT_EQ(Value(*decision, "rules_version"), "2027-v1");
}

TEST(ProcurementRouteTest, PRJ3_ExactlyTheThresholdIsGovernment) {
    const auto decision = DecideProcurementRoute(Rules2027(), Cleaning(Yuan(1'000'000)));
    ASSERT_TRUE(decision.has_value());
    EXPECT_EQ(decision->route, ProcurementRoute::kGovernment);
    ASSERT_EQ(decision->reasons.size(), 1u);
    EXPECT_EQ(decision->reasons[0].code, "threshold_reached");
    EXPECT_NE(decision->reasons[0].text.zh.find("年度预算 1000000.00 元达到 2027 年采购限额标准 1000000.00 元"),
              std::string::npos);
}

TEST(ProcurementRouteTest, PRJ3_OneFenBelowIsInternalOneFenAboveIsGovernment) {
    const Money threshold = Rules2027().threshold;
    EXPECT_EQ(DecideProcurementRoute(Rules2027(), Cleaning(threshold - Money::FromFen(1)))->route,
              ProcurementRoute::kInternal);
    EXPECT_EQ(DecideProcurementRoute(Rules2027(), Cleaning(threshold + Money::FromFen(1)))->route,
              ProcurementRoute::kGovernment);
}

TEST(ProcurementRouteTest, PRJ3_CatalogueCategoryRoutesEvenASmallBudget) {
    auto project = Cleaning(Yuan(50'000));
    project.category_codes = {"property-cleaning", "property"};  // a sub-category of a listed category
    const auto decision = DecideProcurementRoute(Rules2027(), project);
    ASSERT_TRUE(decision.has_value());
    EXPECT_EQ(decision->route, ProcurementRoute::kGovernment);
    ASSERT_EQ(decision->reasons.size(), 1u);
    EXPECT_EQ(decision->reasons[0].code, "catalogue_category");
    EXPECT_EQ(decision->reasons[0].subject, "property");
    EXPECT_NE(decision->reasons[0].text.zh.find("物业管理服务"), std::string::npos);
    EXPECT_NE(decision->reasons[0].text.en.find("property management"), std::string::npos);
    EXPECT_EQ(Value(*decision, "catalogue_matches"), "property");
}

TEST(ProcurementRouteTest, PRJ3_CatalogueItemRoutes) {
    auto project = Cleaning(Yuan(50'000));
    project.item_codes = {"office-cleaning", "canteen-outsourcing"};
    const auto decision = DecideProcurementRoute(Rules2027(), project);
    ASSERT_TRUE(decision.has_value());
    EXPECT_EQ(decision->route, ProcurementRoute::kGovernment);
    ASSERT_EQ(decision->reasons.size(), 1u);
    EXPECT_EQ(decision->reasons[0].code, "catalogue_item");
    EXPECT_EQ(decision->reasons[0].subject, "canteen-outsourcing");
}

TEST(ProcurementRouteTest, PRJ3_ItemCodeDoesNotMatchACategoryEntryOfTheSameCode) {
    auto project = Cleaning(Yuan(50'000));
    project.item_codes = {"property"};  // an item that happens to share a category entry's code
    EXPECT_EQ(DecideProcurementRoute(Rules2027(), project)->route, ProcurementRoute::kInternal);
}

TEST(ProcurementRouteTest, PRJ3_EveryReasonThatHoldsIsListedOnce) {
    auto rules = Rules2027();
    rules.catalogue.push_back(rules.catalogue[0]);  // listed twice by mistake
    auto project = Cleaning(Yuan(2'000'000));
    project.category_codes = {"property"};
    project.item_codes = {"canteen-outsourcing"};
    const auto decision = DecideProcurementRoute(rules, project);
    ASSERT_TRUE(decision.has_value());
    ASSERT_EQ(decision->reasons.size(), 3u);
    EXPECT_EQ(decision->reasons[0].code, "catalogue_category");
    EXPECT_EQ(decision->reasons[1].code, "catalogue_item");
    EXPECT_EQ(decision->reasons[2].code, "threshold_reached");
    EXPECT_EQ(Value(*decision, "catalogue_matches"), "property,canteen-outsourcing");
}

TEST(ProcurementRouteTest, PRJ3_ZeroThresholdSendsEverythingToGovernment) {
    auto rules = Rules2027();
    rules.threshold = Money::FromFen(0);
    EXPECT_EQ(DecideProcurementRoute(rules, Cleaning(Money::FromFen(0)))->route, ProcurementRoute::kGovernment);
}

TEST(ProcurementRouteTest, PRJ3_TotalBudgetBasisIsASetting) {
    auto rules = Rules2027();
    rules.basis = ThresholdBasis::kTotalBudget;
    auto project = Cleaning(Yuan(400'000));
    project.total_budget = Yuan(1'200'000);  // three years
    const auto decision = DecideProcurementRoute(rules, project);
    ASSERT_TRUE(decision.has_value());
    EXPECT_EQ(decision->route, ProcurementRoute::kGovernment);
    EXPECT_EQ(Value(*decision, "threshold_basis"), "total_budget");
    EXPECT_EQ(Value(*decision, "value_compared"), "1200000.00");
    EXPECT_NE(decision->reasons[0].text.en.find("total budget of the service period"), std::string::npos);
}

TEST(ProcurementRouteTest, PRJ3_BadInputIsRefusedWithEachFieldNamed) {
    auto rules = Rules2027();
    rules.threshold = Money::FromFen(-1);
    rules.basis = ThresholdBasis::kTotalBudget;
    auto project = Cleaning(Money::FromFen(-5));
    project.year = 2026;
    const auto decision = DecideProcurementRoute(rules, project);
    ASSERT_FALSE(decision.has_value());
    EXPECT_EQ(decision.error().code, ErrorCode::kInvalidArgument);
    std::vector<std::string> fields;
    for (const auto& field : decision.error().fields) fields.push_back(field.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"year", "threshold", "annual_budget", "total_budget"}));
}

TEST(ProcurementRouteTest, PRJ3_CodesRoundTrip) {
    EXPECT_EQ(ProcurementRouteCode(ProcurementRoute::kGovernment), "government");
    EXPECT_EQ(ProcurementRouteCode(ProcurementRoute::kInternal), "internal");
    EXPECT_EQ(ParseThresholdBasis(ThresholdBasisCode(ThresholdBasis::kTotalBudget)), ThresholdBasis::kTotalBudget);
    EXPECT_EQ(ParseThresholdBasis("budget"), std::nullopt);
}

}  // namespace
}  // namespace houqin
