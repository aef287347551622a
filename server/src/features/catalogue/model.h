#pragma once
// Service catalogue (CAT-1) with per-category defaults (CAT-2): assessment checklist, selection criteria, staff roles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace houqin {

struct ChecklistItem {
    std::string item;
    int points = 0;
};

struct SelectionCriteria {
    std::vector<std::string> qualification_types;
    int min_staff_count = 0;
    bool require_training_system = false;
    bool require_management_system = false;
};

struct Category {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string code;
    std::string name_zh;
    std::string name_en;
    std::string description;
    int sort_order = 0;
    bool active = true;
    std::vector<ChecklistItem> checklist;
    SelectionCriteria criteria;
    std::vector<std::string> staff_roles;
};

// Field checks that need no database: lengths, code shape, checklist summing to 100 (SUP-3).
Status ValidateCategory(const Category& category);

}  // namespace houqin
