#pragma once
// For unit tests only: a migrated database of their own, removed afterwards. TestDatabase is SQLite in a fresh
// temporary file; TestPostgresqlDatabase a fresh database on a PostgreSQL server a test was given (HOUQIN_PG_URL).
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
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

// The URL `server_url` with its database name replaced by `name` (postgresql://user@host:port/name?options).
inline std::string WithDatabaseName(const std::string& server_url, const std::string& name) {
    const auto scheme = server_url.find("://");
    const auto host = scheme == std::string::npos ? 0 : scheme + 3;
    const auto options = std::min(server_url.find('?', host), server_url.size());
    auto path = server_url.find('/', host);
    if (path == std::string::npos || path > options) path = options;
    return server_url.substr(0, path) + "/" + name + server_url.substr(options);
}

// A migrated PostgreSQL database created on the server `server_url` names and dropped afterwards. Its name is
// `prefix` and the process id, so tests that run at once on one server (ctest runs each in a process) never share a
// database; one a killed run left behind under the same name is dropped first. `prefix` is a plain identifier.
class TestPostgresqlDatabase {
  public:
    TestPostgresqlDatabase(const std::string& server_url, const std::string& prefix, std::size_t pool_size = 2)
        : server_(Database::Open(server_url, 1)),
          name_(prefix + "_" + std::to_string(getpid())),
          url_(WithDatabaseName(server_url, name_)) {
        {
            // CREATE and DROP DATABASE refuse to run in a transaction: sent as plain scripts, one each.
            auto lease = server_->Acquire();
            lease->ExecuteScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
            lease->ExecuteScript("CREATE DATABASE " + name_);
        }
        try {
            database_ = Database::Open(url_, pool_size);
            auto lease = database_->Acquire();
            Migrate(*lease);
        } catch (const DbError&) {
            Drop();
            throw;
        }
    }
    TestPostgresqlDatabase(const TestPostgresqlDatabase&) = delete;
    TestPostgresqlDatabase& operator=(const TestPostgresqlDatabase&) = delete;
    ~TestPostgresqlDatabase() { Drop(); }
    Database& operator*() { return *database_; }
    Database* operator->() { return database_.get(); }
    [[nodiscard]] const std::string& url() const { return url_; }

  private:
    void Drop() {
        database_.reset();
        try {
            auto lease = server_->Acquire();
            lease->ExecuteScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (const DbError& error) {
            // A destructor must not throw; the throwaway cluster goes with its test run anyway.
            std::cerr << "could not drop the test database " << name_ << ": " << error.what() << "\n";
        }
    }

    std::unique_ptr<Database> server_;
    std::string name_;
    std::string url_;
    std::unique_ptr<Database> database_;
};

}  // namespace houqin::storage
