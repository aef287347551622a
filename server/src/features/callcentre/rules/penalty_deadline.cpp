#include "features/callcentre/rules/penalty_deadline.h"

#include <fmt/format.h>

#include <string>

namespace houqin {
namespace {

constexpr std::int64_t kMillisecondsPerDay = 86'400'000;

Instant ShanghaiMidnight(Date date) { return Instant{(date.days() * 86'400 - kShanghaiOffsetSeconds) * 1000}; }

}  // namespace

Instant PenaltyDeadline(AssessmentMonth month) { return ShanghaiMidnight(month.Next().FirstDay().AddDays(1)); }

AssessmentMonth OldestOpenPenaltyMonth(Instant now) {
    const AssessmentMonth current = AssessmentMonth::Of(now.ShanghaiDate());
    const AssessmentMonth previous =
        current.month == 1 ? AssessmentMonth{current.year - 1, 12} : AssessmentMonth{current.year, current.month - 1};
    return now < PenaltyDeadline(previous) ? previous : current;
}

std::string ShanghaiClockText(Instant instant) {
    const std::int64_t local = instant.ms + kShanghaiOffsetSeconds * 1000;
    const Date date = instant.ShanghaiDate();
    const std::int64_t in_day = local - date.days() * kMillisecondsPerDay;
    const std::int64_t hour = in_day / 3'600'000;
    const std::int64_t minute = in_day / 60'000 % 60;
    const std::int64_t second = in_day / 1000 % 60;
    const std::int64_t millisecond = in_day % 1000;
    if (millisecond != 0) {
        return fmt::format("{} {:02d}:{:02d}:{:02d}.{:03d}", date.ToString(), hour, minute, second, millisecond);
    }
    if (second != 0) return fmt::format("{} {:02d}:{:02d}:{:02d}", date.ToString(), hour, minute, second);
    return fmt::format("{} {:02d}:{:02d}", date.ToString(), hour, minute);
}

PenaltyDeadlineCheck CheckPenaltyDeadline(AssessmentMonth month, Instant submitted_at) {
    PenaltyDeadlineCheck check;
    check.month = month;
    check.submitted_at = submitted_at;
    check.deadline = PenaltyDeadline(month);
    check.timing = submitted_at < check.deadline ? PenaltyTiming::kInTime : PenaltyTiming::kTooLate;
    const std::string name = month.ToString();
    const std::string submitted = ShanghaiClockText(submitted_at);
    const std::string deadline = ShanghaiClockText(check.deadline);
    if (check.timing == PenaltyTiming::kInTime) {
        check.reason = {fmt::format("{} 提交（北京时间），早于 {} 月处罚建议的截止时间 {}，计入 {} 月", submitted, name,
                                    deadline, name),
                        fmt::format("Submitted {} (Asia/Shanghai), before the {} deadline of {}; counts for {}",
                                    submitted, name, deadline, name)};
    } else {
        check.reason = {
            fmt::format("{} 提交（北京时间），已过 {} 月处罚建议的截止时间 {}（须在次月 2 日 0 "
                        "时前提交书面依据），不计入 {} 月",
                        submitted, name, deadline, name),
            fmt::format("Submitted {} (Asia/Shanghai), not before the {} deadline of {} (written evidence is due "
                        "before 00:00 on the 2nd of the following month); does not count for {}",
                        submitted, name, deadline, name)};
    }
    check.values = {{"month", name},
                    {"submitted_at", submitted_at.ToIso()},
                    {"deadline", check.deadline.ToIso()},
                    {"timing", check.timing == PenaltyTiming::kInTime ? "in_time" : "too_late"}};
    return check;
}

}  // namespace houqin
