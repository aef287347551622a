#include "platform/documents/workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace houqin::reports {

std::string WriteWorkbook(const Sheet& sheet) { return WriteWorkbook(std::vector<Sheet>{sheet}); }

std::string WriteWorkbook(const std::vector<Sheet>& sheets) {
    // libxlsxwriter 1.1.4 writes to a file only; a private temporary file is read back and removed.
    char path[] = "/tmp/houqin-export-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the export");
    close(fd);
    lxw_workbook* workbook = workbook_new(path);
    if (!workbook) {
        std::remove(path);
        throw std::runtime_error("libxlsxwriter could not start a workbook");
    }
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* money = workbook_add_format(workbook);
    format_set_num_format(money, "0.00");
    for (const auto& sheet : sheets) {
        lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const auto column = static_cast<lxw_col_t>(c);
            worksheet_set_column(worksheet, column, column, sheet.columns[c].width, nullptr);
            worksheet_write_string(worksheet, 0, column, sheet.columns[c].title.c_str(), header);
        }
        worksheet_freeze_panes(worksheet, 1, 0);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
                const auto column = static_cast<lxw_col_t>(c);
                const auto& cell = sheet.rows[r][c];
                if (c < sheet.money.size() && sheet.money[c] && !cell.empty()) {
                    // Money is exact in fen; the cell holds yuan with two decimals, as accounting software expects.
                    worksheet_write_number(worksheet, row, column, std::strtod(cell.c_str(), nullptr), money);
                } else if (c < sheet.numeric.size() && sheet.numeric[c] && !cell.empty()) {
                    worksheet_write_number(worksheet, row, column, std::strtod(cell.c_str(), nullptr), nullptr);
                } else {
                    worksheet_write_string(worksheet, row, column, cell.c_str(), nullptr);
                }
            }
        }
        if (!sheet.rows.empty()) {
            worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                 static_cast<lxw_col_t>(sheet.columns.size() - 1));
        }
    }
    const lxw_error error = workbook_close(workbook);
    std::ifstream input(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << input.rdbuf();
    std::remove(path);
    if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(error));
    return bytes.str();
}

}  // namespace houqin::reports
