#pragma once
#include <optional>
#include <vector>

#include "core/time.h"
#include "features/catalogue/model.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::vector<Category> ListCategories(Connection& connection, std::optional<bool> active);
std::optional<Category> FindCategory(Connection& connection, std::int64_t id);
std::optional<std::int64_t> FindCategoryIdByCode(Connection& connection, const std::string& code);
std::int64_t InsertCategory(Connection& connection, const Category& category, Instant now);
void UpdateCategory(Connection& connection, const Category& category, Instant now);
void DeleteCategory(Connection& connection, std::int64_t id);
std::int64_t CountChildCategories(Connection& connection, std::int64_t id);
std::int64_t CountVendorsOffering(Connection& connection, std::int64_t id);
// True when making parent_id the parent of id would close a loop.
bool WouldCreateCycle(Connection& connection, std::int64_t id, std::int64_t parent_id);
std::string CategorySnapshot(const Category& category);

}  // namespace houqin::storage
