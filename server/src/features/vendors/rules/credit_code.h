#pragma once
// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-letter alphabet,
// the last one a check character over the first seventeen (PRJ-4).
#include <string>
#include <string_view>

namespace houqin {

enum class CreditCodeProblem { kNone, kLength, kCharacter, kCheckDigit };

CreditCodeProblem CheckCreditCode(std::string_view code);
// The check character for the first 17 characters; '?' when they hold a character outside the alphabet.
char CreditCodeCheckCharacter(std::string_view first17);

}  // namespace houqin
