#include "features/catalogue/model.h"

#include <fmt/format.h>

#include "core/text_rules.h"

namespace houqin {

Status ValidateCategory(const Category& category) {
    Validation validation;
    if (!IsCode(category.code, 1, 32)) {
        validation.Fail(
            "code", {"编码须为 1-32 位字母、数字、下划线或连字符", "Code must be 1-32 letters, digits, '_' or '-'"});
    }
    CheckLength(validation, "name_zh", category.name_zh, 1, 50, {"中文名称", "Chinese name"});
    CheckLength(validation, "name_en", category.name_en, 0, 100, {"英文名称", "English name"});
    CheckLength(validation, "description", category.description, 0, 2000, {"说明", "Description"});
    if (category.sort_order < 0 || category.sort_order > 100000) {
        validation.Fail("sort_order", {"排序须在 0 到 100000 之间", "Sort order must be between 0 and 100000"});
    }
    if (!category.checklist.empty()) {
        int total = 0;
        for (std::size_t i = 0; i < category.checklist.size(); ++i) {
            const auto& item = category.checklist[i];
            if (CharacterCount(item.item) < 1 || CharacterCount(item.item) > 200) {
                validation.Fail(fmt::format("checklist[{}].item", i),
                                {"考核项目名称须为 1-200 个字", "Item name must be 1-200 characters"});
            }
            if (item.points < 1 || item.points > 100) {
                validation.Fail(fmt::format("checklist[{}].points", i),
                                {"分值须为 1 到 100 的整数", "Points must be a whole number from 1 to 100"});
            }
            total += item.points;
        }
        // SUP-3: a checklist's items sum to exactly 100 points.
        if (total != 100) {
            validation.Fail("checklist", {fmt::format("考核项目分值合计须为 100 分,当前为 {} 分", total),
                                          fmt::format("Checklist points must sum to 100; they sum to {}", total)});
        }
    }
    const auto& criteria = category.criteria;
    if (criteria.min_staff_count < 0 || criteria.min_staff_count > 100000) {
        validation.Fail("criteria.min_staff_count",
                        {"最低人数须在 0 到 100000 之间", "Minimum staff count must be between 0 and 100000"});
    }
    for (std::size_t i = 0; i < criteria.qualification_types.size(); ++i) {
        CheckLength(validation, fmt::format("criteria.qualification_types[{}]", i), criteria.qualification_types[i], 1,
                    100, {"资质类型", "Qualification type"});
    }
    for (std::size_t i = 0; i < category.staff_roles.size(); ++i) {
        CheckLength(validation, fmt::format("staff_roles[{}]", i), category.staff_roles[i], 1, 50,
                    {"岗位类型", "Staff role"});
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

}  // namespace houqin
