#pragma once
// For unit tests only: a migrated SQLite database in a fresh temporary file, removed afterwards.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "platform/database/database.h"
#include "platform/database/migrations.h"

namespace houqin::storage {

class TestDatabase {
  public:
    explicit TestDatabase(std::size_t pool_size = 2) {
        char folder[] = "/tmp/houqin-unit-XXXXXX";
        folder_ = mkdtemp(folder);
        database_ = Database::Open("sqlite:" + folder_ + "/test.db", pool_size);
        auto lease = database_->Acquire();
        Migrate(*lease);
    }
    ~TestDatabase() {
        database_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
    Database& operator*() { return *database_; }
    Database* operator->() { return database_.get(); }
    [[nodiscard]] std::string path() const { return folder_ + "/test.db"; }

  private:
    std::string folder_;
    std::unique_ptr<Database> database_;
};

}  // namespace houqin::storage
