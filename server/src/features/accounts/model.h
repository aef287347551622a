#pragma once
// The accounts feature's plain value types that its service hands to its routes and its store reads.
#include <cstdint>
#include <optional>
#include <string>

#include "core/access.h"

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

}  // namespace houqin
