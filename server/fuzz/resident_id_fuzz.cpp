// The resident ID number check (features/staff/rules/resident_id.h, GB 11643-1999) on any bytes: no crash; a number it
// accepts is 18 characters, its last the check character of the first 17, its birth date the one written in it and
// not after the day given, its sex the parity of the 17th digit; the mask shows only its first 6 and last 4
// characters; replacing the check character by any other makes it refuse the number.
#include <cstdint>
#include <string>
#include <string_view>

#include "features/staff/rules/resident_id.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const houqin::Date today = houqin::Date::FromYmd(2027, 6, 1);
    const auto parsed = houqin::ParseResidentId(text, today);
    if (!parsed) return 0;
    const std::string& number = parsed->number;
    HOUQIN_FUZZ_CHECK(number.size() == 18);
    HOUQIN_FUZZ_CHECK(houqin::ResidentIdCheckCharacter(number.substr(0, 17)) == number[17]);
    HOUQIN_FUZZ_CHECK(parsed->birth_date <= today);
    const std::string birth = parsed->birth_date.ToString();  // YYYY-MM-DD
    HOUQIN_FUZZ_CHECK(number.substr(6, 4) == birth.substr(0, 4) && number.substr(10, 2) == birth.substr(5, 2) &&
                      number.substr(12, 2) == birth.substr(8, 2));
    const bool odd = ((number[16] - '0') % 2) == 1;
    HOUQIN_FUZZ_CHECK((parsed->sex == houqin::Sex::kMale) == odd);
    const std::string mask = houqin::MaskResidentId(number);
    HOUQIN_FUZZ_CHECK(mask == number.substr(0, 6) + "********" + number.substr(14));
    std::string changed = number;
    changed[17] = changed[17] == '0' ? '1' : '0';
    HOUQIN_FUZZ_CHECK(!houqin::ParseResidentId(changed, today));
    return 0;
}
