#include "features/supervision/assessment.h"

#include <fmt/format.h>

namespace houqin {

std::string TenthsToString(int tenths) {
    const char* sign = tenths < 0 ? "-" : "";
    const int magnitude = tenths < 0 ? -tenths : tenths;
    if (magnitude % 10 == 0) return fmt::format("{}{}", sign, magnitude / 10);
    return fmt::format("{}{}.{}", sign, magnitude / 10, magnitude % 10);
}

std::optional<int> ParseTenths(std::string_view text) {
    if (text.empty() || text.size() > 8) return std::nullopt;
    int whole = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] != '.'; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
    }
    if (i == 0) return std::nullopt;
    int tenth = 0;
    if (i < text.size()) {
        // "2." and "2.55" are not numbers a person writes with one decimal; "2.50" is accepted.
        const auto decimals = text.substr(i + 1);
        if (decimals.empty()) return std::nullopt;
        for (std::size_t d = 0; d < decimals.size(); ++d) {
            const char c = decimals[d];
            if (c < '0' || c > '9') return std::nullopt;
            if (d == 0)
                tenth = c - '0';
            else if (c != '0')
                return std::nullopt;
        }
    }
    return whole * 10 + tenth;
}

Result<AssessmentOutcome> ComputeAssessment(const AssessmentTerms& terms, const std::vector<AssessmentItemInput>& items,
                                            int failed_item_percent, std::string_view field_prefix) {
    Validation validation;
    if (items.size() != terms.checklist.size()) {
        validation.Fail(std::string(field_prefix),
                        {fmt::format("考核项须与合同考核表一致,共 {} 项", terms.checklist.size()),
                         fmt::format("Items must match the contract's checklist: {} items", terms.checklist.size())});
        return validation.ToError();
    }
    AssessmentOutcome outcome;
    int lost_total = 0;
    std::string steps_zh;
    std::string steps_en;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& expected = terms.checklist[i];
        const auto& input = items[i];
        const auto field = fmt::format("{}[{}]", field_prefix, i);
        if (input.item != expected.item) {
            validation.Fail(field + ".item", {fmt::format("第 {} 项应为“{}”", i + 1, expected.item),
                                              fmt::format("Item {} must be \"{}\"", i + 1, expected.item)});
            continue;
        }
        if (input.lost_tenths < 0 || input.lost_tenths > expected.points * 10) {
            validation.Fail(field + ".lost", {fmt::format("扣分须在 0 到 {} 分之间", expected.points),
                                              fmt::format("Points lost must be between 0 and {}", expected.points)});
            continue;
        }
        AssessedItem assessed{expected.item, expected.points, input.lost_tenths,
                              expected.points * 10 - input.lost_tenths, false};
        // lost / points >= percent / 100, in integers: lost_tenths * 100 >= percent * points * 10.
        assessed.failed =
            input.lost_tenths > 0 && static_cast<long long>(input.lost_tenths) * 100 >=
                                         static_cast<long long>(failed_item_percent) * expected.points * 10;
        if (assessed.failed) ++outcome.failed_items;
        lost_total += input.lost_tenths;
        if (input.lost_tenths > 0) {
            steps_zh += fmt::format("{}(满分 {}):扣 {} 分{};", expected.item, expected.points,
                                    TenthsToString(input.lost_tenths), assessed.failed ? ",为不合格项" : "");
            steps_en += fmt::format("{} (of {}): {} lost{}; ", expected.item, expected.points,
                                    TenthsToString(input.lost_tenths), assessed.failed ? ", a failed item" : "");
        }
        outcome.items.push_back(std::move(assessed));
    }
    if (!validation.ok()) return validation.ToError();
    outcome.total_tenths = 1000 - lost_total;
    outcome.passed = outcome.total_tenths >= terms.pass_mark * 10;
    outcome.grade = "不合格";
    std::string grade_en = "fail";
    for (const auto& band : terms.bands) {
        if (outcome.total_tenths >= band.min * 10) {
            outcome.grade = band.name;
            grade_en = band.name;
            break;
        }
    }
    if (!outcome.passed) {
        outcome.grade = "不合格";
        grade_en = "fail";
    }
    if (steps_zh.empty()) {
        steps_zh = "各项均未扣分;";
        steps_en = "no points lost on any item; ";
    }
    const auto total = TenthsToString(outcome.total_tenths);
    outcome.computation = {
        fmt::format("{}总分 = 100 − {} = {} 分;合格线 {} 分,{};等级:{};不合格项(单项扣分达该项分值 {}%){} 项。",
                    steps_zh, TenthsToString(lost_total), total, terms.pass_mark,
                    outcome.passed ? "考核合格" : "考核不合格", outcome.grade, failed_item_percent,
                    outcome.failed_items),
        fmt::format("{}total = 100 - {} = {}; pass mark {}: {}; grade: {}; failed items (at least {}% of the item's "
                    "points lost): {}.",
                    steps_en, TenthsToString(lost_total), total, terms.pass_mark, outcome.passed ? "passed" : "failed",
                    grade_en, failed_item_percent, outcome.failed_items)};
    return outcome;
}

}  // namespace houqin
