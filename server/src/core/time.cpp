#include "core/time.h"

#include <fmt/format.h>

#include "core/clock_source.h"

namespace houqin {
namespace {

bool ReadNumber(std::string_view text, std::size_t position, std::size_t count, int& out) {
    if (position + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = position; i < position + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Date Date::FromYmd(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return Date(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::optional<Date> Date::Parse(std::string_view text) {
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!ReadNumber(text, 0, 4, year) || !ReadNumber(text, 5, 2, month) || !ReadNumber(text, 8, 2, day)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok() || year < 1900) return std::nullopt;
    return Date(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::string Date::ToString() const {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_}}};
    return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string Instant::ToIso() const {
    const std::int64_t local_ms = ms + kShanghaiOffsetSeconds * 1000;
    const std::int64_t days = FloorDiv(local_ms, 86'400'000);
    const std::int64_t in_day = local_ms - days * 86'400'000;
    return fmt::format("{}T{:02d}:{:02d}:{:02d}.{:03d}+08:00", Date::FromDays(days).ToString(), in_day / 3'600'000,
                       in_day / 60'000 % 60, in_day / 1000 % 60, in_day % 1000);
}

Date Instant::ShanghaiDate() const { return Date::FromDays(FloorDiv(ms + kShanghaiOffsetSeconds * 1000, 86'400'000)); }

std::optional<Instant> Instant::ParseIso(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm)
    if (text.size() < 20) return std::nullopt;
    const auto date = Date::Parse(text.substr(0, 10));
    int hour = 0, minute = 0, second = 0;
    if (!date || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':' ||
        !ReadNumber(text, 11, 2, hour) || !ReadNumber(text, 14, 2, minute) || !ReadNumber(text, 17, 2, second) ||
        hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    std::size_t position = 19;
    int millis = 0;
    if (position < text.size() && text[position] == '.') {
        std::size_t digits = 0;
        ++position;
        while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
            if (digits < 3) millis = millis * 10 + (text[position] - '0');
            ++digits;
            ++position;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) millis *= 10;
    }
    int offset_seconds = 0;
    const std::string_view zone = text.substr(position);
    if (zone == "Z") {
        offset_seconds = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        int offset_hours = 0, offset_minutes = 0;
        // RFC 3339's offset is hours 00-23 and minutes 00-59: "+99:99" is a typing error, not a four-day shift.
        if (!ReadNumber(zone, 1, 2, offset_hours) || !ReadNumber(zone, 4, 2, offset_minutes) || offset_hours > 23 ||
            offset_minutes > 59) {
            return std::nullopt;
        }
        offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const std::int64_t seconds = date->days() * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
    return Instant{seconds * 1000 + millis};
}

namespace {
// SetClockSource's; empty unless a test server was started with HOUQIN_FAKE_NOW_FILE.
TimeSourceFunction clock_source = nullptr;
}  // namespace

void SetClockSource(TimeSourceFunction source) { clock_source = source; }

Instant Clock::Now() const {
    if (fixed_) return *fixed_;
    if (clock_source != nullptr) return clock_source();
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return Instant{std::chrono::duration_cast<std::chrono::milliseconds>(now).count()};
}

}  // namespace houqin
