#include "services/audit_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "domain/settings.h"
#include "storage/catalogue_store.h"
#include "storage/contract_store.h"

namespace houqin {

Result<storage::AuditPage> AuditService::List(const Actor& actor, const storage::AuditFilter& filter) {
    if (auto status = actor.Require(Permission::kAuditRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    return storage::ListAudit(*lease, filter);
}

Result<storage::AuditVerification> AuditService::Verify(const Actor& actor) {
    if (auto status = actor.Require(Permission::kAuditRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    return storage::VerifyAuditChain(*lease);
}

Result<Dashboard> AuditService::GetDashboard(const Actor& actor) {
    if (auto status = actor.Require(Permission::kDashboardRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto scope = storage::VendorScope::Of(actor);
    const auto today = context_.clock.Today();
    Dashboard dashboard;
    dashboard.warning_days = context_.settings.Get(*lease, setting::kQualificationWarningDays);
    dashboard.vendors_total = storage::CountVendors(*lease, scope, std::nullopt);
    dashboard.vendors_active = storage::CountVendors(*lease, scope, VendorStatus::kActive);
    dashboard.qualifications = storage::CountQualifications(*lease, scope, today, dashboard.warning_days);
    dashboard.categories = static_cast<std::int64_t>(storage::ListCategories(*lease, true).size());
    for (int offset = 6; offset >= 0; --offset) {
        const Date day = today.AddDays(-offset);
        const std::int64_t start = (day.days() * 86400 - kShanghaiOffsetSeconds) * 1000;
        const auto count =
            lease->QueryOne("SELECT COUNT(*) FROM audit_log WHERE at >= ? AND at < ?", {start, start + 86'400'000})
                ->Int(0);
        dashboard.audit_per_day.emplace_back(day, count);
    }
    // certificates that expired or expire within the warning window.
    for (const auto& [qualification, vendor_name] :
         storage::QualificationsExpiringBefore(*lease, scope, today.AddDays(dashboard.warning_days), 50)) {
        const auto verdict = JudgeQualification(qualification.valid_until, today, dashboard.warning_days);
        Reminder reminder;
        reminder.link = "/vendors/" + std::to_string(qualification.vendor_id);
        reminder.due = qualification.valid_until;
        if (verdict.status == QualificationStatus::kExpired) {
            reminder.kind = "qualification_expired";
            reminder.severity = "danger";
            reminder.title = {fmt::format("{} 的「{}」已于 {} 过期", vendor_name, qualification.type,
                                          qualification.valid_until.ToString()),
                              fmt::format("{}: '{}' expired on {}", vendor_name, qualification.type,
                                          qualification.valid_until.ToString())};
        } else {
            reminder.kind = "qualification_expiring";
            reminder.severity = "warning";
            reminder.title = {fmt::format("{} 的「{}」将于 {} 到期(剩 {} 天)", vendor_name, qualification.type,
                                          qualification.valid_until.ToString(), verdict.days_left),
                              fmt::format("{}: '{}' expires on {} ({} days left)", vendor_name, qualification.type,
                                          qualification.valid_until.ToString(), verdict.days_left)};
        }
        dashboard.reminders.push_back(std::move(reminder));
    }
    // contracts ending within the first reminder window, rising in severity at the second and final ones.
    if (actor.Can(Permission::kContractRead)) {
        const auto first = context_.settings.Get(*lease, setting::kContractReminderFirst);
        const auto second = context_.settings.Get(*lease, setting::kContractReminderSecond);
        const auto final_days = context_.settings.Get(*lease, setting::kContractReminderFinal);
        for (const auto& contract : storage::ContractsEndingBefore(*lease, scope, today, today.AddDays(first), 50)) {
            if (contract.successor_id) continue;  // already renewed
            const auto days_left = contract.term_end.days() - today.days();
            Reminder reminder;
            reminder.kind = "contract_expiring";
            reminder.severity = days_left <= final_days ? "danger" : days_left <= second ? "warning" : "info";
            reminder.due = contract.term_end;
            reminder.link = "/contracts/" + std::to_string(contract.id);
            reminder.title = {fmt::format("合同 {}「{}」将于 {} 到期(剩 {} 天),请根据考核和满意度结果决定是否续签",
                                          contract.code, contract.title, contract.term_end.ToString(), days_left),
                              fmt::format("Contract {} '{}' ends on {} ({} days left); decide on renewal",
                                          contract.code, contract.title, contract.term_end.ToString(), days_left)};
            dashboard.reminders.push_back(std::move(reminder));
        }
    }
    // Most urgent first, then by date, whatever their kind.
    const auto rank = [](const std::string& severity) {
        return severity == "danger" ? 0 : severity == "warning" ? 1 : 2;
    };
    std::stable_sort(dashboard.reminders.begin(), dashboard.reminders.end(), [&](const Reminder& a, const Reminder& b) {
        return std::make_pair(rank(a.severity), a.due.days()) < std::make_pair(rank(b.severity), b.due.days());
    });
    return dashboard;
}

}  // namespace houqin
