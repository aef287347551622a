// PRJ-1: a project's own fields (category, scope, budgets, service period, department, responsible person);
// PRJ-2 … PRJ-8: its workflow (who may take which step from which state).
#include "features/procurement/model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "core/access.h"

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

// ---------------------------------------------------------------------------------------------------------------
// The project's workflow

const WorkflowDefinition& Flow() { return ProjectWorkflow(); }

// Why the workflow refuses `role` the step `action` from `state`; nothing if it allows it.
std::optional<ErrorCode> Refused(std::string_view state, std::string_view action, Role role) {
    const auto step = Flow().Check(state, action, role, "");
    if (step) return std::nullopt;
    return step.error().code;
}

using Actions = std::vector<std::string>;

TEST(ProjectWorkflowTest, PRJ2_StatusCodesAndNamesAreOneTable) {
    for (const auto* code : {"draft", "pending_leadership", "returned", "approved", "procured", "bidding", "opened",
                             "failed", "awarded"}) {
        const auto status = ParseProjectStatus(code);
        ASSERT_TRUE(status) << code;
        EXPECT_EQ(ProjectStatusCode(*status), code);
        EXPECT_NE(ProjectStatusName(*status).zh, code);
    }
    EXPECT_FALSE(ParseProjectStatus("signed"));
    EXPECT_FALSE(ParseProjectStatus(""));
    EXPECT_EQ(ProjectStatusName(ProjectStatus::kAwarded).zh, "已授标");
}

TEST(ProjectWorkflowTest, PRJ2_TheOfficeDraftsAndSubmitsLeadershipDecides) {
    EXPECT_EQ(Flow().Allowed("draft", Role::kOffice), (Actions{"edit", "submit"}));
    EXPECT_EQ(Flow().Allowed("returned", Role::kAdmin), (Actions{"edit", "submit"}));
    EXPECT_EQ(Flow().Check("draft", "submit", Role::kOffice, "").value()->to, "pending_leadership");
    EXPECT_EQ(Refused("draft", "submit", Role::kLeadership), ErrorCode::kPermissionDenied);
    EXPECT_EQ(Refused("draft", "submit", Role::kVendor), ErrorCode::kPermissionDenied);
    EXPECT_EQ(Flow().Allowed("pending_leadership", Role::kLeadership), (Actions{"approve", "return"}));
    EXPECT_TRUE(Flow().Allowed("pending_leadership", Role::kOffice).empty());
    EXPECT_EQ(Flow().Check("pending_leadership", "approve", Role::kLeadership, "").value()->to, "approved");
    EXPECT_EQ(Flow().Check("pending_leadership", "return", Role::kLeadership, "预算偏高").value()->to, "returned");
    // The administrator runs the system but does not decide for leadership.
    EXPECT_EQ(Refused("pending_leadership", "approve", Role::kAdmin), ErrorCode::kPermissionDenied);
    EXPECT_EQ(Refused("pending_leadership", "edit", Role::kOffice), ErrorCode::kFailedPrecondition);
}

TEST(ProjectWorkflowTest, PRJ2_NoProcurementStepBeforeApproval) {
    for (const auto* state : {"draft", "pending_leadership", "returned"}) {
        for (const auto* action : {"record_government", "set_ceiling", "open_bidding", "register", "bid", "open",
                                   "witness_open_bidding", "witness_opening", "award"}) {
            for (const auto role : {Role::kOffice, Role::kLeadership, Role::kDiscipline, Role::kVendor}) {
                EXPECT_TRUE(Refused(state, action, role)) << state << " " << action << " " << RoleCode(role);
            }
        }
        EXPECT_FALSE(IsApproved(*ParseProjectStatus(state)));
    }
    EXPECT_EQ(Refused("draft", "open_bidding", Role::kOffice), ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(IsApproved(ProjectStatus::kApproved));
    EXPECT_TRUE(IsApproved(ProjectStatus::kFailed));
}

TEST(ProjectWorkflowTest, PRJ3_AnApprovedProjectGoesToGovernmentProcurementOrToSealedBidding) {
    // Which of the two the route decides (the service); the workflow offers both from "approved".
    EXPECT_EQ(Flow().Allowed("approved", Role::kOffice), (Actions{"record_government", "open_bidding"}));
    EXPECT_EQ(Flow().Check("approved", "record_government", Role::kOffice, "").value()->to, "procured");
    EXPECT_EQ(Flow().Check("approved", "open_bidding", Role::kAdmin, "").value()->to, "bidding");
    EXPECT_EQ(Refused("procured", "record_government", Role::kOffice), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(Refused("approved", "record_government", Role::kLeadership), ErrorCode::kPermissionDenied);
}

TEST(ProjectWorkflowTest, PRJ6_LeadershipSetsTheCeilingBeforeTheOpening) {
    EXPECT_EQ(Flow().Allowed("approved", Role::kLeadership), (Actions{"set_ceiling"}));
    EXPECT_EQ(Flow().Allowed("bidding", Role::kLeadership), (Actions{"set_ceiling"}));
    EXPECT_EQ(Flow().Check("bidding", "set_ceiling", Role::kLeadership, "").value()->to, "bidding");
    EXPECT_EQ(Refused("approved", "set_ceiling", Role::kOffice), ErrorCode::kPermissionDenied);
    EXPECT_EQ(Refused("approved", "set_ceiling", Role::kAdmin), ErrorCode::kPermissionDenied);
    for (const auto* state : {"opened", "failed", "awarded", "procured"}) {
        EXPECT_EQ(Refused(state, "set_ceiling", Role::kLeadership), ErrorCode::kFailedPrecondition) << state;
    }
}

TEST(ProjectWorkflowTest, PRJ7_VendorsRegisterAndBidWhileBiddingTheOfficeOpens) {
    EXPECT_EQ(Flow().Allowed("bidding", Role::kVendor), (Actions{"register", "bid"}));
    // The office may register a vendor on its behalf, never bid for one.
    EXPECT_EQ(Flow().Allowed("bidding", Role::kOffice), (Actions{"register", "open"}));
    EXPECT_EQ(Refused("bidding", "bid", Role::kOffice), ErrorCode::kPermissionDenied);
    EXPECT_EQ(Refused("approved", "bid", Role::kVendor), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(Refused("opened", "register", Role::kVendor), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(Refused("bidding", "open", Role::kVendor), ErrorCode::kPermissionDenied);
    EXPECT_EQ(Refused("bidding", "open", Role::kLeadership), ErrorCode::kPermissionDenied);
    // The opening's outcome decides between opened and failed.
    EXPECT_EQ(Flow().Check("bidding", "open", Role::kOffice, "").value()->to, "");
    EXPECT_EQ(Refused("opened", "open", Role::kOffice), ErrorCode::kFailedPrecondition);
}

TEST(ProjectWorkflowTest, PRJ7_OnlyTheDisciplineWitnessConsentsAndItChangesNoState) {
    EXPECT_EQ(Flow().Allowed("approved", Role::kDiscipline), (Actions{"witness_open_bidding"}));
    EXPECT_EQ(Flow().Allowed("bidding", Role::kDiscipline), (Actions{"witness_opening"}));
    EXPECT_EQ(Flow().Check("approved", "witness_open_bidding", Role::kDiscipline, "").value()->to, "approved");
    EXPECT_EQ(Flow().Check("bidding", "witness_opening", Role::kDiscipline, "").value()->to, "bidding");
    for (const auto role : {Role::kOffice, Role::kAdmin, Role::kLeadership, Role::kVendor}) {
        EXPECT_EQ(Refused("bidding", "witness_opening", role), ErrorCode::kPermissionDenied);
    }
    EXPECT_EQ(Refused("approved", "witness_opening", Role::kDiscipline), ErrorCode::kFailedPrecondition);
    // Both consents are recorded as one step of the history.
    EXPECT_EQ(ProjectStepAction("witness_open_bidding"), "witness_consent");
    EXPECT_EQ(ProjectStepAction("witness_opening"), "witness_consent");
}

TEST(ProjectWorkflowTest, PRJ8_TheOfficeAwardsAnOpenedOrProcuredProjectOnce) {
    EXPECT_EQ(Flow().Allowed("opened", Role::kOffice), (Actions{"award"}));
    EXPECT_EQ(Flow().Allowed("procured", Role::kAdmin), (Actions{"award"}));
    EXPECT_EQ(Flow().Check("opened", "award", Role::kOffice, "").value()->to, "awarded");
    EXPECT_EQ(Flow().Check("procured", "award", Role::kOffice, "").value()->to, "awarded");
    EXPECT_EQ(Refused("failed", "award", Role::kOffice), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(Refused("awarded", "award", Role::kOffice), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(Refused("opened", "award", Role::kLeadership), ErrorCode::kPermissionDenied);
    EXPECT_TRUE(Flow().Allowed("awarded", Role::kOffice).empty());
    EXPECT_TRUE(Flow().Allowed("failed", Role::kOffice).empty());
}

// The routes gate each step by a permission before the workflow is asked: each role the workflow names for a step
// holds that permission, and every role holding it is named (a role the gate lets through is never refused by the
// definition alone, nor one it stops offered the step).
TEST(ProjectWorkflowTest, PRJ2_TheRolesOfEachStepAreThoseHoldingItsPermission) {
    const auto gate = [](std::string_view action) {
        if (action == "approve" || action == "return" || action == "set_ceiling") return Permission::kProjectApprove;
        if (action == "bid") return Permission::kBidSubmit;
        if (action == "witness_open_bidding" || action == "witness_opening") return Permission::kProjectWitness;
        return Permission::kProjectWrite;
    };
    for (const auto& transition : Flow().transitions) {
        for (const auto role : {Role::kAdmin, Role::kOffice, Role::kLeadership, Role::kDiscipline, Role::kJudicial,
                                Role::kPartyOffice, Role::kDepartment, Role::kVendor}) {
            const bool named =
                std::find(transition.roles.begin(), transition.roles.end(), role) != transition.roles.end();
            // Registration: a vendor for itself, or the office for a vendor.
            const bool gated = transition.name == "register" ? HasPermission(role, Permission::kBidSubmit) ||
                                                                   HasPermission(role, Permission::kProjectWrite)
                                                             : HasPermission(role, gate(transition.name));
            EXPECT_EQ(named, gated) << transition.name << " from " << transition.from << ", role " << RoleCode(role);
        }
    }
}

TEST(ProjectWorkflowTest, PRJ2_EveryStepHasOneNameInTheHistoryAndTheTrail) {
    for (const auto& transition : Flow().transitions) {
        const auto recorded = ProjectStepAction(transition.name);
        const auto name = ProjectStepName(recorded);
        EXPECT_NE(name.zh, recorded) << transition.name;
        EXPECT_NE(name.en, recorded) << transition.name;
    }
    EXPECT_EQ(ProjectStepAction("edit"), "update");
    EXPECT_EQ(ProjectStepName("award").zh, "授标并生成合同草稿");
}

}  // namespace
}  // namespace houqin
