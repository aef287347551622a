#include "features/procurement/rules/selection_criteria.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

namespace houqin {
namespace {

std::string_view Trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// Why the vendor's certificates of `type` do not satisfy it on `bid_date`, or nothing when one does.
std::optional<CriterionFailure> CheckQualification(const Vendor& vendor, std::string_view type, Date bid_date) {
    const std::string criterion = fmt::format("qualification:{}", type);
    const Qualification* latest_expired = nullptr;
    const Qualification* earliest_future = nullptr;
    const Qualification* unverified = nullptr;
    for (const auto& qualification : vendor.qualifications) {
        if (Trim(qualification.type) != type) continue;
        // PRJ-4: what a vendor states about itself counts only once the office has checked it against the scan.
        if (qualification.verification != QualificationVerification::kVerified) {
            if (!unverified || unverified->verification == QualificationVerification::kRejected) {
                unverified = &qualification;
            }
            continue;
        }
        if (qualification.valid_from <= bid_date && bid_date <= qualification.valid_until) return std::nullopt;
        if (qualification.valid_until < bid_date) {
            if (!latest_expired || latest_expired->valid_until < qualification.valid_until) {
                latest_expired = &qualification;
            }
        } else if (!earliest_future || qualification.valid_from < earliest_future->valid_from) {
            earliest_future = &qualification;
        }
    }
    // A certificate the office has not verified is the most useful news: it may be all that is missing.
    if (unverified && unverified->verification == QualificationVerification::kPending) {
        return CriterionFailure{
            "qualification_unverified",
            criterion,
            {fmt::format("资质「{}」(证书 {})待办公室核验,核验通过前不计入投标资格", type, unverified->cert_no),
             fmt::format("qualification \"{}\" (certificate {}) awaits the office's verification against its scan "
                         "and does not count until verified",
                         type, unverified->cert_no)}};
    }
    if (unverified) {
        return CriterionFailure{"qualification_rejected",
                                criterion,
                                {fmt::format("资质「{}」(证书 {})已被办公室退回:{}", type, unverified->cert_no,
                                             unverified->rejection_reason),
                                 fmt::format("qualification \"{}\" (certificate {}) was rejected by the office: {}",
                                             type, unverified->cert_no, unverified->rejection_reason)}};
    }
    // A certificate that starts later is the more useful news: the vendor may only need to wait or re-date.
    if (earliest_future) {
        return CriterionFailure{
            "qualification_not_yet_valid",
            criterion,
            {fmt::format("资质「{}」(证书 {})自 {} 起有效,投标日 {} 尚未生效", type, earliest_future->cert_no,
                         earliest_future->valid_from.ToString(), bid_date.ToString()),
             fmt::format("qualification \"{}\" (certificate {}) is valid only from {}, after the bid date {}", type,
                         earliest_future->cert_no, earliest_future->valid_from.ToString(), bid_date.ToString())}};
    }
    if (latest_expired) {
        return CriterionFailure{
            "qualification_expired",
            criterion,
            {fmt::format("资质「{}」(证书 {})已于 {} 到期,投标日为 {}", type, latest_expired->cert_no,
                         latest_expired->valid_until.ToString(), bid_date.ToString()),
             fmt::format("qualification \"{}\" (certificate {}) expired on {}, before the bid date {}", type,
                         latest_expired->cert_no, latest_expired->valid_until.ToString(), bid_date.ToString())}};
    }
    return CriterionFailure{
        "qualification_missing",
        criterion,
        {fmt::format("缺少资质「{}」", type), fmt::format("qualification \"{}\" is missing", type)}};
}

}  // namespace

CriteriaVerdict CheckSelectionCriteria(const SelectionCriteria& criteria, const Vendor& vendor, Date bid_date) {
    CriteriaVerdict verdict;
    if (vendor.status == VendorStatus::kSuspended) {
        verdict.failures.push_back({"vendor_suspended",
                                    "vendor_status",
                                    {"供应商已被暂停,不能参与投标", "the vendor is suspended and may not bid"}});
    }

    std::vector<std::string> required;
    for (const auto& raw : criteria.qualification_types) {
        const std::string type(Trim(raw));
        if (type.empty() || std::find(required.begin(), required.end(), type) != required.end()) continue;
        required.push_back(type);
        if (auto failure = CheckQualification(vendor, type, bid_date)) verdict.failures.push_back(std::move(*failure));
    }

    if (vendor.staff_count < criteria.min_staff_count) {
        verdict.failures.push_back(
            {"staff_below_minimum",
             "min_staff_count",
             {fmt::format("员工人数 {} 人,少于最低要求 {} 人", vendor.staff_count, criteria.min_staff_count),
              fmt::format("{} staff, fewer than the required {}", vendor.staff_count, criteria.min_staff_count)}});
    }
    if (criteria.require_management_system && !vendor.has_management_system) {
        verdict.failures.push_back({"no_management_system",
                                    "management_system",
                                    {"缺少完善的管理制度", "no management system, which the category requires"}});
    }
    if (criteria.require_training_system && !vendor.has_training_system) {
        verdict.failures.push_back(
            {"no_training_system",
             "training_system",
             {"缺少完善的人员培训制度", "no staff training system, which the category requires"}});
    }

    verdict.qualified = verdict.failures.empty();
    std::string types;
    for (const auto& type : required) types += (types.empty() ? "" : ",") + type;
    verdict.values = {{"bid_date", bid_date.ToString()},
                      {"required_qualifications", types},
                      {"min_staff_count", std::to_string(criteria.min_staff_count)},
                      {"staff_count", std::to_string(vendor.staff_count)},
                      {"require_management_system", criteria.require_management_system ? "true" : "false"},
                      {"require_training_system", criteria.require_training_system ? "true" : "false"}};
    return verdict;
}

}  // namespace houqin
