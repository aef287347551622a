#include "domain/settings.h"

namespace houqin {

const std::vector<SettingDefinition>& AllSettings() {
    static const std::vector<SettingDefinition> kSettings = {
        {setting::kMaxFailedLogins,
         5,
         2,
         20,
         {"次", "attempts"},
         {"连续登录失败多少次后锁定账号", "Failed log-ins in a row before the account is locked"}},
        {setting::kLockoutMinutes,
         15,
         1,
         1440,
         {"分钟", "minutes"},
         {"账号锁定时长", "How long a locked account stays locked"}},
        {setting::kSessionIdleMinutes,
         120,
         5,
         1440,
         {"分钟", "minutes"},
         {"会话空闲多久后需要重新登录", "Idle time after which a session must log in again"}},
        {setting::kQualificationWarningDays,
         30,
         0,
         365,
         {"天", "days"},
         {"资质到期前多少天提醒", "Days before a qualification expires that it is flagged as expiring"}},
        // contracts are reminded 90, 30 and 7 days before they end.
        {setting::kContractReminderFirst,
         90,
         1,
         365,
         {"天", "days"},
         {"合同到期前多少天开始提醒", "Days before a contract ends that the first reminder appears"}},
        {setting::kContractReminderSecond,
         30,
         1,
         365,
         {"天", "days"},
         {"合同到期前多少天提醒升级为警告", "Days before a contract ends that the reminder becomes a warning"}},
        {setting::kContractReminderFinal,
         7,
         0,
         365,
         {"天", "days"},
         {"合同到期前多少天提醒升级为紧急", "Days before a contract ends that the reminder becomes urgent"}},
    };
    return kSettings;
}

const SettingDefinition* FindSetting(std::string_view key) {
    for (const auto& definition : AllSettings()) {
        if (definition.key == key) return &definition;
    }
    return nullptr;
}

}  // namespace houqin
