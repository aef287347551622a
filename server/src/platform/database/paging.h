#pragma once
// The one way a store asks for a page of a list (Page<T>, core/page.h): LIMIT and OFFSET as parameters.
#include <cstdint>
#include <string>

#include "platform/database/database.h"

namespace houqin::storage {

// Appends " LIMIT ? OFFSET ?" for page `page` (counted from 1) of `page_size` rows, and their two parameters. A
// page_size of 0 or less asks for every row (an export), and appends nothing.
inline void AppendPageLimit(std::string& sql, Params& params, std::int64_t page, std::int64_t page_size) {
    if (page_size <= 0) return;
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
}

}  // namespace houqin::storage
