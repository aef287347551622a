#include "platform/audit/audit_store.h"

#include <fmt/format.h>
#include <sodium.h>

#include <cassert>

#include "platform/audit/audit_names.h"
#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

constexpr const char* kSelectHead = "SELECT seq, last_hash FROM audit_head WHERE id = 1";
// Taking the row lock first serialises writers on PostgreSQL; SQLite's BEGIN IMMEDIATE already did.
constexpr const char* kLockHead = "UPDATE audit_head SET seq = seq WHERE id = 1";
constexpr const char* kUpdateHead = "UPDATE audit_head SET seq = ?, last_hash = ? WHERE id = 1";
constexpr const char* kInsertEntry =
    "INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, "
    "request_id, ip, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kColumns =
    "seq, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, request_id, ip, prev_hash, "
    "hash";
// The listing adds the account's current display name and role, which the hash does not cover.
constexpr const char* kListColumns =
    "a.seq, a.at, a.actor_id, a.actor_name, a.action, a.entity, a.entity_id, a.before_json, a.after_json, "
    "a.request_id, a.ip, a.prev_hash, a.hash, u.display_name, u.role";
constexpr const char* kListFrom = " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id";

AuditEntry FromRow(const Row& row) {
    AuditEntry entry;
    entry.seq = row.Int(0);
    entry.at = Instant{row.Int(1)};
    entry.actor_id = row.OptInt(2);
    entry.actor_name = row.Str(3);
    entry.action = row.Str(4);
    entry.entity = row.Str(5);
    entry.entity_id = row.OptInt(6);
    if (!row.IsNull(7)) entry.before_json = row.Str(7);
    if (!row.IsNull(8)) entry.after_json = row.Str(8);
    entry.request_id = row.Str(9);
    entry.ip = row.Str(10);
    entry.prev_hash = row.Str(11);
    entry.hash = row.Str(12);
    return entry;
}

std::string OptionalText(const std::optional<std::string>& value) { return value ? "1" + *value : "0"; }
std::string OptionalNumber(const std::optional<std::int64_t>& value) { return value ? std::to_string(*value) : "-"; }

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex(crypto_hash_sha256_BYTES * 2, '0');
    sodium_bin2hex(hex.data(), hex.size() + 1, digest, sizeof digest);
    return hex;
}

std::string ComputeAuditHash(const AuditEntry& entry) {
    // Unit separators keep fields from running into each other; NULL and "" are told apart by a prefix.
    const std::string canonical = fmt::format(
        "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", entry.seq, entry.at.ms,
        OptionalNumber(entry.actor_id), entry.actor_name, entry.action, entry.entity, OptionalNumber(entry.entity_id),
        OptionalText(entry.before_json), OptionalText(entry.after_json), entry.request_id, entry.ip, entry.prev_hash);
    return Sha256Hex(canonical);
}

void AppendAudit(Connection& connection, const Actor* actor, Instant at, const AuditInput& input) {
    assert(IsAuditAction(input.action) && "audit action missing from audit_names.h");
    assert(IsAuditEntity(input.entity) && "audit entity missing from audit_names.h");
    connection.Execute(kLockHead, {});
    const auto head = connection.QueryOne(kSelectHead, {});
    if (!head) throw DbError(DbError::Kind::kOther, "audit_head row is missing");
    AuditEntry entry;
    entry.seq = head->Int(0) + 1;
    entry.at = at;
    if (actor) {
        // No account behind the actor (a name typed at the log-in that no account has): the name, no id.
        if (actor->user_id > 0) entry.actor_id = actor->user_id;
        entry.actor_name = actor->username;
        entry.request_id = actor->request_id;
        entry.ip = actor->ip;
    } else {
        entry.actor_name = "system";
    }
    entry.action = input.action;
    entry.entity = input.entity;
    entry.entity_id = input.entity_id;
    entry.before_json = input.before_json;
    entry.after_json = input.after_json;
    entry.prev_hash = head->Str(1);
    entry.hash = ComputeAuditHash(entry);
    connection.Execute(kInsertEntry,
                       {entry.seq, entry.at.ms, Optional(entry.actor_id), entry.actor_name, entry.action, entry.entity,
                        Optional(entry.entity_id), Optional(entry.before_json), Optional(entry.after_json),
                        entry.request_id, entry.ip, entry.prev_hash, entry.hash});
    connection.Execute(kUpdateHead, {entry.seq, entry.hash});
}

AuditPage ListAudit(Connection& connection, const AuditFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    if (!filter.actor.empty()) {
        // The user name the entry records, or the display name the page shows.
        where += " AND (a.actor_name LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')";
        params.emplace_back(LikeContains(filter.actor));
        params.emplace_back(LikeContains(filter.actor));
    }
    if (!filter.entity.empty()) {
        where += " AND a.entity = ?";
        params.emplace_back(filter.entity);
    }
    if (!filter.action.empty()) {
        where += " AND a.action = ?";
        params.emplace_back(filter.action);
    }
    if (filter.entity_id) {
        where += " AND a.entity_id = ?";
        params.emplace_back(*filter.entity_id);
    }
    if (filter.from) {
        where += " AND a.at >= ?";
        params.emplace_back(filter.from->ms);
    }
    if (filter.to) {
        where += " AND a.at < ?";
        params.emplace_back(filter.to->ms);
    }
    AuditPage page;
    if (params.empty()) {
        // No filter: the log is append-only and numbered from 1 without a gap (VerifyAuditChain checks it), so the
        // head's number is the count, where counting 180,000 entries took PostgreSQL tens of milliseconds.
        page.total = connection.QueryOne(kSelectHead, {})->Int(0);
    } else {
        // The user's name is looked up only to match it: without that filter, the count reads the log alone (a LEFT
        // JOIN adds no row).
        const std::string count_from = filter.actor.empty() ? " FROM audit_log a" : kListFrom;
        page.total = connection.QueryOne("SELECT COUNT(*)" + count_from + where, params)->Int(0);
    }
    auto sql = fmt::format("SELECT {}{}{} ORDER BY a.seq DESC", kListColumns, kListFrom, where);
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    for (const auto& row : connection.Query(sql, params)) {
        auto entry = FromRow(row);
        entry.actor_display_name = row.Str(13);
        entry.actor_role = row.Str(14);
        page.items.push_back(std::move(entry));
    }
    return page;
}

AuditVerification VerifyAuditChain(Connection& connection) {
    AuditVerification result;
    std::string expected_prev(64, '0');
    std::int64_t expected_seq = 1;
    // Read in batches by seq so a large trail does not sit in memory at once.
    constexpr std::int64_t kBatch = 5000;
    for (;;) {
        const auto rows =
            connection.Query(fmt::format("SELECT {} FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?", kColumns),
                             {expected_seq, kBatch});
        for (const auto& row : rows) {
            const AuditEntry entry = FromRow(row);
            if (entry.seq != expected_seq) {
                result.ok = false;
                result.first_bad_seq = expected_seq;
                result.reason = {fmt::format("第 {} 条审计记录缺失(被删除)", expected_seq),
                                 fmt::format("Audit entry {} is missing (removed)", expected_seq)};
                return result;
            }
            if (entry.prev_hash != expected_prev) {
                result.ok = false;
                result.first_bad_seq = entry.seq;
                result.reason = {
                    fmt::format("第 {} 条审计记录的前序哈希不符(记录被删除或调换顺序)", entry.seq),
                    fmt::format("Audit entry {} does not follow its predecessor (removed or reordered)", entry.seq)};
                return result;
            }
            if (ComputeAuditHash(entry) != entry.hash) {
                result.ok = false;
                result.first_bad_seq = entry.seq;
                result.reason = {fmt::format("第 {} 条审计记录内容被修改", entry.seq),
                                 fmt::format("Audit entry {} was altered", entry.seq)};
                return result;
            }
            expected_prev = entry.hash;
            ++expected_seq;
            ++result.checked;
        }
        if (static_cast<std::int64_t>(rows.size()) < kBatch) break;
    }
    const auto head = connection.QueryOne(kSelectHead, {});
    if (head && (head->Int(0) != result.checked || head->Str(1) != expected_prev)) {
        result.ok = false;
        result.first_bad_seq = result.checked + 1;
        result.reason = {
            fmt::format("审计链末尾应有 {} 条记录,实有 {} 条(末尾记录被删除)", head->Int(0), result.checked),
            fmt::format("The chain should end at entry {} but ends at {} (last entries removed)", head->Int(0),
                        result.checked)};
    }
    return result;
}

}  // namespace houqin::storage

#include <nlohmann/json.hpp>

namespace houqin::storage {
std::string JsonString(std::string_view text) { return nlohmann::json(std::string(text)).dump(); }
}  // namespace houqin::storage
