#pragma once
#include <string>

#include "platform/database/database.h"

namespace houqin::storage {

// Returns "" on success, or what went wrong.
std::string BackupDatabase(const DatabaseUrl& url, const std::string& out_path);

}  // namespace houqin::storage
