#include "features/staff/rules/staffing_versions.h"

#include <fmt/format.h>

#include <algorithm>

namespace houqin {
namespace {

Text DayTypeName(DayType type) {
    switch (type) {
        case DayType::kWorkday: return {"工作日", "working days"};
        case DayType::kWeekend: return {"休息日", "rest days"};
        case DayType::kHoliday: return {"法定节假日", "public holidays"};
    }
    return {"工作日", "working days"};
}

}  // namespace

AppliedChange ApplyChange(const std::vector<StaffingRequirement>& base, const StaffingChange& change) {
    auto staffing = base;
    for (const auto day_type : change.day_types) {
        const auto same = std::find_if(staffing.begin(), staffing.end(), [&](const StaffingRequirement& entry) {
            return entry.day_type == day_type && entry.role == change.post;
        });
        if (same == staffing.end()) {
            staffing.push_back({day_type, change.post, change.people, change.hours});
            continue;
        }
        if (same->hours != change.hours) {
            const auto day = DayTypeName(day_type);
            return {std::nullopt,
                    {fmt::format("岗位“{}”在{}已要求每人每日 {} 小时,增配人员须同为 {} 小时,或另设岗位名称",
                                 change.post, day.zh, same->hours, same->hours),
                     fmt::format("Post \"{}\" already requires {} hours a person on {}; extra people must work the "
                                 "same {} hours, or be asked for under a post name of their own",
                                 change.post, same->hours, day.en, same->hours)}};
        }
        same->people += change.people;
    }
    return {std::move(staffing), {}};
}

std::vector<RequirementVersion> RequirementHistory(const std::vector<StaffingRequirement>& contract_staffing,
                                                   Date term_start, std::vector<StaffingChange> changes,
                                                   std::vector<Text>* warnings) {
    std::stable_sort(changes.begin(), changes.end(), [](const StaffingChange& a, const StaffingChange& b) {
        return a.effective_from < b.effective_from;
    });
    std::vector<RequirementVersion> history;
    history.push_back({term_start, contract_staffing, {"合同约定的人员配置", "The contract's staffing terms"}});
    for (const auto& change : changes) {
        auto applied = ApplyChange(history.back().staffing, change);
        if (!applied.staffing) {
            if (warnings) warnings->push_back(applied.refusal);
            continue;
        }
        // A change effective before the contract began counts from its first day.
        const auto from = std::max(change.effective_from, term_start);
        if (history.back().effective_from == from) {
            history.back().staffing = std::move(*applied.staffing);
            history.back().source = {history.back().source.zh + ";" + change.source.zh,
                                     history.back().source.en + "; " + change.source.en};
        } else {
            history.push_back({from, std::move(*applied.staffing), change.source});
        }
    }
    return history;
}

std::vector<StaffingRequirement> RequirementOn(const std::vector<RequirementVersion>& history, Date day) {
    const RequirementVersion* in_force = nullptr;
    for (const auto& version : history) {
        if (version.effective_from <= day) in_force = &version;
    }
    if (in_force == nullptr) return history.empty() ? std::vector<StaffingRequirement>{} : history.front().staffing;
    return in_force->staffing;
}

}  // namespace houqin
