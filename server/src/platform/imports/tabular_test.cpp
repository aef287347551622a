// imports from CSV (UTF-8 with or without BOM, GB18030/GBK) and .xlsx, errors named by row.
#include "platform/imports/tabular.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace houqin {
namespace {

struct Collected {
    std::vector<TabularRow> rows;
    RowSink Sink() {
        return [this](const TabularRow& row) {
            rows.push_back(row);
            return Ok();
        };
    }
};

using Cells = std::vector<std::string>;

std::string ToGb18030(const std::string& utf8) {
    iconv_t descriptor = iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* out_pointer = out.data();
    std::size_t out_left = out.size();
    const std::size_t converted = iconv(descriptor, &in, &in_left, &out_pointer, &out_left);
    iconv_close(descriptor);
    EXPECT_NE(converted, static_cast<std::size_t>(-1));
    out.resize(out.size() - out_left);
    return out;
}

std::string FieldMessage(const Error& error) {
    return error.fields.empty()
               ? std::string()
               : error.fields[0].field + ": " + error.fields[0].message.zh + " / " + error.fields[0].message.en;
}

// UTF-8 with and without a BOM reads the same; cells are trimmed.
TEST(TabularCsv, Utf8WithAndWithoutBom) {
    const std::string body = "姓名,岗位\r\n 张三 ,保安\r\n李四,保洁\r\n";
    for (const std::string& bytes : {body, "\xEF\xBB\xBF" + body}) {
        Collected collected;
        auto summary = ReadCsv(bytes, TextEncoding::kAuto, collected.Sink());
        ASSERT_TRUE(summary) << FieldMessage(summary.error());
        EXPECT_EQ(summary->rows, 3);
        EXPECT_EQ(summary->encoding, TextEncoding::kUtf8);
        EXPECT_EQ(summary->format, "csv");
        ASSERT_EQ(collected.rows.size(), 3u);
        EXPECT_EQ(collected.rows[0].cells, (Cells{"姓名", "岗位"}));  // no BOM left in the first cell
        EXPECT_EQ(collected.rows[1].number, 2);
        EXPECT_EQ(collected.rows[1].cells, (Cells{"张三", "保安"}));
        EXPECT_EQ(collected.rows[2].cells, (Cells{"李四", "保洁"}));
    }
}

// GB18030 (as Chinese Excel saves "CSV (Comma delimited)") is detected, and read when chosen.
TEST(TabularCsv, Gb18030DetectedAndChosen) {
    const std::string bytes = ToGb18030("姓名,岗位\n张三,保安\n");
    ASSERT_NE(bytes.size(), std::string("姓名,岗位\n张三,保安\n").size());  // really converted
    for (const TextEncoding encoding : {TextEncoding::kAuto, TextEncoding::kGb18030}) {
        Collected collected;
        auto summary = ReadCsv(bytes, encoding, collected.Sink());
        ASSERT_TRUE(summary) << FieldMessage(summary.error());
        EXPECT_EQ(summary->encoding, TextEncoding::kGb18030);
        ASSERT_EQ(collected.rows.size(), 2u);
        EXPECT_EQ(collected.rows[1].cells, (Cells{"张三", "保安"}));
    }
    // Chosen UTF-8 for GB18030 bytes: refused, naming row 1, with a hint at the encoding.
    Collected collected;
    auto wrong = ReadCsv(bytes, TextEncoding::kUtf8, collected.Sink());
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().fields.at(0).field, "file");
    EXPECT_NE(wrong.error().fields[0].message.zh.find("第 1 行"), std::string::npos);
    EXPECT_NE(wrong.error().fields[0].message.en.find("GB18030"), std::string::npos);
    EXPECT_TRUE(collected.rows.empty());
}

// bytes that are neither UTF-8 nor GB18030 are named by row, and no row reaches the sink before the error.
TEST(TabularCsv, InvalidBytesNamedByRow) {
    const std::string bytes = "姓名,岗位\n张三,保安\n\n\"李\n四\",保洁\n王五,\xFF\xFF\n";
    Collected collected;
    auto summary = ReadCsv(bytes, TextEncoding::kAuto, collected.Sink());
    ASSERT_FALSE(summary);
    // Row 5: row 3 is blank, row 4 spans two lines.
    EXPECT_NE(summary.error().fields.at(0).message.zh.find("第 5 行"), std::string::npos)
        << FieldMessage(summary.error());
    EXPECT_NE(summary.error().fields[0].message.en.find("Row 5"), std::string::npos);
    EXPECT_TRUE(collected.rows.empty());

    auto chosen = ReadCsv("a\nb\n\xC3\x28\n", TextEncoding::kUtf8, collected.Sink());
    ASSERT_FALSE(chosen);
    EXPECT_NE(chosen.error().fields.at(0).message.en.find("Row 3"), std::string::npos);
}

// RFC 4180 quoting: commas, doubled quotes and line breaks inside quoted cells.
TEST(TabularCsv, QuotedFieldsWithCommasAndNewlines) {
    const std::string bytes = "名称,说明\r\n\"北京市,东城区\",\"他说\"\"好\"\"\r\n第二行\"\r\n末行,\"\"\r\n";
    Collected collected;
    auto summary = ReadCsv(bytes, TextEncoding::kAuto, collected.Sink());
    ASSERT_TRUE(summary) << FieldMessage(summary.error());
    ASSERT_EQ(collected.rows.size(), 3u);
    EXPECT_EQ(collected.rows[1].cells, (Cells{"北京市,东城区", "他说\"好\"\r\n第二行"}));
    EXPECT_EQ(collected.rows[2].number, 3);               // the quoted line break does not start a row
    EXPECT_EQ(collected.rows[2].cells, (Cells{"末行"}));  // trailing empty cells dropped
}

// blank lines (and Excel's ",,," rows) are skipped but counted, so numbers match Excel's row numbers.
TEST(TabularCsv, BlankLinesCountedInNumbering) {
    const std::string bytes = "姓名,岗位\n\n张三,保安\r\n,,\r\n\r\n李四,\n";
    Collected collected;
    auto summary = ReadCsv(bytes, TextEncoding::kUtf8, collected.Sink());
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->rows, 3);
    ASSERT_EQ(collected.rows.size(), 3u);
    EXPECT_EQ(collected.rows[0].number, 1);
    EXPECT_EQ(collected.rows[1].number, 3);
    EXPECT_EQ(collected.rows[2].number, 6);
    EXPECT_EQ(collected.rows[2].cells, (Cells{"李四"}));
}

// a sink's error stops reading and is returned; an unclosed quote is named by the row where it opens.
TEST(TabularCsv, SinkErrorAndUnclosedQuote) {
    int calls = 0;
    auto stopped = ReadCsv("a\nb\nc\n", TextEncoding::kAuto, [&](const TabularRow& row) -> Status {
        ++calls;
        if (row.number == 2) return Error::Invalid("row", {"停", "stop"});
        return Ok();
    });
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().fields.at(0).field, "row");
    EXPECT_EQ(calls, 2);

    Collected collected;
    auto unclosed = ReadCsv("a,b\n\"c,d\ne,f\n", TextEncoding::kAuto, collected.Sink());
    ASSERT_FALSE(unclosed);
    EXPECT_NE(unclosed.error().fields.at(0).message.en.find("Row 2"), std::string::npos);
}

// Excel's "Text (Tab delimited)" is read as tab-separated.
TEST(TabularCsv, TabDelimited) {
    Collected collected;
    auto summary = ReadTabular("姓名\t备注\n张三\t甲,乙\n", "people.txt", TextEncoding::kAuto, collected.Sink());
    ASSERT_TRUE(summary);
    ASSERT_EQ(collected.rows.size(), 2u);
    EXPECT_EQ(collected.rows[1].cells, (Cells{"张三", "甲,乙"}));
}

// encoding codes as the API takes them.
TEST(TabularEncoding, Codes) {
    EXPECT_EQ(ParseTextEncoding("auto"), TextEncoding::kAuto);
    EXPECT_EQ(ParseTextEncoding("UTF-8"), TextEncoding::kUtf8);
    EXPECT_EQ(ParseTextEncoding("gbk"), TextEncoding::kGb18030);
    EXPECT_EQ(ParseTextEncoding("gb18030"), TextEncoding::kGb18030);
    EXPECT_FALSE(ParseTextEncoding("latin1"));
    for (const auto encoding : {TextEncoding::kAuto, TextEncoding::kUtf8, TextEncoding::kGb18030}) {
        EXPECT_EQ(ParseTextEncoding(TextEncodingCode(encoding)), encoding);
    }
}

// A workbook written by libxlsxwriter, as the bytes an upload would carry.
std::string WriteXlsx(const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill) {
    char path[] = "/tmp/houqin-tabular-test-XXXXXX";
    const int fd = mkstemp(path);
    EXPECT_GE(fd, 0);
    close(fd);
    lxw_workbook* workbook = workbook_new(path);
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, "人员");
    fill(workbook, worksheet);
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    std::ifstream input(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << input.rdbuf();
    std::remove(path);
    return bytes.str();
}

// shared strings, numbers, booleans, a date, a time and a date-time cell, a gap between cells, row numbers
// from the sheet (a skipped row keeps its number).
TEST(TabularXlsx, CellsAsExcelShowsThem) {
    const std::string bytes = WriteXlsx([](lxw_workbook* workbook, lxw_worksheet* sheet) {
        lxw_format* date = workbook_add_format(workbook);
        format_set_num_format(date, "yyyy-mm-dd");
        lxw_format* time = workbook_add_format(workbook);
        format_set_num_format(time, "hh:mm");
        lxw_format* date_time = workbook_add_format(workbook);
        format_set_num_format(date_time, "yyyy\"年\"m\"月\"d\"日\" hh:mm");
        lxw_format* built_in_date = workbook_add_format(workbook);
        format_set_num_format_index(built_in_date, 14);
        lxw_format* money = workbook_add_format(workbook);
        format_set_num_format(money, "#,##0.00");
        const char* header[] = {"姓名", "金额", "日期", "时间", "时刻", "空", "备注", "入职"};
        for (lxw_col_t c = 0; c < 8; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
        worksheet_write_string(sheet, 1, 0, "  张三 ", nullptr);
        worksheet_write_number(sheet, 1, 1, 12, money);
        worksheet_write_number(sheet, 1, 2, 45352, date);                        // 2024-03-01
        worksheet_write_number(sheet, 1, 3, 0.5 + 1.0 / 1440 / 2 + 1e-9, time);  // 12:00:30 rounds to 12:01
        worksheet_write_number(sheet, 1, 4, 45352.75, date_time);                // 2024-03-01 18:00
        worksheet_write_string(sheet, 1, 6, "备注", nullptr);                    // F2 left out: a gap
        worksheet_write_number(sheet, 1, 7, 45000, built_in_date);               // 2023-03-15
        // Row 3 left empty; row 4:
        worksheet_write_string(sheet, 3, 0, "李四", nullptr);
        worksheet_write_number(sheet, 3, 1, 1.5, nullptr);
        worksheet_write_number(sheet, 3, 2, 0.1 + 0.2, nullptr);
        worksheet_write_boolean(sheet, 3, 3, 1, nullptr);
        worksheet_write_number(sheet, 3, 4, 13800138000.0, nullptr);
    });
    ASSERT_EQ(bytes.substr(0, 4), "PK\x03\x04");
    Collected collected;
    auto summary = ReadTabular(bytes, "人员.xlsx", TextEncoding::kAuto, collected.Sink());
    ASSERT_TRUE(summary) << FieldMessage(summary.error());
    EXPECT_EQ(summary->format, "xlsx");
    EXPECT_EQ(summary->rows, 3);
    ASSERT_EQ(collected.rows.size(), 3u);
    EXPECT_EQ(collected.rows[0].number, 1);
    EXPECT_EQ(collected.rows[0].cells, (Cells{"姓名", "金额", "日期", "时间", "时刻", "空", "备注", "入职"}));
    EXPECT_EQ(collected.rows[1].number, 2);
    EXPECT_EQ(collected.rows[1].cells,
              (Cells{"张三", "12", "2024-03-01", "12:01", "2024-03-01 18:00", "", "备注", "2023-03-15"}));
    EXPECT_EQ(collected.rows[2].number, 4);
    EXPECT_EQ(collected.rows[2].cells, (Cells{"李四", "1.5", "0.3", "TRUE", "13800138000"}));
}

// a damaged zip (cut short, or bytes changed) is an error on the file, not a crash and not a partial import.
TEST(TabularXlsx, CorruptZipRefused) {
    const std::string bytes = WriteXlsx([](lxw_workbook*, lxw_worksheet* sheet) {
        for (lxw_row_t r = 0; r < 50; ++r) worksheet_write_string(sheet, r, 0, "张三", nullptr);
    });
    for (const std::string& damaged : {bytes.substr(0, bytes.size() / 2), std::string("PK\x03\x04 not a zip"),
                                       bytes.substr(0, 30) + std::string(bytes.size() - 30, 'x')}) {
        Collected collected;
        auto summary = ReadTabular(damaged, "a.xlsx", TextEncoding::kAuto, collected.Sink());
        ASSERT_FALSE(summary);
        EXPECT_EQ(summary.error().fields.at(0).field, "file");
        EXPECT_NE(summary.error().fields[0].message.en.find(".xlsx"), std::string::npos);
    }
}

// old binary Excel (.xls) is refused with a message asking for .xlsx or CSV, by name or by content.
TEST(TabularXls, Refused) {
    Collected collected;
    auto by_name = ReadTabular("whatever", "名单.XLS", TextEncoding::kAuto, collected.Sink());
    ASSERT_FALSE(by_name);
    EXPECT_NE(by_name.error().fields.at(0).message.zh.find(".xlsx"), std::string::npos);
    EXPECT_NE(by_name.error().fields[0].message.en.find("CSV"), std::string::npos);
    auto by_content = ReadTabular(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "名单.csv",
                                  TextEncoding::kAuto, collected.Sink());
    ASSERT_FALSE(by_content);
    EXPECT_TRUE(collected.rows.empty());
}

}  // namespace
}  // namespace houqin
