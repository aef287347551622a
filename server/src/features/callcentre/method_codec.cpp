#include "features/callcentre/method_codec.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace houqin::codec {
namespace {

// The stored keys and the struct's members, in one table so the two directions cannot drift apart.
struct MethodPointsField {
    const char* key;
    std::int64_t ScoringMethod::*member;
};
struct MethodWeightField {
    const char* key;
    std::int64_t ScoringMethod::*member;
    ScoreDimension dimension;
};
constexpr MethodWeightField kMethodWeightFields[] = {
    {"discipline", &ScoringMethod::discipline_weight, ScoreDimension::kDiscipline},
    {"visits", &ScoringMethod::visits_weight, ScoreDimension::kVisits},
    {"talk_time", &ScoringMethod::talk_weight, ScoreDimension::kTalkTime},
    {"training", &ScoringMethod::training_weight, ScoreDimension::kTraining},
};
constexpr MethodPointsField kMethodDeductionFields[] = {
    {"absence_deduction", &ScoringMethod::absence_deduction},
    {"late_deduction", &ScoringMethod::late_deduction},
    {"violation_deduction", &ScoringMethod::violation_deduction},
    {"penalty_deduction", &ScoringMethod::penalty_deduction},
    {"training_full_score", &ScoringMethod::training_full_score},
};
struct MethodCountField {
    const char* key;
    std::int64_t ScoringMethod::*member;
};
constexpr MethodCountField kMethodTargetFields[] = {
    {"visits_target", &ScoringMethod::visits_target},
    {"talk_seconds_target", &ScoringMethod::talk_seconds_target},
};
struct MethodPercentField {
    const char* key;
    int ScoringMethod::*member;
};
constexpr MethodPercentField kMethodCapFields[] = {
    {"visits_cap_percent", &ScoringMethod::visits_cap_percent},
    {"talk_cap_percent", &ScoringMethod::talk_cap_percent},
};

// 2000 hundredths -> 20, 50 -> 0.5 (a JSON number of points).
Json MethodPointsJson(std::int64_t hundredths) {
    if (hundredths % 100 == 0) return Json(hundredths / 100);
    return Json(static_cast<double>(hundredths) / 100.0);
}

// A number or text of points with at most two decimals, not negative.
std::optional<std::int64_t> MethodPointsOf(const Json& value) {
    if (value.is_number_integer()) {
        const auto whole = value.get<std::int64_t>();
        if (whole < 0 || whole > 1'000'000) return std::nullopt;
        return whole * 100;
    }
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (!std::isfinite(number) || number < 0 || number > 1'000'000) return std::nullopt;
        // The shortest text that reads back as the number ("0.5", not "0.5000000001"): two decimals or refused.
        return ParsePoints(value.dump());
    }
    if (value.is_string()) return ParsePoints(value.get<std::string>());
    return std::nullopt;
}

const Text kMethodPointsWording{"须为不小于 0、最多两位小数的分值",
                                "must be a number of points, not negative, with at most "
                                "two decimals"};

}  // namespace

std::string ScoringMethodStoredText(const ScoringMethod& method) {
    Json stored = Json::object();
    for (const auto& field : kMethodWeightFields) stored[std::string(field.key) + "_weight"] = method.*field.member;
    for (const auto& field : kMethodDeductionFields) stored[field.key] = method.*field.member;
    for (const auto& field : kMethodTargetFields) stored[field.key] = method.*field.member;
    for (const auto& field : kMethodCapFields) stored[field.key] = method.*field.member;
    stored["pro_rating"] = std::string(ProRatingCode(method.pro_rating));
    return stored.dump();
}

std::optional<ScoringMethod> ScoringMethodFromStoredText(std::string_view text, int version,
                                                         AssessmentMonth effective_from) {
    const Json stored = Json::parse(text, nullptr, false);
    if (!stored.is_object()) return std::nullopt;
    ScoringMethod method;
    method.version = version;
    method.effective_from = effective_from;
    const auto integer = [&stored](const std::string& key) -> std::optional<std::int64_t> {
        const auto found = stored.find(key);
        if (found == stored.end() || !found->is_number_integer()) return std::nullopt;
        return found->get<std::int64_t>();
    };
    for (const auto& field : kMethodWeightFields) {
        const auto value = integer(std::string(field.key) + "_weight");
        if (!value) return std::nullopt;
        method.*field.member = *value;
    }
    for (const auto& field : kMethodDeductionFields) {
        const auto value = integer(field.key);
        if (!value) return std::nullopt;
        method.*field.member = *value;
    }
    for (const auto& field : kMethodTargetFields) {
        const auto value = integer(field.key);
        if (!value) return std::nullopt;
        method.*field.member = *value;
    }
    for (const auto& field : kMethodCapFields) {
        const auto value = integer(field.key);
        if (!value || *value < 0 || *value > std::numeric_limits<int>::max()) return std::nullopt;
        method.*field.member = static_cast<int>(*value);
    }
    const auto rating = stored.find("pro_rating");
    if (rating == stored.end() || !rating->is_string()) return std::nullopt;
    const auto parsed = ParseProRating(rating->get<std::string>());
    if (!parsed) return std::nullopt;
    method.pro_rating = *parsed;
    return method;
}

Json ScoringMethodValuesJson(const ScoringMethod& method) {
    Json weights = Json::object();
    for (const auto& field : kMethodWeightFields) weights[field.key] = MethodPointsJson(method.*field.member);
    Json values = {{"weights", std::move(weights)}};
    for (const auto& field : kMethodTargetFields) values[field.key] = method.*field.member;
    for (const auto& field : kMethodCapFields) values[field.key] = method.*field.member;
    for (const auto& field : kMethodDeductionFields) values[field.key] = MethodPointsJson(method.*field.member);
    values["pro_rating"] = std::string(ProRatingCode(method.pro_rating));
    return values;
}

void ReadScoringMethodValues(const Json& body, Validation& validation, ScoringMethod& method) {
    if (const auto weights = body.find("weights"); weights != body.end() && !weights->is_null()) {
        if (!weights->is_object()) {
            validation.Fail("weights", {"四项权重须按劳动纪律、成功访问、呼出时长、培训成绩分别填写",
                                        "Give the four weights: discipline, visits, talk_time, training"});
        } else {
            for (const auto& field : kMethodWeightFields) {
                const auto value = weights->find(field.key);
                if (value == weights->end() || value->is_null()) continue;
                if (const auto points = MethodPointsOf(*value)) {
                    method.*field.member = *points;
                } else {
                    const Text name = ScoreDimensionName(field.dimension);
                    validation.Fail("weights", {fmt::format("{}的权重{}", name.zh, kMethodPointsWording.zh),
                                                fmt::format("The weight of {} {}", name.en, kMethodPointsWording.en)});
                }
            }
        }
    }
    const auto present = [&body](const char* key) {
        const auto found = body.find(key);
        return found != body.end() && !found->is_null();
    };
    for (const auto& field : kMethodDeductionFields) {
        if (!present(field.key)) continue;
        if (const auto points = MethodPointsOf(body.at(field.key))) {
            method.*field.member = *points;
        } else {
            validation.Fail(field.key, {fmt::format("分值{}", kMethodPointsWording.zh),
                                        fmt::format("The points {}", kMethodPointsWording.en)});
        }
    }
    for (const auto& field : kMethodTargetFields) {
        if (!present(field.key)) continue;
        const auto& value = body.at(field.key);
        if (value.is_number_integer() && value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() < 1'000'000'000) {
            method.*field.member = value.get<std::int64_t>();
        } else {
            validation.Fail(field.key, {"月度目标须为不小于 0 的整数", "The monthly target must be a whole number"});
        }
    }
    for (const auto& field : kMethodCapFields) {
        if (!present(field.key)) continue;
        const auto& value = body.at(field.key);
        if (value.is_number_integer() && value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() <= 100'000) {
            method.*field.member = static_cast<int>(value.get<std::int64_t>());
        } else {
            validation.Fail(field.key,
                            {"超出目标的计分上限须为整数百分比", "The cap above a target must be a whole percentage"});
        }
    }
    if (present("pro_rating")) {
        const auto& value = body.at("pro_rating");
        const auto parsed = value.is_string() ? ParseProRating(value.get<std::string>()) : std::nullopt;
        if (parsed) {
            method.pro_rating = *parsed;
        } else {
            validation.Fail("pro_rating", {"请选择目标是否按持有工号天数折算",
                                           "Choose whether targets are pro-rated for the days an agent ID is held"});
        }
    }
}

}  // namespace houqin::codec
