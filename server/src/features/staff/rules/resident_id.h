#pragma once
// STF-1: the 18-character resident identity number of GB 11643-1999 (公民身份号码): 6 digits of region, 8 of birth
// date (YYYYMMDD), 3 of sequence whose last digit is odd for men and even for women, and a check character computed
// with ISO 7064 MOD 11-2. The roster stores the number whole, shows it masked, and derives birth date and sex from it
// so they can never disagree with the number.
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

enum class Sex { kMale, kFemale };
std::string_view SexCode(Sex sex);  // "male" / "female"

struct ResidentId {
    std::string number;  // 18 characters, the check character as an upper-case X when it is ten
    Date birth_date;
    Sex sex = Sex::kMale;
};

// The check character for the first 17 digits: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes
// "10X98765432". Returns '\0' when `first17` is not 17 digits (a caller's bug, not user input: ParseResidentId checks
// the digits first).
char ResidentIdCheckCharacter(std::string_view first17);

// Parses a number as a person types or pastes it: surrounding spaces are trimmed and a lower-case x is read as X.
// Each error is Error::Invalid("id_number", ...) naming the one reason: wrong length, a character that is not a
// digit, a birth date that does not exist (or lies after `today` or before 1900), or a wrong check character (the
// message says which character was expected).
Result<ResidentId> ParseResidentId(std::string_view text, Date today);

// First 6 and last 4 characters with 8 stars between (440681********123X), as every list shows the number (STF-1).
// A text shorter than 10 characters is starred whole.
std::string MaskResidentId(std::string_view number);

}  // namespace houqin
