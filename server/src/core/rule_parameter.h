#pragma once
// A name and the value a decision used: every automatic decision (a proposal, a procurement route, a bid's
// validity, a vendor's eligibility) lists the settings and thresholds it applied, so the decision can be explained
// and re-checked later (REQUIREMENTS.md preamble: numbers in rules are settings with history).
#include <string>

namespace houqin {

struct PolicyParameter {
    std::string name;
    std::string value;
};

}  // namespace houqin
