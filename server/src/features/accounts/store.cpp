#include "features/accounts/store.h"

#include <nlohmann/json.hpp>

#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

constexpr const char* kOrgColumns = "id, parent_id, name, kind, path";
// The delay is read from login_throttle (migration 6): the subject of a name for all addresses together is
// "account:<name in lower case>" (a key lookup); the delays of one name at one address ("account:<name>@<address>")
// bother nobody else and are not shown.
constexpr const char* kUserColumns =
    "u.id, u.username, u.display_name, u.password_hash, u.role, u.org_id, o.name, u.active, "
    "COALESCE((SELECT t.failures FROM login_throttle t WHERE t.subject = 'account:' || lower(u.username)), 0), "
    "COALESCE((SELECT t.locked_until FROM login_throttle t WHERE t.subject = 'account:' || lower(u.username)), 0), "
    "u.created_at";

Organisation OrgFromRow(const Row& row) {
    Organisation org;
    org.id = row.Int(0);
    org.parent_id = row.OptInt(1);
    org.name = row.Str(2);
    org.kind = ParseOrgKind(row.Str(3)).value_or(OrgKind::kDepartment);
    org.path = row.Str(4);
    return org;
}

UserRecord UserFromRow(const Row& row) {
    UserRecord user;
    user.id = row.Int(0);
    user.username = row.Str(1);
    user.display_name = row.Str(2);
    user.password_hash = row.Str(3);
    user.role = ParseRole(row.Str(4)).value_or(Role::kDepartment);
    user.org_id = row.Int(5);
    user.org_name = row.Str(6);
    user.active = row.Bool(7);
    user.failed_logins = row.Int(8);
    user.locked_until_ms = row.Int(9);
    user.created_at = Instant{row.Int(10)};
    return user;
}

}  // namespace

std::vector<Organisation> ListOrgs(Connection& connection) {
    std::vector<Organisation> orgs;
    for (const auto& row : connection.Query(std::string("SELECT ") + kOrgColumns + " FROM orgs ORDER BY path", {})) {
        orgs.push_back(OrgFromRow(row));
    }
    return orgs;
}

std::optional<Organisation> FindOrg(Connection& connection, std::int64_t id) {
    auto row = connection.QueryOne(std::string("SELECT ") + kOrgColumns + " FROM orgs WHERE id = ?", {id});
    if (!row) return std::nullopt;
    return OrgFromRow(*row);
}

std::int64_t InsertOrg(Connection& connection, const Organisation& org, Instant now) {
    std::string parent_path = "/";
    if (org.parent_id) {
        const auto parent = FindOrg(connection, *org.parent_id);
        if (parent) parent_path = parent->path;
    }
    const std::int64_t id = connection.InsertReturningId(
        "INSERT INTO orgs (parent_id, name, kind, path, created_at) VALUES (?, ?, ?, '', ?) RETURNING id",
        {Optional(org.parent_id), org.name, std::string(OrgKindCode(org.kind)), now.ms});
    connection.Execute("UPDATE orgs SET path = ? WHERE id = ?", {parent_path + std::to_string(id) + "/", id});
    return id;
}

std::string OrgSnapshot(const Organisation& org) {
    nlohmann::json json = {{"id", org.id}, {"name", org.name}, {"kind", OrgKindCode(org.kind)}, {"path", org.path}};
    json["parent_id"] = org.parent_id ? nlohmann::json(*org.parent_id) : nlohmann::json(nullptr);
    return json.dump();
}

std::optional<UserRecord> FindUserByName(Connection& connection, const std::string& username) {
    auto row =
        connection.QueryOne(std::string("SELECT ") + kUserColumns +
                                " FROM users u JOIN orgs o ON o.id = u.org_id WHERE lower(u.username) = lower(?)",
                            {username});
    if (!row) return std::nullopt;
    return UserFromRow(*row);
}

std::optional<UserRecord> FindUser(Connection& connection, std::int64_t id) {
    auto row = connection.QueryOne(
        std::string("SELECT ") + kUserColumns + " FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ?", {id});
    if (!row) return std::nullopt;
    return UserFromRow(*row);
}

std::int64_t InsertUser(Connection& connection, const UserRecord& user, Instant now) {
    return connection.InsertReturningId(
        "INSERT INTO users (username, display_name, password_hash, role, org_id, active, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {user.username, user.display_name, user.password_hash, std::string(RoleCode(user.role)), user.org_id,
         Bool(user.active), now.ms, now.ms});
}

void UpdateUser(Connection& connection, const UserRecord& user, Instant now) {
    connection.Execute(
        "UPDATE users SET display_name = ?, password_hash = ?, role = ?, org_id = ?, active = ?, updated_at = ? "
        "WHERE id = ?",
        {user.display_name, user.password_hash, std::string(RoleCode(user.role)), user.org_id, Bool(user.active),
         now.ms, user.id});
}

AttemptCharge ChargeAttempt(Connection& connection, const AttemptCounter& counter, Instant now) {
    // One statement: concurrent attempts each see the count with their own included, and none is lost. A count is
    // forgotten when both its last attempt and its last wait ended before `forget_before`. The attempt whose count
    // reaches the limit starts a wait and holds it, in this same statement, so parallel attempts find it waiting.
    const std::string counted =
        "(CASE WHEN login_throttle.updated_at < ? AND login_throttle.locked_until < ? THEN 1 "
        "ELSE login_throttle.failures + 1 END)";
    const auto row = connection.QueryOne(
        "INSERT INTO login_throttle (subject, failures, locked_until, updated_at, holder) VALUES (?, 1, 0, ?, '') "
        "ON CONFLICT (subject) DO UPDATE SET "
        "failures = CASE WHEN login_throttle.locked_until > ? THEN login_throttle.failures ELSE " +
            counted +
            " END, "
            "locked_until = CASE WHEN login_throttle.locked_until > ? THEN login_throttle.locked_until WHEN " +
            counted +
            " >= ? THEN ? ELSE login_throttle.locked_until END, "
            "holder = CASE WHEN login_throttle.locked_until > ? THEN login_throttle.holder WHEN " +
            counted +
            " >= ? THEN ? ELSE login_throttle.holder END, "
            "updated_at = CASE WHEN login_throttle.locked_until > ? THEN login_throttle.updated_at ELSE ? END "
            "RETURNING failures, locked_until, holder",
        {counter.subject, now.ms,                                                                  // VALUES
         now.ms, counter.forget_before.ms, counter.forget_before.ms,                               // failures
         now.ms, counter.forget_before.ms, counter.forget_before.ms, counter.limit,                // locked_until
         counter.hold_until.ms,                                                                    //
         now.ms, counter.forget_before.ms, counter.forget_before.ms, counter.limit, counter.mark,  // holder
         now.ms, now.ms});                                                                         // updated_at
    return AttemptCharge{row->Int(0), row->Int(1), row->Str(2) == counter.mark};
}

void SetWait(Connection& connection, const std::string& subject, Instant until, Instant now) {
    connection.Execute("UPDATE login_throttle SET locked_until = ?, holder = '', updated_at = ? WHERE subject = ?",
                       {until.ms, now.ms, subject});
}

bool ClearAttempts(Connection& connection, const std::string& subject, Instant now, const std::string& mark) {
    // Free (not waiting), or waiting held by this very attempt, whose password was right.
    connection.Execute("DELETE FROM login_throttle WHERE subject = ? AND (locked_until <= ? OR holder = ?)",
                       {subject, now.ms, mark});
    const auto row = connection.QueryOne("SELECT locked_until FROM login_throttle WHERE subject = ?", {subject});
    return !row || row->Int(0) <= now.ms;
}

void RefundAttempt(Connection& connection, const std::string& subject, Instant now, const std::string& mark) {
    connection.Execute(
        "UPDATE login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, "
        "locked_until = CASE WHEN holder = ? THEN 0 ELSE locked_until END, "
        "holder = CASE WHEN holder = ? THEN '' ELSE holder END "
        "WHERE subject = ? AND (locked_until <= ? OR holder = ?)",
        {mark, mark, subject, now.ms, mark});
}

void ResetLockout(Connection& connection, const std::string& subject) {
    // The subject itself and its per-address subjects ("<subject>@<address>").
    const std::string prefix = subject + "@";
    connection.Execute(
        "DELETE FROM login_throttle WHERE subject = ? OR substr(subject, 1, " + std::to_string(prefix.size()) + ") = ?",
        {subject, prefix});
}

std::int64_t CountUsers(Connection& connection) {
    return connection.QueryOne("SELECT COUNT(*) FROM users", {})->Int(0);
}

std::string UserSnapshot(const UserRecord& user) {
    return nlohmann::json{{"id", user.id},
                          {"username", user.username},
                          {"display_name", user.display_name},
                          {"role", RoleCode(user.role)},
                          {"org_id", user.org_id},
                          {"active", user.active}}
        .dump();
}

Page<UserRecord> ListUsers(Connection& connection, const UserFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    if (!filter.q.empty()) {
        where += " AND (u.username LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')";
        params.emplace_back(LikeContains(filter.q));
        params.emplace_back(LikeContains(filter.q));
    }
    if (filter.role) {
        where += " AND u.role = ?";
        params.emplace_back(std::string(RoleCode(*filter.role)));
    }
    const std::string from = " FROM users u JOIN orgs o ON o.id = u.org_id";
    const auto total = connection.QueryOne("SELECT COUNT(*)" + from + where, params)->Int(0);
    // The sort column comes from a fixed list, never from the request text.
    const std::string column = filter.sort == "display_name" ? "u.display_name"
                               : filter.sort == "created_at" ? "u.created_at"
                                                             : "u.username";
    std::string sql = std::string("SELECT ") + kUserColumns + from + where + " ORDER BY " + column +
                      (filter.descending ? " DESC" : " ASC") + ", u.id";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<UserRecord> users;
    for (const auto& row : connection.Query(sql, params)) users.push_back(UserFromRow(row));
    return PageOf(std::move(users), total);
}

void InsertSession(Connection& connection, const std::string& token_hash, const SessionRecord& session, Instant now,
                   const std::string& ip) {
    connection.Execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, scope_path, vendor_org_id, "
        "ip) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {token_hash, session.user_id, session.csrf_token, now.ms, now.ms, session.scope_path,
         Optional(session.vendor_org_id), ip});
}

std::optional<SessionWithUser> FindSession(Connection& connection, const std::string& token_hash) {
    auto row =
        connection.QueryOne(std::string("SELECT ") + kUserColumns +
                                ", s.id, s.csrf_token, s.last_seen_at, s.scope_path, s.vendor_org_id, s.created_at "
                                "FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = u.org_id "
                                "WHERE s.token_hash = ?",
                            {token_hash});
    if (!row) return std::nullopt;
    SessionWithUser result;
    result.user = UserFromRow(*row);
    result.session = {row->Int(11),          result.user.id, row->Str(12),   Instant{row->Int(13)},
                      Instant{row->Int(16)}, row->Str(14),   row->OptInt(15)};
    return result;
}

void TouchSession(Connection& connection, std::int64_t session_id, Instant now) {
    connection.Execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now.ms, session_id});
}

void DeleteSession(Connection& connection, const std::string& token_hash) {
    connection.Execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void DeleteUserSessions(Connection& connection, std::int64_t user_id, const std::string& except_token_hash) {
    connection.Execute("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {user_id, except_token_hash});
}

}  // namespace houqin::storage
