#include "platform/imports/cells.h"

#include <fmt/core.h>

#include <cerrno>
#include <stdexcept>

namespace houqin::imports {

std::size_t FirstInvalidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;  // allowed range of the second byte (excludes overlong forms and surrogates)
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        if (i + length > size) return i;
        if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
        for (std::size_t k = 2; k < length; ++k) {
            if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

namespace {

// Length of the space at the start of `text`, 0 when it starts with something else.
std::size_t LeadingSpace(std::string_view text) {
    if (text.empty()) return 0;
    const char c = text.front();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (text.starts_with("\xC2\xA0")) return 2;
    if (text.starts_with("\xE3\x80\x80")) return 3;
    return 0;
}

std::size_t TrailingSpace(std::string_view text) {
    if (text.empty()) return 0;
    const char c = text.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (text.ends_with("\xC2\xA0")) return 2;
    if (text.ends_with("\xE3\x80\x80")) return 3;
    return 0;
}

}  // namespace

std::string_view TrimCell(std::string_view cell) {
    while (const std::size_t n = LeadingSpace(cell)) cell.remove_prefix(n);
    while (const std::size_t n = TrailingSpace(cell)) cell.remove_suffix(n);
    return cell;
}

bool FinishRow(TabularRow& row) {
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    return !row.cells.empty();
}

Gb18030Decoder::Gb18030Decoder() : descriptor_(iconv_open("UTF-8", "GB18030")) {
    // glibc always has GB18030; its absence is a broken installation, not an input error. (iconv_t)-1 is how
    // iconv_open says it failed.
    // NOLINTNEXTLINE(performance-no-int-to-ptr): the value is only compared, never dereferenced.
    if (descriptor_ == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no GB18030 converter");
}

Gb18030Decoder::~Gb18030Decoder() { iconv_close(descriptor_); }

std::size_t Gb18030Decoder::Decode(std::string_view bytes, std::string* out) {
    iconv(descriptor_, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
    char* in = const_cast<char*>(bytes.data());              // iconv's signature; it does not write the input
    std::size_t in_left = bytes.size();
    char chunk[4096];
    while (in_left > 0) {
        char* out_pointer = chunk;
        std::size_t out_left = sizeof chunk;
        const std::size_t converted = iconv(descriptor_, &in, &in_left, &out_pointer, &out_left);
        if (out) out->append(chunk, sizeof chunk - out_left);
        if (converted == static_cast<std::size_t>(-1) && errno != E2BIG) {
            return static_cast<std::size_t>(in - bytes.data());  // EILSEQ, or EINVAL: cut off at the end
        }
    }
    return std::string_view::npos;
}

Error RowError(std::int64_t row, std::string_view zh_reason, std::string_view en_reason) {
    return Error::Invalid("file",
                          {fmt::format("第 {} 行：{}", row, zh_reason), fmt::format("Row {}: {}", row, en_reason)});
}

Error FileError(std::string_view zh_reason, std::string_view en_reason) {
    return Error::Invalid("file", {std::string(zh_reason), std::string(en_reason)});
}

}  // namespace houqin::imports
