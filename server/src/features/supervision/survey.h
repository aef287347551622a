#pragma once
// SUP-4: the satisfaction rating, the default questionnaire and how answers are counted.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace houqin {

enum class Rating { kVerySatisfied, kSatisfied, kBasicallySatisfied, kDissatisfied };
std::optional<Rating> ParseRating(std::string_view code);
std::string_view RatingCode(Rating rating);
Text RatingName(Rating rating);
const std::vector<Rating>& AllRatings();

struct TemplateQuestion {
    std::string key;
    Text text;
    std::string kind;  // rating (1-5), text
};
// The questions a new survey starts with (D1 Art.7(2): service attitude, quality, timeliness, discipline).
const std::vector<TemplateQuestion>& DefaultSurveyQuestions();

struct RatingCounts {
    std::int64_t very_satisfied = 0;
    std::int64_t satisfied = 0;
    std::int64_t basically_satisfied = 0;
    std::int64_t dissatisfied = 0;
    [[nodiscard]] std::int64_t valid() const { return very_satisfied + satisfied + basically_satisfied + dissatisfied; }
    // The stated formula: (非常满意 + 满意 [+ 基本满意]) / valid answers.
    [[nodiscard]] std::int64_t Satisfied(bool basic_counts_satisfied) const {
        return very_satisfied + satisfied + (basic_counts_satisfied ? basically_satisfied : 0);
    }
};
// Answers whose rating is not one of the four codes are not valid and are not counted.
RatingCounts CountRatings(const std::vector<std::string>& ratings);
// The same from answers already counted per rating code (a grouped query), the same codes refused.
RatingCounts CountRatings(const std::map<std::string, std::int64_t>& answers_by_rating);
Text SatisfactionFormula(bool basic_counts_satisfied);

}  // namespace houqin
