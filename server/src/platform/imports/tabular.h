#pragma once
// Reading the tables people upload for an import: CSV as Chinese Excel writes it (UTF-8 with or without BOM,
// or GB18030/GBK) and .xlsx. Rows go to a sink one at a time, so a large file is never held as rows in memory; the
// caller validates each row, collects the errors by row number, and writes nothing unless every row is good
// (the "import nothing partially" half of X-4 belongs to the caller's transaction).
//
// What a sink sees, for both formats:
// - cells are UTF-8, trimmed of surrounding spaces (ASCII space, tab, CR/LF, no-break space, ideographic space);
// - trailing empty cells are dropped, so a row may be shorter than the header: a missing cell reads as empty;
// - a row with no non-empty cell is skipped (a blank CSV line, Excel's ",,,," for a formatted empty row, an .xlsx
//   row holding only formatting) but still counted, so the numbers stay those the person sees in Excel.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace houqin {

enum class TextEncoding { kAuto, kUtf8, kGb18030 };

// "auto", "utf-8" (also "utf8"), "gb18030" (also "gbk", "gb2312": GB18030 is their superset); case-insensitive.
std::optional<TextEncoding> ParseTextEncoding(std::string_view code);
std::string_view TextEncodingCode(TextEncoding encoding);  // "auto", "utf-8", "gb18030"

struct TabularRow {
    // The row's number as Excel shows it, header = 1: in a CSV file the record's number (a quoted cell spanning
    // lines is one row, as in Excel), in an .xlsx file the row's r attribute.
    std::int64_t number = 0;
    std::vector<std::string> cells;  // UTF-8, trimmed of surrounding spaces
};

// Returning an error stops reading; ReadCsv/ReadXlsx/ReadTabular then return that error.
using RowSink = std::function<Status(const TabularRow&)>;

struct TabularSummary {
    std::int64_t rows = 0;                        // rows given to the sink, header included
    TextEncoding encoding = TextEncoding::kUtf8;  // as detected (kAuto never appears here)
    std::string format;                           // "csv" or "xlsx"
};

// RFC 4180 CSV: quoted fields with "" escapes and embedded commas and newlines, CRLF or LF. A UTF-8 BOM means
// UTF-8 whatever `encoding` says. kAuto: UTF-8 when every byte is valid UTF-8, else GB18030. The whole file is
// checked before the first row reaches the sink, so an encoding error arrives before any row: an
// Error::Invalid("file", ...) naming the row of the first bad byte. A tab-separated file (Excel's "Text (Tab
// delimited)" .txt) is read as such when its first non-blank line has tabs and no comma outside quotes.
// An unclosed quote is an error naming the row where it opens (it would swallow the rest of the file).
Result<TabularSummary> ReadCsv(std::string_view bytes, TextEncoding encoding, const RowSink& sink);

// The first worksheet of an .xlsx workbook: shared strings, inline strings, numbers (printed as Excel shows them in
// General format: 15 significant digits, 12 not 12.0), booleans (TRUE/FALSE), cached formula results; cells
// placed by their reference (A1, C1: B1 reads ""). A number whose cell style is a date or time format becomes
// "YYYY-MM-DD" (whole serial), "HH:MM" (serial below 1) or "YYYY-MM-DD HH:MM", rounded to the minute. The sheet
// is streamed from the zip, so memory grows with the shared strings, not with the number of rows.
// A corrupt zip or XML: Error::Invalid("file", ...).
Result<TabularSummary> ReadXlsx(std::string_view bytes, const RowSink& sink);

// .xlsx by name or by content (a zip); .xls (old binary Excel) refused with a message asking for .xlsx or CSV;
// anything else read as CSV.
Result<TabularSummary> ReadTabular(std::string_view bytes, std::string_view file_name, TextEncoding encoding,
                                   const RowSink& sink);

}  // namespace houqin
