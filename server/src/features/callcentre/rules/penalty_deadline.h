#pragma once
// CC-4: Party A's penalty suggestions from recordings or supervision count for month M only when their written
// evidence is submitted before 00:00 Asia/Shanghai on the 2nd of month M+1. A suggestion submitted on the 1st at
// 23:59:59.999 counts; one submitted on the 2nd at 00:00:00.000 does not (it is refused for that month, with the
// reason naming the deadline). Nothing earlier is refused: when the office submits evidence early is its own matter.
// The deadline is an instant, compared to the millisecond; Shanghai keeps UTC+8 all year (core/time.h).
#include <string>
#include <vector>

#include "core/result.h"
#include "core/rule_parameter.h"
#include "core/time.h"
#include "features/callcentre/rules/assessment_month.h"

namespace houqin {

// The first instant that is too late for `month`: 00:00 Asia/Shanghai on the 2nd of the following month.
Instant PenaltyDeadline(AssessmentMonth month);

// The earliest month a suggestion submitted at `now` can still count for: the previous month until the 2nd 00:00,
// then the current month. The service offers it as the default and reminds of its deadline.
AssessmentMonth OldestOpenPenaltyMonth(Instant now);

enum class PenaltyTiming { kInTime, kTooLate };

struct PenaltyDeadlineCheck {
    PenaltyTiming timing = PenaltyTiming::kInTime;
    AssessmentMonth month;
    Instant submitted_at;
    Instant deadline;
    Text reason;                          // both cases, naming the month, the submission time and the deadline
    std::vector<PolicyParameter> values;  // month, submitted_at, deadline (ISO, +08:00)
};

PenaltyDeadlineCheck CheckPenaltyDeadline(AssessmentMonth month, Instant submitted_at);

// "2026-12-02 00:00" (or "... 00:00:30" when the seconds are not zero), Asia/Shanghai wall clock, for the texts.
std::string ShanghaiClockText(Instant instant);

}  // namespace houqin
