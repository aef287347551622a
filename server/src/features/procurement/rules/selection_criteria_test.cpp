// PRJ-5, D5.2, D4 §2: a vendor against its category's selection criteria; every failed criterion is named.
#include "features/procurement/rules/selection_criteria.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

const Date kBidDate = *Date::Parse("2027-03-15");

Qualification Certificate(std::string type, std::string cert_no, std::string_view from, std::string_view until) {
    Qualification qualification;
    qualification.type = std::move(type);
    qualification.cert_no = std::move(cert_no);
    qualification.valid_from = *Date::Parse(from);
    qualification.valid_until = *Date::Parse(until);
    return qualification;
}

SelectionCriteria CleaningCriteria() {
    SelectionCriteria criteria;
    criteria.qualification_types = {"保洁服务资质", "ISO9001"};
    criteria.min_staff_count = 20;
    criteria.require_management_system = true;
    criteria.require_training_system = true;
    return criteria;
}

Vendor QualifiedVendor() {
    Vendor vendor;
    vendor.name = "某某物业服务有限公司";
    vendor.staff_count = 25;
    vendor.has_management_system = true;
    vendor.has_training_system = true;
    vendor.qualifications = {Certificate("保洁服务资质", "BJ-001", "2025-01-01", "2028-12-31"),
                             Certificate("ISO9001", "ISO-77", "2026-01-01", "2029-01-01")};
    return vendor;
}

std::vector<std::string> Codes(const CriteriaVerdict& verdict) {
    std::vector<std::string> codes;
    for (const auto& failure : verdict.failures) codes.push_back(failure.code);
    return codes;
}

TEST(SelectionCriteriaTest, PRJ5_QualifiedVendorPasses) {
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), QualifiedVendor(), kBidDate);
    EXPECT_TRUE(verdict.qualified);
    EXPECT_TRUE(verdict.failures.empty());
}

TEST(SelectionCriteriaTest, PRJ5_MissingQualificationIsNamed) {
    auto vendor = QualifiedVendor();
    vendor.qualifications.pop_back();
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    EXPECT_FALSE(verdict.qualified);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"qualification_missing"});
    EXPECT_EQ(verdict.failures[0].criterion, "qualification:ISO9001");
    EXPECT_EQ(verdict.failures[0].text.zh, "缺少资质「ISO9001」");
    EXPECT_EQ(verdict.failures[0].text.en, "qualification \"ISO9001\" is missing");
}

TEST(SelectionCriteriaTest, PRJ5_QualificationExpiredBeforeTheBidDate) {
    auto vendor = QualifiedVendor();
    vendor.qualifications[0].valid_until = kBidDate.AddDays(-1);
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"qualification_expired"});
    EXPECT_NE(verdict.failures[0].text.zh.find("BJ-001"), std::string::npos);
    EXPECT_NE(verdict.failures[0].text.en.find("expired on 2027-03-14"), std::string::npos);
}

TEST(SelectionCriteriaTest, PRJ5_ValidThroughItsLastDayAndFromItsFirst) {
    auto vendor = QualifiedVendor();
    vendor.qualifications[0].valid_until = kBidDate;
    vendor.qualifications[1].valid_from = kBidDate;
    EXPECT_TRUE(CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate).qualified);
}

TEST(SelectionCriteriaTest, PRJ4_PendingOrRejectedQualificationDoesNotCount) {
    auto vendor = QualifiedVendor();
    vendor.qualifications[0].verification = QualificationVerification::kPending;
    auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"qualification_unverified"});
    EXPECT_NE(verdict.failures[0].text.zh.find("待办公室核验"), std::string::npos);
    vendor.qualifications[0].verification = QualificationVerification::kRejected;
    vendor.qualifications[0].rejection_reason = "证书编号与扫描件不符";
    verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"qualification_rejected"});
    EXPECT_NE(verdict.failures[0].text.zh.find("证书编号与扫描件不符"), std::string::npos);
    // A verified certificate of the same type beside the pending one is enough.
    vendor.qualifications.push_back(Certificate("保洁服务资质", "BJ-002", "2025-01-01", "2028-12-31"));
    EXPECT_TRUE(CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate).qualified);
}

TEST(SelectionCriteriaTest, PRJ5_QualificationNotYetValidOnTheBidDate) {
    auto vendor = QualifiedVendor();
    vendor.qualifications[1].valid_from = kBidDate.AddDays(1);
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"qualification_not_yet_valid"});
    EXPECT_NE(verdict.failures[0].text.en.find("valid only from 2027-03-16"), std::string::npos);
}

TEST(SelectionCriteriaTest, PRJ5_OneValidCertificateOfATypeIsEnough) {
    auto vendor = QualifiedVendor();
    vendor.qualifications.push_back(Certificate("保洁服务资质", "BJ-OLD", "2019-01-01", "2020-12-31"));
    EXPECT_TRUE(CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate).qualified);
}

TEST(SelectionCriteriaTest, PRJ5_OfCertificatesWithTheSameDateTheFirstOnFileIsNamed) {
    auto expired = QualifiedVendor();
    expired.qualifications[0] = Certificate("保洁服务资质", "BJ-A", "2024-01-01", "2026-12-31");
    expired.qualifications.push_back(Certificate("保洁服务资质", "BJ-B", "2025-01-01", "2026-12-31"));
    const auto expired_verdict = CheckSelectionCriteria(CleaningCriteria(), expired, kBidDate);
    ASSERT_EQ(Codes(expired_verdict), std::vector<std::string>{"qualification_expired"});
    EXPECT_NE(expired_verdict.failures[0].text.en.find("(certificate BJ-A)"), std::string::npos);

    auto future = QualifiedVendor();
    future.qualifications[0] = Certificate("保洁服务资质", "BJ-C", "2027-04-01", "2029-12-31");
    future.qualifications.push_back(Certificate("保洁服务资质", "BJ-D", "2027-04-01", "2030-12-31"));
    const auto future_verdict = CheckSelectionCriteria(CleaningCriteria(), future, kBidDate);
    ASSERT_EQ(Codes(future_verdict), std::vector<std::string>{"qualification_not_yet_valid"});
    EXPECT_NE(future_verdict.failures[0].text.en.find("(certificate BJ-C)"), std::string::npos);
}

TEST(SelectionCriteriaTest, PRJ5_TooFewStaff) {
    auto vendor = QualifiedVendor();
    vendor.staff_count = 19;
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"staff_below_minimum"});
    EXPECT_EQ(verdict.failures[0].text.zh, "员工人数 19 人,少于最低要求 20 人");
    vendor.staff_count = 20;  // exactly the minimum is enough
    EXPECT_TRUE(CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate).qualified);
}

TEST(SelectionCriteriaTest, PRJ5_NoManagementSystem) {
    auto vendor = QualifiedVendor();
    vendor.has_management_system = false;
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"no_management_system"});
    EXPECT_EQ(verdict.failures[0].criterion, "management_system");
}

TEST(SelectionCriteriaTest, PRJ5_NoTrainingSystem) {
    auto vendor = QualifiedVendor();
    vendor.has_training_system = false;
    const auto verdict = CheckSelectionCriteria(CleaningCriteria(), vendor, kBidDate);
    ASSERT_EQ(Codes(verdict), std::vector<std::string>{"no_training_system"});
    EXPECT_EQ(verdict.failures[0].criterion, "training_system");
}

TEST(SelectionCriteriaTest, PRJ5_SystemsNotRequiredAreNotChecked) {
    auto criteria = CleaningCriteria();
    criteria.require_management_system = false;
    criteria.require_training_system = false;
    auto vendor = QualifiedVendor();
    vendor.has_management_system = false;
    vendor.has_training_system = false;
    EXPECT_TRUE(CheckSelectionCriteria(criteria, vendor, kBidDate).qualified);
}

TEST(SelectionCriteriaTest, PRJ5_EveryFailedCriterionIsNamedAtOnce) {
    Vendor vendor;
    vendor.status = VendorStatus::kSuspended;
    vendor.staff_count = 3;
    auto criteria = CleaningCriteria();
    criteria.qualification_types.push_back(" ISO9001 ");  // listed twice, checked once
    const auto verdict = CheckSelectionCriteria(criteria, vendor, kBidDate);
    EXPECT_FALSE(verdict.qualified);
    EXPECT_EQ(Codes(verdict),
              (std::vector<std::string>{"vendor_suspended", "qualification_missing", "qualification_missing",
                                        "staff_below_minimum", "no_management_system", "no_training_system"}));
    for (const auto& failure : verdict.failures) {
        EXPECT_FALSE(failure.text.zh.empty());
        EXPECT_FALSE(failure.text.en.empty());
    }
    EXPECT_EQ(verdict.values[1].value, "保洁服务资质,ISO9001");
}

TEST(SelectionCriteriaTest, PRJ5_EmptyCriteriaAdmitAnActiveVendor) {
    EXPECT_TRUE(CheckSelectionCriteria(SelectionCriteria{}, Vendor{}, kBidDate).qualified);
}

}  // namespace
}  // namespace houqin
