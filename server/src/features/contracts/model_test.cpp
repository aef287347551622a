// CON-1, CON-8: contract content rules and the payment schedule arithmetic (exact to the fen).
#include "features/contracts/model.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Money M(const char* text) { return *Money::Parse(text); }

Money Sum(const std::vector<Installment>& schedule) {
    Money sum;
    for (const auto& installment : schedule) sum = sum + installment.amount;
    return sum;
}

std::vector<Installment> Schedule(const char* start, const char* end, Frequency frequency, const char* total) {
    return GenerateSchedule(*Date::Parse(start), *Date::Parse(end), frequency, M(total));
}

TEST(ScheduleTest, CON8_MonthlyScheduleAddsUpExactlyWithTheRemainderFenOnTheFirstInstallments) {
    const auto schedule = Schedule("2027-01-01", "2027-12-31", Frequency::kMonthly, "100000.00");
    ASSERT_EQ(schedule.size(), 12u);
    EXPECT_EQ(Sum(schedule), M("100000.00"));
    // 100000.00 / 12 = 8333.33 and 4 fen over: one each to the first four.
    EXPECT_EQ(schedule[0].amount, M("8333.34"));
    EXPECT_EQ(schedule[3].amount, M("8333.34"));
    EXPECT_EQ(schedule[4].amount, M("8333.33"));
    EXPECT_EQ(schedule[11].amount, M("8333.33"));
    EXPECT_EQ(schedule[0].period, "2027-01");
    EXPECT_EQ(schedule[0].due_date.ToString(), "2027-01-31");
    EXPECT_EQ(schedule[1].due_date.ToString(), "2027-02-28");
    EXPECT_EQ(schedule[11].due_date.ToString(), "2027-12-31");
}

TEST(ScheduleTest, CON8_AOneYearTermFromMidMonthHasTwelveEqualMonthsOfItsOwn) {
    // The case: 600,000 a year from the 15th gave 13 installments of 46,153.84, the last covering two days.
    const auto schedule = Schedule("2027-03-15", "2028-03-14", Frequency::kMonthly, "600000.00");
    ASSERT_EQ(schedule.size(), 12u);
    for (const auto& installment : schedule) EXPECT_EQ(installment.amount, M("50000.00"));
    EXPECT_EQ(schedule[0].period, "2027-03");
    EXPECT_EQ(schedule[0].due_date.ToString(), "2027-04-14");
    EXPECT_EQ(schedule[10].due_date.ToString(), "2028-02-14");
    EXPECT_EQ(schedule[11].period, "2028-02");
    EXPECT_EQ(schedule[11].due_date.ToString(), "2028-03-14");
    const auto periods = TermPeriods(*Date::Parse("2027-03-15"), *Date::Parse("2028-03-14"), Frequency::kMonthly);
    ASSERT_EQ(periods.size(), 12u);
    EXPECT_EQ(periods[0].first.ToString(), "2027-03-15");
    EXPECT_EQ(periods[0].last.ToString(), "2027-04-14");
    EXPECT_EQ(periods[11].first.ToString(), "2028-02-15");
}

TEST(ScheduleTest, CON8_AQuarterlyTermFromMidMonthHasFourWholeQuarters) {
    // The case: a quarterly one got 5 installments, the first covering 7 days.
    const auto schedule = Schedule("2027-03-25", "2028-03-24", Frequency::kQuarterly, "100000.00");
    ASSERT_EQ(schedule.size(), 4u);
    EXPECT_EQ(Sum(schedule), M("100000.00"));
    EXPECT_EQ(schedule[0].amount, M("25000.00"));
    EXPECT_EQ(schedule[0].due_date.ToString(), "2027-06-24");
    EXPECT_EQ(schedule[1].due_date.ToString(), "2027-09-24");
    EXPECT_EQ(schedule[3].due_date.ToString(), "2028-03-24");
    const auto semiannual = Schedule("2027-03-25", "2028-03-24", Frequency::kSemiannual, "100000.01");
    ASSERT_EQ(semiannual.size(), 2u);
    EXPECT_EQ(semiannual[0].amount, M("50000.01"));
    EXPECT_EQ(semiannual[1].amount, M("50000.00"));
}

TEST(ScheduleTest, CON8_ATermFromThe31stKeepsItsDayOrTheMonthsLastDay) {
    const auto periods = TermPeriods(*Date::Parse("2027-01-31"), *Date::Parse("2028-01-30"), Frequency::kMonthly);
    ASSERT_EQ(periods.size(), 12u);
    EXPECT_EQ(periods[0].last.ToString(), "2027-02-27");
    EXPECT_EQ(periods[1].first.ToString(), "2027-02-28");
    EXPECT_EQ(periods[1].last.ToString(), "2027-03-30");
    EXPECT_EQ(periods[2].first.ToString(), "2027-03-31");
    EXPECT_EQ(periods[3].first.ToString(), "2027-04-30");
    EXPECT_EQ(periods[11].first.ToString(), "2027-12-31");
    EXPECT_EQ(periods[11].last.ToString(), "2028-01-30");
    const auto schedule = Schedule("2027-01-31", "2028-01-30", Frequency::kMonthly, "120000.00");
    ASSERT_EQ(schedule.size(), 12u);
    for (const auto& installment : schedule) EXPECT_EQ(installment.amount, M("10000.00"));
}

TEST(ScheduleTest, CON8_FebruaryAndLeapYearStarts) {
    // From 29 February of a leap year: the next years' Februaries end on the 28th.
    const auto leap = TermPeriods(*Date::Parse("2028-02-29"), *Date::Parse("2029-02-27"), Frequency::kMonthly);
    ASSERT_EQ(leap.size(), 12u);
    EXPECT_EQ(leap[0].last.ToString(), "2028-03-28");
    EXPECT_EQ(leap[1].first.ToString(), "2028-03-29");
    EXPECT_EQ(leap[11].first.ToString(), "2029-01-29");
    EXPECT_EQ(leap[11].last.ToString(), "2029-02-27");
    const auto february = Schedule("2027-02-01", "2028-01-31", Frequency::kQuarterly, "90000.00");
    ASSERT_EQ(february.size(), 4u);
    EXPECT_EQ(february[0].period, "2027-Q1");
    EXPECT_EQ(february[0].due_date.ToString(), "2027-04-30");
    EXPECT_EQ(february[3].period, "2027-Q4");
    EXPECT_EQ(february[3].due_date.ToString(), "2028-01-31");
    for (const auto& installment : february) EXPECT_EQ(installment.amount, M("22500.00"));
}

TEST(ScheduleTest, CON8_ALastPeriodCutShortByTheTermIsProratedByDays) {
    // Six whole months from 07-15 and a last one of 17 days (2028-01-15..01-31) out of 31.
    const auto schedule = Schedule("2027-07-15", "2028-01-31", Frequency::kMonthly, "6170.00");
    ASSERT_EQ(schedule.size(), 7u);
    EXPECT_EQ(Sum(schedule), M("6170.00"));
    // units = 6 x 31 + 17 = 203; a whole month is 6170 x 31 / 203 = 942.2167.. and the last 6170 x 17 / 203.
    EXPECT_EQ(schedule[6].due_date.ToString(), "2028-01-31");
    EXPECT_LT(schedule[6].amount, schedule[5].amount);
    EXPECT_EQ(schedule[5].amount, M("942.21"));
    EXPECT_EQ(schedule[6].amount, M("516.69"));
    // The tiny total: the fen go one each from the first installment on.
    const auto tiny = Schedule("2027-07-15", "2028-01-14", Frequency::kMonthly, "0.07");
    ASSERT_EQ(tiny.size(), 6u);
    EXPECT_EQ(Sum(tiny), M("0.07"));
    EXPECT_EQ(tiny[0].amount, M("0.02"));
    EXPECT_EQ(tiny[5].amount, M("0.01"));
}

TEST(ScheduleTest, CON8_AHugeTotalIsSplitWithoutOverflow) {
    const auto total = Money::FromFen(INT64_MAX);
    const auto schedule =
        GenerateSchedule(*Date::Parse("2027-03-15"), *Date::Parse("2037-03-14"), Frequency::kMonthly, total);
    ASSERT_EQ(schedule.size(), 120u);
    std::int64_t sum = 0;
    for (const auto& installment : schedule) {
        ASSERT_FALSE(installment.amount.negative());
        ASSERT_FALSE(__builtin_add_overflow(sum, installment.amount.fen(), &sum));
    }
    EXPECT_EQ(sum, INT64_MAX);
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

// RP-2: a clause in percent of the period's fee states a percentage per point and a cap, both in basis points, and
// no fixed amount; each refusal names its field.
TEST(ContractContentTest, CON1_PercentOfFeeClauseNamesEachBadField) {
    auto content = Valid();
    DeductionClause clause;
    clause.kind = DeductionKind::kPercentOfFeePerPointBelowPass;
    clause.rate_basis_points = 100;   // 1% of the fee per point
    clause.cap_basis_points = 1'000;  // at most 10% of the fee
    content.deductions = {clause};
    EXPECT_TRUE(ValidateContractContent(content));

    content.deductions[0].rate_basis_points = 0;
    EXPECT_TRUE(Names(ValidateContractContent(content), "deductions[0].rate_basis_points"));
    content.deductions[0].rate_basis_points = 2'000;  // above its cap
    EXPECT_TRUE(Names(ValidateContractContent(content), "deductions[0].cap_basis_points"));
    content.deductions[0].rate_basis_points = 100;
    content.deductions[0].cap_basis_points = 10'001;  // more than the whole fee
    EXPECT_TRUE(Names(ValidateContractContent(content), "deductions[0].cap_basis_points"));
    content.deductions[0].cap_basis_points = 1'000;
    content.deductions[0].amount = M("100.00");
    EXPECT_TRUE(Names(ValidateContractContent(content), "deductions[0].amount"));

    content = Valid();
    content.deductions[0].rate_basis_points = 100;  // a fixed clause takes no percentage
    EXPECT_TRUE(Names(ValidateContractContent(content), "deductions[0].rate_basis_points"));
}

TEST(ContractContentTest, CON1_SigningNeedsEachPartysContactsAndBankDetailsNamingEachMissingOne) {
    auto content = Valid();
    EXPECT_TRUE(ValidateContentForSigning(content));
    content.party_a.phone.clear();
    content.party_a.bank_name.clear();
    content.party_a.bank_account_no.clear();
    content.party_b.address.clear();
    // A draft may leave them empty; signing may not.
    EXPECT_TRUE(ValidateContractContent(content));
    const auto status = ValidateContentForSigning(content);
    ASSERT_FALSE(status);
    std::vector<std::string> fields;
    for (const auto& error : status.error().fields) fields.push_back(error.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"party_a.phone", "party_a.bank_name", "party_a.bank_account_no",
                                                "party_b.address"}));
    EXPECT_EQ(status.error().fields[0].message.zh, "签订前须填写甲方电话");
    EXPECT_EQ(status.error().fields[0].message.en, "Party A's phone is required before signing");
}

}  // namespace
}  // namespace houqin
