#include "features/catalogue/service.h"

#include "features/catalogue/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

Error CategoryNotFound() { return Error::NotFound({"服务类别不存在", "The category does not exist"}); }

Error CodeTaken() {
    return Error::Conflict(ErrorCode::kAlreadyExists, "code", {"类别编码已存在", "The category code is taken"});
}

}  // namespace

Result<std::vector<Category>> CatalogueService::List(const Actor& actor, std::optional<bool> active) {
    if (auto status = actor.Require(Permission::kCatalogueRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    return storage::ListCategories(*lease, active);
}

Result<Category> CatalogueService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kCatalogueRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto category = storage::FindCategory(*lease, id);
    if (!category) return CategoryNotFound();
    return *category;
}

Status CatalogueService::CheckReferences(storage::Connection& connection, const Category& category) {
    if (category.parent_id) {
        if (!storage::FindCategory(connection, *category.parent_id)) {
            return Error::Invalid("parent_id", {"上级类别不存在", "The parent category does not exist"});
        }
        if (category.id != 0 && storage::WouldCreateCycle(connection, category.id, *category.parent_id)) {
            return Error::Invalid("parent_id", {"不能把类别移到它自己或它的下级之下",
                                                "A category cannot move under itself or its descendants"});
        }
    }
    const auto same_code = storage::FindCategoryIdByCode(connection, category.code);
    if (same_code && *same_code != category.id) return CodeTaken();
    return Ok();
}

Result<Category> CatalogueService::Create(const Actor* actor, Category category) {
    if (actor) {
        if (auto status = actor->Require(Permission::kCatalogueWrite); !status) return status.error();
    }
    category.id = 0;
    if (auto status = ValidateCategory(category); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    if (auto status = CheckReferences(*lease, category); !status) return status.error();
    const auto now = context_.clock.Now();
    try {
        category.id = storage::InsertCategory(*lease, category, now);
    } catch (const storage::DbError& error) {
        // Two categories of one code at once both pass the check above; the unique code refuses the second.
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return CodeTaken();
    }
    storage::AppendAudit(*lease, actor, now,
                         {"create", "category", category.id, std::nullopt, storage::CategorySnapshot(category)});
    transaction.Commit();
    return category;
}

Result<Category> CatalogueService::Update(const Actor& actor, std::int64_t id, Category category) {
    if (auto status = actor.Require(Permission::kCatalogueWrite); !status) return status.error();
    category.id = id;
    if (auto status = ValidateCategory(category); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto before = storage::FindCategory(*lease, id);
    if (!before) return CategoryNotFound();
    if (auto status = CheckReferences(*lease, category); !status) return status.error();
    const auto now = context_.clock.Now();
    try {
        storage::UpdateCategory(*lease, category, now);
    } catch (const storage::DbError& error) {
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return CodeTaken();  // another category took the code meanwhile
    }
    storage::AppendAudit(
        *lease, &actor, now,
        {"update", "category", id, storage::CategorySnapshot(*before), storage::CategorySnapshot(category)});
    transaction.Commit();
    return category;
}

Status CatalogueService::Delete(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kCatalogueWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto before = storage::FindCategory(*lease, id);
    if (!before) return CategoryNotFound();
    if (storage::CountChildCategories(*lease, id) > 0) {
        return Error::Precondition(
            {"该类别下还有子类别,请先删除或移动子类别", "The category has sub-categories; delete or move them first"});
    }
    if (storage::CountVendorsOffering(*lease, id) > 0) {
        return Error::Precondition({"已有外包单位登记了该服务类别,可将其停用而不是删除",
                                    "Vendors offer this category; deactivate it instead of deleting it"});
    }
    storage::DeleteCategory(*lease, id);
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"delete", "category", id, storage::CategorySnapshot(*before), std::nullopt});
    transaction.Commit();
    return Ok();
}

}  // namespace houqin
