#pragma once
// SUP-3: one assessment of a contract's service in one period, computed from the contract's checklist. Points are
// integer tenths (2.5 points lost = 25), so totals compare exactly with the pass mark and the bands.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "features/contracts/model.h"

namespace houqin {

struct AssessmentItemInput {
    std::string item;
    int lost_tenths = 0;
};

struct AssessedItem {
    std::string item;
    int points = 0;  // the item's maximum, whole points
    int lost_tenths = 0;
    int score_tenths = 0;
    bool failed = false;
};

struct AssessmentOutcome {
    std::vector<AssessedItem> items;
    int total_tenths = 0;
    bool passed = false;
    std::string grade;  // the band's name, or 不合格
    int failed_items = 0;
    Text computation;  // every step, in both languages
};

// Checks the items against the checklist (same names, same order, lost within 0 … points) and computes the total,
// the grade and the failed items. An item fails when it lost at least failed_item_percent of its points.
Result<AssessmentOutcome> ComputeAssessment(const AssessmentTerms& terms, const std::vector<AssessmentItemInput>& items,
                                            int failed_item_percent, std::string_view field_prefix = "items");

// "52.5" from 525; "90" from 900.
std::string TenthsToString(int tenths);
// Reads "2.5" / 2.5 as written by a person: at most one decimal, no sign. nullopt when not such a number.
std::optional<int> ParseTenths(std::string_view text);

}  // namespace houqin
