#pragma once
// Time is Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact
// for every date this system stores, and needs no time-zone database on the machine.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace houqin {

constexpr std::int64_t kShanghaiOffsetSeconds = 8 * 3600;

// A calendar date (days since 1970-01-01).
class Date {
  public:
    constexpr Date() = default;
    static constexpr Date FromDays(std::int64_t days) { return Date(days); }
    static std::optional<Date> Parse(std::string_view text);  // strict YYYY-MM-DD, a real calendar day
    static Date FromYmd(int year, unsigned month, unsigned day);

    [[nodiscard]] constexpr std::int64_t days() const { return days_; }
    [[nodiscard]] std::string ToString() const;
    [[nodiscard]] constexpr Date AddDays(std::int64_t count) const { return Date(days_ + count); }
    friend constexpr auto operator<=>(Date, Date) = default;

  private:
    constexpr explicit Date(std::int64_t days) : days_(days) {}
    std::int64_t days_ = 0;
};

// Milliseconds since the Unix epoch; rendered in Asia/Shanghai.
struct Instant {
    std::int64_t ms = 0;
    [[nodiscard]] std::string ToIso() const;  // 2026-11-28T10:00:00.000+08:00
    [[nodiscard]] Date ShanghaiDate() const;
    static std::optional<Instant> ParseIso(std::string_view text);  // with Z or +hh:mm offset
    friend constexpr auto operator<=>(Instant, Instant) = default;
};

// The one clock every service reads, so tests can fix it (HOUQIN_FAKE_NOW).
class Clock {
  public:
    Clock() = default;
    explicit Clock(Instant fixed) : fixed_(fixed) {}
    [[nodiscard]] Instant Now() const;
    [[nodiscard]] Date Today() const { return Now().ShanghaiDate(); }

  private:
    std::optional<Instant> fixed_;
};

}  // namespace houqin
