#pragma once
// Vendor registry (PRJ-4): the outsourcing companies (乙方) with their bank account and qualifications.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace houqin {

enum class VendorStatus { kActive, kSuspended };
std::optional<VendorStatus> ParseVendorStatus(std::string_view code);
std::string_view VendorStatusCode(VendorStatus status);

struct AttachmentInfo {
    std::int64_t id = 0;
    std::string filename;
    std::string content_type;
    std::int64_t size = 0;
    std::string sha256;
};

// PRJ-4, PRJ-5: a qualification a vendor enters counts for bidding only after the office has checked it against its
// scan; one the office enters itself counts at once (it is the office's own statement).
enum class QualificationVerification { kVerified, kPending, kRejected };
std::optional<QualificationVerification> ParseQualificationVerification(std::string_view code);
std::string_view QualificationVerificationCode(QualificationVerification verification);

struct Qualification {
    std::int64_t id = 0;
    std::int64_t vendor_id = 0;
    std::string type;
    std::string cert_no;
    std::string issuer;
    Date valid_from;
    Date valid_until;
    std::optional<std::int64_t> attachment_id;
    std::optional<AttachmentInfo> attachment;
    QualificationVerification verification = QualificationVerification::kVerified;
    std::string verified_by;  // who verified or rejected it (or entered it, for the office's own)
    std::optional<Instant> verified_at;
    std::string rejection_reason;  // why the office rejected it, shown to the vendor
};

struct Vendor {
    std::int64_t id = 0;
    std::int64_t org_id = 0;        // the vendor's own organisation, whose users are its staff (ROLE-8)
    std::int64_t owner_org_id = 0;  // the town (or county) that registered it; decides who sees it
    std::string owner_path;
    std::string name;
    std::string credit_code;
    std::string legal_representative;
    std::string contact_name;
    std::string contact_phone;
    std::string address;
    std::string bank_account_name;
    std::string bank_name;
    std::string bank_account_no;
    std::int64_t staff_count = 0;
    Money registered_capital;
    bool has_training_system = false;
    bool has_management_system = false;
    std::vector<std::int64_t> category_ids;
    VendorStatus status = VendorStatus::kActive;
    Instant created_at;
    Instant updated_at;
    std::vector<Qualification> qualifications;
};

Status ValidateVendor(const Vendor& vendor);
Status ValidateQualification(const Qualification& qualification);

// The vendor list's filter on qualification expiry (PRJ-4): a value the service takes from its routes.
enum class ExpiryFilter { kAny, kOk, kExpiring, kExpired, kNone };

struct QualificationCount {
    std::int64_t expired = 0;
    std::int64_t expiring = 0;
    std::int64_t ok = 0;
};

struct StoredAttachment {
    AttachmentInfo info;
    std::string owner_path;
    std::int64_t uploaded_by = 0;      // the user who uploaded it
    std::int64_t uploader_org_id = 0;  // that user's organisation
    std::string content;               // the bytes
};

}  // namespace houqin
