#include "features/callcentre/score_codec.h"

#include <nlohmann/json.hpp>

namespace houqin {
namespace {

using ScoreJson = nlohmann::json;

ScoreJson ScoreTextJson(const Text& text) { return {{"zh-CN", text.zh}, {"en", text.en}}; }

ScoreJson ScoreValuesJson(const std::vector<PolicyParameter>& values) {
    ScoreJson json = ScoreJson::array();
    for (const auto& value : values) json.push_back({{"name", value.name}, {"value", value.value}});
    return json;
}

}  // namespace

std::string AgentScoreDetailJson(const AgentScore& score, const AgentMonthFacts& facts) {
    ScoreJson dimensions = ScoreJson::array();
    for (const auto& dimension : score.dimensions) {
        dimensions.push_back({{"dimension", std::string(ScoreDimensionCode(dimension.dimension))},
                              {"name", ScoreTextJson(ScoreDimensionName(dimension.dimension))},
                              {"weight", dimension.weight},
                              {"weight_text", FormatPoints(dimension.weight)},
                              {"points", dimension.points},
                              {"points_text", FormatPoints(dimension.points)},
                              {"explanation", ScoreTextJson(dimension.explanation)}});
    }
    ScoreJson suggestions = ScoreJson::array();
    for (const auto& suggestion : score.suggestions) {
        suggestions.push_back({{"id", suggestion.id},
                               {"counted", suggestion.counted},
                               {"deduction", suggestion.deduction},
                               {"deduction_text", FormatPoints(suggestion.deduction)},
                               {"reason", ScoreTextJson(suggestion.deadline.reason)}});
    }
    const ScoreJson json = {
        {"agent_ids", score.agent_ids},
        {"days_held", score.days_held},
        {"days_in_month", score.days_in_month},
        {"pro_rated", score.pro_rated},
        {"facts",
         {{"calls", facts.calls},
          {"successful_visits", facts.successful_visits},
          {"talk_seconds", facts.talk_seconds},
          {"required_days", facts.required_days},
          {"attended_days", facts.attended_days},
          {"absent_days", facts.absent_days},
          {"late_arrivals", facts.late_arrivals},
          {"violations", facts.violations},
          {"training_score", facts.training_score ? ScoreJson(*facts.training_score) : ScoreJson()}}},
        {"dimensions", std::move(dimensions)},
        {"suggestions", std::move(suggestions)},
        {"penalty_deduction", score.penalty_deduction},
        {"penalty_deduction_text", FormatPoints(score.penalty_deduction)},
        {"penalty_explanation", ScoreTextJson(score.penalty_explanation)},
        {"total_text", FormatPoints(score.total)},
        {"summary", ScoreTextJson(score.summary)},
        {"values", ScoreValuesJson(score.values)}};
    return json.dump();
}

std::string ScoringMethodValuesJson(const ScoringMethod& method, const std::string& work_start) {
    const ScoreJson json = {{"version", method.version},
                            {"work_start", work_start},
                            {"effective_from", method.effective_from.ToString()},
                            {"discipline_weight", method.discipline_weight},
                            {"visits_weight", method.visits_weight},
                            {"talk_weight", method.talk_weight},
                            {"training_weight", method.training_weight},
                            {"visits_target", method.visits_target},
                            {"talk_seconds_target", method.talk_seconds_target},
                            {"visits_cap_percent", method.visits_cap_percent},
                            {"talk_cap_percent", method.talk_cap_percent},
                            {"absence_deduction", method.absence_deduction},
                            {"late_deduction", method.late_deduction},
                            {"violation_deduction", method.violation_deduction},
                            {"penalty_deduction", method.penalty_deduction},
                            {"training_full_score", method.training_full_score},
                            {"pro_rating", std::string(ProRatingCode(method.pro_rating))}};
    return json.dump();
}

}  // namespace houqin
