#include "features/supervision/survey.h"

namespace houqin {

std::optional<Rating> ParseRating(std::string_view code) {
    for (const auto rating : AllRatings()) {
        if (RatingCode(rating) == code) return rating;
    }
    return std::nullopt;
}

std::string_view RatingCode(Rating rating) {
    switch (rating) {
        case Rating::kVerySatisfied: return "very_satisfied";
        case Rating::kSatisfied: return "satisfied";
        case Rating::kBasicallySatisfied: return "basically_satisfied";
        case Rating::kDissatisfied: return "dissatisfied";
    }
    return "dissatisfied";
}

Text RatingName(Rating rating) {
    switch (rating) {
        case Rating::kVerySatisfied: return {"非常满意", "Very satisfied"};
        case Rating::kSatisfied: return {"满意", "Satisfied"};
        case Rating::kBasicallySatisfied: return {"基本满意", "Basically satisfied"};
        case Rating::kDissatisfied: return {"不满意", "Dissatisfied"};
    }
    return {"不满意", "Dissatisfied"};
}

const std::vector<Rating>& AllRatings() {
    static const std::vector<Rating> kAll = {Rating::kVerySatisfied, Rating::kSatisfied, Rating::kBasicallySatisfied,
                                             Rating::kDissatisfied};
    return kAll;
}

const std::vector<TemplateQuestion>& DefaultSurveyQuestions() {
    static const std::vector<TemplateQuestion> kQuestions = {
        {"attitude", {"服务态度", "Service attitude"}, "rating"},
        {"quality", {"服务质量", "Quality of the service"}, "rating"},
        {"timeliness", {"响应及时性", "Timeliness of response"}, "rating"},
        {"discipline", {"人员纪律与着装", "Staff discipline and dress"}, "rating"},
        {"suggestion", {"意见和建议", "Opinions and suggestions"}, "text"},
    };
    return kQuestions;
}

namespace {

void AddAnswers(RatingCounts& counts, Rating rating, std::int64_t answers) {
    switch (rating) {
        case Rating::kVerySatisfied: counts.very_satisfied += answers; break;
        case Rating::kSatisfied: counts.satisfied += answers; break;
        case Rating::kBasicallySatisfied: counts.basically_satisfied += answers; break;
        case Rating::kDissatisfied: counts.dissatisfied += answers; break;
    }
}

}  // namespace

RatingCounts CountRatings(const std::vector<std::string>& ratings) {
    RatingCounts counts;
    for (const auto& code : ratings) {
        if (const auto rating = ParseRating(code)) AddAnswers(counts, *rating, 1);
    }
    return counts;
}

RatingCounts CountRatings(const std::map<std::string, std::int64_t>& answers_by_rating) {
    RatingCounts counts;
    for (const auto& [code, answers] : answers_by_rating) {
        if (const auto rating = ParseRating(code)) AddAnswers(counts, *rating, answers);
    }
    return counts;
}

Text SatisfactionFormula(bool basic_counts_satisfied) {
    if (basic_counts_satisfied) {
        return {"满意率 =(非常满意 + 满意 + 基本满意)÷ 有效答卷数",
                "rate = (very satisfied + satisfied + basically satisfied) / valid answers"};
    }
    return {"满意率 =(非常满意 + 满意)÷ 有效答卷数(基本满意不计为满意)",
            "rate = (very satisfied + satisfied) / valid answers (basically satisfied does not count)"};
}

}  // namespace houqin
