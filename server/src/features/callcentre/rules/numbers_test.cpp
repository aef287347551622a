// CC-2: whether an outbound number was in the contract's register on a call's day (the call import's question).
#include "features/callcentre/rules/numbers.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Date NumbersDay(const char* text) { return *Date::Parse(text); }

NumberPeriod Period(const char* number, const char* from, const char* to = nullptr) {
    NumberPeriod period;
    period.number = number;
    period.valid_from = NumbersDay(from);
    if (to != nullptr) period.valid_to = NumbersDay(to);
    return period;
}

TEST(OutboundNumbersTest, CC2_RegisteredFromItsFirstDayUpToButNotIncludingItsEnd) {
    const std::vector<NumberPeriod> periods = {Period("02088886666", "2026-11-10", "2026-11-20")};
    EXPECT_FALSE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-09")));
    EXPECT_TRUE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-10")));
    EXPECT_TRUE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-19")));
    EXPECT_FALSE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-20")));
}

TEST(OutboundNumbersTest, CC2_OpenPeriodHoldsOnAndAfterWithdrawalGapDoesNot) {
    // Withdrawn on 11-05, added again on 11-15 (still registered); another number is never registered.
    const std::vector<NumberPeriod> periods = {Period("+862088886666", "2026-10-01", "2026-11-05"),
                                               Period("+862088886666", "2026-11-15")};
    EXPECT_TRUE(NumberRegisteredOn(periods, "+862088886666", NumbersDay("2026-11-04")));
    EXPECT_FALSE(NumberRegisteredOn(periods, "+862088886666", NumbersDay("2026-11-10")));
    EXPECT_TRUE(NumberRegisteredOn(periods, "+862088886666", NumbersDay("2027-05-01")));
    EXPECT_FALSE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-04")));
    EXPECT_FALSE(NumberRegisteredOn({}, "02088886666", NumbersDay("2026-11-04")));
}

TEST(OutboundNumbersTest, CC2_ChangedNumberOldUpToTheDayNewFromIt) {
    const std::vector<NumberPeriod> periods = {Period("02088886666", "2026-10-01", "2026-11-15"),
                                               Period("02088887777", "2026-11-15")};
    EXPECT_TRUE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-14")));
    EXPECT_FALSE(NumberRegisteredOn(periods, "02088887777", NumbersDay("2026-11-14")));
    EXPECT_FALSE(NumberRegisteredOn(periods, "02088886666", NumbersDay("2026-11-15")));
    EXPECT_TRUE(NumberRegisteredOn(periods, "02088887777", NumbersDay("2026-11-15")));
}

TEST(OutboundNumbersTest, CC2_ClashWithAnOpenOrLaterEndingPeriodOfTheSameNumber) {
    const std::vector<NumberPeriod> periods = {Period("02088886666", "2026-10-01", "2026-11-15"),
                                               Period("02088887777", "2026-11-15")};
    EXPECT_TRUE(NumberClash(periods, "02088886666", NumbersDay("2026-11-14")).has_value());
    EXPECT_FALSE(NumberClash(periods, "02088886666", NumbersDay("2026-11-15")).has_value());
    EXPECT_TRUE(NumberClash(periods, "02088887777", NumbersDay("2027-01-01")).has_value());
    EXPECT_FALSE(NumberClash(periods, "02088889999", NumbersDay("2026-11-14")).has_value());
}

TEST(OutboundNumbersTest, CC2_NumberTextIsDigitsWithAnOptionalLeadingPlus) {
    EXPECT_TRUE(IsOutboundNumberText("12345"));
    EXPECT_TRUE(IsOutboundNumberText("+862088886666"));
    EXPECT_TRUE(IsOutboundNumberText("12345678901234567890"));
    EXPECT_FALSE(IsOutboundNumberText("1234"));
    EXPECT_FALSE(IsOutboundNumberText("123456789012345678901"));
    EXPECT_TRUE(IsOutboundNumberText("+1234"));
    EXPECT_FALSE(IsOutboundNumberText("+123"));
    EXPECT_FALSE(IsOutboundNumberText("020-8888"));
    EXPECT_FALSE(IsOutboundNumberText("12+345"));
    EXPECT_FALSE(IsOutboundNumberText("020 88886666"));
    EXPECT_FALSE(IsOutboundNumberText(""));
}

}  // namespace
}  // namespace houqin
