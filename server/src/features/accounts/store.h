#pragma once
// Organisations, users (ROLE-1..8) and sessions. Sessions live in the database so several server
// instances on one PostgreSQL database serve the same users.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "core/time.h"
#include "features/accounts/model.h"
#include "platform/database/database.h"

namespace houqin::storage {

struct SessionRecord {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string csrf_token;
    Instant last_seen_at;
    Instant created_at;  // the log-in (auth.session_max_hours counts from it)
    std::string scope_path;
    std::optional<std::int64_t> vendor_org_id;
};

// One query per request: the session with its user and organisation.
struct SessionWithUser {
    SessionRecord session;
    UserRecord user;
};

std::vector<Organisation> ListOrgs(Connection& connection);
std::optional<Organisation> FindOrg(Connection& connection, std::int64_t id);
std::int64_t InsertOrg(Connection& connection, const Organisation& org, Instant now);  // fills path from parent
std::string OrgSnapshot(const Organisation& org);

std::optional<UserRecord> FindUserByName(Connection& connection, const std::string& username);
std::optional<UserRecord> FindUser(Connection& connection, std::int64_t id);
std::int64_t InsertUser(Connection& connection, const UserRecord& user, Instant now);
void UpdateUser(Connection& connection, const UserRecord& user, Instant now);
// The counters of the password rule (migrations 6 and 7; features/accounts/password_gate.h).
struct AttemptCounter {
    std::string subject;     // "account:<name>@<address>", "address:<address>", "account:<name>"
    std::int64_t limit = 0;  // failures in a row before a wait
    Instant forget_before;   // a count whose last attempt and last wait ended before this starts again at 1
    Instant hold_until;      // the wait the attempt reaching the limit starts while its password is checked
    std::string mark;        // random, of this attempt: it holds the wait it started
};
struct AttemptCharge {
    std::int64_t failures = 0;         // attempts counted in a row, this one included (unchanged while waiting)
    std::int64_t locked_until_ms = 0;  // > now: waiting (held by this attempt, or nothing was counted)
    bool holds = false;                // this attempt reached the limit and started the wait: it is checked
};
// Counts one attempt at `counter` in one atomic statement, unless it waits.
AttemptCharge ChargeAttempt(Connection& connection, const AttemptCounter& counter, Instant now);
// Sets the wait of `subject` to end at `until` and releases its holder (the held attempt's password was wrong).
void SetWait(Connection& connection, const std::string& subject, Instant until, Instant now);
// Forgets the count of `subject` after a right password: when it is not waiting, or its wait is held by `mark`;
// false when another attempt made it wait meanwhile (nothing changed).
bool ClearAttempts(Connection& connection, const std::string& subject, Instant now, const std::string& mark);
// Takes back the count a right password made at `subject` (the address's), so that only failures add up: one
// office's people behind one address logging in one after another never make it wait, while the failures of a sweep
// over many names still count. When this very attempt started the wait, the wait ends too.
void RefundAttempt(Connection& connection, const std::string& subject, Instant now, const std::string& mark);
// Lifts the delay and the count of `subject` and of each "<subject>@<address>" (an administrator set a new password).
void ResetLockout(Connection& connection, const std::string& subject);
std::int64_t CountUsers(Connection& connection);
std::string UserSnapshot(const UserRecord& user);  // never includes the password hash

Page<UserRecord> ListUsers(Connection& connection, const UserFilter& filter);

void InsertSession(Connection& connection, const std::string& token_hash, const SessionRecord& session, Instant now,
                   const std::string& ip);
std::optional<SessionWithUser> FindSession(Connection& connection, const std::string& token_hash);
void TouchSession(Connection& connection, std::int64_t session_id, Instant now);
void DeleteSession(Connection& connection, const std::string& token_hash);
void DeleteUserSessions(Connection& connection, std::int64_t user_id, const std::string& except_token_hash);

}  // namespace houqin::storage
