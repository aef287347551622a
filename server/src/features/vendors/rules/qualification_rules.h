#pragma once
// PRJ-4: a qualification is flagged expired after its last valid day, and "expiring" within the warning window
// (setting vendor.qualification_warning_days) so the office can ask for a renewed certificate in time.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace houqin {

enum class QualificationStatus { kNone, kOk, kExpiring, kExpired };
std::string_view QualificationStatusCode(QualificationStatus status);

struct QualificationVerdict {
    QualificationStatus status;
    std::int64_t days_left;  // negative once expired
};

QualificationVerdict JudgeQualification(Date valid_until, Date today, std::int64_t warning_days);
// The worst of several (a vendor is "expired" when any of its qualifications is); kNone for none.
QualificationStatus WorstStatus(const std::vector<QualificationStatus>& statuses);

}  // namespace houqin
