// money is integer fen, parsed from and printed as decimal strings without floating point.
#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace houqin {
namespace {

TEST(MoneyTest, X6_ParsesDecimalStringsToExactFen) {
    EXPECT_EQ(Money::Parse("12345.67")->fen(), 1234567);
    EXPECT_EQ(Money::Parse("0.1")->fen(), 10);
    EXPECT_EQ(Money::Parse("5")->fen(), 500);
    EXPECT_EQ(Money::Parse("-3.05")->fen(), -305);
    // 0.1 + 0.2 is exactly 0.3 in fen, unlike in binary floating point.
    EXPECT_EQ((*Money::Parse("0.1") + *Money::Parse("0.2")).ToString(), "0.30");
}

TEST(MoneyTest, X6_DisplaysThousandsSeparators) {
    EXPECT_EQ(Money::FromFen(123456789).ToDisplayString(), "1,234,567.89");
    EXPECT_EQ(Money::FromFen(100000).ToDisplayString(), "1,000.00");
    EXPECT_EQ(Money::FromFen(99999).ToDisplayString(), "999.99");
    EXPECT_EQ(Money::FromFen(10000000).ToDisplayString(), "100,000.00");
    EXPECT_EQ(Money::FromFen(0).ToDisplayString(), "0.00");
    EXPECT_EQ(Money::FromFen(-123456).ToDisplayString(), "-1,234.56");
    EXPECT_EQ(Money::FromFen(-12345).ToDisplayString(), "-123.45");
    EXPECT_EQ(Money::FromFen(std::numeric_limits<std::int64_t>::min()).ToDisplayString(), "-92,233,720,368,547,758.08");
}

TEST(MoneyTest, X6_RefusesAmbiguousOrMalformedText) {
    for (const char* text : {"", "1.234", "1.", ".5", "1e3", " 1", "1,000", "abc", "--1", "1234567890123456"}) {
        EXPECT_FALSE(Money::Parse(text).has_value()) << text;
    }
}

TEST(MoneyTest, X6_PrintsTwoDecimals) {
    EXPECT_EQ(Money::FromFen(0).ToString(), "0.00");
    EXPECT_EQ(Money::FromFen(7).ToString(), "0.07");
    EXPECT_EQ(Money::FromFen(-120).ToString(), "-1.20");
    EXPECT_EQ(Money::FromFen(500000000).ToString(), "5000000.00");
}

// RP-2: a percentage of a fee in basis points, exact in 128 bits and floored to the fen; an overflow is refused.
TEST(MoneyTest, X6_FractionOfIsExactFlooredAndOverflowChecked) {
    EXPECT_EQ(Money::FromFen(3'000'000).FractionOf(100, 10'000)->fen(), 30'000);  // 1% of 30000.00 = 300.00
    EXPECT_EQ(Money::FromFen(3'000'001).FractionOf(150, 10'000)->fen(), 45'000);  // 450.000015 floored to 450.00
    EXPECT_EQ(Money::FromFen(999).FractionOf(1, 3)->fen(), 333);
    EXPECT_EQ(Money::FromFen(-999).FractionOf(1, 3)->fen(), -333);  // toward zero
    // The product passes 64 bits and comes back: 9.2e18 fen x 10000 / 10000.
    const auto max = Money::FromFen(std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(max.FractionOf(10'000, 10'000)->fen(), std::numeric_limits<std::int64_t>::max());
    EXPECT_FALSE(max.FractionOf(2, 1).has_value());
    EXPECT_FALSE(Money::FromFen(100).FractionOf(1, 0).has_value());
    EXPECT_FALSE(Money::FromFen(100).FractionOf(1, -5).has_value());
}

}  // namespace
}  // namespace houqin
