// PRJ-4: unified social credit codes are checked with the GB 32100-2015 check character.
#include "features/vendors/rules/credit_code.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

TEST(CreditCodeTest, PRJ4_AcceptsPublishedValidCodes) {
    // Codes printed on real business licences.
    EXPECT_EQ(CheckCreditCode("91110000100010433L"), CreditCodeProblem::kNone);  // 中国农业银行股份有限公司
    EXPECT_EQ(CheckCreditCode("91440300708461136T"), CreditCodeProblem::kNone);  // 华为技术有限公司
}

TEST(CreditCodeTest, PRJ4_NamesTheProblem) {
    EXPECT_EQ(CheckCreditCode("91110000100010433"), CreditCodeProblem::kLength);
    EXPECT_EQ(CheckCreditCode("91110000100010433LL"), CreditCodeProblem::kLength);
    EXPECT_EQ(CheckCreditCode("91110000100010433I"), CreditCodeProblem::kCharacter);  // I is not in the alphabet
    EXPECT_EQ(CheckCreditCode("91110000100010433l"), CreditCodeProblem::kCharacter);  // lower case
    EXPECT_EQ(CheckCreditCode("91110000100010433M"), CreditCodeProblem::kCheckDigit);
}

TEST(CreditCodeTest, PRJ4_CheckCharacterMakesAnyPrefixValid) {
    const std::string prefix = "91440605MA4W0000";
    for (char last : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
        const std::string first17 = prefix + last;
        EXPECT_EQ(CheckCreditCode(first17 + CreditCodeCheckCharacter(first17)), CreditCodeProblem::kNone) << first17;
    }
}

}  // namespace
}  // namespace houqin
