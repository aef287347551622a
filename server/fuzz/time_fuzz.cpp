// The ISO date and time readers (core/time.h) on any text: Date::Parse (YYYY-MM-DD) and Instant::ParseIso (with an
// offset). No crash, no overflow (UBSan); an accepted date prints back as the same text, and an accepted instant
// prints (in Asia/Shanghai) as an instant that parses to the same millisecond. Found: an offset of "+99:99" was
// accepted (corpus/time/offset.txt; core/time_test.cpp X6_AnOffsetBeyondRfc3339IsRefused).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto date = houqin::Date::Parse(text)) {
        HOUQIN_FUZZ_CHECK(date->ToString() == text);
        HOUQIN_FUZZ_CHECK(houqin::Date::FromDays(date->days()) == *date);
    }
    if (const auto instant = houqin::Instant::ParseIso(text)) {
        const std::string printed = instant->ToIso();
        // Dates are years 1900 to 9999; an instant given in another offset may fall just outside in Shanghai
        // ("1900-01-01T00:00:00+10:00"), and then its rendering is not a date the readers accept.
        const auto day = instant->ShanghaiDate();
        if (day >= houqin::Date::FromYmd(1900, 1, 1) && day <= houqin::Date::FromYmd(9999, 12, 31)) {
            const auto again = houqin::Instant::ParseIso(printed);
            HOUQIN_FUZZ_CHECK(again && *again == *instant);
        }
    }
    return 0;
}
