#pragma once
// What the seeds start from, written once for the demo (app/demo_seed.cpp) and the county (app/scale_seed.cpp) so the
// two cannot drift apart: the service catalogue (CAT-1), each category with its starting checklist of
// shared/domain/default-checklists.md (CAT-2), the demo using all of it and the county six of it; and the way an
// organisation is added.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/time.h"
#include "features/catalogue/model.h"
#include "platform/database/database.h"

namespace houqin {

struct SeedCategory {
    const char* code;
    const char* parent;  // the code of the category it sits under, or nullptr
    const char* name_zh;
    const char* name_en;
    std::vector<ChecklistItem> checklist;
    SelectionCriteria criteria;
    std::vector<std::string> staff_roles;
};

// Every category, a parent before its children.
const std::vector<SeedCategory>& SeedCatalogue();
// One of them by code; a code not in the list is a bug in the seed that names it.
const SeedCategory& SeedCategoryOf(std::string_view code);
// The catalogue's record of a category: its code, names, a description citing D1 Art. 2, the sort order given, the
// checklist, criteria and staff roles. The parent is left to the caller, who knows its id once it is created.
Category SeedCategoryRecord(const SeedCategory& category, int sort_order);

// A town or department under `parent`, with its audit entry in the same transaction (no actor: the seed writes it, as
// the administrator's first organisations have none). Returns its id.
std::int64_t SeedOrg(storage::Connection& connection, Instant now, std::int64_t parent, const std::string& name,
                     OrgKind kind);

}  // namespace houqin
