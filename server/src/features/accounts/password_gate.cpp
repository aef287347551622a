#include "features/accounts/password_gate.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "features/accounts/auth_service.h"
#include "features/accounts/store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

std::string SubjectOf(const std::string& username) { return "account:" + username; }

// A fixed hash checked against when the name is unknown, so a wrong name costs as long as a wrong password.
const std::string& DummyHash() {
    static const std::string kHash = AuthService::HashPassword("no-such-user-password-1");
    return kHash;
}

std::int64_t MinutesLeft(std::int64_t locked_until_ms, Instant now) {
    return (locked_until_ms - now.ms + 59'999) / 60'000;
}

}  // namespace

Text PasswordGate::LockedMessage(std::int64_t minutes_left) {
    return {fmt::format("登录失败次数过多,账号已锁定,请 {} 分钟后再试", minutes_left),
            fmt::format("Too many failed log-ins; the account is locked for {} more minute(s)", minutes_left)};
}

void PasswordGate::Reset(storage::Connection& connection, const std::string& username) {
    storage::ResetLockout(connection, SubjectOf(username));
}

PasswordCheck PasswordGate::Check(storage::Connection& connection, const PasswordAttempt& attempt, const Actor& actor) {
    const auto now = context_.clock.Now();
    const auto subject = SubjectOf(attempt.username);
    const auto limit = context_.settings.Get(connection, setting::kMaxFailedLogins);
    const auto minutes = context_.settings.Get(connection, setting::kLockoutMinutes);
    const Instant lock_end{now.ms + minutes * 60'000};
    // A count whose last attempt is older than the lock-out itself is forgotten: failures "in a row" means within it.
    const auto charge = storage::ChargeAttempt(connection, subject, now, Instant{now.ms - minutes * 60'000});
    if (charge.locked_until_ms > now.ms) {
        return {PasswordVerdict::kLocked, MinutesLeft(charge.locked_until_ms, now)};
    }
    if (charge.failures > limit) {
        // Counted past the limit by an attempt running in parallel: locked without a check.
        storage::LockSubject(connection, subject, lock_end, now);
        return {PasswordVerdict::kLocked, minutes};
    }
    const bool right = AuthService::VerifyPassword(attempt.password_hash.value_or(DummyHash()), attempt.password) &&
                       attempt.password_hash.has_value();
    if (right) {
        if (!storage::ClearAttempts(connection, subject, now)) return {PasswordVerdict::kLocked, minutes};
        return {PasswordVerdict::kRight, 0};
    }
    const bool lock = charge.failures >= limit;
    storage::Transaction transaction(connection);
    if (lock) storage::LockSubject(connection, subject, lock_end, now);
    // The decision records the values it used; the name typed is kept when no account has it (a probe).
    storage::AppendAudit(connection, &actor, now,
                         {lock ? "lockout" : std::string(attempt.failure_action), "user", attempt.user_id, std::nullopt,
                          nlohmann::json{{"username", attempt.username},
                                         {"failed_logins", charge.failures},
                                         {"max_failed_logins", limit},
                                         {"lockout_minutes", minutes}}
                              .dump()});
    transaction.Commit();
    return {PasswordVerdict::kWrong, 0};
}

}  // namespace houqin
