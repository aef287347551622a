#include "features/accounts/password_gate.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <vector>

#include "features/accounts/auth_service.h"
#include "features/accounts/rules/lockout.h"
#include "features/accounts/store.h"
#include "platform/audit/audit_store.h"
#include "platform/service/random_token.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string AccountSubject(const std::string& username) { return "account:" + Lower(username); }

// A fixed hash checked against when the name is unknown or a counter waits, so every refusal costs the same.
const std::string& DummyHash() {
    static const std::string kHash = AuthService::HashPassword("no-such-user-password-1");
    return kHash;
}

// One counter: what it is called in the settings, and what it counted for this attempt.
struct Counter {
    storage::AttemptCounter counter;
    std::string_view limit_key;
    storage::AttemptCharge charge;
};

}  // namespace

Text PasswordGate::RefusedMessage(const PasswordCheck& check, bool login) {
    const auto rule_zh =
        fmt::format("连续输错 {} 次后须等待至少 {} 分钟才能再试", check.max_failures, check.wait_minutes);
    const auto rule_en = fmt::format("after {} failures in a row you must wait at least {} minutes before trying again",
                                     check.max_failures, check.wait_minutes);
    if (login) return {"用户名或密码错误;" + rule_zh, "Wrong username or password; " + rule_en};
    return {"原密码不正确;" + rule_zh, "The current password is wrong; " + rule_en};
}

void PasswordGate::Reset(storage::Connection& connection, const std::string& username) {
    storage::ResetLockout(connection, AccountSubject(username));
}

PasswordCheck PasswordGate::Check(storage::Connection& connection, const PasswordAttempt& attempt, const Actor& actor) {
    const auto now = context_.clock.Now();
    auto& settings = context_.settings;
    const auto first_wait = settings.Get(connection, setting::kLockoutMinutes);
    const auto longest_wait = std::max(first_wait, settings.Get(connection, setting::kLockoutMaxMinutes));
    PasswordCheck result;
    result.max_failures = settings.Get(connection, setting::kMaxFailedLogins);
    result.wait_minutes = first_wait;
    const std::string address = actor.ip.empty() ? "unknown" : actor.ip;
    const std::string mark = RandomHex(16);
    // A count is forgotten once its last attempt and its last wait are both older than the first wait. While the
    // attempt that reached a limit is checked, its counter waits the longest wait; the check then sets the real one.
    const Instant forget_before{now.ms - first_wait * 60'000};
    const Instant hold_until{now.ms + longest_wait * 60'000};
    std::vector<Counter> counters = {
        {{"address:" + address, settings.Get(connection, setting::kAddressMaxFailures), forget_before, hold_until,
          mark},
         setting::kAddressMaxFailures,
         {}},
        {{AccountSubject(attempt.username) + "@" + address, result.max_failures, forget_before, hold_until, mark},
         setting::kMaxFailedLogins,
         {}},
        {{AccountSubject(attempt.username), settings.Get(connection, setting::kAccountMaxFailures), forget_before,
          hold_until, mark},
         setting::kAccountMaxFailures,
         {}},
    };
    // Count at each counter in turn, stopping at the first one that waits for another attempt: this one is refused
    // without a check.
    const Counter* waiting = nullptr;
    std::size_t charged = 0;
    for (auto& counter : counters) {
        counter.charge = storage::ChargeAttempt(connection, counter.counter, now);
        ++charged;
        if (counter.charge.locked_until_ms > now.ms && !counter.charge.holds) {
            waiting = &counter;
            break;
        }
    }
    const auto wait_of = [&](const Counter& counter) {
        // The lockout rule's lock for the count reached (features/accounts/rules/lockout.h).
        return Instant{
            now.ms + LockMinutes(counter.charge.failures, {counter.counter.limit, first_wait, longest_wait}) * 60'000};
    };
    const bool right = AuthService::VerifyPassword(waiting ? DummyHash() : attempt.password_hash.value_or(DummyHash()),
                                                   attempt.password) &&
                       !waiting && attempt.password_hash.has_value();
    std::vector<const Counter*> started;  // the waits this attempt started (it held them)
    for (std::size_t i = 0; i < charged; ++i) {
        if (counters[i].charge.holds) started.push_back(&counters[i]);
    }
    if (right) {
        // The name's counts start again (unless another attempt made them wait meanwhile); the address's does not:
        // one right password must not hide a sweep over other names. It only takes back its own count, so the
        // address counts failures alone: thirty people of one office behind one address log in at nine without
        // making the thirty-first wait.
        bool clear = true;
        for (std::size_t i = 1; i < counters.size(); ++i) {
            clear = storage::ClearAttempts(connection, counters[i].counter.subject, now, mark) && clear;
        }
        storage::RefundAttempt(connection, counters[0].counter.subject, now, mark);
        result.verdict = clear ? PasswordVerdict::kRight : PasswordVerdict::kLocked;
        return result;
    }
    storage::Transaction transaction(connection);
    nlohmann::json values{{"username", attempt.username},
                          {"address", address},
                          {"failed_logins", counters[1].charge.failures},
                          {"max_failed_logins", result.max_failures},
                          {"lockout_minutes", first_wait},
                          {"lockout_max_minutes", longest_wait}};
    for (const Counter* counter : started) {
        const auto until = wait_of(*counter);
        storage::SetWait(connection, counter->counter.subject, until, now);
        values["waits"].push_back(nlohmann::json{{"counter", counter->counter.subject},
                                                 {"setting", counter->limit_key},
                                                 {"limit", counter->counter.limit},
                                                 {"failures", counter->charge.failures},
                                                 {"minutes", (until.ms - now.ms) / 60'000}});
    }
    if (waiting) {
        // Refused unchecked: the security log says why; the trail already holds the wait (when it started).
        result.verdict = PasswordVerdict::kLocked;
        result.minutes_left = MinutesUntil(Instant{waiting->charge.locked_until_ms}, now);
        spdlog::warn("security: password attempt for '{}' from {} refused unchecked: {} waits {} more minute(s)",
                     attempt.username, address, waiting->counter.subject, result.minutes_left);
        if (started.empty()) return result;
    }
    // The decision records the values it used; the name typed is kept when no account has it (a probe).
    const std::string action = started.empty() ? std::string(attempt.failure_action) : "lockout";
    storage::AppendAudit(connection, &actor, now, {action, "user", attempt.user_id, std::nullopt, values.dump()});
    transaction.Commit();
    return result;
}

}  // namespace houqin
