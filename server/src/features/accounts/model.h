#pragma once
// The accounts feature's plain value types that its service hands to its routes and its store reads.
#include <cstdint>
#include <optional>
#include <string>

#include "core/access.h"
#include "core/time.h"

namespace houqin {

// The users list's query (ROLE-1..8): the text searched, the role, the order and the page.
struct UserFilter {
    std::string q;
    std::optional<Role> role;
    std::string sort = "username";
    bool descending = false;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct UserRecord {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::string password_hash;
    Role role = Role::kDepartment;
    std::int64_t org_id = 0;
    std::string org_name;
    bool active = true;
    std::int64_t failed_logins = 0;
    std::int64_t locked_until_ms = 0;
    Instant created_at;
};

}  // namespace houqin
