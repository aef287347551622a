// SUP-2: who may move a rectification, from which state, and that a rejection needs a comment.
#include "features/supervision/rules/rectification.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

TEST(RectificationWorkflowTest, VendorReportsOfficeVerifies) {
    const auto& flow = RectificationWorkflow();
    EXPECT_TRUE(flow.Check("open", "report", Role::kVendor, ""));
    EXPECT_EQ(flow.Check("open", "report", Role::kOffice, "").error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(flow.Check("reported", "report", Role::kVendor, "").error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(flow.Check("reported", "accept", Role::kOffice, "").value()->to, "closed");
    EXPECT_EQ(flow.Check("reported", "accept", Role::kVendor, "").error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(flow.Check("closed", "accept", Role::kOffice, "").error().code, ErrorCode::kFailedPrecondition);
}

TEST(RectificationWorkflowTest, RejectionNeedsACommentAndReopens) {
    const auto& flow = RectificationWorkflow();
    const auto refused = flow.Check("reported", "reject", Role::kOffice, "  ");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.at(0).field, "comment");
    EXPECT_EQ(flow.Check("reported", "reject", Role::kAdmin, "照片不清晰").value()->to, "open");
    EXPECT_EQ(flow.Allowed("open", Role::kVendor), std::vector<std::string>{"report"});
    EXPECT_EQ(flow.Allowed("reported", Role::kOffice), (std::vector<std::string>{"accept", "reject"}));
}

}  // namespace
}  // namespace houqin
