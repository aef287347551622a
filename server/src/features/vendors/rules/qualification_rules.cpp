#include "features/vendors/rules/qualification_rules.h"

namespace houqin {

std::string_view QualificationStatusCode(QualificationStatus status) {
    switch (status) {
        case QualificationStatus::kNone: return "none";
        case QualificationStatus::kOk: return "ok";
        case QualificationStatus::kExpiring: return "expiring";
        case QualificationStatus::kExpired: return "expired";
    }
    return "none";
}

QualificationVerdict JudgeQualification(Date valid_until, Date today, std::int64_t warning_days) {
    const std::int64_t days_left = valid_until.days() - today.days();
    // The certificate is valid through its last day, so it expires the day after valid_until.
    if (days_left < 0) return {QualificationStatus::kExpired, days_left};
    if (days_left <= warning_days) return {QualificationStatus::kExpiring, days_left};
    return {QualificationStatus::kOk, days_left};
}

QualificationStatus WorstStatus(const std::vector<QualificationStatus>& statuses) {
    QualificationStatus worst = QualificationStatus::kNone;
    for (auto status : statuses) {
        if (static_cast<int>(status) > static_cast<int>(worst)) worst = status;
    }
    return worst;
}

}  // namespace houqin
