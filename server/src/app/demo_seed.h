#pragma once
#include "core/result.h"
#include "platform/service/context.h"

namespace houqin {

// Fills an empty database with a county, two towns, their offices, one user per role (ROLE-1..8), the whole
// service catalogue (CAT-1, CAT-2) and a dozen vendors whose qualifications are valid, expiring and expired
// relative to today, so every screen has something to show. Refuses a database that already has users.
Status SeedDemo(ServiceContext& context);

}  // namespace houqin
