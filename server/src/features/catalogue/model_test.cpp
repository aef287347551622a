// CAT-2 / SUP-3: a category's default checklist sums to exactly 100 points.
#include "features/catalogue/model.h"

#include <gtest/gtest.h>

namespace houqin {
namespace {

Category Valid() {
    Category category;
    category.code = "cleaning";
    category.name_zh = "保洁绿化";
    category.checklist = {{"办公区清洁", 60}, {"卫生间清洁", 40}};
    return category;
}

bool HasField(const Status& status, const std::string& field) {
    if (status) return false;
    for (const auto& error : status.error().fields) {
        if (error.field == field) return true;
    }
    return false;
}

TEST(CatalogueTest, CAT2_ChecklistMustSumTo100) {
    EXPECT_TRUE(ValidateCategory(Valid()));
    auto category = Valid();
    category.checklist[1].points = 30;
    const auto status = ValidateCategory(category);
    ASSERT_TRUE(HasField(status, "checklist"));
    EXPECT_NE(status.error().fields.front().message.zh.find("90"), std::string::npos);
}

TEST(CatalogueTest, CAT2_EmptyChecklistIsAllowedForParentNodes) {
    auto category = Valid();
    category.checklist.clear();
    EXPECT_TRUE(ValidateCategory(category));
}

TEST(CatalogueTest, CAT1_NamesEveryBadField) {
    Category category;
    category.code = "bad code!";
    category.checklist = {{"", 0}};
    category.criteria.min_staff_count = -1;
    const auto status = ValidateCategory(category);
    EXPECT_TRUE(HasField(status, "code"));
    EXPECT_TRUE(HasField(status, "name_zh"));
    EXPECT_TRUE(HasField(status, "checklist[0].item"));
    EXPECT_TRUE(HasField(status, "checklist[0].points"));
    EXPECT_TRUE(HasField(status, "criteria.min_staff_count"));
}

}  // namespace
}  // namespace houqin
