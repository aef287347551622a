#pragma once
// The lockout rule for every secret a person types (ROLE-1 log-in and password change, PRJ-7 the opening's two
// secrets): after `max_failures` failures in a row the secret is refused unchecked for `lock_minutes`; each further
// failure after a lock doubles the lock, up to `longest_lock_minutes`; once a lock is over, the next failure starts
// the count again at 1. Pure: the caller keeps the count and the time of the last failure (the log-in in
// login_throttle, the opening in its project's row), increments the count in the same atomic statement that records
// a failure, so parallel wrong attempts all count, and asks this rule before checking a secret.
#include <cstdint>
#include <optional>

#include "core/time.h"

namespace houqin {

struct LockoutRule {
    std::int64_t max_failures = 5;          // failures in a row that start a lock
    std::int64_t lock_minutes = 15;         // the first lock
    std::int64_t longest_lock_minutes = 0;  // each failure after a lock doubles it up to this; 0: never doubled
};

struct LockoutState {
    std::int64_t failures = 0;            // failures in a row, counted so far
    std::optional<Instant> last_failure;  // when the last of them was recorded
};

struct LockoutDecision {
    bool allowed = true;             // the secret may be checked now
    std::int64_t wait_minutes = 0;   // refused: whole minutes until it may be tried again, rounded up
    std::int64_t next_failures = 1;  // allowed: the count once this attempt fails
};

// The lock a count of `failures` starts: none below the limit, the first lock at it, doubled with each failure after
// it, never longer than the longest.
std::int64_t LockMinutes(std::int64_t failures, const LockoutRule& rule);

// Whole minutes from `now` until `until`, rounded up (what a person is told to wait).
std::int64_t MinutesUntil(Instant until, Instant now);

// Whether a secret may be tried at `now`, given the count so far.
LockoutDecision DecideLockout(const LockoutState& state, Instant now, const LockoutRule& rule);

}  // namespace houqin
