#pragma once
// Numbers in rules are settings with history: an administrator changes them with a reason, and every decision
// that used one records the value it used (REQUIREMENTS.md preamble).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

struct SettingChoice {
    std::int64_t value;
    Text label;
};

// Most settings are numbers; a few are words the documents print (the title of the organisation's own rules).
enum class SettingKind { kNumber, kText };

struct SettingDefinition {
    std::string_view key;
    std::int64_t default_value;
    std::int64_t min;  // kText: the fewest characters
    std::int64_t max;  // kText: the most characters
    Text unit;
    Text description;
    std::vector<SettingChoice> choices = {};  // when set, the value is one of these (edited as a choice)
    SettingKind kind = SettingKind::kNumber;
    std::string_view default_text = {};  // kText
};

const std::vector<SettingDefinition>& AllSettings();
const SettingDefinition* FindSetting(std::string_view key);

namespace setting {
constexpr std::string_view kMaxFailedLogins = "auth.max_failed_logins";
constexpr std::string_view kLockoutMinutes = "auth.lockout_minutes";
constexpr std::string_view kSessionIdleMinutes = "auth.session_idle_minutes";
constexpr std::string_view kSessionMaxHours = "auth.session_max_hours";
constexpr std::string_view kLockoutMaxMinutes = "auth.lockout_max_minutes";
constexpr std::string_view kAddressMaxFailures = "auth.address_max_failures";
constexpr std::string_view kAccountMaxFailures = "auth.account_max_failures";
constexpr std::string_view kQualificationWarningDays = "vendor.qualification_warning_days";
constexpr std::string_view kContractReminderFirst = "contract.reminder_days_first";
constexpr std::string_view kContractReminderSecond = "contract.reminder_days_second";
constexpr std::string_view kContractReminderFinal = "contract.reminder_days_final";
// D1 Art.8 (RP-1 … RP-3) and SUP-3, SUP-4, SUP-8.
constexpr std::string_view kPolicyFailuresThreshold = "policy.failures_threshold";
constexpr std::string_view kPolicyWindow = "policy.window";  // 1 rolling 12 months, 2 contract year, 3 calendar year
constexpr std::string_view kPolicySatisfactionPercent = "policy.satisfaction_percent";
constexpr std::string_view kPolicyRewardAssessmentAverage = "policy.reward_assessment_average";
constexpr std::string_view kPolicyRewardSatisfactionPercent = "policy.reward_satisfaction_percent";
constexpr std::string_view kAssessmentAppealDays = "assessment.appeal_days";
constexpr std::string_view kAssessmentFailedItemPercent = "assessment.failed_item_percent";
constexpr std::string_view kSurveyBasicCountsSatisfied = "survey.basic_counts_satisfied";
// PRJ-6, PRJ-7 (D4 §5).
constexpr std::string_view kProcurementPublishCeiling = "procurement.publish_ceiling";
constexpr std::string_view kProcurementMinValidBids = "procurement.min_valid_bids";
constexpr std::string_view kProcurementOpeningMaxFailures = "procurement.opening_max_failures";
constexpr std::string_view kProcurementOpeningLockMinutes = "procurement.opening_lock_minutes";
constexpr std::string_view kProcurementWitnessConsentMinutes = "procurement.witness_consent_minutes";
constexpr std::string_view kProcurementMinBiddingDays = "procurement.min_bidding_days";
// STF-4 (D2 staff rule 6): days the vendor has to report back on a written replacement request.
constexpr std::string_view kStaffReplacementDays = "staff.replacement_days";
// STF-2 (D3 §9): days before a person's document expires that it is flagged and reminded; whether an expired
// required document stops the person counting as present (STF-6), 1 yes (the default) or 0 no.
constexpr std::string_view kStaffDocumentWarningDays = "staff.document_warning_days";
constexpr std::string_view kStaffExpiredDocumentBlocks = "staff.expired_document_blocks";
// STF-3 (D3 §2): the pass mark of the qualification test; each result keeps the one it was judged against.
constexpr std::string_view kStaffQualificationPassScore = "staff.qualification_pass_score";
// CC-3 (D2 names no shift times): an agent is late when the first clock-in of a required working day is after this
// time, in minutes after midnight Asia/Shanghai (540 = 09:00), one of the half hours from 07:00 to 10:30.
constexpr std::string_view kCallCentreWorkStart = "callcentre.work_start_minutes";
// CON-1: the title of the town's own rules (D1), which every contract cites as its basis.
constexpr std::string_view kOrganisationRulesTitle = "organisation.rules_title";
}  // namespace setting

struct SettingChange {
    std::int64_t value = 0;
    std::string text_value;  // settings in words (SettingKind::kText)
    Instant changed_at;
    std::string changed_by;
    std::string reason;
};

}  // namespace houqin
