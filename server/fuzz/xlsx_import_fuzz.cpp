// ReadXlsx (platform/imports/tabular.h, X-4). Random bytes rarely get past a zip's checksums, so most inputs are
// wrapped into a well-formed workbook first: the input is the worksheet's XML (and, after a "\0\0", the shared
// strings' XML), stored in a zip with a fixed workbook, relationships and styles (a date style at index 1). An
// input starting with "PK" goes to ReadXlsx as it is. Properties: no crash, no sanitizer report, row numbers
// rise, cells are valid UTF-8 and trimmed, a row never ends with an empty cell.
#include <zip.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "platform/imports/cells.h"
#include "platform/imports/tabular.h"

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>)";
constexpr std::string_view kPackageRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr std::string_view kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr std::string_view kWorkbookRelationships =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";
constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)";

bool Add(zip_t* archive, const char* name, std::string_view content) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!source) return false;
    const zip_int64_t index = zip_file_add(archive, name, source, ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(source);
        return false;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    return true;
}

// The workbook around `sheet` and `shared`, as .xlsx bytes (empty when libzip fails).
std::string Wrap(std::string_view sheet, std::string_view shared) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_error_fini(&error);
    if (!memory) return {};
    zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, nullptr);
    if (!archive) {
        zip_source_free(memory);
        return {};
    }
    zip_source_keep(memory);
    const bool added =
        Add(archive, "[Content_Types].xml", kContentTypes) && Add(archive, "_rels/.rels", kPackageRelationships) &&
        Add(archive, "xl/workbook.xml", kWorkbook) &&
        Add(archive, "xl/_rels/workbook.xml.rels", kWorkbookRelationships) && Add(archive, "xl/styles.xml", kStyles) &&
        Add(archive, "xl/worksheets/sheet1.xml", sheet) && Add(archive, "xl/sharedStrings.xml", shared);
    std::string bytes;
    if (!added || zip_close(archive) < 0) {
        if (!added) zip_discard(archive);
        zip_source_free(memory);
        return bytes;
    }
    zip_stat_t stat;
    if (zip_source_open(memory) == 0) {
        if (zip_source_stat(memory, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
            bytes.resize(stat.size);
            const zip_int64_t read = zip_source_read(memory, bytes.data(), bytes.size());
            bytes.resize(read > 0 ? static_cast<std::size_t>(read) : 0);
        }
        zip_source_close(memory);
    }
    zip_source_free(memory);
    return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string bytes;
    if (input.starts_with("PK")) {
        bytes = input;
    } else {
        const std::size_t split = input.find(std::string_view("\0\0", 2));
        const std::string_view sheet = input.substr(0, split);
        const std::string_view shared = split == std::string_view::npos ? std::string_view() : input.substr(split + 2);
        bytes = Wrap(sheet, shared);
        if (bytes.empty()) return 0;
    }
    std::int64_t previous = 0;
    std::int64_t delivered = 0;
    const auto summary = houqin::ReadXlsx(bytes, [&](const houqin::TabularRow& row) {
        HOUQIN_FUZZ_CHECK(row.number > previous);
        previous = row.number;
        ++delivered;
        HOUQIN_FUZZ_CHECK(!row.cells.empty() && !row.cells.back().empty());
        for (const auto& cell : row.cells) {
            HOUQIN_FUZZ_CHECK(houqin::imports::FirstInvalidUtf8(cell) == std::string_view::npos);
            HOUQIN_FUZZ_CHECK(houqin::imports::TrimCell(cell).size() == cell.size());
        }
        return houqin::Ok();
    });
    if (summary) {
        HOUQIN_FUZZ_CHECK(summary->rows == delivered);
    } else {
        HOUQIN_FUZZ_CHECK(!summary.error().fields.empty());
    }
    return 0;
}
