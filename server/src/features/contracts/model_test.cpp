// CON-1, CON-8: contract content rules and the payment schedule arithmetic (exact to the fen).
#include "features/contracts/model.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Money M(const char* text) { return *Money::Parse(text); }

TEST(ScheduleTest, CON8_MonthlyScheduleAddsUpExactlyWithRemainderOnTheLast) {
    const auto schedule =
        GenerateSchedule(*Date::Parse("2027-01-01"), *Date::Parse("2027-12-31"), Frequency::kMonthly, M("100000.00"));
    ASSERT_EQ(schedule.size(), 12u);
    Money sum;
    for (const auto& installment : schedule) sum = sum + installment.amount;
    EXPECT_EQ(sum, M("100000.00"));
    EXPECT_EQ(schedule[0].amount, M("8333.33"));
    EXPECT_EQ(schedule[11].amount, M("8333.37"));
    EXPECT_EQ(schedule[0].period, "2027-01");
    EXPECT_EQ(schedule[0].due_date.ToString(), "2027-01-31");
    EXPECT_EQ(schedule[1].due_date.ToString(), "2027-02-28");
    EXPECT_EQ(schedule[11].due_date.ToString(), "2027-12-31");
}

TEST(ScheduleTest, CON8_QuarterlyAndPartialTerms) {
    const auto quarterly =
        GenerateSchedule(*Date::Parse("2027-01-01"), *Date::Parse("2027-12-31"), Frequency::kQuarterly, M("360000.00"));
    ASSERT_EQ(quarterly.size(), 4u);
    EXPECT_EQ(quarterly[1].period, "2027-Q2");
    EXPECT_EQ(quarterly[3].amount, M("90000.00"));
    // A term starting mid-year still ends its last period at the term's end.
    const auto partial =
        GenerateSchedule(*Date::Parse("2027-07-15"), *Date::Parse("2028-01-14"), Frequency::kMonthly, M("0.07"));
    ASSERT_EQ(partial.size(), 7u);
    EXPECT_EQ(partial.back().due_date.ToString(), "2028-01-14");
    Money sum;
    for (const auto& installment : partial) sum = sum + installment.amount;
    EXPECT_EQ(sum, M("0.07"));
}

ContractContent Valid() {
    ContractContent content;
    content.title = "九江镇机关保洁绿化服务外包合同";
    content.vendor_id = 1;
    content.category_id = 2;
    content.party_a = {"九江镇人民政府", "李书记", "0757-86501234",  "九江镇",
                       "九江镇人民政府", "农行",   "445801010400001"};
    content.party_b = {"九江长安物业服务有限公司", "法人", "0757-86800001", "九江镇", "长安物业", "农行",
                       "445801010400002"};
    content.term_start = *Date::Parse("2027-01-01");
    content.term_end = *Date::Parse("2027-12-31");
    content.annual_amount = M("120000.00");
    content.total_amount = M("120000.00");
    content.service_items = {{"保洁", "办公楼", "每月 10000 元", M("120000.00")}};
    content.payment = {"银行转账", Frequency::kMonthly,
                       GenerateSchedule(content.term_start, content.term_end, Frequency::kMonthly, M("120000.00"))};
    content.assessment = {
        Frequency::kMonthly, 60, {{"清洁", 60}, {"纪律", 40}}, {{"优秀", 90}, {"良好", 80}, {"合格", 60}}};
    content.staffing = {{DayType::kWorkday, "保洁员", 4, 8}, {DayType::kWeekend, "保洁员", 2, 8}};
    content.deductions = {{DeductionKind::kPerPointBelowPass, M("100.00"), M("3000.00"), ""}};
    content.responsible_department_id = 5;
    content.responsible_person = "王主任";
    return content;
}

bool Names(const Status& status, const std::string& field) {
    if (status) return false;
    for (const auto& error : status.error().fields) {
        if (error.field == field) return true;
    }
    return false;
}

TEST(ContractContentTest, CON1_ValidContentPasses) { EXPECT_TRUE(ValidateContractContent(Valid())); }

TEST(ContractContentTest, CON1_EachRefusalNamesItsField) {
    auto content = Valid();
    content.term_end = content.term_start;
    EXPECT_TRUE(Names(ValidateContractContent(content), "term_end"));

    content = Valid();
    content.payment.installments[3].amount = content.payment.installments[3].amount + M("0.01");
    EXPECT_TRUE(Names(ValidateContractContent(content), "payment.installments"));

    content = Valid();
    content.staffing[0].hours = 25;
    EXPECT_TRUE(Names(ValidateContractContent(content), "staffing[0].hours"));

    content = Valid();
    content.service_items[0].amount = M("-1.00");
    EXPECT_TRUE(Names(ValidateContractContent(content), "service_items[0].amount"));

    content = Valid();
    content.assessment.checklist[0].points = 50;
    EXPECT_TRUE(Names(ValidateContractContent(content), "assessment.checklist"));

    content = Valid();
    content.deductions[0].cap = M("50.00");
    EXPECT_TRUE(Names(ValidateContractContent(content), "deductions[0].cap"));

    content = Valid();
    content.assessment.bands = {{"优秀", 80}, {"良好", 90}};
    EXPECT_TRUE(Names(ValidateContractContent(content), "assessment.bands[1].min"));
}

}  // namespace
}  // namespace houqin
