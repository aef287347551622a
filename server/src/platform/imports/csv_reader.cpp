// CSV import: RFC 4180 records over the raw bytes, then each cell decoded from UTF-8 or GB18030. The
// structural characters (quote, comma, tab, CR, LF) are ASCII and never occur inside a multi-byte character of
// either encoding (GB18030's trailing bytes are 0x30 and above), so splitting before decoding is safe.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/imports/cells.h"
#include "platform/imports/tabular.h"

namespace houqin {

namespace {

using imports::RowError;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Splits the bytes into records, each numbered as Excel numbers the rows when it opens the file.
class CsvScanner {
  public:
    CsvScanner(std::string_view bytes, char delimiter) : bytes_(bytes), delimiter_(delimiter) {}

    // The next record's raw cells (quotes removed, "" unescaped, bytes not decoded) into `cells`; false at the
    // end. A blank line gives no cells. An unclosed quote sets `unclosed`. The strings of `cells` are reused from
    // record to record (cleared, their memory kept), and unquoted text is copied a stretch at a time: a month of
    // call records is millions of records.
    bool Next(std::vector<std::string>& cells, bool& unclosed) {
        unclosed = false;
        std::size_t count = 0;
        const auto done = [&cells, &count] {
            cells.resize(count);
            return true;
        };
        if (pos_ >= bytes_.size()) {
            cells.clear();
            return false;
        }
        ++number_;
        if (AtLineBreak()) {
            SkipLineBreak();
            return done();
        }
        for (;;) {
            if (count == cells.size()) cells.emplace_back();
            std::string& cell = cells[count++];
            cell.clear();
            if (pos_ < bytes_.size() && bytes_[pos_] == '"') {
                ++pos_;
                for (;;) {
                    const std::size_t quote = bytes_.find('"', pos_);
                    if (quote == std::string_view::npos) {
                        cell.append(bytes_.substr(pos_));
                        pos_ = bytes_.size();
                        unclosed = true;
                        return done();
                    }
                    cell.append(bytes_.substr(pos_, quote - pos_));
                    pos_ = quote + 1;
                    if (pos_ < bytes_.size() && bytes_[pos_] == '"') {
                        cell.push_back('"');
                        ++pos_;
                    } else {
                        break;
                    }
                }
            }
            // Unquoted text, or what follows a closing quote before the delimiter (not RFC 4180; kept as Excel
            // keeps it).
            const std::size_t start = pos_;
            while (pos_ < bytes_.size() && bytes_[pos_] != delimiter_ && !AtLineBreak()) ++pos_;
            cell.append(bytes_.data() + start, pos_ - start);
            if (pos_ >= bytes_.size()) return done();
            if (bytes_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            SkipLineBreak();
            return done();
        }
    }

    [[nodiscard]] std::int64_t number() const { return number_; }
    [[nodiscard]] std::size_t position() const { return pos_; }

  private:
    [[nodiscard]] bool AtLineBreak() const { return bytes_[pos_] == '\n' || bytes_[pos_] == '\r'; }
    // LF, CRLF, or a lone CR (old Mac files).
    void SkipLineBreak() {
        if (bytes_[pos_] == '\r' && pos_ + 1 < bytes_.size() && bytes_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
    }

    std::string_view bytes_;
    char delimiter_;
    std::size_t pos_ = 0;
    std::int64_t number_ = 0;
};

// Tab when the first non-blank line has tabs and no comma outside quotes (Excel's "Text (Tab delimited)").
char DetectDelimiter(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size() && (bytes[i] == '\r' || bytes[i] == '\n')) ++i;
    bool quoted = false;
    int commas = 0;
    int tabs = 0;
    for (; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '"') {
            quoted = !quoted;  // "" inside quotes toggles twice: no change
        } else if (!quoted && (c == '\r' || c == '\n')) {
            break;
        } else if (!quoted && c == ',') {
            ++commas;
        } else if (!quoted && c == '\t') {
            ++tabs;
        }
    }
    return tabs > 0 && commas == 0 ? '\t' : ',';
}

// The number of the record holding byte `offset`.
std::int64_t RecordAt(std::string_view bytes, char delimiter, std::size_t offset) {
    CsvScanner scanner(bytes, delimiter);
    std::vector<std::string> cells;
    bool unclosed = false;
    while (scanner.Next(cells, unclosed)) {
        if (scanner.position() > offset) break;
    }
    return scanner.number();
}

}  // namespace

Result<TabularSummary> ReadCsv(std::string_view bytes, TextEncoding encoding, const RowSink& sink) {
    TabularSummary summary;
    summary.format = "csv";
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return imports::FileError(
            "文件是 UTF-16 编码（Excel 的“Unicode 文本”），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入",
            "The file is UTF-16 (Excel's \"Unicode Text\"); save it from Excel as \"CSV UTF-8 (Comma delimited)\" "
            "and import that");
    }
    if (bytes.starts_with(kUtf8Bom)) {
        bytes.remove_prefix(kUtf8Bom.size());  // a BOM can only mean UTF-8, whatever was chosen
        encoding = TextEncoding::kUtf8;
    }
    const char delimiter = DetectDelimiter(bytes);

    // The whole file is checked before any row reaches the sink, so an encoding error comes first and alone.
    std::optional<imports::Gb18030Decoder> gb18030;
    const std::size_t bad_utf8 =
        encoding == TextEncoding::kGb18030 ? std::string_view::npos : imports::FirstInvalidUtf8(bytes);
    if (encoding == TextEncoding::kGb18030 || (encoding == TextEncoding::kAuto && bad_utf8 != std::string_view::npos)) {
        gb18030.emplace();
        const std::size_t bad = gb18030->Decode(bytes, nullptr);
        if (bad != std::string_view::npos) {
            if (encoding == TextEncoding::kAuto) {
                // Neither: the encoding that reads further is more likely the file's, and its first bad byte the
                // one the person has to fix (a GBK cell pasted into a UTF-8 file, or the other way round).
                const std::int64_t row = RecordAt(bytes, delimiter, std::max(bad, bad_utf8));
                return RowError(row, "含有既不是 UTF-8 也不是 GB18030/GBK 编码的内容，请确认文件是 CSV 文本",
                                "holds bytes that are neither UTF-8 nor GB18030/GBK; is the file CSV text?");
            }
            return RowError(RecordAt(bytes, delimiter, bad), "含有不是 GB18030/GBK 编码的内容，请改选 UTF-8 或自动识别",
                            "holds bytes that are not GB18030/GBK; choose UTF-8 or automatic detection");
        }
        summary.encoding = TextEncoding::kGb18030;
    } else if (bad_utf8 != std::string_view::npos) {
        return RowError(RecordAt(bytes, delimiter, bad_utf8),
                        "含有不是 UTF-8 编码的内容（文件可能是 GBK/GB18030 编码，请改选该编码或自动识别）",
                        "holds bytes that are not UTF-8 (the file may be GBK/GB18030: choose that encoding or "
                        "automatic detection)");
    } else {
        summary.encoding = TextEncoding::kUtf8;
    }

    CsvScanner scanner(bytes, delimiter);
    std::vector<std::string> raw;
    bool unclosed = false;
    TabularRow row;
    while (scanner.Next(raw, unclosed)) {
        if (unclosed) {
            return RowError(scanner.number(), "引号没有闭合（一个以 \" 开头的单元格缺少结尾的 \"）",
                            "a quote is not closed (a cell starting with \" has no closing \")");
        }
        row.number = scanner.number();
        row.cells.resize(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            std::string& cell = row.cells[i];
            cell.clear();
            if (gb18030) {
                std::string decoded;
                if (gb18030->Decode(raw[i], &decoded) != std::string_view::npos) {
                    return RowError(row.number, "含有不是 GB18030/GBK 编码的内容",
                                    "holds bytes that are not GB18030/GBK");
                }
                cell = imports::TrimCell(decoded);
            } else {
                cell = imports::TrimCell(raw[i]);
            }
        }
        if (!imports::FinishRow(row)) continue;
        ++summary.rows;
        if (Status status = sink(row); !status) return status.error();
    }
    return summary;
}

}  // namespace houqin
