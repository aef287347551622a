#pragma once
// The check of every password a person types: the log-in and the password change. Its waits follow the lockout rule
// of every typed secret (rules/lockout.h, which the opening's two secrets follow too, PRJ-7). Each attempt is counted
// before its password is checked, in one atomic statement per counter, so a burst of parallel guesses gets no more
// checks than the limits allow. Three counters, each with growing delays:
//   - a name at one address ("account:<name>@<address>", auth.max_failed_logins in a row): a stranger elsewhere who
//     guesses at the same name delays only themself, never the account's owner;
//   - one address, whatever the names (auth.address_max_failures): a sweep over many names from one place;
//   - a name from all addresses together (auth.account_max_failures, set high): guesses spread over many addresses.
// Reaching a limit makes that counter wait auth.lockout_minutes; each further failure after a wait doubles it, up to
// auth.lockout_max_minutes. An attempt during a wait is refused without a check. The caller gets the same answer, after
// the same work (a password hash is checked every time), for a wrong password, an unknown name and a wait: the reason
// goes to the audit trail (the wait when it starts) and the security log (each refused attempt), never to the caller.
// An unknown name counts and waits as a real one does, so the answers do not tell which names exist.
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
    std::int64_t minutes_left = 0;  // kLocked: whole minutes until the wait ends, rounded up (for the log, not callers)
    std::int64_t max_failures = 0;  // auth.max_failed_logins, for the caller's message
    std::int64_t wait_minutes = 0;  // auth.lockout_minutes, for the caller's message
};

class PasswordGate {
  public:
    explicit PasswordGate(ServiceContext& context) : context_(context) {}
    // Counts the attempt (the address is `actor.ip`), checks the password unless a counter is waiting, and records a
    // wrong one (and a wait that starts) in the audit trail with the values it used, as `actor` (for a name no account
    // has: user_id 0, the name typed, the request's address). Writes in its own short transactions: call it outside
    // any transaction.
    PasswordCheck Check(storage::Connection& connection, const PasswordAttempt& attempt, const Actor& actor);
    // An administrator set a new password: the name's counts and waits, at every address, are lifted.
    static void Reset(storage::Connection& connection, const std::string& username);

    // The one answer to a wrong password, an unknown name and a wait (zh-CN and English), with the rule's numbers.
    static Text RefusedMessage(const PasswordCheck& check, bool login);

  private:
    ServiceContext& context_;
};

}  // namespace houqin
