#pragma once
// Numbers in rules are settings with history: an administrator changes them with a reason, and every decision
// that used one records the value it used (REQUIREMENTS.md preamble).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace houqin {

struct SettingDefinition {
    std::string_view key;
    std::int64_t default_value;
    std::int64_t min;
    std::int64_t max;
    Text unit;
    Text description;
};

const std::vector<SettingDefinition>& AllSettings();
const SettingDefinition* FindSetting(std::string_view key);

namespace setting {
constexpr std::string_view kMaxFailedLogins = "auth.max_failed_logins";
constexpr std::string_view kLockoutMinutes = "auth.lockout_minutes";
constexpr std::string_view kSessionIdleMinutes = "auth.session_idle_minutes";
constexpr std::string_view kQualificationWarningDays = "vendor.qualification_warning_days";
constexpr std::string_view kContractReminderFirst = "contract.reminder_days_first";
constexpr std::string_view kContractReminderSecond = "contract.reminder_days_second";
constexpr std::string_view kContractReminderFinal = "contract.reminder_days_final";
}  // namespace setting

}  // namespace houqin
