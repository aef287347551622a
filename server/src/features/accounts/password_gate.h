#pragma once
// The one lock-out rule for every password a person types: the log-in, the password change and the opening
// witness's consent (PRJ-7). A name typed, known or not, may be tried auth.max_failed_logins times in a row; the
// attempt that reaches that number locks the name for auth.lockout_minutes. Each attempt is counted before its
// password is checked, in one atomic statement, so a burst of parallel guesses gets no more checks than the limit,
// and the right password sent after the limit is refused like any other. An unknown name counts, locks and answers
// as a real one does, so the answers do not tell which names exist.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/access.h"
#include "platform/database/database.h"
#include "platform/service/context.h"

namespace houqin {

struct PasswordAttempt {
    std::string username;                      // as typed
    std::optional<std::int64_t> user_id;       // the account behind it, if there is one (for the audit entry)
    std::optional<std::string> password_hash;  // nullopt: no such account (checked against a dummy hash, same cost)
    std::string password;
    std::string_view failure_action;  // the audit action of a wrong password: login_failed, ...
};

enum class PasswordVerdict { kRight, kWrong, kLocked };

struct PasswordCheck {
    PasswordVerdict verdict = PasswordVerdict::kWrong;
    std::int64_t minutes_left = 0;  // kLocked: whole minutes until the lock ends, rounded up
};

class PasswordGate {
  public:
    explicit PasswordGate(ServiceContext& context) : context_(context) {}
    // Counts the attempt, checks the password unless the name is locked, and records a wrong one (and a lock) in the
    // audit trail with the values it used, as `actor` (for a name no account has: user_id 0, the name typed, the
    // request's address). Writes in its own short transactions: call it outside any transaction.
    PasswordCheck Check(storage::Connection& connection, const PasswordAttempt& attempt, const Actor& actor);
    // An administrator set a new password: the name's count and lock are lifted.
    static void Reset(storage::Connection& connection, const std::string& username);

    // The lock-out message, naming the minutes left (zh-CN and English).
    static Text LockedMessage(std::int64_t minutes_left);

  private:
    ServiceContext& context_;
};

}  // namespace houqin
