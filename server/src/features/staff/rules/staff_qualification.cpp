#include "features/staff/rules/staff_qualification.h"

#include <fmt/format.h>

#include <string>

namespace houqin {

std::string_view QualificationOutcomeCode(QualificationOutcome outcome) {
    return outcome == QualificationOutcome::kPass ? "pass" : "fail";
}

std::optional<QualificationOutcome> ParseQualificationOutcome(std::string_view code) {
    if (code == "pass") return QualificationOutcome::kPass;
    if (code == "fail") return QualificationOutcome::kFail;
    return std::nullopt;
}

Result<QualificationTestDecision> JudgeQualificationTest(std::int64_t score, std::int64_t pass_score) {
    if (score < kMinQualificationScore || score > kMaxQualificationScore) {
        return Error::Invalid(
            "score", {fmt::format("成绩须为 {} 到 {} 之间的整数", kMinQualificationScore, kMaxQualificationScore),
                      fmt::format("The score must be a whole number from {} to {}", kMinQualificationScore,
                                  kMaxQualificationScore)});
    }
    if (pass_score < kMinQualificationScore || pass_score > kMaxQualificationScore) {
        return Error::Invalid(
            "pass_score",
            {fmt::format("合格分数线须在 {} 到 {} 之间", kMinQualificationScore, kMaxQualificationScore),
             fmt::format("The pass mark must be from {} to {}", kMinQualificationScore, kMaxQualificationScore)});
    }
    QualificationTestDecision decision;
    decision.score = static_cast<int>(score);
    decision.pass_score = static_cast<int>(pass_score);
    decision.outcome = score >= pass_score ? QualificationOutcome::kPass : QualificationOutcome::kFail;
    return decision;
}

namespace {

Error HoursError() {
    return Error::Invalid("hours",
                          {fmt::format("培训学时须为 {} 到 {} 小时,最多一位小数", TrainingHoursText(kMinTrainingTenths),
                                       TrainingHoursText(kMaxTrainingTenths)),
                           fmt::format("The hours must be from {} to {}, with at most one decimal place",
                                       TrainingHoursText(kMinTrainingTenths), TrainingHoursText(kMaxTrainingTenths))});
}

}  // namespace

Result<std::int64_t> ParseTrainingHours(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    const auto point = text.find('.');
    const auto whole = text.substr(0, point);
    const auto fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    // Up to 4 digits before the point keeps the arithmetic far from overflow; the limits refuse large values anyway.
    if (whole.empty() || whole.size() > 4 || fraction.size() > 1) return HoursError();
    if (point != std::string_view::npos && fraction.empty()) return HoursError();
    std::int64_t tenths = 0;
    for (const char digit : whole) {
        if (digit < '0' || digit > '9') return HoursError();
        tenths = tenths * 10 + (digit - '0');
    }
    tenths *= 10;
    if (!fraction.empty()) {
        if (fraction[0] < '0' || fraction[0] > '9') return HoursError();
        tenths += fraction[0] - '0';
    }
    if (tenths < kMinTrainingTenths || tenths > kMaxTrainingTenths) return HoursError();
    return tenths;
}

std::string TrainingHoursText(std::int64_t tenths) { return fmt::format("{}.{}", tenths / 10, tenths % 10); }

}  // namespace houqin
