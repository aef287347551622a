#include "features/catalogue/store.h"

#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

constexpr const char* kColumns =
    "id, parent_id, code, name_zh, name_en, description, sort_order, active, checklist_json, criteria_json, "
    "staff_roles_json";

std::string ChecklistJson(const std::vector<ChecklistItem>& checklist) {
    auto json = nlohmann::json::array();
    for (const auto& item : checklist) json.push_back({{"item", item.item}, {"points", item.points}});
    return json.dump();
}

std::string CriteriaJson(const SelectionCriteria& criteria) {
    return nlohmann::json{{"qualification_types", criteria.qualification_types},
                          {"min_staff_count", criteria.min_staff_count},
                          {"require_training_system", criteria.require_training_system},
                          {"require_management_system", criteria.require_management_system}}
        .dump();
}

Category FromRow(const Row& row) {
    Category category;
    category.id = row.Int(0);
    category.parent_id = row.OptInt(1);
    category.code = row.Str(2);
    category.name_zh = row.Str(3);
    category.name_en = row.Str(4);
    category.description = row.Str(5);
    category.sort_order = static_cast<int>(row.Int(6));
    category.active = row.Bool(7);
    for (const auto& item : nlohmann::json::parse(row.Str(8))) {
        category.checklist.push_back({item.at("item").get<std::string>(), item.at("points").get<int>()});
    }
    const auto criteria = nlohmann::json::parse(row.Str(9));
    category.criteria.qualification_types = criteria.value("qualification_types", std::vector<std::string>{});
    category.criteria.min_staff_count = criteria.value("min_staff_count", 0);
    category.criteria.require_training_system = criteria.value("require_training_system", false);
    category.criteria.require_management_system = criteria.value("require_management_system", false);
    category.staff_roles = nlohmann::json::parse(row.Str(10)).get<std::vector<std::string>>();
    return category;
}

}  // namespace

std::vector<Category> ListCategories(Connection& connection, std::optional<bool> active) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM categories";
    Params params;
    if (active) {
        sql += " WHERE active = ?";
        params.push_back(Bool(*active));
    }
    sql += " ORDER BY COALESCE(parent_id, 0), sort_order, id";
    std::vector<Category> categories;
    for (const auto& row : connection.Query(sql, params)) categories.push_back(FromRow(row));
    return categories;
}

std::optional<Category> FindCategory(Connection& connection, std::int64_t id) {
    auto row = connection.QueryOne(std::string("SELECT ") + kColumns + " FROM categories WHERE id = ?", {id});
    if (!row) return std::nullopt;
    return FromRow(*row);
}

std::optional<std::int64_t> FindCategoryIdByCode(Connection& connection, const std::string& code) {
    auto row = connection.QueryOne("SELECT id FROM categories WHERE code = ?", {code});
    if (!row) return std::nullopt;
    return row->Int(0);
}

std::int64_t InsertCategory(Connection& connection, const Category& category, Instant now) {
    return connection.InsertReturningId(
        "INSERT INTO categories (parent_id, code, name_zh, name_en, description, sort_order, active, checklist_json, "
        "criteria_json, staff_roles_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {Optional(category.parent_id), category.code, category.name_zh, category.name_en, category.description,
         std::int64_t{category.sort_order}, Bool(category.active), ChecklistJson(category.checklist),
         CriteriaJson(category.criteria), nlohmann::json(category.staff_roles).dump(), now.ms, now.ms});
}

void UpdateCategory(Connection& connection, const Category& category, Instant now) {
    connection.Execute(
        "UPDATE categories SET parent_id = ?, code = ?, name_zh = ?, name_en = ?, description = ?, sort_order = ?, "
        "active = ?, checklist_json = ?, criteria_json = ?, staff_roles_json = ?, updated_at = ? WHERE id = ?",
        {Optional(category.parent_id), category.code, category.name_zh, category.name_en, category.description,
         std::int64_t{category.sort_order}, Bool(category.active), ChecklistJson(category.checklist),
         CriteriaJson(category.criteria), nlohmann::json(category.staff_roles).dump(), now.ms, category.id});
}

void DeleteCategory(Connection& connection, std::int64_t id) {
    connection.Execute("DELETE FROM categories WHERE id = ?", {id});
}

std::int64_t CountChildCategories(Connection& connection, std::int64_t id) {
    return connection.QueryOne("SELECT COUNT(*) FROM categories WHERE parent_id = ?", {id})->Int(0);
}

std::int64_t CountVendorsOffering(Connection& connection, std::int64_t id) {
    return connection.QueryOne("SELECT COUNT(*) FROM vendor_categories WHERE category_id = ?", {id})->Int(0);
}

bool WouldCreateCycle(Connection& connection, std::int64_t id, std::int64_t parent_id) {
    std::optional<std::int64_t> current = parent_id;
    for (int depth = 0; current && depth < 64; ++depth) {
        if (*current == id) return true;
        const auto row = connection.QueryOne("SELECT parent_id FROM categories WHERE id = ?", {*current});
        current = row ? row->OptInt(0) : std::nullopt;
    }
    return false;
}

std::string CategorySnapshot(const Category& category) {
    nlohmann::json json = {{"id", category.id},
                           {"code", category.code},
                           {"name_zh", category.name_zh},
                           {"name_en", category.name_en},
                           {"description", category.description},
                           {"sort_order", category.sort_order},
                           {"active", category.active},
                           {"checklist", nlohmann::json::parse(ChecklistJson(category.checklist))},
                           {"criteria", nlohmann::json::parse(CriteriaJson(category.criteria))},
                           {"staff_roles", category.staff_roles}};
    json["parent_id"] = category.parent_id ? nlohmann::json(*category.parent_id) : nlohmann::json(nullptr);
    return json.dump();
}

}  // namespace houqin::storage
