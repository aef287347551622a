#pragma once
// Money is integer fen everywhere. The API speaks decimal strings ("12345.67"); no floating point anywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace houqin {

class Money {
  public:
    constexpr Money() = default;
    static constexpr Money FromFen(std::int64_t fen) { return Money(fen); }
    // Accepts "123", "123.4", "123.45", "-5.00"; refuses more than two decimals, exponents, spaces, overflow.
    static std::optional<Money> Parse(std::string_view text);

    [[nodiscard]] constexpr std::int64_t fen() const { return fen_; }
    [[nodiscard]] std::string ToString() const;  // always two decimals
    [[nodiscard]] constexpr bool negative() const { return fen_ < 0; }

    friend constexpr bool operator==(Money, Money) = default;
    friend constexpr auto operator<=>(Money, Money) = default;
    friend constexpr Money operator+(Money a, Money b) { return Money(a.fen_ + b.fen_); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.fen_ - b.fen_); }

  private:
    constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
    std::int64_t fen_ = 0;
};

}  // namespace houqin
