#include "features/accounts/auth_service.h"

#include <fmt/format.h>
#include <sodium.h>

#include "features/accounts/password_gate.h"
#include "features/accounts/store.h"
#include "platform/audit/audit_store.h"
#include "platform/service/random_token.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

Actor ActorFrom(const UserRecord& user, const std::string& scope_path, std::optional<std::int64_t> vendor_org_id,
                const RequestOrigin& origin) {
    Actor actor;
    actor.user_id = user.id;
    actor.username = user.username;
    actor.display_name = user.display_name;
    actor.role = user.role;
    actor.org_id = user.org_id;
    actor.org_name = user.org_name;
    actor.scope_path = scope_path;
    actor.vendor_org_id = vendor_org_id;
    actor.request_id = origin.request_id;
    actor.ip = origin.ip;
    return actor;
}

Error WrongCredentials(const Text& message) {
    Error error{ErrorCode::kUnauthenticated, message, {}, {}};
    error.fields.push_back({"password", error.message});
    return error;
}

}  // namespace

std::string AuthService::HashPassword(const std::string& password) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("argon2id hashing ran out of memory");
    }
    return hash;
}

bool AuthService::VerifyPassword(const std::string& hash, const std::string& password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool AuthService::IsStrongPassword(const std::string& password) {
    bool letter = false, digit = false;
    for (char c : password) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
        if (c >= '0' && c <= '9') digit = true;
    }
    return password.size() >= 8 && password.size() <= 128 && letter && digit;
}

std::string AuthService::ScopePathFor(storage::Connection& connection, const Organisation& org) {
    if (org.kind == OrgKind::kCounty || org.kind == OrgKind::kTown || org.kind == OrgKind::kVendor) return org.path;
    // A department sees its town: walk up to the nearest town or county.
    std::optional<std::int64_t> parent = org.parent_id;
    for (int depth = 0; parent && depth < 32; ++depth) {
        const auto up = storage::FindOrg(connection, *parent);
        if (!up) break;
        if (up->kind == OrgKind::kTown || up->kind == OrgKind::kCounty) return up->path;
        parent = up->parent_id;
    }
    return org.path;
}

Result<SessionInfo> AuthService::Login(const std::string& username, const std::string& password,
                                       const RequestOrigin& origin) {
    Validation validation;
    if (username.empty()) validation.Fail("username", {"请输入用户名", "Enter a username"});
    if (password.empty()) validation.Fail("password", {"请输入密码", "Enter a password"});
    if (!validation.ok()) return validation.ToError();

    auto lease = context_.database.Acquire();
    const auto now = context_.clock.Now();
    auto user = storage::FindUserByName(*lease, username);
    if (user && !user->active) user.reset();  // a disabled account answers as an unknown name
    Actor attempt_actor;
    attempt_actor.username = username;
    attempt_actor.request_id = origin.request_id;
    attempt_actor.ip = origin.ip;
    if (user) attempt_actor = ActorFrom(*user, "", std::nullopt, origin);
    const auto check = PasswordGate(context_).Check(
        *lease,
        {username, user ? std::optional(user->id) : std::nullopt,
         user ? std::optional(user->password_hash) : std::nullopt, password, "login_failed"},
        attempt_actor);
    // A wrong password, an unknown name and a wait get the same answer (PasswordGate).
    if (check.verdict != PasswordVerdict::kRight) return WrongCredentials(PasswordGate::RefusedMessage(check, true));
    storage::Transaction transaction(*lease);
    const Actor actor = attempt_actor;
    const auto org = storage::FindOrg(*lease, user->org_id);
    storage::SessionRecord session;
    session.user_id = user->id;
    session.csrf_token = RandomHex(16);
    session.scope_path = org ? ScopePathFor(*lease, *org) : "/";
    if (org && org->kind == OrgKind::kVendor) session.vendor_org_id = org->id;
    const std::string token = RandomHex(32);
    storage::InsertSession(*lease, storage::Sha256Hex(token), session, now, origin.ip);
    storage::AppendAudit(*lease, &actor, now, {"login", "user", user->id, std::nullopt, std::nullopt});
    transaction.Commit();
    return SessionInfo{ActorFrom(*user, session.scope_path, session.vendor_org_id, origin), session.csrf_token, token};
}

Result<SessionInfo> AuthService::Authenticate(const std::string& token, const RequestOrigin& origin) {
    if (token.size() != 64) return Error::Unauthenticated();
    auto lease = context_.database.Acquire();
    const auto hash = storage::Sha256Hex(token);
    auto found = storage::FindSession(*lease, hash);
    if (!found || !found->user.active) return Error::Unauthenticated();
    const auto now = context_.clock.Now();
    const auto idle_ms = context_.settings.Get(*lease, setting::kSessionIdleMinutes) * 60'000;
    const auto max_ms = context_.settings.Get(*lease, setting::kSessionMaxHours) * 3'600'000;
    // Idle too long, or logged in too long ago (auth.session_max_hours, however busy): log in again.
    if (now.ms - found->session.last_seen_at.ms > idle_ms || now.ms - found->session.created_at.ms > max_ms) {
        storage::DeleteSession(*lease, hash);
        Error error = Error::Unauthenticated();
        error.message = {"会话已过期,请重新登录", "Your session has expired; please log in again"};
        return error;
    }
    // Refresh last_seen at most once a minute, so reading pages does not turn into a write per request.
    if (now.ms - found->session.last_seen_at.ms > 60'000) storage::TouchSession(*lease, found->session.id, now);
    return SessionInfo{ActorFrom(found->user, found->session.scope_path, found->session.vendor_org_id, origin),
                       found->session.csrf_token, ""};
}

Status AuthService::Logout(const std::string& token, const Actor& actor) {
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::DeleteSession(*lease, storage::Sha256Hex(token));
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"logout", "user", actor.user_id, std::nullopt, std::nullopt});
    transaction.Commit();
    return Ok();
}

Status AuthService::ChangePassword(const Actor& actor, const std::string& token, const std::string& old_password,
                                   const std::string& new_password) {
    auto lease = context_.database.Acquire();
    auto user = storage::FindUser(*lease, actor.user_id);
    if (!user) return Error::Unauthenticated();
    Validation validation;
    // The current password is guessed no more often than at the log-in: the same count and lock.
    const auto check = PasswordGate(context_).Check(
        *lease, {user->username, user->id, user->password_hash, old_password, "password_change_failed"}, actor);
    if (check.verdict != PasswordVerdict::kRight) {
        validation.Fail("old_password", PasswordGate::RefusedMessage(check, false));
    }
    if (!IsStrongPassword(new_password)) {
        validation.Fail("new_password", {"新密码至少 8 位,须同时包含字母和数字",
                                         "The new password needs at least 8 characters with letters and digits"});
    } else if (new_password == old_password) {
        validation.Fail("new_password",
                        {"新密码不能与原密码相同", "The new password must differ from the current one"});
    }
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    user->password_hash = HashPassword(new_password);
    const auto now = context_.clock.Now();
    storage::UpdateUser(*lease, *user, now);
    // Other sessions of this user end: whoever knew the old password is logged out.
    storage::DeleteUserSessions(*lease, user->id, storage::Sha256Hex(token));
    storage::AppendAudit(*lease, &actor, now, {"password_change", "user", user->id, std::nullopt, std::nullopt});
    transaction.Commit();
    return Ok();
}

}  // namespace houqin
