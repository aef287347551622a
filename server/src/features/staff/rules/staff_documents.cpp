#include "features/staff/rules/staff_documents.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace houqin {

std::string_view DocumentKindCode(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::kHealthCertificate: return "health_certificate";
        case DocumentKind::kLabourContract: return "labour_contract";
        case DocumentKind::kSocialInsuranceProof: return "social_insurance_proof";
        case DocumentKind::kEducationProof: return "education_proof";
    }
    return "health_certificate";
}

const std::vector<DocumentKind>& AllDocumentKinds() {
    static const std::vector<DocumentKind> kKinds = {DocumentKind::kHealthCertificate, DocumentKind::kLabourContract,
                                                     DocumentKind::kSocialInsuranceProof,
                                                     DocumentKind::kEducationProof};
    return kKinds;
}

std::optional<DocumentKind> ParseDocumentKind(std::string_view code) {
    for (const auto kind : AllDocumentKinds()) {
        if (DocumentKindCode(kind) == code) return kind;
    }
    return std::nullopt;
}

Text DocumentKindText(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::kHealthCertificate: return {"健康证", "health certificate"};
        case DocumentKind::kLabourContract: return {"劳动合同", "labour contract"};
        case DocumentKind::kSocialInsuranceProof: return {"社保证明", "social-insurance proof"};
        case DocumentKind::kEducationProof: return {"学历证明", "education proof"};
    }
    return {"健康证", "health certificate"};
}

std::string_view DocumentStateCode(DocumentState state) {
    switch (state) {
        case DocumentState::kMissing: return "missing";
        case DocumentState::kExpired: return "expired";
        case DocumentState::kExpiring: return "expiring";
    }
    return "missing";
}

std::vector<DocumentFlag> JudgeDocuments(const std::vector<DocumentKind>& required,
                                         const std::vector<HeldDocument>& held, Date today, std::int64_t warning_days) {
    // The newest of each kind counts: a renewed certificate replaces the expired one.
    std::map<DocumentKind, const HeldDocument*> newest;
    for (const auto& document : held) {
        auto& slot = newest[document.kind];
        if (slot == nullptr || slot->issued_on <= document.issued_on) slot = &document;
    }
    std::vector<DocumentFlag> flags;
    for (const auto kind : AllDocumentKinds()) {
        const auto name = DocumentKindText(kind);
        const auto found = newest.find(kind);
        if (found == newest.end()) {
            if (std::find(required.begin(), required.end(), kind) != required.end()) {
                flags.push_back({kind,
                                 DocumentState::kMissing,
                                 std::nullopt,
                                 {fmt::format("缺{}", name.zh), fmt::format("no {}", name.en)}});
            }
            continue;
        }
        const auto& expires_on = found->second->expires_on;
        if (!expires_on) continue;
        const auto day = expires_on->ToString();
        if (*expires_on < today) {
            flags.push_back({kind,
                             DocumentState::kExpired,
                             expires_on,
                             {fmt::format("{}已过期 {}", name.zh, day), fmt::format("{} expired {}", name.en, day)}});
        } else if (expires_on->days() - today.days() <= warning_days) {
            flags.push_back(
                {kind,
                 DocumentState::kExpiring,
                 expires_on,
                 {fmt::format("{}将于 {} 到期", name.zh, day), fmt::format("{} expires {}", name.en, day)}});
        }
    }
    return flags;
}

std::string MonthCode(Date day) { return day.ToString().substr(0, 7); }

std::optional<Date> ParseMonth(std::string_view month) {
    if (month.size() != 7 || month[4] != '-') return std::nullopt;
    const auto day = Date::Parse(std::string(month) + "-01");
    if (!day || day->ToString().substr(0, 7) != month) return std::nullopt;
    const int year = std::stoi(std::string(month.substr(0, 4)));
    if (year < 2000 || year > 2100) return std::nullopt;
    return day;
}

std::vector<std::string> MissingInsuranceMonths(Date start, std::optional<Date> end, Date today,
                                                const std::set<std::string>& paid_months) {
    std::vector<std::string> missing;
    const auto current = MonthCode(today);
    const auto last = end ? std::min(MonthCode(*end), current) : current;
    auto month = ParseMonth(MonthCode(start));
    while (month) {
        const auto code = MonthCode(*month);
        if (code >= current || code > last) break;
        if (!paid_months.contains(code)) missing.push_back(code);
        month = month->AddDays(31);  // some day of the next month
        month = ParseMonth(MonthCode(*month));
    }
    return missing;
}

Text InsuranceFlagText(std::size_t missing_months) {
    return {fmt::format("社保缺 {} 个月", missing_months),
            fmt::format("social insurance missing for {} month{}", missing_months, missing_months == 1 ? "" : "s")};
}

}  // namespace houqin
