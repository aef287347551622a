// Money::Parse (core/money.h) on any text: no crash, no overflow (UBSan), and what it accepts prints back to the
// same amount, so "12.5" and "12.50" are one value and no parsed amount changes when it is stored and read again.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto money = houqin::Money::Parse(text);
    if (!money) return 0;
    const std::string printed = money->ToString();
    const auto again = houqin::Money::Parse(printed);
    HOUQIN_FUZZ_CHECK(again && *again == *money);
    return 0;
}
