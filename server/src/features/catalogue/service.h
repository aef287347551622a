#pragma once
// Service catalogue (CAT-1, CAT-2): an editable tree of categories with their default checklists and criteria.
#include <optional>
#include <vector>

#include "core/access.h"
#include "features/catalogue/model.h"
#include "platform/service/context.h"

namespace houqin {

class CatalogueService {
  public:
    explicit CatalogueService(ServiceContext& context) : context_(context) {}
    Result<std::vector<Category>> List(const Actor& actor, std::optional<bool> active);
    Result<Category> Get(const Actor& actor, std::int64_t id);
    // actor == nullptr: the demo seed.
    Result<Category> Create(const Actor* actor, Category category);
    Result<Category> Update(const Actor& actor, std::int64_t id, Category category);
    Status Delete(const Actor& actor, std::int64_t id);

  private:
    Status CheckReferences(storage::Connection& connection, const Category& category);
    ServiceContext& context_;
};

}  // namespace houqin
