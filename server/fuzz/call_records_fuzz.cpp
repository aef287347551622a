// The call-record reader (CC-8, features/callcentre/rules/call_records.h) on any bytes read as CSV: no crash, no
// sanitizer report, and the all-or-nothing promise the import rests on: the file is accepted only when at least one
// row was a call record and no row was bad, and a refused file names at least one field.
#include <cstdint>
#include <string_view>

#include "features/callcentre/rules/call_records.h"
#include "fuzz_check.h"
#include "platform/imports/tabular.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    houqin::CallRecordReader reader;
    std::int64_t rows = 0;
    const auto summary = houqin::ReadCsv(bytes, houqin::TextEncoding::kAuto, [&](const houqin::TabularRow& row) {
        ++rows;
        (void)reader.Read(row.number, row.cells);
        return houqin::Ok();
    });
    if (!summary) return 0;
    HOUQIN_FUZZ_CHECK(reader.records() + reader.bad_rows() <= rows);
    const auto finished = reader.Finish();
    if (finished) {
        HOUQIN_FUZZ_CHECK(reader.records() > 0 && reader.bad_rows() == 0);
    } else {
        HOUQIN_FUZZ_CHECK(!finished.error().message.zh.empty() && !finished.error().message.en.empty());
    }
    return 0;
}
