#include "features/vendors/service.h"

#include <fmt/format.h>

#include "core/text_rules.h"
#include "features/accounts/store.h"
#include "features/catalogue/store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

Error VendorNotFound() { return Error::NotFound({"外包单位不存在", "The vendor does not exist"}); }
Error QualificationNotFound() { return Error::NotFound({"资质不存在", "The qualification does not exist"}); }

Error DuplicateCreditCode() {
    return Error::Conflict(ErrorCode::kAlreadyExists, "credit_code",
                           {"该统一社会信用代码已登记", "A vendor with this credit code is already registered"});
}

}  // namespace

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
    query.page = 1;
    query.page_size = kMaxExportRows;
    auto page = List(actor, query);
    if (!page) return page.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"export", "vendor", std::nullopt, std::nullopt,
                          fmt::format(R"({{"rows":{},"q":{}}})", (*page)->items.size(), storage::JsonString(query.q))});
    transaction.Commit();
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
    vendor.id = storage::InsertVendor(*lease, vendor, now);
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
    storage::UpdateVendor(*lease, vendor, now);
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
                                      const Qualification& qualification) {
    if (!qualification.attachment_id) return Ok();
    const auto attachment = storage::FindAttachment(connection, *qualification.attachment_id, false);
    const bool visible = attachment && (!actor || attachment->owner_path.rfind(actor->scope_path, 0) == 0);
    if (!visible) return Error::Invalid("attachment_id", {"附件不存在", "The attachment does not exist"});
    return Ok();
}

Result<QualificationView> VendorService::AddQualification(const Actor* actor, std::int64_t vendor_id,
                                                          Qualification qualification) {
    if (auto status = ValidateQualification(qualification); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = FindForQualificationWrite(*lease, actor, vendor_id);
    if (!vendor) return vendor.error();
    if (auto status = CheckAttachment(*lease, actor, qualification); !status) return status.error();
    qualification.vendor_id = vendor_id;
    const auto now = context_.clock.Now();
    qualification.id = storage::InsertQualification(*lease, qualification, now);
    storage::AppendAudit(
        *lease, actor, now,
        {"create", "qualification", qualification.id, std::nullopt, storage::QualificationSnapshot(qualification)});
    transaction.Commit();
    auto stored = *storage::FindQualification(*lease, vendor_id, qualification.id);
    const auto warning_days = context_.settings.Get(*lease, setting::kQualificationWarningDays);
    return QualificationView{stored, JudgeQualification(stored.valid_until, context_.clock.Today(), warning_days)};
}

Result<QualificationView> VendorService::UpdateQualification(const Actor& actor, std::int64_t vendor_id,
                                                             std::int64_t id, Qualification qualification) {
    if (auto status = ValidateQualification(qualification); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = FindForQualificationWrite(*lease, &actor, vendor_id);
    if (!vendor) return vendor.error();
    const auto before = storage::FindQualification(*lease, vendor_id, id);
    if (!before) return QualificationNotFound();
    if (auto status = CheckAttachment(*lease, &actor, qualification); !status) return status.error();
    qualification.id = id;
    qualification.vendor_id = vendor_id;
    storage::UpdateQualification(*lease, qualification);
    const auto now = context_.clock.Now();
    storage::AppendAudit(*lease, &actor, now,
                         {"update", "qualification", id, storage::QualificationSnapshot(*before),
                          storage::QualificationSnapshot(qualification)});
    transaction.Commit();
    auto stored = *storage::FindQualification(*lease, vendor_id, id);
    const auto warning_days = context_.settings.Get(*lease, setting::kQualificationWarningDays);
    return QualificationView{stored, JudgeQualification(stored.valid_until, context_.clock.Today(), warning_days)};
}

Status VendorService::DeleteQualification(const Actor& actor, std::int64_t vendor_id, std::int64_t id) {
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto vendor = FindForQualificationWrite(*lease, &actor, vendor_id);
    if (!vendor) return vendor.error();
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
    storage::StoredAttachment attachment;
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

Result<storage::StoredAttachment> VendorService::DownloadAttachment(const Actor& actor, std::int64_t id) {
    auto lease = context_.database.Acquire();
    auto attachment = storage::FindAttachment(*lease, id, true);
    if (!attachment) return Error::NotFound({"附件不存在", "The attachment does not exist"});
    bool visible = attachment->owner_path.rfind(actor.scope_path, 0) == 0;
    if (!visible && actor.vendor_org_id) {
        for (auto org : storage::AttachmentVendorOrgs(*lease, id)) visible = visible || org == *actor.vendor_org_id;
    }
    if (!visible) return Error::NotFound({"附件不存在", "The attachment does not exist"});
    return *attachment;
}

}  // namespace houqin
