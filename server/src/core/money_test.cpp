// money is integer fen, parsed from and printed as decimal strings without floating point.
#include "core/money.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace houqin
