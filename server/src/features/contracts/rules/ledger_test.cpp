// CON-8: the payment ledger is exact to the fen: deductions reduce what is due, rewards are separate.
#include "features/contracts/rules/ledger.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Money M(const char* text) { return *Money::Parse(text); }

TEST(LedgerTest, CON8_DeductionsReduceDueRewardsAreSeparatePaymentsReduceBalance) {
    const std::vector<Installment> installments = {{"2027-01", *Date::Parse("2027-01-31"), M("8333.33")},
                                                   {"2027-02", *Date::Parse("2027-02-28"), M("8333.37")}};
    const auto statement = ComputeLedger(installments, {{"2027-01", M("500.00")}, {"2027-01", M("0.33")}},
                                         {{"2027-02", M("1000.00")}}, {{"2027-01", M("7000.00")}});
    ASSERT_EQ(statement.periods.size(), 2u);
    const auto& january = statement.periods[0];
    EXPECT_EQ(january.deductions, M("500.33"));
    EXPECT_EQ(january.due, M("7833.00"));
    EXPECT_EQ(january.paid, M("7000.00"));
    EXPECT_EQ(january.balance, M("833.00"));
    const auto& february = statement.periods[1];
    EXPECT_EQ(february.rewards, M("1000.00"));
    EXPECT_EQ(february.due, M("8333.37"));  // a reward does not change what is due
    EXPECT_EQ(statement.totals.amount, M("16666.70"));
    EXPECT_EQ(statement.totals.balance, M("9166.37"));
}

TEST(LedgerTest, CON8_DeductionsBeyondTheInstallmentLeaveNothingDue) {
    const auto statement =
        ComputeLedger({{"2027", *Date::Parse("2027-12-31"), M("100.00")}}, {{"2027", M("150.00")}}, {}, {});
    EXPECT_EQ(statement.periods[0].due, M("0.00"));
    EXPECT_EQ(statement.periods[0].balance, M("0.00"));
}

}  // namespace
}  // namespace houqin
