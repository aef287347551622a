#pragma once
// Vendor registry (PRJ-4) with qualifications and their scans; lists are scoped to the caller.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/vendors/model.h"
#include "features/vendors/rules/qualification_rules.h"
#include "features/vendors/store.h"
#include "platform/service/context.h"
#include "platform/service/versioned_cache.h"

namespace houqin {

struct QualificationView {
    Qualification qualification;
    QualificationVerdict verdict;
};

struct VendorView {
    Vendor vendor;
    QualificationStatus status = QualificationStatus::kNone;
    std::int64_t expired_count = 0;
    std::int64_t expiring_count = 0;
    std::vector<QualificationView> qualifications;
};

struct VendorQuery {
    std::string q;
    std::optional<VendorStatus> status;
    std::optional<std::int64_t> category_id;
    ExpiryFilter expiry = ExpiryFilter::kAny;
    std::string sort = "name";
    bool descending = false;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct VendorPage {
    std::vector<VendorView> items;
    std::int64_t total = 0;
    // A page is immutable once built and shared between requests (see list_cache_). The presentation layer may keep
    // its rendering of it here, built once, so a cached page is not serialised again for every request.
    mutable std::once_flag rendered_once;
    mutable std::string rendered;
};
using SharedVendorPage = std::shared_ptr<const VendorPage>;

// The office's decision on a qualification a vendor entered (PRJ-4).
enum class QualificationDecision { kVerify, kReject };

// Whether `actor` may read the record `record_id` of one kind (X-5: who may read a record may read its files).
using AttachmentReader = std::function<bool(const Actor& actor, std::int64_t record_id)>;

struct Upload {
    std::string filename;
    std::string content_type;
    std::string content;
};

class VendorService {
  public:
    static constexpr std::size_t kMaxAttachmentBytes = 10 * 1024 * 1024;
    static constexpr std::int64_t kMaxExportRows = 100000;

    explicit VendorService(ServiceContext& context);

    Result<SharedVendorPage> List(const Actor& actor, const VendorQuery& query);
    // Every matching row for an Excel export; the export itself is recorded in the audit trail (CC-7).
    Result<SharedVendorPage> Export(const Actor& actor, VendorQuery query);
    Result<VendorView> Get(const Actor& actor, std::int64_t id);
    // actor == nullptr with owner_org_id: the demo seed.
    Result<VendorView> Create(const Actor* actor, Vendor vendor, std::optional<std::int64_t> owner_org_id = {});
    Result<VendorView> Update(const Actor& actor, std::int64_t id, Vendor vendor);

    Result<QualificationView> AddQualification(const Actor* actor, std::int64_t vendor_id, Qualification qualification);
    Result<QualificationView> UpdateQualification(const Actor& actor, std::int64_t vendor_id, std::int64_t id,
                                                  Qualification qualification);
    Status DeleteQualification(const Actor& actor, std::int64_t vendor_id, std::int64_t id);
    // The office checks a pending qualification against its scan: verified ones count for bidding (PRJ-5); a
    // rejection carries the reason the vendor sees. Both go to the audit trail with who, when and the values.
    Result<QualificationView> DecideQualification(const Actor& actor, std::int64_t vendor_id, std::int64_t id,
                                                  QualificationDecision decision, const std::string& reason);

    Result<AttachmentInfo> UploadAttachment(const Actor* actor, const Upload& upload, std::int64_t uploaded_by = 0);
    // the uploader, and whoever may read a record the file belongs to; anyone else is told it does not exist.
    Result<StoredAttachment> DownloadAttachment(const Actor& actor, std::int64_t id);
    // Wired once at start-up, before requests are served: each feature says who may read its records.
    void AddAttachmentReader(std::string kind, AttachmentReader reader);

  private:
    VendorView Judge(storage::Connection& connection, Vendor vendor, const std::vector<Qualification>& qualifications);
    Status CheckCategories(storage::Connection& connection, const Vendor& vendor);
    Result<Vendor> FindForQualificationWrite(storage::Connection& connection, const Actor* actor,
                                             std::int64_t vendor_id);
    Status CheckAttachment(storage::Connection& connection, const Actor* actor, const Qualification& qualification,
                           std::int64_t vendor_id);
    QualificationView ViewOf(storage::Connection& connection, const Qualification& qualification);
    ServiceContext& context_;
    std::map<std::string, AttachmentReader, std::less<>> attachment_readers_;
    // List pages: a page of the registry is read far more often than the registry changes.
    VersionedCache<SharedVendorPage> list_cache_{2048};
};

}  // namespace houqin
