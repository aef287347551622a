#include "features/callcentre/rules/assessment_month.h"

#include <fmt/format.h>

#include <chrono>

namespace houqin {

std::optional<AssessmentMonth> AssessmentMonth::Parse(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    int year = 0;
    int month = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4) continue;
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        int& part = i < 4 ? year : month;
        part = part * 10 + (text[i] - '0');
    }
    if (year < 1900 || month < 1 || month > 12) return std::nullopt;
    return AssessmentMonth{year, month};
}

AssessmentMonth AssessmentMonth::Of(Date date) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days()}}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month()))};
}

std::string AssessmentMonth::ToString() const { return fmt::format("{:04d}-{:02d}", year, month); }

Date AssessmentMonth::FirstDay() const { return Date::FromYmd(year, static_cast<unsigned>(month), 1); }

Date AssessmentMonth::LastDay() const { return Next().FirstDay().AddDays(-1); }

int AssessmentMonth::Days() const { return static_cast<int>(Next().FirstDay().days() - FirstDay().days()); }

AssessmentMonth AssessmentMonth::Next() const {
    return month == 12 ? AssessmentMonth{year + 1, 1} : AssessmentMonth{year, month + 1};
}

}  // namespace houqin
