#pragma once
// STF-2: a person's documents (D3 §9) and monthly social-insurance payments (D3 §3) as stored.
#include <cstdint>
#include <optional>
#include <string>

#include "core/money.h"
#include "core/time.h"
#include "features/staff/rules/staff_documents.h"

namespace houqin {

// Which documents a role must hold; blocks_when_expired: an expired one stops the person counting (STF-6).
struct DocumentRequirement {
    std::string role;
    DocumentKind kind = DocumentKind::kLabourContract;
    bool blocks_when_expired = false;
};

struct StaffDocument {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::int64_t contract_id = 0;
    DocumentKind kind = DocumentKind::kLabourContract;
    std::int64_t attachment_id = 0;  // the scan, stored with its checksum
    Date issued_on;
    std::optional<Date> expires_on;  // the last day it is valid
    std::string note;
    Instant created_at;
    // From the attachment, for the list.
    std::string file_name;
    std::string sha256;
};

struct InsurancePayment {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::int64_t contract_id = 0;
    std::string month;  // YYYY-MM
    Money amount;
    std::optional<std::int64_t> attachment_id;
    Instant created_at;
    std::string file_name;
};

}  // namespace houqin
