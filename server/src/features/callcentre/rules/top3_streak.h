#pragma once
// CC-6: an agent ranked in the top 3 for three consecutive months gets a one-time bonus proposal, with the three
// months' ranks and scores as evidence; the policy engine hands it to the office-then-leadership decision.
//
// Semantics:
// - Ranks are the months' competition ranks (agent_score.h): equal scores share a rank, so with totals 95, 95, 90,
//   88 the ranks are 1, 1, 3, 4 and the agent on 90 is in the top 3; with 95, 93, 93, 93, 90 the last is 5th and out.
// - Consecutive means calendar months: a month with no ranking in the input, or in which the agent is not ranked,
//   breaks the streak like a month outside the top 3. A broken streak starts again from zero.
// - One proposal per streak, made by its third month: four, five or more consecutive months are still one streak and
//   one proposal (streak_months says how long it has run). A streak broken and then three more months again is a
//   new streak and a new proposal.
// - The dedupe key is "CC-6:<person>:<first month>": the same streak gives the same key on every re-run, whether it
//   has since grown or not, so the service proposes each streak once.
// - Rankings may come in any order; one per month (when a month appears twice, the later one in the input counts).
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/rule_parameter.h"
#include "features/callcentre/rules/agent_score.h"

namespace houqin {

struct StreakSettings {
    int top = 3;     // ranks 1 ... top count
    int months = 3;  // consecutive months needed
};

struct StreakEvidence {
    AssessmentMonth month;
    int rank = 0;
    std::int64_t total = 0;  // hundredths
    bool tied = false;       // another agent had the same rank that month
    int method_version = 0;
};

struct BonusProposal {
    std::int64_t person_id = 0;
    std::string name;  // as ranked in the qualifying month
    AssessmentMonth first_month;
    AssessmentMonth qualifying_month;      // the month that completed the streak (its third)
    int streak_months = 0;                 // how many consecutive top months the streak has run so far (>= 3)
    std::vector<StreakEvidence> evidence;  // the first `months` months of the streak
    std::string dedupe_key;                // "CC-6:<person>:<first month>"
    Text explanation;
    std::vector<PolicyParameter> values;  // top, months, the months and ranks
};

// Proposals by qualifying month, then person id.
std::vector<BonusProposal> FindTopStreaks(const std::vector<MonthRanking>& rankings, StreakSettings settings = {});

}  // namespace houqin
