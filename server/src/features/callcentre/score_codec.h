#pragma once
// CC-3: an agent's computed score as the JSON kept with the month's result (cc_agent_scores.detail_json) and shown
// as is: the facts the score used, each dimension's points and explanation, the penalty suggestions and the
// method's values. Points are hundredths of a point and also given as text ("87.50").
#include <string>

#include "features/callcentre/rules/agent_score.h"

namespace houqin {

std::string AgentScoreDetailJson(const AgentScore& score, const AgentMonthFacts& facts);
// The method's values as kept with the month (cc_score_months.method_json).
// The method's values as the month used them, with the opening time late arrivals were counted from ("09:00").
std::string ScoringMethodValuesJson(const ScoringMethod& method, const std::string& work_start);

}  // namespace houqin
