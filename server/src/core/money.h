#pragma once
// Money is integer fen everywhere. The API speaks decimal strings ("12345.67"); no floating point anywhere.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace houqin {

// A sum or difference of amounts beyond 64 bits: thrown by Money's + and -, never wrapped; the HTTP layer answers it
// as an amount too large to compute. Validation that sums what a person typed uses Money::Add and names the field.
class MoneyOverflow : public std::overflow_error {
  public:
    MoneyOverflow() : std::overflow_error("money arithmetic overflow") {}
};

class Money {
  public:
    constexpr Money() = default;
    static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }
    // Accepts "123", "123.4", "123.45", "-5.00"; refuses more than two decimals, exponents, spaces, overflow.
    static std::optional<Money> Parse(std::string_view text);

    [[nodiscard]] constexpr std::int64_t fen() const { return fen_; }
    [[nodiscard]] std::string ToString() const;  // always two decimals
    // For people to read: thousands separated, two decimals, "1,234,567.89"; the API keeps ToString.
    [[nodiscard]] std::string ToDisplayString() const;
    [[nodiscard]] constexpr bool negative() const { return fen_ < 0; }

    friend constexpr bool operator==(Money, Money) = default;
    friend constexpr auto operator<=>(Money, Money) = default;
    // a + b, or nullopt when it does not fit in 64 bits.
    static constexpr std::optional<Money> Add(Money a, Money b) {
        std::int64_t fen = 0;
        if (__builtin_add_overflow(a.fen_, b.fen_, &fen)) return std::nullopt;
        return Money(fen);
    }
    friend constexpr Money operator+(Money a, Money b) {
        std::int64_t fen = 0;
        if (__builtin_add_overflow(a.fen_, b.fen_, &fen)) throw MoneyOverflow();
        return Money(fen);
    }
    friend constexpr Money operator-(Money a, Money b) {
        std::int64_t fen = 0;
        if (__builtin_sub_overflow(a.fen_, b.fen_, &fen)) throw MoneyOverflow();
        return Money(fen);
    }

    // this × numerator / denominator, floored toward zero to the fen (a share never rounds up), or nullopt when the
    // denominator is not positive or the result does not fit in 64 bits. The product is exact (128 bits), so a
    // percentage in basis points of any amount is computed without overflow: FractionOf(150, 10000) is 1.5%.
    [[nodiscard]] std::optional<Money> FractionOf(std::int64_t numerator, std::int64_t denominator) const;

  private:
    constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
    std::int64_t fen_ = 0;
};

}  // namespace houqin
