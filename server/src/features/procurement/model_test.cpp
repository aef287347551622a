// PRJ-1: a project's own fields (category, scope, budgets, service period, department, responsible person).
#include "features/procurement/model.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Project Valid() {
    Project project;
    project.name = "2027 年度机关会议服务外包";
    project.year = 2027;
    project.category_id = 3;
    project.item_codes = {"C1204"};
    project.scope = "镇机关大院及各办公楼";
    project.annual_budget = Money::FromFen(36000000);
    project.total_budget = Money::FromFen(36000000);
    project.service_start = *Date::Parse("2027-01-01");
    project.service_end = *Date::Parse("2027-12-31");
    project.department_id = 4;
    project.responsible_person = "陈主任";
    project.responsible_phone = "0757-86801234";
    return project;
}

std::vector<std::string> Fields(const Status& status) {
    std::vector<std::string> fields;
    if (!status) {
        for (const auto& error : status.error().fields) fields.push_back(error.field);
    }
    return fields;
}

TEST(ProjectTest, PRJ1_AValidProjectPasses) { EXPECT_TRUE(ValidateProject(Valid())); }

TEST(ProjectTest, PRJ1_EveryBadFieldIsNamedAtOnce) {
    auto project = Valid();
    project.name = "x";
    project.year = 1999;
    project.category_id = 0;
    project.scope = "";
    project.annual_budget = Money::FromFen(0);
    project.total_budget = Money::FromFen(-1);
    project.service_end = project.service_start;
    project.department_id = 0;
    project.responsible_person = "";
    project.responsible_phone = "call me";
    const std::vector<std::string> expected = {"name",
                                               "year",
                                               "category_id",
                                               "scope",
                                               "annual_budget",
                                               "total_budget",
                                               "service_end",
                                               "department_id",
                                               "responsible_person",
                                               "responsible_phone"};
    EXPECT_EQ(Fields(ValidateProject(project)), expected);
}

TEST(ProjectTest, PRJ1_TotalBudgetMayEqualButNotFallBelowTheAnnualBudget) {
    auto project = Valid();
    project.total_budget = project.annual_budget;
    EXPECT_TRUE(ValidateProject(project));
    project.total_budget = Money::FromFen(project.annual_budget.fen() - 1);
    EXPECT_EQ(Fields(ValidateProject(project)), std::vector<std::string>{"total_budget"});
}

TEST(ProjectTest, PRJ3_ItemCodesAreCodesAndListedOnce) {
    auto project = Valid();
    project.item_codes = {"C1204", "C 12", "C1204"};
    EXPECT_EQ(Fields(ValidateProject(project)), (std::vector<std::string>{"item_codes[1]", "item_codes[2]"}));
}

TEST(ProjectTest, PRJ3_GovernmentMethodsAreTheSixOfTheRules) {
    EXPECT_EQ(GovernmentProcurementMethods().size(), 6U);
    EXPECT_EQ(GovernmentProcurementMethodName("competitive_consultation").zh, "竞争性磋商");
    EXPECT_EQ(GovernmentProcurementMethodName("single_source").zh, "单一来源");
}

TEST(ProjectTest, PRJ8_TheContractTotalIsTheAnnualQuotePerWholeYear) {
    const auto annual = Money::FromFen(29650000);
    const auto day = [](const char* text) { return *Date::Parse(text); };
    EXPECT_EQ(TermTotalOfAnnual(annual, day("2027-01-01"), day("2027-12-31")), annual);
    EXPECT_EQ(TermTotalOfAnnual(annual, day("2028-01-01"), day("2028-12-31")), annual);  // 366 days: still a year
    EXPECT_EQ(TermTotalOfAnnual(annual, day("2027-03-15"), day("2029-03-14")), Money::FromFen(59300000));
    // Half a year: 181 of 365 days, 29650000 x 181 / 365 = 14703150.68... -> 14703151 fen.
    EXPECT_EQ(TermTotalOfAnnual(annual, day("2027-01-01"), day("2027-06-30")), Money::FromFen(14703151));
    // One day: 29650000 / 365 = 81232.87 -> 81233 fen.
    EXPECT_EQ(TermTotalOfAnnual(annual, day("2027-01-01"), day("2027-01-01")), Money::FromFen(81233));
}

}  // namespace
}  // namespace houqin
