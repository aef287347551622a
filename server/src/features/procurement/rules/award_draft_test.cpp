// PRJ-8: the award's contract draft, from the project, the winner and the winning annual quote.
#include "features/procurement/rules/award_draft.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

AwardFacts TwoYearsOfCleaning() {
    AwardFacts facts;
    facts.project.code = "XM-2027-0003";
    facts.project.name = "2027 年度机关保洁服务外包";
    facts.project.category_id = 7;
    facts.project.scope = "镇机关大院及各办公楼";
    facts.project.service_start = *Date::Parse("2027-01-01");
    facts.project.service_end = *Date::Parse("2028-12-31");
    facts.project.department_id = 12;
    facts.project.responsible_person = "陈主任";
    facts.project.responsible_phone = "0757-86801234";
    facts.annual_quote = Money::FromFen(17'650'000);
    facts.winner.id = 42;
    facts.winner.name = "顺德洁美物业服务有限公司";
    facts.winner.legal_representative = "黄洁";
    facts.winner.contact_phone = "13800138000";
    facts.winner.address = "顺德区大良街道";
    facts.winner.bank_account_name = "顺德洁美物业服务有限公司";
    facts.winner.bank_name = "农商银行大良支行";
    facts.winner.bank_account_no = "80020000001234567";
    facts.category.name_zh = "保洁服务";
    facts.category.checklist = {{"公共区域清洁", 60}, {"垃圾清运", 40}};
    facts.owner_name = "九江镇人民政府";
    return facts;
}

TEST(AwardDraftTest, PRJ8_DraftNamesBothPartiesAndTheTermAtTheWinningQuote) {
    const auto content = DraftContractOfAward(TwoYearsOfCleaning());
    EXPECT_EQ(content.title, "2027 年度机关保洁服务外包");
    EXPECT_EQ(content.category_id, 7);
    EXPECT_EQ(content.vendor_id, 42);
    EXPECT_EQ(content.party_a.name, "九江镇人民政府");
    EXPECT_EQ(content.party_b.name, "顺德洁美物业服务有限公司");
    EXPECT_EQ(content.party_b.representative, "黄洁");
    EXPECT_EQ(content.party_b.phone, "13800138000");
    EXPECT_EQ(content.party_b.bank_account_no, "80020000001234567");
    EXPECT_EQ(content.term_start, *Date::Parse("2027-01-01"));
    EXPECT_EQ(content.term_end, *Date::Parse("2028-12-31"));
    // Two whole years at the annual quote.
    EXPECT_EQ(content.annual_amount.fen(), 17'650'000);
    EXPECT_EQ(content.total_amount.fen(), 35'300'000);
    ASSERT_EQ(content.service_items.size(), 1U);
    EXPECT_EQ(content.service_items[0].name, "保洁服务");
    EXPECT_EQ(content.service_items[0].scope, "镇机关大院及各办公楼");
    EXPECT_EQ(content.service_items[0].fee_standard, "年报价 176500.00 元(XM-2027-0003)");
    EXPECT_EQ(content.service_items[0].amount.fen(), 35'300'000);
    EXPECT_EQ(content.responsible_department_id, 12);
    EXPECT_EQ(content.responsible_person, "陈主任");
    EXPECT_EQ(content.responsible_phone, "0757-86801234");
    EXPECT_TRUE(ValidateContractContent(content)) << "the draft passes the contract's own checks";
}

TEST(AwardDraftTest, PRJ8_MonthlyInstallmentsSumToTheTotal) {
    const auto content = DraftContractOfAward(TwoYearsOfCleaning());
    EXPECT_EQ(content.payment.method, "银行转账");
    EXPECT_EQ(content.payment.frequency, Frequency::kMonthly);
    ASSERT_EQ(content.payment.installments.size(), 24U);
    std::int64_t sum = 0;
    for (const auto& installment : content.payment.installments) sum += installment.amount.fen();
    EXPECT_EQ(sum, content.total_amount.fen());
}

TEST(AwardDraftTest, PRJ8_AssessmentFollowsTheCategoryChecklistOrOneItemOf100Points) {
    auto facts = TwoYearsOfCleaning();
    auto content = DraftContractOfAward(facts);
    EXPECT_EQ(content.assessment.frequency, Frequency::kMonthly);
    EXPECT_EQ(content.assessment.pass_mark, 60);
    ASSERT_EQ(content.assessment.checklist.size(), 2U);
    EXPECT_EQ(content.assessment.checklist[1].item, "垃圾清运");
    ASSERT_EQ(content.assessment.bands.size(), 3U);
    EXPECT_EQ(content.assessment.bands[0].min, 90);

    facts.category.checklist.clear();
    content = DraftContractOfAward(facts);
    ASSERT_EQ(content.assessment.checklist.size(), 1U);
    EXPECT_EQ(content.assessment.checklist[0].item, "综合考核");
    EXPECT_EQ(content.assessment.checklist[0].points, 100);
}

TEST(AwardDraftTest, PRJ8_PartOfAYearIsProRataByDays) {
    auto facts = TwoYearsOfCleaning();
    facts.project.service_end = *Date::Parse("2027-06-30");  // 181 days
    const auto content = DraftContractOfAward(facts);
    // 17,650,000 fen x 181 / 365, rounded half up.
    EXPECT_EQ(content.total_amount.fen(), (17'650'000LL * 181 * 2 + 365) / 730);
}

TEST(AwardDraftTest, PRJ8_AVendorPhoneThatIsNoPhoneNumberIsLeftOut) {
    auto facts = TwoYearsOfCleaning();
    facts.winner.contact_phone = "see website";
    EXPECT_EQ(DraftContractOfAward(facts).party_b.phone, "");
}

TEST(AwardDraftTest, PRJ8_ALongScopeIsCutOnACharacterBoundary) {
    auto facts = TwoYearsOfCleaning();
    facts.project.scope.clear();
    // 151 three-byte characters (453 bytes): the cut at 450 bytes keeps 150 whole characters (the last one too: the
    // service used to drop a whole last character when the cut fell on a boundary).
    for (int i = 0; i < 151; ++i) facts.project.scope += "楼";
    const auto scope = DraftContractOfAward(facts).service_items.at(0).scope;
    EXPECT_EQ(scope.size(), 450U);
    facts.project.scope = "a" + facts.project.scope;  // now the 450-byte cut splits a character
    const auto shifted = DraftContractOfAward(facts).service_items.at(0).scope;
    EXPECT_EQ(shifted.size(), 448U);
    EXPECT_EQ(shifted.substr(0, 1), "a");
}

}  // namespace
}  // namespace houqin
