#pragma once
// STF-9: the contract's staffing requirement over time. The contract states a requirement from its first day; each
// extra duty manager or QA the office asked for in writing and the vendor consented to adds people to a post from
// its effective date. Nothing is edited in place: the requirement on a day is the contract's plus every consented
// change effective on or before that day, so a month that began before a change is judged by the old requirement
// up to the day before and by the new one from that day on.
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "features/contracts/model.h"
#include "features/staff/rules/staffing_compliance.h"

namespace houqin {

// One consented change: `people` more on `post` for each of `day_types`, each for `hours` a day, from
// `effective_from`.
struct StaffingChange {
    Date effective_from;
    std::string post;
    std::vector<DayType> day_types;
    int people = 0;
    int hours = 0;
    Text source;  // e.g. "2026-12-01 书面要求增配值班经理(第 3 号)"
};

// The requirement `base` with `change` applied: people added to the entry with the same day type and post, or a new
// entry. nullopt with the reason when an entry for the post and day type exists with other daily hours (a person
// works one shift length per post; the office asks for a post of its own instead).
struct AppliedChange {
    std::optional<std::vector<StaffingRequirement>> staffing;
    Text refusal;
};
AppliedChange ApplyChange(const std::vector<StaffingRequirement>& base, const StaffingChange& change);

// The versions ComputeCompliance reads: the contract's requirement from `term_start`, then one version per distinct
// effective date of `changes` (in any order), each cumulative. A change that cannot apply (see ApplyChange) is left
// out of every version and its refusal added to `warnings`.
std::vector<RequirementVersion> RequirementHistory(const std::vector<StaffingRequirement>& contract_staffing,
                                                   Date term_start, std::vector<StaffingChange> changes,
                                                   std::vector<Text>* warnings = nullptr);

// The requirement in force on `day` (the contract's before the first change).
std::vector<StaffingRequirement> RequirementOn(const std::vector<RequirementVersion>& history, Date day);

}  // namespace houqin
