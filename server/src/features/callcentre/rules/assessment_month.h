#pragma once
// The month an agent assessment is for (CC-3), the month a penalty suggestion counts for (CC-4) and the unit of a
// top-3 streak (CC-6): a calendar month in Asia/Shanghai, written "2026-11".
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace houqin {

struct AssessmentMonth {
    int year = 1970;
    int month = 1;  // 1 ... 12

    static std::optional<AssessmentMonth> Parse(std::string_view text);  // strict "YYYY-MM", year >= 1900
    static AssessmentMonth Of(Date date);

    [[nodiscard]] std::string ToString() const;  // "2026-11"
    [[nodiscard]] Date FirstDay() const;
    [[nodiscard]] Date LastDay() const;
    [[nodiscard]] int Days() const;  // 28 ... 31
    [[nodiscard]] AssessmentMonth Next() const;
    // Months since year 0, so consecutive months differ by exactly one (CC-6 streaks).
    [[nodiscard]] int Index() const { return year * 12 + month - 1; }

    friend constexpr auto operator<=>(const AssessmentMonth&, const AssessmentMonth&) = default;
};

}  // namespace houqin
