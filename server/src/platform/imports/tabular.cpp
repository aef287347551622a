#include "platform/imports/tabular.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "platform/imports/cells.h"

namespace houqin {

namespace {

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

}  // namespace

std::optional<TextEncoding> ParseTextEncoding(std::string_view code) {
    const std::string lower = Lower(code);
    if (lower == "auto") return TextEncoding::kAuto;
    if (lower == "utf-8" || lower == "utf8") return TextEncoding::kUtf8;
    if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return TextEncoding::kGb18030;
    return std::nullopt;
}

std::string_view TextEncodingCode(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::kAuto: return "auto";
        case TextEncoding::kUtf8: return "utf-8";
        case TextEncoding::kGb18030: return "gb18030";
    }
    return "auto";
}

Result<TabularSummary> ReadTabular(std::string_view bytes, std::string_view file_name, TextEncoding encoding,
                                   const RowSink& sink) {
    const std::string name = Lower(file_name);
    // The OLE compound file of old binary Excel; an .xlsx with a password is one too (Excel encrypts the zip
    // into such a container), hence the second half of the message.
    const bool compound_file = bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    if (name.ends_with(".xls") || name.ends_with(".et") || compound_file) {
        return imports::FileError(
            "不能读取旧版 Excel（.xls）文件或设有密码的工作簿：请在 Excel 中取消密码，另存为“Excel 工作簿（.xlsx）”"
            "或“CSV UTF-8（逗号分隔）”后再导入",
            "Old Excel files (.xls) and password-protected workbooks cannot be read: remove the password in Excel "
            "and save as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8 (Comma delimited)\", then import that");
    }
    if (name.ends_with(".xlsx") || name.ends_with(".xlsm") || bytes.starts_with("PK\x03\x04")) {
        return ReadXlsx(bytes, sink);
    }
    return ReadCsv(bytes, encoding, sink);
}

}  // namespace houqin
