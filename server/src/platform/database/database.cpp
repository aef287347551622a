#include "platform/database/database.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <charconv>
#include <unordered_map>

namespace houqin::storage {
namespace {

// Prepared statements kept per connection; the program has far fewer distinct query texts than this.
constexpr std::size_t kMaxCachedStatements = 512;

class SqliteConnection final : public Connection {
  public:
    explicit SqliteConnection(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw DbError(DbError::Kind::kOther, "cannot open SQLite database " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 10000);
        // Extended codes tell a UNIQUE violation (a double submission: 409) from other constraint failures (500).
        sqlite3_extended_result_codes(db_, 1);
        // A 64 MiB page cache and memory-mapped reads per connection: list pages and counts stay in memory instead of
        // re-reading the file through the kernel on every request.
        ExecuteScript(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;");
    }
    ~SqliteConnection() override {
        for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
        sqlite3_close(db_);
    }
    [[nodiscard]] Engine engine() const override { return Engine::kSqlite; }

    std::vector<Row> Query(std::string_view sql, const Params& params) override {
        sqlite3_stmt* statement = Prepare(sql, params);
        std::vector<Row> rows;
        for (;;) {
            const int code = sqlite3_step(statement);
            if (code == SQLITE_DONE) break;
            if (code != SQLITE_ROW) {
                // Reset before throwing: a cached statement left mid-step would fail every later use of it.
                sqlite3_reset(statement);
                Fail(code, sql);
            }
            const int columns = sqlite3_column_count(statement);
            std::vector<Row::Cell> cells;
            cells.reserve(static_cast<std::size_t>(columns));
            for (int i = 0; i < columns; ++i) {
                const int type = sqlite3_column_type(statement, i);
                if (type == SQLITE_NULL) {
                    cells.push_back({});
                } else if (type == SQLITE_INTEGER) {
                    // Kept as the number: ids, money in fen and instants are read back as numbers.
                    cells.push_back({std::nullopt, sqlite3_column_int64(statement, i), true});
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                    cells.push_back(
                        {std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, i))), 0, false});
                }
            }
            rows.emplace_back(std::move(cells));
        }
        sqlite3_reset(statement);
        return rows;
    }

    std::int64_t Execute(std::string_view sql, const Params& params) override {
        sqlite3_stmt* statement = Prepare(sql, params);
        int code = sqlite3_step(statement);
        while (code == SQLITE_ROW) code = sqlite3_step(statement);
        if (code != SQLITE_DONE) {
            sqlite3_reset(statement);
            Fail(code, sql);
        }
        sqlite3_reset(statement);
        return sqlite3_changes64(db_);
    }

    void ExecuteScript(std::string_view sql) override {
        char* message = nullptr;
        const std::string script(sql);
        if (sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string text = message ? message : "unknown error";
            sqlite3_free(message);
            throw DbError(DbError::Kind::kOther, "SQLite script failed: " + text);
        }
    }

    void Begin() override { Execute("BEGIN IMMEDIATE", {}); }

  private:
    sqlite3_stmt* Prepare(std::string_view sql, const Params& params) {
        Observe(sql, params);
        auto found = statements_.find(std::string(sql));
        sqlite3_stmt* statement = nullptr;
        if (found == statements_.end()) {
            // The cache is bounded, so a query text built with a varying part can never grow it without end; no
            // statement is mid-step here (Query and Execute reset theirs before returning).
            if (statements_.size() >= kMaxCachedStatements) {
                for (auto& [text, cached] : statements_) sqlite3_finalize(cached);
                statements_.clear();
            }
            if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                                   nullptr) != SQLITE_OK) {
                throw DbError(DbError::Kind::kOther, std::string("SQLite prepare failed: ") + sqlite3_errmsg(db_) +
                                                         " in: " + std::string(sql));
            }
            statements_.emplace(std::string(sql), statement);
        } else {
            statement = found->second;
        }
        sqlite3_clear_bindings(statement);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int index = static_cast<int>(i + 1);
            if (std::holds_alternative<std::nullptr_t>(params[i])) {
                sqlite3_bind_null(statement, index);
            } else if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
                sqlite3_bind_int64(statement, index, *number);
            } else {
                const auto& text = std::get<std::string>(params[i]);
                sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            }
        }
        return statement;
    }

    [[noreturn]] void Fail(int code, std::string_view sql) {
        const int primary = code & 0xff;
        const auto kind = (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
                              ? DbError::Kind::kUniqueViolation
                          : (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? DbError::Kind::kBusy
                                                                                 : DbError::Kind::kOther;
        throw DbError(kind, std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql));
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// '?' placeholders become $1..$n (our SQL never has '?' inside a string literal).
std::string ToDollarPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int index = 0;
    for (char c : sql) {
        if (c == '?') {
            out += '$';
            out += std::to_string(++index);
        } else {
            out += c;
        }
    }
    return out;
}

class PostgresConnection final : public Connection {
  public:
    explicit PostgresConnection(const std::string& conninfo) {
        connection_ = PQconnectdb(conninfo.c_str());
        if (PQstatus(connection_) != CONNECTION_OK) {
            const std::string message = PQerrorMessage(connection_);
            PQfinish(connection_);
            connection_ = nullptr;
            throw DbError(DbError::Kind::kOther, "cannot connect to PostgreSQL: " + message);
        }
        Execute("SET client_min_messages TO WARNING", {});
        Execute("SET TIME ZONE 'Asia/Shanghai'", {});
    }
    ~PostgresConnection() override { PQfinish(connection_); }
    [[nodiscard]] Engine engine() const override { return Engine::kPostgres; }

    std::vector<Row> Query(std::string_view sql, const Params& params) override {
        PGresult* result = Run(sql, params);
        std::vector<Row> rows;
        const int count = PQntuples(result);
        const int columns = PQnfields(result);
        rows.reserve(static_cast<std::size_t>(count));
        for (int r = 0; r < count; ++r) {
            std::vector<std::optional<std::string>> cells;
            cells.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(result, r, c)) {
                    cells.emplace_back(std::nullopt);
                } else {
                    cells.emplace_back(
                        std::string(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c))));
                }
            }
            rows.emplace_back(std::move(cells));
        }
        PQclear(result);
        return rows;
    }

    std::int64_t Execute(std::string_view sql, const Params& params) override {
        PGresult* result = Run(sql, params);
        const char* affected = PQcmdTuples(result);
        std::int64_t count = 0;
        if (affected && *affected)
            std::from_chars(affected, affected + std::char_traits<char>::length(affected), count);
        PQclear(result);
        return count;
    }

    void ExecuteScript(std::string_view sql) override {
        PGresult* result = PQexec(connection_, std::string(sql).c_str());
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const std::string message = PQresultErrorMessage(result);
            PQclear(result);
            throw DbError(DbError::Kind::kOther, "PostgreSQL script failed: " + message);
        }
        PQclear(result);
    }

    void Begin() override { Execute("BEGIN", {}); }

    void CopyIn(std::string_view table, std::string_view columns, std::string_view rows) override {
        const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, columns);
        PGresult* started = PQexec(connection_, sql.c_str());
        if (PQresultStatus(started) != PGRES_COPY_IN) {
            const std::string message = PQresultErrorMessage(started);
            PQclear(started);
            CheckConnection();
            throw DbError(DbError::Kind::kOther, "PostgreSQL: " + message + " in: " + sql);
        }
        PQclear(started);
        // Sent in pieces of 1 MiB, the size libpq itself buffers before it writes to the socket.
        constexpr std::size_t kPiece = std::size_t{1} << 20;
        bool sent = true;
        for (std::size_t at = 0; sent && at < rows.size(); at += kPiece) {
            const std::string_view piece = rows.substr(at, kPiece);
            sent = PQputCopyData(connection_, piece.data(), static_cast<int>(piece.size())) == 1;
        }
        // On a failed send the COPY is ended with an error, so the server rolls it back and answers.
        const int ended = PQputCopyEnd(connection_, sent ? nullptr : "houqin: the rows could not be sent");
        std::string failure = sent && ended == 1 ? "" : PQerrorMessage(connection_);
        bool unique = false;
        while (PGresult* result = PQgetResult(connection_)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && failure.empty()) {
                const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
                unique = state && std::string_view(state) == "23505";
                failure = PQresultErrorMessage(result);
            }
            PQclear(result);
        }
        if (!failure.empty()) {
            CheckConnection();
            throw DbError(unique ? DbError::Kind::kUniqueViolation : DbError::Kind::kOther,
                          "PostgreSQL: " + failure + " in: " + sql);
        }
    }

  private:
    PGresult* Run(std::string_view sql, const Params& params) {
        Observe(sql, params);
        const std::string key(sql);
        auto found = prepared_.find(key);
        if (found == prepared_.end()) {
            // Bounded like SQLite's statement cache. Names never repeat on a connection, so a DEALLOCATE refused
            // inside a failed transaction cannot make a later PQprepare collide with a statement the server kept.
            if (prepared_.size() >= kMaxCachedStatements) {
                PQclear(PQexec(connection_, "DEALLOCATE ALL"));
                prepared_.clear();
            }
            const std::string name = "s" + std::to_string(++statements_named_);
            const std::string text = ToDollarPlaceholders(sql);
            PGresult* prepared = PQprepare(connection_, name.c_str(), text.c_str(), 0, nullptr);
            if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
                const std::string message = PQresultErrorMessage(prepared);
                PQclear(prepared);
                CheckConnection();
                throw DbError(DbError::Kind::kOther, "PostgreSQL prepare failed: " + message + " in: " + key);
            }
            PQclear(prepared);
            found = prepared_.emplace(key, name).first;
        }
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
                texts[i] = std::to_string(*number);
                values[i] = texts[i].c_str();
            } else if (const auto* text = std::get_if<std::string>(&params[i])) {
                values[i] = text->c_str();
            }
        }
        PGresult* result = PQexecPrepared(connection_, found->second.c_str(), static_cast<int>(params.size()),
                                          values.data(), nullptr, nullptr, 0);
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
            const std::string message = PQresultErrorMessage(result);
            const bool unique = state && std::string_view(state) == "23505";
            const bool busy = state && (std::string_view(state) == "40001" || std::string_view(state) == "40P01");
            PQclear(result);
            CheckConnection();
            throw DbError(unique ? DbError::Kind::kUniqueViolation
                          : busy ? DbError::Kind::kBusy
                                 : DbError::Kind::kOther,
                          "PostgreSQL: " + message + " in: " + key);
        }
        return result;
    }

    // A dropped connection is reset so the pool does not keep handing out a dead one.
    void CheckConnection() {
        if (PQstatus(connection_) != CONNECTION_OK) {
            PQreset(connection_);
            prepared_.clear();
        }
    }

    PGconn* connection_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;
    std::uint64_t statements_named_ = 0;
};

}  // namespace

void Connection::CopyIn(std::string_view table, std::string_view /*columns*/, std::string_view /*rows*/) {
    throw DbError(DbError::Kind::kOther, fmt::format("COPY into {} is PostgreSQL's; SQLite inserts in batches", table));
}

std::string Placeholders(std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
    return text;
}

Row::Row(std::vector<std::optional<std::string>> cells) {
    cells_.reserve(cells.size());
    for (auto& cell : cells) cells_.push_back({std::move(cell), 0, false});
}

const std::string& Row::Str(std::size_t column) const {
    static const std::string kEmpty;
    auto& cell = cells_.at(column);
    if (cell.is_integer && !cell.text) cell.text = std::to_string(cell.integer);
    return cell.text ? *cell.text : kEmpty;
}

std::int64_t Row::Int(std::size_t column) const {
    const auto& stored = cells_.at(column);
    if (stored.is_integer) return stored.integer;
    const auto& cell = stored.text;
    if (!cell || cell->empty()) return 0;
    if (*cell == "t" || *cell == "true") return 1;  // PostgreSQL booleans from expressions
    if (*cell == "f" || *cell == "false") return 0;
    std::int64_t value = 0;
    std::from_chars(cell->data(), cell->data() + cell->size(), value);
    return value;
}

std::optional<std::int64_t> Row::OptInt(std::size_t column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
}

std::optional<Row> Connection::QueryOne(std::string_view sql, const Params& params) {
    auto rows = Query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

std::int64_t Connection::InsertReturningId(std::string_view sql, const Params& params) {
    auto row = QueryOne(sql, params);
    if (!row) throw DbError(DbError::Kind::kOther, "INSERT ... RETURNING gave no row");
    return row->Int(0);
}

Lease::~Lease() {
    if (connection_ && database_) database_->Release(std::move(connection_));
}

std::optional<DatabaseUrl> DatabaseUrl::Parse(std::string_view url) {
    if (url.rfind("sqlite:", 0) == 0) {
        std::string path(url.substr(7));
        if (path.rfind("//", 0) == 0) path = path.substr(2);
        if (path.empty()) return std::nullopt;
        return DatabaseUrl{Engine::kSqlite, path};
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        return DatabaseUrl{Engine::kPostgres, std::string(url)};
    }
    return std::nullopt;
}

std::unique_ptr<Database> Database::Open(const std::string& url, std::size_t pool_size) {
    const auto parsed = DatabaseUrl::Parse(url);
    if (!parsed) {
        throw DbError(DbError::Kind::kOther, "database URL must be sqlite:PATH or postgresql://...: " + url);
    }
    // The constructor is private (a Database exists only opened), so std::make_unique cannot call it.
    auto database = std::unique_ptr<Database>(new Database());  // NOLINT(modernize-make-unique)
    database->url_ = *parsed;
    database->pool_size_ = pool_size == 0 ? 1 : pool_size;
    for (std::size_t i = 0; i < database->pool_size_; ++i) database->idle_.push_back(database->Connect());
    return database;
}

std::unique_ptr<Connection> Database::Connect() {
    std::unique_ptr<Connection> connection;
    if (url_.engine == Engine::kSqlite) {
        connection = std::make_unique<SqliteConnection>(url_.target);
    } else {
        connection = std::make_unique<PostgresConnection>(url_.target);
    }
    connection->observer_ = &observer_;
    return connection;
}

Lease Database::Acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !idle_.empty(); });
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
}

void Database::Release(std::unique_ptr<Connection> connection) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
    }
    available_.notify_one();
}

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.Begin(); }

Transaction::~Transaction() {
    if (!open_) return;
    try {
        connection_.Execute("ROLLBACK", {});
    } catch (const std::exception& error) {
        spdlog::error("rollback failed: {}", error.what());
    }
}

void Transaction::Commit() {
    connection_.Execute("COMMIT", {});
    open_ = false;
}

std::string LikeContains(std::string_view text) { return "%" + LikePrefix(text); }

std::string LikeSuffix(std::string_view text) {
    auto pattern = LikeContains(text);
    pattern.pop_back();  // the trailing %
    return pattern;
}

std::string LikePrefix(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace houqin::storage
