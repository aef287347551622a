// ReadCsv (platform/imports/tabular.h, X-4) on any bytes in each encoding: no crash, no sanitizer report, and what
// reaches the sink keeps the promises importers rely on: row numbers rise, cells are valid UTF-8, trimmed, and
// a row never ends with an empty cell.
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "platform/imports/cells.h"
#include "platform/imports/tabular.h"

namespace {

houqin::Status CheckRow(const houqin::TabularRow& row, std::int64_t& previous) {
    HOUQIN_FUZZ_CHECK(row.number > previous);
    previous = row.number;
    HOUQIN_FUZZ_CHECK(!row.cells.empty() && !row.cells.back().empty());
    for (const auto& cell : row.cells) {
        HOUQIN_FUZZ_CHECK(houqin::imports::FirstInvalidUtf8(cell) == std::string_view::npos);
        HOUQIN_FUZZ_CHECK(houqin::imports::TrimCell(cell).size() == cell.size());
    }
    return houqin::Ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const auto encoding :
         {houqin::TextEncoding::kAuto, houqin::TextEncoding::kUtf8, houqin::TextEncoding::kGb18030}) {
        std::int64_t previous = 0;
        std::int64_t delivered = 0;
        const auto summary = houqin::ReadCsv(bytes, encoding, [&](const houqin::TabularRow& row) {
            ++delivered;
            return CheckRow(row, previous);
        });
        if (summary) {
            HOUQIN_FUZZ_CHECK(summary->rows == delivered);
            HOUQIN_FUZZ_CHECK(summary->encoding != houqin::TextEncoding::kAuto);
        } else {
            HOUQIN_FUZZ_CHECK(!summary.error().fields.empty());
        }
    }
    return 0;
}
