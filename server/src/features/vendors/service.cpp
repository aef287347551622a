#include "features/vendors/service.h"

#include <fmt/format.h>

#include "core/text_rules.h"
#include "features/accounts/store.h"
#include "features/catalogue/store.h"
#include "features/vendors/attachment_access.h"
#include "platform/audit/audit_store.h"
#include "platform/audit/export_audit.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

Error VendorNotFound() { return Error::NotFound({"外包单位不存在", "The vendor does not exist"}); }
Error QualificationNotFound() { return Error::NotFound({"资质不存在", "The qualification does not exist"}); }

Error DuplicateCreditCode() {
    return Error::Conflict(ErrorCode::kAlreadyExists, "credit_code",
                           {"该统一社会信用代码已登记", "A vendor with this credit code is already registered"});
}

Error AttachmentNotFound() { return Error::NotFound({"附件不存在", "The attachment does not exist"}); }

}  // namespace

VendorService::VendorService(ServiceContext& context) : context_(context) {
    // A qualification's scan belongs to its vendor: whoever may see the vendor may see the scan.
    AddAttachmentReader(
        "vendor", [this](const Actor& actor, std::int64_t vendor_id) { return Get(actor, vendor_id).has_value(); });
}

void VendorService::AddAttachmentReader(std::string kind, AttachmentReader reader) {
    attachment_readers_[std::move(kind)] = std::move(reader);
}

QualificationView VendorService::ViewOf(storage::Connection& connection, const Qualification& qualification) {
    const auto warning_days = context_.settings.Get(connection, setting::kQualificationWarningDays);
    return QualificationView{qualification,
                             JudgeQualification(qualification.valid_until, context_.clock.Today(), warning_days)};
}

VendorView VendorService::Judge(storage::Connection& connection, Vendor vendor,
                                const std::vector<Qualification>& qualifications) {
    const auto today = context_.clock.Today();
    const auto warning_days = context_.settings.Get(connection, setting::kQualificationWarningDays);
    VendorView view;
    std::vector<QualificationStatus> statuses;
    for (const auto& qualification : qualifications) {
        const auto verdict = JudgeQualification(qualification.valid_until, today, warning_days);
        statuses.push_back(verdict.status);
        if (verdict.status == QualificationStatus::kExpired) ++view.expired_count;
        if (verdict.status == QualificationStatus::kExpiring) ++view.expiring_count;
        view.qualifications.push_back({qualification, verdict});
    }
    view.status = WorstStatus(statuses);
    vendor.qualifications.clear();
    view.vendor = std::move(vendor);
    return view;
}

Result<SharedVendorPage> VendorService::List(const Actor& actor, const VendorQuery& query) {
    if (auto status = actor.Require(Permission::kVendorRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::VendorFilter filter;
    filter.scope = storage::VendorScope::Of(actor);
    filter.q = query.q;
    filter.status = query.status;
    filter.category_id = query.category_id;
    filter.expiry = query.expiry;
    filter.today = context_.clock.Today();
    filter.warning_days = context_.settings.Get(*lease, setting::kQualificationWarningDays);
    filter.sort = query.sort;
    filter.descending = query.descending;
    filter.page = query.page;
    filter.page_size = query.page_size;
    // Everything the answer depends on: scope, filters, paging, today and the warning window (statuses change
    // with the date and the setting, not only with the data).
    const std::string key = fmt::format(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", filter.scope.owner_path_prefix, filter.scope.vendor_org_id.value_or(0),
        filter.q, filter.status ? static_cast<int>(*filter.status) : -1, filter.category_id.value_or(0),
        static_cast<int>(filter.expiry), filter.today.days(), filter.warning_days, filter.sort, filter.descending,
        filter.page, filter.page_size);
    const auto version = storage::VendorDataVersion(*lease);
    if (auto cached = list_cache_.Find(key, version)) return std::move(*cached);
    auto [vendors, total] = storage::ListVendors(*lease, filter);
    std::vector<std::int64_t> ids;
    ids.reserve(vendors.size());
    for (const auto& vendor : vendors) ids.push_back(vendor.id);
    auto qualifications = storage::QualificationsOf(*lease, ids);
    auto page = std::make_shared<VendorPage>();
    page->total = total;
    for (auto& vendor : vendors) {
        const auto id = vendor.id;
        page->items.push_back(Judge(*lease, std::move(vendor), qualifications[id]));
    }
    SharedVendorPage shared = std::move(page);
    if (query.page_size <= 200) list_cache_.Store(key, version, shared);  // exports are not kept
    return shared;
}

Result<SharedVendorPage> VendorService::Export(const Actor& actor, VendorQuery query) {
    // CC-7: exporting a list is a permission of its own, and every export is recorded with its filters and rows.
    if (auto allowed = actor.Require(Permission::kDataExport); !allowed) return allowed.error();
    query.page = 1;
    query.page_size = kMaxExportRows;
    auto page = List(actor, query);
    if (!page) return page.error();
    storage::ExportRecord record;
    record.what = "vendors";
    record.format = "xlsx";
    record.entity = "vendor";
    if (!query.q.empty()) record.filters.emplace_back("q", query.q);
    if (query.status) record.filters.emplace_back("status", std::string(VendorStatusCode(*query.status)));
    if (query.category_id) record.filters.emplace_back("category_id", std::to_string(*query.category_id));
    record.rows = static_cast<std::int64_t>((*page)->items.size());
    if (auto recorded = storage::RecordExport(context_.database, actor, context_.clock.Now(), record, true);
        !recorded) {
        return recorded.error();
    }
    return page;
}

Result<VendorView> VendorService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kVendorRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto vendor = storage::FindVendor(*lease, id, storage::VendorScope::Of(actor));
    if (!vendor) return VendorNotFound();
    auto qualifications = vendor->qualifications;
    return Judge(*lease, std::move(*vendor), qualifications);
}

Status VendorService::CheckCategories(storage::Connection& connection, const Vendor& vendor) {
    for (std::size_t i = 0; i < vendor.category_ids.size(); ++i) {
        if (!storage::FindCategory(connection, vendor.category_ids[i])) {
            return Error::Invalid(fmt::format("category_ids[{}]", i),
                                  {"服务类别不存在", "The category does not exist"});
        }
    }
    return Ok();
}

Result<VendorView> VendorService::Create(const Actor* actor, Vendor vendor, std::optional<std::int64_t> owner_org_id) {
    if (actor) {
        if (auto status = actor->Require(Permission::kVendorWrite); !status) return status.error();
    }
    if (auto status = ValidateVendor(vendor); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    if (auto status = CheckCategories(*lease, vendor); !status) return status.error();
    if (storage::FindVendorIdByCreditCode(*lease, vendor.credit_code)) return DuplicateCreditCode();
    const auto owner = storage::FindOrg(*lease, owner_org_id ? *owner_org_id : OrgIdOfPath(actor->scope_path));
    if (!owner)
        return Error::Invalid("owner_org_id", {"登记单位不存在", "The registering organisation does not exist"});
    const auto now = context_.clock.Now();
    // Each vendor is an organisation of its own, under the town that registered it; its staff log in there (ROLE-8).
    Organisation org{0, owner->id, vendor.name, OrgKind::kVendor, ""};
    org.id = storage::InsertOrg(*lease, org, now);
    vendor.org_id = org.id;
    vendor.owner_org_id = owner->id;
    vendor.owner_path = owner->path;
    vendor.status = vendor.status;
    try {
        vendor.id = storage::InsertVendor(*lease, vendor, now);
    } catch (const storage::DbError& error) {
        // Two registrations of one credit code at once both pass the check above; the unique code refuses the second.
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return DuplicateCreditCode();
    }
    storage::AppendAudit(*lease, actor, now,
                         {"create", "vendor", vendor.id, std::nullopt, storage::VendorSnapshot(vendor)});
    transaction.Commit();
    auto stored = storage::FindVendor(*lease, vendor.id, {"/", std::nullopt});
    return Judge(*lease, std::move(*stored), {});
}

Result<VendorView> VendorService::Update(const Actor& actor, std::int64_t id, Vendor vendor) {
    if (auto status = actor.Require(Permission::kVendorWrite); !status) return status.error();
    if (auto status = ValidateVendor(vendor); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto before = storage::FindVendor(*lease, id, storage::VendorScope::Of(actor));
    if (!before) return VendorNotFound();
    if (auto status = CheckCategories(*lease, vendor); !status) return status.error();
    const auto same_code = storage::FindVendorIdByCreditCode(*lease, vendor.credit_code);
    if (same_code && *same_code != id) return DuplicateCreditCode();
    vendor.id = id;
    const auto now = context_.clock.Now();
    try {
        storage::UpdateVendor(*lease, vendor, now);
    } catch (const storage::DbError& error) {
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return DuplicateCreditCode();  // another vendor took the code meanwhile
    }
    storage::AppendAudit(*lease, &actor, now,
                         {"update", "vendor", id, storage::VendorSnapshot(*before), storage::VendorSnapshot(vendor)});
    transaction.Commit();
    auto stored = storage::FindVendor(*lease, id, {"/", std::nullopt});
    auto qualifications = stored->qualifications;
    return Judge(*lease, std::move(*stored), qualifications);
}

Result<Vendor> VendorService::FindForQualificationWrite(storage::Connection& connection, const Actor* actor,
                                                        std::int64_t vendor_id) {
    const auto scope = actor ? storage::VendorScope::Of(*actor) : storage::VendorScope{"/", std::nullopt};
    auto vendor = storage::FindVendor(connection, vendor_id, scope);
    if (!vendor) return VendorNotFound();
    if (actor && !actor->Can(Permission::kVendorWrite) &&
        !(actor->Can(Permission::kVendorWriteOwn) && actor->vendor_org_id == vendor->org_id)) {
        return Error::Forbidden();
    }
    return *vendor;
}

Status VendorService::CheckAttachment(storage::Connection& connection, const Actor* actor,
                                      const Qualification& qualification, std::int64_t vendor_id) {
    if (!qualification.attachment_id) return Ok();
    const bool usable =
        actor ? AttachmentForUse(connection, *actor, *qualification.attachment_id, "vendor", vendor_id).has_value()
              : storage::FindAttachment(connection, *qualification.attachment_id, storage::AttachmentRead::kInfo)
                    .has_value();
    if (!usable) return Error::Invalid("attachment_id", {"附件不存在", "The attachment does not exist"});
    return Ok();
}

namespace {

// PRJ-4: what the office enters counts at once (it vouches for it); what a vendor enters waits for the office.
void MarkEnteredBy(const Actor* actor, Qualification& qualification, Instant now) {
    qualification.rejection_reason.clear();
    if (!actor || actor->Can(Permission::kVendorWrite)) {
        qualification.verification = QualificationVerification::kVerified;
        qualification.verified_by = actor ? actor->username : "";
        qualification.verified_at = now;
    } else {
        qualification.verification = QualificationVerification::kPending;
        qualification.verified_by.clear();
        qualification.verified_at.reset();
    }
}

}  // namespace

Result<QualificationView> VendorService::AddQualification(const Actor* actor, std::int64_t vendor_id,
                                                          Qualification qualification) {
    if (auto status = ValidateQualification(qualification); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = FindForQualificationWrite(*lease, actor, vendor_id);
    if (!vendor) return vendor.error();
    if (auto status = CheckAttachment(*lease, actor, qualification, vendor_id); !status) return status.error();
    qualification.vendor_id = vendor_id;
    const auto now = context_.clock.Now();
    MarkEnteredBy(actor, qualification, now);
    qualification.id = storage::InsertQualification(*lease, qualification, now);
    if (qualification.attachment_id) storage::LinkAttachment(*lease, *qualification.attachment_id, "vendor", vendor_id);
    storage::AppendAudit(
        *lease, actor, now,
        {"create", "qualification", qualification.id, std::nullopt, storage::QualificationSnapshot(qualification)});
    transaction.Commit();
    return ViewOf(*lease, *storage::FindQualification(*lease, vendor_id, qualification.id));
}

Result<QualificationView> VendorService::UpdateQualification(const Actor& actor, std::int64_t vendor_id,
                                                             std::int64_t id, Qualification qualification) {
    if (auto status = ValidateQualification(qualification); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = FindForQualificationWrite(*lease, &actor, vendor_id);
    if (!vendor) return vendor.error();
    storage::LockQualification(*lease, id);  // an office's verdict on it waits, and then sees this change
    const auto before = storage::FindQualification(*lease, vendor_id, id);
    if (!before) return QualificationNotFound();
    if (auto status = CheckAttachment(*lease, &actor, qualification, vendor_id); !status) return status.error();
    qualification.id = id;
    qualification.vendor_id = vendor_id;
    const auto now = context_.clock.Now();
    // Changed values must be checked again: a vendor's edit waits for the office like a new entry.
    MarkEnteredBy(&actor, qualification, now);
    storage::UpdateQualification(*lease, qualification);
    if (qualification.attachment_id) storage::LinkAttachment(*lease, *qualification.attachment_id, "vendor", vendor_id);
    storage::AppendAudit(*lease, &actor, now,
                         {"update", "qualification", id, storage::QualificationSnapshot(*before),
                          storage::QualificationSnapshot(qualification)});
    transaction.Commit();
    return ViewOf(*lease, *storage::FindQualification(*lease, vendor_id, id));
}

Result<QualificationView> VendorService::DecideQualification(const Actor& actor, std::int64_t vendor_id,
                                                             std::int64_t id, QualificationDecision decision,
                                                             const std::string& reason) {
    if (auto status = actor.Require(Permission::kVendorWrite); !status) return status.error();
    if (decision == QualificationDecision::kReject) {
        Validation validation;
        CheckLength(validation, "reason", reason, 2, 500, {"退回理由", "Reason"});
        if (!validation.ok()) return validation.ToError();
    }
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = storage::FindVendor(*lease, vendor_id, storage::VendorScope::Of(actor));
    if (!vendor) return VendorNotFound();
    // Verify and reject racing: the row is locked before its state is checked, so only the first decision is written.
    storage::LockQualification(*lease, id);
    const auto before = storage::FindQualification(*lease, vendor_id, id);
    if (!before) return QualificationNotFound();
    if (before->verification != QualificationVerification::kPending) {
        return Error::Conflict(ErrorCode::kFailedPrecondition, "verification",
                               {"只有待核验的资质可以核验或退回",
                                "Only a qualification awaiting verification can be "
                                "verified or rejected"});
    }
    // PRJ-4: verified against the certificate's scan, so a scan must be there to look at.
    if (decision == QualificationDecision::kVerify && !before->attachment_id) {
        return Error::Conflict(ErrorCode::kFailedPrecondition, "attachment_id",
                               {"该资质没有证书扫描件,无法核验;请退回并请外包单位上传扫描件",
                                "The qualification has no scan of its certificate to verify against; reject it and "
                                "ask the vendor to upload the scan"});
    }
    auto after = *before;
    const auto now = context_.clock.Now();
    after.verification = decision == QualificationDecision::kVerify ? QualificationVerification::kVerified
                                                                    : QualificationVerification::kRejected;
    after.verified_by = actor.username;
    after.verified_at = now;
    after.rejection_reason = decision == QualificationDecision::kReject ? reason : "";
    storage::UpdateQualification(*lease, after);
    storage::AppendAudit(*lease, &actor, now,
                         {decision == QualificationDecision::kVerify ? "verify" : "reject", "qualification", id,
                          storage::QualificationSnapshot(*before), storage::QualificationSnapshot(after)});
    transaction.Commit();
    return ViewOf(*lease, *storage::FindQualification(*lease, vendor_id, id));
}

Status VendorService::DeleteQualification(const Actor& actor, std::int64_t vendor_id, std::int64_t id) {
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = FindForQualificationWrite(*lease, &actor, vendor_id);
    if (!vendor) return vendor.error();
    storage::LockQualification(*lease, id);  // an office's verdict on it waits, and then sees this change
    const auto before = storage::FindQualification(*lease, vendor_id, id);
    if (!before) return QualificationNotFound();
    storage::DeleteQualification(*lease, id);
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"delete", "qualification", id, storage::QualificationSnapshot(*before), std::nullopt});
    transaction.Commit();
    return Ok();
}

Result<AttachmentInfo> VendorService::UploadAttachment(const Actor* actor, const Upload& upload,
                                                       std::int64_t uploaded_by) {
    if (actor && !actor->Can(Permission::kVendorWrite) && !actor->Can(Permission::kVendorWriteOwn)) {
        return Error::Forbidden();
    }
    Validation validation;
    CheckLength(validation, "X-Filename", upload.filename, 1, 200, {"文件名", "File name"});
    if (upload.filename.find('/') != std::string::npos || upload.filename.find('\\') != std::string::npos) {
        validation.Fail("X-Filename", {"文件名不能包含路径", "The file name cannot contain a path"});
    }
    if (upload.content.empty()) validation.Fail("body", {"文件为空", "The file is empty"});
    if (!validation.ok()) return validation.ToError();
    if (upload.content.size() > kMaxAttachmentBytes) {
        return Error{ErrorCode::kPayloadTooLarge, {"文件不能超过 10 MiB", "Files are limited to 10 MiB"}, {}, {}};
    }
    StoredAttachment attachment;
    attachment.info.filename = upload.filename;
    attachment.info.content_type = upload.content_type.empty() ? "application/octet-stream" : upload.content_type;
    attachment.info.size = static_cast<std::int64_t>(upload.content.size());
    attachment.info.sha256 = storage::Sha256Hex(upload.content);  // X-5: stored with a checksum
    attachment.owner_path = actor ? actor->scope_path : "/";
    attachment.content = upload.content;
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    attachment.info.id = storage::InsertAttachment(*lease, attachment, actor ? actor->user_id : uploaded_by, now);
    storage::AppendAudit(
        *lease, actor, now,
        {"create", "attachment", attachment.info.id, std::nullopt,
         fmt::format(R"({{"filename":{},"size":{},"sha256":"{}"}})", storage::JsonString(attachment.info.filename),
                     attachment.info.size, attachment.info.sha256)});
    transaction.Commit();
    return attachment.info;
}

Result<StoredAttachment> VendorService::DownloadAttachment(const Actor& actor, std::int64_t id) {
    std::optional<StoredAttachment> attachment;
    std::vector<storage::AttachmentLink> links;
    {
        auto lease = context_.database.Acquire();
        attachment = storage::FindAttachment(*lease, id, storage::AttachmentRead::kInfo);
        if (!attachment) return AttachmentNotFound();
        links = storage::AttachmentLinks(*lease, id);
    }
    // Each reader asks its feature's own read rule (which takes its own connection), so the scope of a file is
    // exactly the scope of its records: a town is not enough (a department may not read a contract of its town).
    bool visible = attachment->uploaded_by == actor.user_id;
    for (const auto& link : links) {
        if (visible) break;
        const auto reader = attachment_readers_.find(link.kind);
        visible = reader != attachment_readers_.end() && reader->second(actor, link.record_id);
    }
    if (!visible) return AttachmentNotFound();  // 404, not 403: an id tells nothing about what it names
    auto lease = context_.database.Acquire();
    auto stored = storage::FindAttachment(*lease, id, storage::AttachmentRead::kWithContent);
    if (!stored) return AttachmentNotFound();
    return *stored;
}

}  // namespace houqin
