// CON-2: the contract review workflow — who may do what in which state, and the dual approval.
#include "core/workflow.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

const WorkflowDefinition& Flow() { return ContractReviewWorkflow(); }

TEST(WorkflowTest, CON2_OnlyTheOfficeSubmitsAndOnlyReviewersReview) {
    EXPECT_TRUE(Flow().Check("draft", "submit", Role::kOffice, ""));
    EXPECT_EQ(Flow().Check("draft", "submit", Role::kJudicial, "").error().code, ErrorCode::kPermissionDenied);
    EXPECT_TRUE(Flow().Check("in_review", "approve", Role::kJudicial, ""));
    EXPECT_TRUE(Flow().Check("in_review", "approve", Role::kPartyOffice, ""));
    EXPECT_EQ(Flow().Check("in_review", "approve", Role::kOffice, "").error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(Flow().Check("in_review", "approve", Role::kDiscipline, "").error().code, ErrorCode::kPermissionDenied);
}

TEST(WorkflowTest, CON2_ReturningNeedsAComment) {
    const auto refused = Flow().Check("in_review", "return", Role::kJudicial, "  ");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "comment");
    EXPECT_TRUE(Flow().Check("in_review", "return", Role::kJudicial, "第五条违约责任不明确"));
}

TEST(WorkflowTest, CON2_SigningBeforeApprovalIsAPreconditionFailure) {
    const auto refused = Flow().Check("in_review", "sign", Role::kOffice, "");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(Flow().Check("approved", "sign", Role::kOffice, ""));
}

TEST(WorkflowTest, CON2_BothReviewersMustApproveTheSameVersion) {
    EXPECT_FALSE(Flow().FullyApproved({{Role::kJudicial, 1}}, 1));
    EXPECT_FALSE(Flow().FullyApproved({{Role::kJudicial, 1}, {Role::kPartyOffice, 2}}, 2));
    EXPECT_TRUE(Flow().FullyApproved({{Role::kJudicial, 2}, {Role::kPartyOffice, 2}}, 2));
}

TEST(WorkflowTest, CON2_AnotherRolesApprovalDoesNotStandInForAReviewer) {
    EXPECT_FALSE(Flow().FullyApproved({{Role::kJudicial, 1}, {Role::kOffice, 1}}, 1));
    EXPECT_FALSE(Flow().FullyApproved({{Role::kOffice, 1}, {Role::kLeadership, 1}}, 1));
}

TEST(WorkflowTest, CON2_AllowedActionsFollowStateAndRole) {
    EXPECT_EQ(Flow().Allowed("draft", Role::kOffice), (std::vector<std::string>{"edit", "submit"}));
    EXPECT_EQ(Flow().Allowed("in_review", Role::kJudicial), (std::vector<std::string>{"approve", "return"}));
    EXPECT_TRUE(Flow().Allowed("in_review", Role::kOffice).empty());
}

}  // namespace
}  // namespace houqin
