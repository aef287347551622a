#include "features/accounts/rules/lockout.h"

#include <algorithm>

namespace houqin {

std::int64_t LockMinutes(std::int64_t failures, const LockoutRule& rule) {
    if (failures < rule.max_failures) return 0;
    const auto longest = std::max(rule.lock_minutes, rule.longest_lock_minutes);
    std::int64_t minutes = rule.lock_minutes;
    for (std::int64_t step = rule.max_failures; step < failures && minutes < longest; ++step) minutes *= 2;
    return std::min(minutes, longest);
}

std::int64_t MinutesUntil(Instant until, Instant now) { return (until.ms - now.ms + 59'999) / 60'000; }

LockoutDecision DecideLockout(const LockoutState& state, Instant now, const LockoutRule& rule) {
    LockoutDecision decision;
    const auto lock_ms = LockMinutes(state.failures, rule) * 60'000;
    if (lock_ms == 0 || !state.last_failure) {
        decision.next_failures = state.failures + 1;
        return decision;
    }
    const auto until_ms = state.last_failure->ms + lock_ms;
    if (now.ms < until_ms) {
        decision.allowed = false;
        decision.wait_minutes = MinutesUntil(Instant{until_ms}, now);
        decision.next_failures = state.failures;
        return decision;
    }
    // The lock is over: the count starts again.
    decision.next_failures = 1;
    return decision;
}

}  // namespace houqin
