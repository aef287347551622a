// The unified social credit code check (features/vendors/rules/credit_code.h, GB 32100-2015) on any bytes: no crash;
// a code it accepts is 18 characters whose last is the check character of the first 17, and replacing the last
// character by any other makes it refuse the code.
#include <cstdint>
#include <string>
#include <string_view>

#include "features/vendors/rules/credit_code.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using houqin::CreditCodeProblem;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto problem = houqin::CheckCreditCode(text);
    const char check = houqin::CreditCodeCheckCharacter(text);
    if (problem == CreditCodeProblem::kNone) {
        HOUQIN_FUZZ_CHECK(text.size() == 18 && check != '?' && check == text[17]);
        std::string changed(text);
        changed[17] = changed[17] == '0' ? '1' : '0';
        HOUQIN_FUZZ_CHECK(houqin::CheckCreditCode(changed) != CreditCodeProblem::kNone);
    }
    if (text.size() == 18 && problem != CreditCodeProblem::kCharacter && check != '?') {
        std::string fixed(text);
        fixed[17] = check;
        HOUQIN_FUZZ_CHECK(houqin::CheckCreditCode(fixed) == CreditCodeProblem::kNone);
    }
    return 0;
}
