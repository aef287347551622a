#pragma once
// Excel export of lists: one sheet with a bold header row, frozen, with column widths, written with
// libxlsxwriter.
#include <string>
#include <vector>

namespace houqin::reports {

struct Column {
    std::string title;
    double width = 14;
};

struct Sheet {
    std::string name;
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  // text cells; numbers are written as numbers when they look like one
    std::vector<bool> numeric;                   // per column: write as number
    std::vector<bool> money;                     // per column: a number shown with two decimals ("12345.67")
};

// The .xlsx bytes. Throws std::runtime_error when the library fails (disk full in the temporary folder).
std::string WriteWorkbook(const Sheet& sheet);
// Several sheets in one workbook (reports: a summary and its details).
std::string WriteWorkbook(const std::vector<Sheet>& sheets);

}  // namespace houqin::reports
