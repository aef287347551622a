// The words the contract document prints beyond its content (issue 12): the rules it cites (CON-1) and the status of
// the version printed (CON-3).
#include "features/contracts/rules/contract_text.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

TEST(ContractTextTest, CON1_CitesTheRulesTitleItIsGivenInsideBookTitleMarks) {
    EXPECT_EQ(ContractBasisSentence("九江镇后勤服务外包项目监督管理办法(试行)"),
              "根据《九江镇后勤服务外包项目监督管理办法(试行)》和批准的服务外包项目采购实施方案,甲乙双方经协商一致,"
              "订立本合同。");
}

TEST(ContractTextTest, CON1_AReviewedVersionKeepsItsRecordedTitleADraftFollowsTheSetting) {
    ContractContent content;
    content.rules_title = "旧办法";
    content.rules_settings_version = "S3";
    for (const char* status : {"in_review", "returned", "approved", "signed", "superseded"}) {
        EXPECT_EQ(RulesTitleOfVersion(status, content, "新办法"), "旧办法") << status;
    }
    EXPECT_EQ(RulesTitleOfVersion("draft", content, "新办法"), "新办法");
    // Versions recorded before the title was a setting carry none: the setting in force.
    EXPECT_EQ(RulesTitleOfVersion("signed", ContractContent{}, "新办法"), "新办法");
}

TEST(ContractTextTest, CON3_TheVersionStatusFollowsTheRealStatusInWords) {
    EXPECT_EQ(ContractVersionStatusName("draft", ContractStatus::kDraft).zh, "草稿");
    EXPECT_EQ(ContractVersionStatusName("in_review", ContractStatus::kInReview).zh, "审查中");
    EXPECT_EQ(ContractVersionStatusName("returned", ContractStatus::kReturned).zh, "已退回");
    // Approved by both reviewers: no longer 审查中.
    EXPECT_EQ(ContractVersionStatusName("approved", ContractStatus::kApproved).zh, "审查通过");
    // The signed version reads as the contract does.
    EXPECT_EQ(ContractVersionStatusName("signed", ContractStatus::kActive).zh, "履行中");
    EXPECT_EQ(ContractVersionStatusName("signed", ContractStatus::kExpired).zh, "已到期");
    EXPECT_EQ(ContractVersionStatusName("signed", ContractStatus::kTerminated).zh, "已终止");
    // An amendment under review while the contract is in force reads as under review, not 履行中.
    EXPECT_EQ(ContractVersionStatusName("in_review", ContractStatus::kActive).zh, "审查中");
    EXPECT_EQ(ContractVersionStatusName("superseded", ContractStatus::kActive).zh, "已被变更取代");
    EXPECT_EQ(ContractVersionStatusName("superseded", ContractStatus::kActive).en, "superseded by an amendment");
}

}  // namespace
}  // namespace houqin
