#include "features/supervision/oversight.h"

#include <array>
#include <charconv>

namespace houqin {

bool IsOverdue(const Rectification& rectification, Date today) {
    return rectification.status == "open" && rectification.deadline < today;
}

std::int64_t DaysOverdue(const Rectification& rectification, Date today) {
    return IsOverdue(rectification, today) ? today.days() - rectification.deadline.days() : 0;
}

bool IsCommunicationChannel(std::string_view channel) {
    static constexpr std::array<std::string_view, 7> kChannels = {"phone", "meeting", "visit", "letter",
                                                                  "email", "message", "other"};
    for (const auto known : kChannels) {
        if (known == channel) return true;
    }
    return false;
}

namespace {

std::optional<int> Digits(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

Date LastDayOfMonth(int year, unsigned month) {
    return month == 12 ? Date::FromYmd(year, 12, 31) : Date::FromYmd(year, month + 1, 1).AddDays(-1);
}

}  // namespace

std::optional<LabelledPeriod> ParsePeriodLabel(std::string_view label) {
    if (label.size() < 4) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i) {
        if (label[i] < '0' || label[i] > '9') return std::nullopt;
    }
    const auto year = Digits(label.substr(0, 4));
    if (!year || *year < 1900 || *year > 2999) return std::nullopt;
    const std::string text(label);
    if (label.size() == 4) return LabelledPeriod{text, Date::FromYmd(*year, 1, 1), Date::FromYmd(*year, 12, 31)};
    if (label.size() != 7 || label[4] != '-') return std::nullopt;
    const auto rest = label.substr(5);
    if (rest[0] == 'Q' || rest[0] == 'H') {
        const auto number = Digits(rest.substr(1));
        const int count = rest[0] == 'Q' ? 4 : 2;
        if (!number || *number < 1 || *number > count) return std::nullopt;
        const int months = 12 / count;
        const auto first_month = static_cast<unsigned>((*number - 1) * months + 1);
        const auto last_month = static_cast<unsigned>(*number * months);
        return LabelledPeriod{text, Date::FromYmd(*year, first_month, 1), LastDayOfMonth(*year, last_month)};
    }
    if (rest[0] < '0' || rest[0] > '9' || rest[1] < '0' || rest[1] > '9') return std::nullopt;
    const auto month = Digits(rest);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return LabelledPeriod{text, Date::FromYmd(*year, static_cast<unsigned>(*month), 1),
                          LastDayOfMonth(*year, static_cast<unsigned>(*month))};
}

}  // namespace houqin
