#pragma once
// CC-3: the scoring method's values as JSON: as stored (cc_scoring_methods.method_json, integer hundredths of a
// point, so a stored version reads back exactly) and as the API shows and reads them (points as numbers such as 40
// or 0.5, every bad value named). The version number and effective_from are columns, not part of either. No HTTP
// here: the store reads and writes the stored form.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "features/callcentre/rules/agent_score.h"

namespace houqin::codec {

using Json = nlohmann::json;

std::string ScoringMethodStoredText(const ScoringMethod& method);
// Nothing when the text is not a stored method (a bug or a damaged row: the caller treats it as unexpected).
std::optional<ScoringMethod> ScoringMethodFromStoredText(std::string_view text, int version,
                                                         AssessmentMonth effective_from);

// {weights: {discipline, visits, talk_time, training}, visits_target, talk_seconds_target, visits_cap_percent,
//  talk_cap_percent, absence_deduction, late_deduction, violation_deduction, penalty_deduction, training_full_score,
//  pro_rating}; points as numbers.
Json ScoringMethodValuesJson(const ScoringMethod& method);
// Reads the same shape onto `method` (a value left out keeps what `method` has: the defaults for a new draft, the
// draft's values for an edit). A value that is not a number of points with at most two decimals is named:
// `weights` for a weight, otherwise its key.
void ReadScoringMethodValues(const Json& body, Validation& validation, ScoringMethod& method);

}  // namespace houqin::codec
