#include "features/catalogue/codec.h"

#include "platform/http/mapping.h"

namespace houqin::http {

Json CategoryJson(const Category& category) {
    Json checklist = Json::array();
    for (const auto& item : category.checklist) checklist.push_back({{"item", item.item}, {"points", item.points}});
    return Json{{"id", category.id},
                {"parent_id", OptionalId(category.parent_id)},
                {"code", category.code},
                {"name_zh", category.name_zh},
                {"name_en", category.name_en},
                {"description", category.description},
                {"sort_order", category.sort_order},
                {"active", category.active},
                {"checklist", checklist},
                {"criteria",
                 {{"qualification_types", category.criteria.qualification_types},
                  {"min_staff_count", category.criteria.min_staff_count},
                  {"require_training_system", category.criteria.require_training_system},
                  {"require_management_system", category.criteria.require_management_system}}},
                {"staff_roles", category.staff_roles}};
}

Category CategoryFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    Category category;
    category.parent_id = reader.OptionalInteger("parent_id");
    category.code = reader.String("code");
    category.name_zh = reader.String("name_zh");
    category.name_en = reader.String("name_en", JsonReader::Need::kOptional);
    category.description = reader.String("description", JsonReader::Need::kOptional);
    category.sort_order = reader.SmallInteger("sort_order", JsonReader::Need::kOptional, 0);
    category.active = reader.Boolean("active", JsonReader::Need::kOptional, true);
    if (const auto* checklist = reader.Array("checklist")) {
        for (std::size_t i = 0; i < checklist->size(); ++i) {
            const auto& entry = (*checklist)[i];
            const std::string prefix = "checklist[" + std::to_string(i) + "]";
            if (!entry.is_object()) {
                validation.Fail(prefix, {"类型错误,应为对象", "Wrong type; expected an object"});
                continue;
            }
            Validation inner;
            JsonReader item_reader(entry, inner);
            ChecklistItem item{item_reader.String("item"), item_reader.SmallInteger("points")};
            if (!inner.ok()) {
                for (const auto& field : inner.ToError().fields)
                    validation.Fail(prefix + "." + field.field, field.message);
            }
            category.checklist.push_back(std::move(item));
        }
    }
    if (const auto* criteria = reader.Object("criteria")) {
        Validation inner;
        JsonReader criteria_reader(*criteria, inner);
        category.criteria.qualification_types = criteria_reader.StringList("qualification_types");
        category.criteria.min_staff_count =
            criteria_reader.SmallInteger("min_staff_count", JsonReader::Need::kOptional, 0);
        category.criteria.require_training_system = criteria_reader.Boolean("require_training_system");
        category.criteria.require_management_system = criteria_reader.Boolean("require_management_system");
        if (!inner.ok()) {
            for (const auto& field : inner.ToError().fields) validation.Fail("criteria." + field.field, field.message);
        }
    }
    category.staff_roles = reader.StringList("staff_roles");
    return category;
}

}  // namespace houqin::http
