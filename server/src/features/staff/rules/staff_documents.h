#pragma once
// STF-2: the documents D3 §9 asks of each person (health certificate, labour contract, social-insurance proof,
// education proof) and the monthly social-insurance payments of D3 §3, judged on a day: which required document is
// missing, which has expired or expires soon, and which months since the person started have no payment. Pure:
// the role's required kinds, the documents held and the payments in; flags in words out.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

enum class DocumentKind { kHealthCertificate, kLabourContract, kSocialInsuranceProof, kEducationProof };
std::string_view DocumentKindCode(DocumentKind kind);  // health_certificate, labour_contract, ...
std::optional<DocumentKind> ParseDocumentKind(std::string_view code);
Text DocumentKindText(DocumentKind kind);  // {"健康证", "health certificate"}
const std::vector<DocumentKind>& AllDocumentKinds();

// A document on file: the newest of its kind counts. expires_on is the last day it is valid (none: no expiry).
struct HeldDocument {
    DocumentKind kind = DocumentKind::kHealthCertificate;
    Date issued_on;
    std::optional<Date> expires_on;
};

enum class DocumentState { kMissing, kExpired, kExpiring };
std::string_view DocumentStateCode(DocumentState state);  // missing, expired, expiring

struct DocumentFlag {
    DocumentKind kind = DocumentKind::kHealthCertificate;
    DocumentState state = DocumentState::kMissing;
    std::optional<Date> expires_on;
    Text text;  // 缺健康证 / 健康证已过期 2026-11-30 / 健康证将于 2026-12-20 到期
};

// One flag per required kind without a document, and one per kind (required or not) whose newest document expired
// before `today` or expires within `warning_days` (today included). Ordered by kind.
std::vector<DocumentFlag> JudgeDocuments(const std::vector<DocumentKind>& required,
                                         const std::vector<HeldDocument>& held, Date today, std::int64_t warning_days);

// "YYYY-MM" of a day.
std::string MonthCode(Date day);
// A valid "YYYY-MM" (months 01..12, years 2000..2100), or nullopt.
std::optional<Date> ParseMonth(std::string_view month);

// D3 §3: every month from the person's start month to the month before `today`'s (bounded by the end date's month)
// without a payment, ascending. The current month is not due yet.
std::vector<std::string> MissingInsuranceMonths(Date start, std::optional<Date> end, Date today,
                                                const std::set<std::string>& paid_months);
// "社保缺 N 个月" / "social insurance missing for N months"
Text InsuranceFlagText(std::size_t missing_months);

}  // namespace houqin
