#pragma once
// The one database seam. Two real engines behind it: SQLite (a file, WAL, one connection per worker) and
// PostgreSQL (libpq). SQL is written once with '?' placeholders; the PostgreSQL connection rewrites them to $n.
// Every value travels as a parameter, never spliced into SQL. Dialect differences stay in this folder.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/time.h"

namespace houqin::storage {

enum class Engine { kSqlite, kPostgres };

// A failure of the database itself (gone, disk full, a bug in SQL): unexpected, so it is thrown.
class DbError : public std::runtime_error {
  public:
    enum class Kind { kUniqueViolation, kBusy, kOther };
    DbError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    [[nodiscard]] Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

using Param = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Param>;
inline Param Null() { return nullptr; }
inline Param Bool(bool value) { return std::int64_t{value ? 1 : 0}; }
template <typename T>
Param Optional(const std::optional<T>& value) {
    if (!value) return nullptr;
    return Param(*value);
}
// An optional day as stored: "YYYY-MM-DD" or NULL.
inline Param OptionalDay(const std::optional<Date>& day) {
    if (!day) return nullptr;
    return day->ToString();
}

// "?, ?, ?" for an IN list of `count` values (count >= 1).
std::string Placeholders(std::size_t count);

class Row {
  public:
    // One value: NULL, text, or (SQLite's integer columns) a number kept as it came, so reading it as a number does
    // not print it to text and parse it back; its text is made only if asked for.
    struct Cell {
        std::optional<std::string> text;
        std::int64_t integer = 0;
        bool is_integer = false;
    };
    explicit Row(std::vector<std::optional<std::string>> cells);
    explicit Row(std::vector<Cell> cells) : cells_(std::move(cells)) {}
    [[nodiscard]] bool IsNull(std::size_t column) const {
        const auto& cell = cells_.at(column);
        return !cell.is_integer && !cell.text;
    }
    [[nodiscard]] const std::string& Str(std::size_t column) const;  // "" for NULL
    [[nodiscard]] std::int64_t Int(std::size_t column) const;        // 0 for NULL
    [[nodiscard]] bool Bool(std::size_t column) const { return Int(column) != 0; }
    [[nodiscard]] std::optional<std::int64_t> OptInt(std::size_t column) const;
    [[nodiscard]] std::size_t size() const { return cells_.size(); }

  private:
    mutable std::vector<Cell> cells_;  // mutable: an integer's text is made on first Str()
};

// Told of every statement a connection runs through Query or Execute, as the caller wrote it ('?' placeholders) with
// its values, before it runs. For tests that check what the services send (the query-plan test, on both engines).
using StatementObserver = std::function<void(std::string_view sql, const Params& params)>;

class Connection {
  public:
    virtual ~Connection() = default;
    [[nodiscard]] virtual Engine engine() const = 0;
    virtual std::vector<Row> Query(std::string_view sql, const Params& params = {}) = 0;
    // Returns the number of rows changed.
    virtual std::int64_t Execute(std::string_view sql, const Params& params = {}) = 0;
    // Runs several statements without parameters (migrations).
    virtual void ExecuteScript(std::string_view sql) = 0;
    virtual void Begin() = 0;
    // Bulk load through PostgreSQL's COPY table (columns) FROM STDIN in its text format: `rows` is lines ending in
    // '\n', values separated by tabs, each already in COPY's text form (callers pass numbers and plain words, never a
    // user's text). `table` and `columns` are the caller's constants. Only on PostgreSQL (engine() tells): SQLite has
    // no COPY and its callers insert in batches, which on SQLite is as fast.
    virtual void CopyIn(std::string_view table, std::string_view columns, std::string_view rows);

    std::optional<Row> QueryOne(std::string_view sql, const Params& params = {});
    std::int64_t InsertReturningId(std::string_view sql, const Params& params);

  protected:
    // Each engine calls this as a statement starts: without an observer it costs one test of a pointer.
    void Observe(std::string_view sql, const Params& params) const {
        if (observer_ != nullptr && *observer_) (*observer_)(sql, params);
    }

  private:
    friend class Database;
    const StatementObserver* observer_ = nullptr;  // the database's, which outlives its connections
};

class Database;

// A connection borrowed from the pool, returned when the lease ends.
class Lease {
  public:
    Lease(Database* database, std::unique_ptr<Connection> connection)
        : database_(database), connection_(std::move(connection)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

  private:
    Database* database_;
    std::unique_ptr<Connection> connection_;
};

struct DatabaseUrl {
    Engine engine = Engine::kSqlite;
    std::string target;  // file path, or the libpq connection string
    static std::optional<DatabaseUrl> Parse(std::string_view url);
};

class Database {
  public:
    // Opens pool_size connections at once, so a bad URL fails at start, not at the first request.
    static std::unique_ptr<Database> Open(const std::string& url, std::size_t pool_size);
    [[nodiscard]] Engine engine() const { return url_.engine; }
    [[nodiscard]] std::size_t pool_size() const { return pool_size_; }
    [[nodiscard]] const DatabaseUrl& url() const { return url_; }
    Lease Acquire();
    // Every statement of this database's connections goes to `observer` (StatementObserver) until it is replaced by
    // an empty one. Read without a lock, so it is set while no other thread uses the database: a test's tool.
    void ObserveStatements(StatementObserver observer) { observer_ = std::move(observer); }

  private:
    friend class Lease;
    void Release(std::unique_ptr<Connection> connection);
    std::unique_ptr<Connection> Connect();

    DatabaseUrl url_;
    std::size_t pool_size_ = 0;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    StatementObserver observer_;
};

// BEGIN on construction (SQLite: BEGIN IMMEDIATE, so a writer never fails on lock upgrade), ROLLBACK on
// destruction unless committed. Multi-step writes are one transaction.
class Transaction {
  public:
    explicit Transaction(Connection& connection);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void Commit();
    Connection& connection() { return connection_; }

  private:
    Connection& connection_;
    bool open_ = true;
};

// Escapes % _ and \ for a LIKE ... ESCAPE '\' pattern: text anywhere, at the start, at the end.
std::string LikeContains(std::string_view text);
std::string LikePrefix(std::string_view text);
std::string LikeSuffix(std::string_view text);

}  // namespace houqin::storage
