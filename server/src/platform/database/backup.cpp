#include "platform/database/backup.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "platform/database/migrations.h"

namespace houqin::storage {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "houqin-backup";
// The migrations' own bookkeeping: the target has its own, and the schema version travels in the header instead.
constexpr const char* kMigrationsTable = "schema_migrations";

constexpr const char* kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid";
// Object ids grow with creation, so this is the order of the migrations, which is an order the foreign keys accept.
constexpr const char* kPostgresTables =
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY c.oid";
constexpr const char* kSqliteColumns = "SELECT name FROM pragma_table_info(?) ORDER BY cid";
constexpr const char* kPostgresColumns =
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
    "ORDER BY ordinal_position";
constexpr const char* kSchemaVersion = "SELECT MAX(version) FROM schema_migrations";
// Rows the migrations themselves write into a new database: they do not make it "not empty".
constexpr const char* kAuditHeadData = "SELECT COUNT(*) FROM audit_head WHERE seq <> 0";
constexpr const char* kDataVersionsData = "SELECT COUNT(*) FROM data_versions WHERE version <> 0";
// The staff roles a new database starts with (migration 12, a setting the administrator may change later): a
// database holding only them (and the documents each role requires, migration 15, and the agent-ID permissions,
// migration 21) is still empty, and the backup brings its own.
constexpr const char* kMigrationSeededTables[] = {"staff_roles", "staff_document_requirements", "agent_permissions"};

Error Failure(const std::string& zh, const std::string& en) {
    return Error{ErrorCode::kFailedPrecondition, {zh, en}, {}, en};
}

// Names come from the database's own catalogue; anything but [a-z0-9_] would be a table houqin did not create.
bool PlainName(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

std::vector<std::string> Tables(Connection& connection) {
    std::vector<std::string> tables;
    for (const auto& row : connection.Query(connection.engine() == Engine::kSqlite ? kSqliteTables : kPostgresTables)) {
        const std::string& name = row.Str(0);
        if (name == kMigrationsTable || !PlainName(name)) continue;
        tables.push_back(name);
    }
    return tables;
}

std::vector<std::string> Columns(Connection& connection, const std::string& table) {
    std::vector<std::string> columns;
    const char* sql = connection.engine() == Engine::kSqlite ? kSqliteColumns : kPostgresColumns;
    for (const auto& row : connection.Query(sql, {table})) columns.push_back(row.Str(0));
    return columns;
}

std::int64_t SchemaVersion(Connection& connection) {
    const auto row = connection.QueryOne(kSchemaVersion);
    return row ? row->Int(0) : 0;
}

// "a", "b", "c": column names quoted for either engine.
std::string QuotedList(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += ", ";
        text += Quoted(names[i]);
    }
    return text;
}

// A read snapshot for the whole backup: SQLite's deferred BEGIN takes it at the first read (WAL lets writers go on);
// PostgreSQL's REPEATABLE READ takes it at the first statement.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(Connection& connection) : connection_(connection) {
        connection_.ExecuteScript(
            connection_.engine() == Engine::kSqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        try {
            connection_.ExecuteScript("ROLLBACK");
        } catch (const DbError&) {
            // The connection is gone: nothing is left open on it. The backup's own error has been reported.
        }
    }

  private:
    Connection& connection_;
};

}  // namespace

Result<std::vector<TableCount>> BackupDatabase(Connection& connection, const std::string& out_path) {
    const std::string partial = out_path + ".partial";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Failure("无法创建备份文件 " + out_path, "Cannot create the backup file " + out_path);

    std::vector<TableCount> counts;
    std::int64_t total = 0;
    {
        ReadSnapshot snapshot(connection);
        const auto tables = Tables(connection);
        nlohmann::json header = {{"format", kFormatName},
                                 {"version", kFormatVersion},
                                 {"schema_version", SchemaVersion(connection)},
                                 {"engine", connection.engine() == Engine::kSqlite ? "sqlite" : "postgresql"},
                                 {"tables", tables.size()}};
        out << header.dump() << '\n';
        for (const auto& table : tables) {
            const auto columns = Columns(connection, table);
            // ORDER BY the first column (the key of every houqin table): a parent organisation precedes its children.
            const auto rows =
                connection.Query("SELECT " + QuotedList(columns) + " FROM " + Quoted(table) + " ORDER BY 1");
            out << nlohmann::json{{"table", table}, {"columns", columns}, {"rows", rows.size()}}.dump() << '\n';
            for (const auto& row : rows) {
                nlohmann::json cells = nlohmann::json::array();
                for (std::size_t i = 0; i < row.size(); ++i) {
                    if (row.IsNull(i)) {
                        cells.push_back(nullptr);
                    } else {
                        cells.push_back(row.Str(i));
                    }
                }
                out << cells.dump() << '\n';
            }
            counts.push_back({table, static_cast<std::int64_t>(rows.size())});
            total += static_cast<std::int64_t>(rows.size());
        }
        out << nlohmann::json{{"end", true}, {"tables", tables.size()}, {"rows", total}}.dump() << '\n';
    }
    out.close();
    if (!out) {
        std::remove(partial.c_str());
        return Failure("写入备份文件失败(磁盘已满?)" + out_path,
                       "Writing the backup file failed (disk full?): " + out_path);
    }
    if (std::rename(partial.c_str(), out_path.c_str()) != 0) {
        std::remove(partial.c_str());
        return Failure("无法写入备份文件 " + out_path, "Cannot move the backup into place: " + out_path);
    }
    return counts;
}

Result<std::vector<TableCount>> RestoreDatabase(Connection& connection, const std::string& from_path) {
    std::ifstream in(from_path, std::ios::binary);
    if (!in) return Failure("无法读取备份文件 " + from_path, "Cannot read the backup file " + from_path);

    std::string line;
    std::size_t line_number = 0;
    auto next = [&]() -> std::optional<nlohmann::json> {
        if (!std::getline(in, line)) return std::nullopt;
        ++line_number;
        auto parsed = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded()) return std::nullopt;
        return parsed;
    };
    auto unreadable = [&]() {
        return Failure(
            "备份文件第 " + std::to_string(line_number) + " 行无法读取(文件不完整或已损坏)",
            "Line " + std::to_string(line_number) + " of the backup file is unreadable (cut short or damaged)");
    };

    const auto header = next();
    if (!header || !header->is_object() || header->value("format", "") != kFormatName) {
        return Failure("这不是 houqin 备份文件:" + from_path, "Not a houqin backup file: " + from_path);
    }
    if (header->value("version", 0) != kFormatVersion) {
        return Failure("备份文件格式版本不受支持", "This backup file format version is not supported");
    }
    const std::int64_t schema_version = header->value("schema_version", std::int64_t{0});
    const std::int64_t ours = SchemaVersion(connection);
    if (schema_version != ours) {
        return Failure("备份的数据库结构版本为 " + std::to_string(schema_version) + ",本程序为 " +
                           std::to_string(ours) + ":请用生成该备份的 houqin 版本恢复",
                       "The backup's schema version is " + std::to_string(schema_version) + ", this program's is " +
                           std::to_string(ours) + ": restore it with the houqin version that wrote it");
    }

    const auto target_tables = Tables(connection);
    Transaction transaction(connection);
    // The target must hold no data: a restore never merges into, or overwrites, a database in use.
    for (const auto& table : target_tables) {
        if (std::find(std::begin(kMigrationSeededTables), std::end(kMigrationSeededTables), table) !=
            std::end(kMigrationSeededTables)) {
            continue;
        }
        std::string sql = "SELECT COUNT(*) FROM " + Quoted(table);
        if (table == "audit_head") sql = kAuditHeadData;
        if (table == "data_versions") sql = kDataVersionsData;
        const auto rows = connection.QueryOne(sql)->Int(0);
        if (rows > 0) {
            return Failure(
                "目标数据库不是空的(表 " + table + " 有 " + std::to_string(rows) + " 行数据):恢复只能写入空数据库",
                "The target database is not empty (table " + table + " has " + std::to_string(rows) +
                    " rows): a restore writes only into an empty database");
        }
    }
    if (connection.engine() == Engine::kSqlite) connection.ExecuteScript("PRAGMA defer_foreign_keys = ON");
    // The rows the migrations wrote (the audit head at zero, the data versions, the staff roles) give way to the
    // backup's.
    for (const auto& table : target_tables) connection.Execute("DELETE FROM " + Quoted(table));

    std::vector<TableCount> counts;
    std::set<std::string> restored;
    std::int64_t total = 0;
    for (;;) {
        const auto block = next();
        if (!block || !block->is_object()) return unreadable();
        if (block->value("end", false)) {
            if (block->value("rows", std::int64_t{-1}) != total) return unreadable();
            break;
        }
        const std::string table = block->value("table", "");
        if (std::find(target_tables.begin(), target_tables.end(), table) == target_tables.end()) {
            return Failure("备份中的表 " + table + " 在本数据库中不存在",
                           "The backup's table " + table + " does not exist in this database");
        }
        if (!restored.insert(table).second) return unreadable();
        std::vector<std::string> columns;
        for (const auto& column : block->value("columns", nlohmann::json::array())) {
            if (!column.is_string()) return unreadable();
            columns.push_back(column.get<std::string>());
        }
        auto expected = Columns(connection, table);
        auto given = columns;
        std::sort(expected.begin(), expected.end());
        std::sort(given.begin(), given.end());
        if (expected != given) {
            return Failure("备份中表 " + table + " 的列与本数据库不同",
                           "The backup's table " + table + " has other columns than this database's");
        }
        const std::string insert = "INSERT INTO " + Quoted(table) + " (" + QuotedList(columns) + ") VALUES (" +
                                   Placeholders(columns.size()) + ")";
        const std::int64_t rows = block->value("rows", std::int64_t{-1});
        for (std::int64_t i = 0; i < rows; ++i) {
            const auto cells = next();
            if (!cells || !cells->is_array() || cells->size() != columns.size()) return unreadable();
            Params params;
            params.reserve(columns.size());
            for (const auto& cell : *cells) {
                if (cell.is_null()) {
                    params.emplace_back(nullptr);
                } else if (cell.is_string()) {
                    params.emplace_back(cell.get<std::string>());
                } else {
                    return unreadable();
                }
            }
            connection.Execute(insert, params);
        }
        // PostgreSQL's serial keys continue after the restored rows (SQLite's AUTOINCREMENT follows by itself).
        if (connection.engine() == Engine::kPostgres &&
            std::find(columns.begin(), columns.end(), "id") != columns.end()) {
            connection.Query("SELECT setval(pg_get_serial_sequence(?, 'id'), MAX(id)) FROM " + Quoted(table), {table});
        }
        counts.push_back({table, rows});
        total += rows;
    }
    if (restored.size() != target_tables.size()) {
        return Failure("备份文件缺少部分数据表", "The backup file lacks some of this database's tables");
    }
    transaction.Commit();
    return counts;
}

}  // namespace houqin::storage
