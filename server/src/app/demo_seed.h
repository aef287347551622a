#pragma once
#include <cstdint>
#include <string>

#include "core/result.h"
#include "features/contracts/model.h"
#include "features/vendors/service.h"
#include "platform/service/context.h"

namespace houqin {

// Fills an empty database with a county, two towns, their offices, one user per role (ROLE-1..8), the whole
// service catalogue (CAT-1, CAT-2) and a dozen vendors whose qualifications are valid, expiring and expired
// relative to today, so every screen has something to show. Refuses a database that already has users.
Status SeedDemo(ServiceContext& context);

// A demo user acting (its role, organisation and scope), and a contract's content of the demo's town 九江镇.
Actor DemoActor(ServiceContext& context, const std::string& username);
// Any user acting from the command line (`houqin score-calls --as`), as their role and scope allow; not found when
// there is no such user.
Result<Actor> UserActor(ServiceContext& context, const std::string& username);
ContractContent DemoContent(const VendorView& vendor, std::int64_t category_id, std::int64_t department_id,
                            const char* title, Date start, Money total, Frequency frequency);

}  // namespace houqin
