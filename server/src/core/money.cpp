#include "core/money.h"

#include <limits>

namespace houqin {

std::optional<Money> Money::Parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 15) return std::nullopt;
    if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2)) return std::nullopt;
    std::int64_t fen = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        fen = fen * 10 + (c - '0');
    }
    std::int64_t cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        cents *= 10;
        if (i < fraction.size()) {
            const char c = fraction[i];
            if (c < '0' || c > '9') return std::nullopt;
            cents += c - '0';
        }
    }
    fen = fen * 100 + cents;
    return Money(negative ? -fen : fen);
}

std::string Money::ToString() const {
    const bool negative = fen_ < 0;
    // Work in unsigned so that the most negative value does not overflow.
    const std::uint64_t magnitude =
        negative ? std::uint64_t(0) - static_cast<std::uint64_t>(fen_) : static_cast<std::uint64_t>(fen_);
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() < 2) cents.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

std::string Money::ToDisplayString() const {
    std::string text = ToString();
    const std::size_t digits_begin = fen_ < 0 ? 1 : 0;
    const std::size_t dot = text.size() - 3;
    for (std::size_t position = dot; position > digits_begin + 3; position -= 3) text.insert(position - 3, ",");
    return text;
}

std::optional<Money> Money::FractionOf(std::int64_t numerator, std::int64_t denominator) const {
    if (denominator <= 0) return std::nullopt;
    const __int128 product = static_cast<__int128>(fen_) * numerator;
    const __int128 result = product / denominator;  // C++ division truncates toward zero
    if (result > std::numeric_limits<std::int64_t>::max() || result < std::numeric_limits<std::int64_t>::min()) {
        return std::nullopt;
    }
    return Money(static_cast<std::int64_t>(result));
}

}  // namespace houqin
