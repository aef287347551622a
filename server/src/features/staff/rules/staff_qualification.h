#pragma once
// STF-3 (D3 §2): the qualification test (资格考试) a person takes before working on a contract, and the hours of a
// training session (STF-8). Pure: facts in, a decision with the values it used out, so a stored result can always
// say which pass mark it was judged against even after the setting changes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace houqin {

// Scores are whole points out of 100, as the tests are marked.
inline constexpr int kMinQualificationScore = 0;
inline constexpr int kMaxQualificationScore = 100;

enum class QualificationOutcome { kPass, kFail };
std::string_view QualificationOutcomeCode(QualificationOutcome outcome);  // "pass" / "fail"
std::optional<QualificationOutcome> ParseQualificationOutcome(std::string_view code);

struct QualificationTestDecision {
    QualificationOutcome outcome = QualificationOutcome::kFail;
    int score = 0;
    int pass_score = 0;  // the pass mark in force when the result was recorded
    // A person who fails must be replaced (D3 §2: 对考核不合格者,乙方应予以更换), which opens an STF-4 request.
    [[nodiscard]] bool RequiresReplacement() const { return outcome == QualificationOutcome::kFail; }
};

// A score at or above the pass mark passes. A score outside 0..100 is Error::Invalid("score", ...); a pass mark
// outside 0..100 is a broken setting and Error::Invalid("pass_score", ...).
Result<QualificationTestDecision> JudgeQualificationTest(std::int64_t score, std::int64_t pass_score);

// STF-8: a session lasts from 0.5 to 80 hours (80: one week of on-site guidance at up to 16 hours a day is already
// generous; more is a typing error). Hours are kept as integer tenths so sums are exact.
inline constexpr std::int64_t kMinTrainingTenths = 5;
inline constexpr std::int64_t kMaxTrainingTenths = 800;

// "2", "2.5", " 1.0 " -> tenths of an hour. At most one decimal place; Error::Invalid("hours", ...) otherwise or when
// outside the limits, naming them.
Result<std::int64_t> ParseTrainingHours(std::string_view text);
// 25 -> "2.5", 40 -> "4.0".
std::string TrainingHoursText(std::int64_t tenths);

}  // namespace houqin
