#pragma once
#include "platform/database/database.h"

namespace houqin::storage {

// Applies every migration not yet recorded in schema_migrations, each in its own transaction.
// Safe to run from several instances at once (PostgreSQL advisory lock; SQLite's write lock). Returns how many ran.
int Migrate(Connection& connection);
int LatestSchemaVersion();

}  // namespace houqin::storage
