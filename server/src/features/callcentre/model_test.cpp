// CC-1: the agent-ID request's value types: what an ID may look like, the stored permission list, the workflow.
#include "features/callcentre/model.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

TEST(AgentIdModelTest, CC1_AnAgentIdIsOneToTwentyLettersDigitsOrHyphens) {
    EXPECT_TRUE(IsAgentIdText("8012"));
    EXPECT_TRUE(IsAgentIdText("JJ-8012"));
    EXPECT_FALSE(IsAgentIdText(""));
    EXPECT_FALSE(IsAgentIdText("80 12"));
    EXPECT_FALSE(IsAgentIdText("工号8012"));
    EXPECT_FALSE(IsAgentIdText(std::string(21, '8')));
}

TEST(AgentIdModelTest, CC1_PermissionListsRoundTrip) {
    EXPECT_EQ(PermissionListText({"outbound", "qa_listen"}), "outbound,qa_listen");
    EXPECT_EQ(ParsePermissionList("outbound,qa_listen"), (std::vector<std::string>{"outbound", "qa_listen"}));
    EXPECT_TRUE(ParsePermissionList("").empty());
}

TEST(AgentIdModelTest, CC1_OnlyTheVendorAnswersARequestAndOnlyOnce) {
    const auto& workflow = AgentIdRequestWorkflow();
    EXPECT_EQ(workflow.Allowed("requested", Role::kVendor), (std::vector<std::string>{"carry_out", "decline"}));
    EXPECT_TRUE(workflow.Allowed("requested", Role::kOffice).empty());
    EXPECT_TRUE(workflow.Allowed("carried_out", Role::kVendor).empty());
    EXPECT_TRUE(workflow.Allowed("declined", Role::kVendor).empty());
    for (const auto kind : {AgentIdRequestKind::kOpen, AgentIdRequestKind::kChange, AgentIdRequestKind::kClose}) {
        EXPECT_EQ(ParseAgentIdRequestKind(AgentIdRequestKindCode(kind)), kind);
    }
    for (const auto status :
         {AgentIdRequestStatus::kRequested, AgentIdRequestStatus::kCarriedOut, AgentIdRequestStatus::kDeclined}) {
        EXPECT_EQ(ParseAgentIdRequestStatus(AgentIdRequestStatusCode(status)), status);
    }
}

}  // namespace
}  // namespace houqin
