#include "core/text_rules.h"

#include <fmt/format.h>

namespace houqin {

std::string TrimText(std::string_view text) { return std::string(TrimmedView(text)); }

std::string_view TrimmedView(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

long CharacterCount(std::string_view text) {
    long count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (byte < 0x80)
            length = 1;
        else if ((byte & 0xE0) == 0xC0 && byte >= 0xC2)
            length = 2;
        else if ((byte & 0xF0) == 0xE0)
            length = 3;
        else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4)
            length = 4;
        else
            return -1;
        if (i + length > text.size()) return -1;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return -1;
        }
        if (byte < 0x20 && byte != '\n' && byte != '\t' && byte != '\r') return -1;  // control characters
        i += length;
        ++count;
    }
    return count;
}

bool IsCode(std::string_view text, std::size_t min_length, std::size_t max_length) {
    if (text.size() < min_length || text.size() > max_length) return false;
    for (char c : text) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool IsPhone(std::string_view text) {
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool separator = c == '-' || c == ' ' || (c == '+' && i == 0);
        if (c >= '0' && c <= '9')
            ++digits;
        else if (!separator)
            return false;
    }
    return digits >= 7 && digits <= 20;
}

bool IsDigits(std::string_view text, std::size_t min_length, std::size_t max_length) {
    if (text.size() < min_length || text.size() > max_length) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

void CheckLength(Validation& validation, const std::string& field, std::string_view text, long min, long max,
                 const Text& label) {
    const long count = CharacterCount(text);
    if (count < 0) {
        validation.Fail(field, {label.zh + "含有无效字符", label.en + " contains invalid characters"});
    } else if (count < min || count > max) {
        if (min > 0 && count == 0) {
            validation.Fail(field, {label.zh + "不能为空", label.en + " is required"});
        } else {
            validation.Fail(field, {fmt::format("{}须为 {}-{} 个字", label.zh, min, max),
                                    fmt::format("{} must be {}-{} characters", label.en, min, max)});
        }
    }
}

}  // namespace houqin
