#include "features/vendors/rules/credit_code.h"

#include <array>

namespace houqin {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // no I, O, S, V, Z
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int ValueOf(char c) {
    const auto position = kAlphabet.find(c);
    return position == std::string_view::npos ? -1 : static_cast<int>(position);
}

}  // namespace

char CreditCodeCheckCharacter(std::string_view first17) {
    if (first17.size() < 17) return '?';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const int value = ValueOf(first17[i]);
        if (value < 0) return '?';
        sum += value * kWeights[i];
    }
    return kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

CreditCodeProblem CheckCreditCode(std::string_view code) {
    if (code.size() != 18) return CreditCodeProblem::kLength;
    for (char c : code) {
        if (ValueOf(c) < 0) return CreditCodeProblem::kCharacter;
    }
    return CreditCodeCheckCharacter(code.substr(0, 17)) == code[17] ? CreditCodeProblem::kNone
                                                                    : CreditCodeProblem::kCheckDigit;
}

}  // namespace houqin
