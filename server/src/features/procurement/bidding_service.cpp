// Registrations and sealed bids (PRJ-5, PRJ-7).
#include "features/procurement/bidding_service.h"

#include "features/catalogue/store.h"
#include "features/procurement/codec.h"
#include "features/procurement/rules/selection_criteria.h"
#include "features/procurement/sealed_bids.h"
#include "features/procurement/service_internal.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
using namespace procurement_internal;  // the feature's shared parts (service_internal.h)

namespace {

Error SecondBid() {
    return Error::Conflict(ErrorCode::kAlreadyExists, "quote",
                           {"每家单位只能报价一次,已提交的报价不能更改",
                            "Each vendor quotes once; the quote already submitted cannot change"});
}

Error BidsClosed() { return Refuse("bid_deadline", {"投标已截止,不再接受报价", "The bid deadline has passed"}); }

}  // namespace

Result<std::vector<ProjectRegistration>> BiddingService::Registrations(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    return storage::ListRegistrations(*lease, project->id, actor.vendor_org_id);
}

Result<std::pair<ProjectRegistration, bool>> BiddingService::Register(const Actor& actor, std::int64_t id,
                                                                      std::optional<std::int64_t> vendor_id) {
    if (!actor.Can(Permission::kBidSubmit) && !actor.Can(Permission::kProjectWrite)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    // A registration is the vendor's record, audited as such; it is no step of the project's history.
    if (auto step = CheckStep(*project, "register", actor, ""); !step) return step.error();
    const auto now = context_.clock.Now();
    if (DeadlinePassed(*project, now) || !project->bid_deadline) {
        return Refuse("bid_deadline", {"投标已截止,不能再报名", "The bid deadline has passed"});
    }
    std::optional<Vendor> vendor;
    if (actor.vendor_org_id) {
        const auto own = VendorIdOfOrg(*lease, *actor.vendor_org_id);
        if (!own || (vendor_id && *vendor_id != *own)) {
            return Error::Invalid("vendor_id", {"只能为本单位报名", "A vendor can register only itself"});
        }
        vendor = storage::FindVendor(*lease, *own, kEverything);
    } else {
        if (!vendor_id) return Error::Invalid("vendor_id", {"请选择外包单位", "Choose the vendor"});
        vendor = storage::FindVendor(*lease, *vendor_id, storage::VendorScope::Of(actor));
    }
    if (!vendor) return Error::Invalid("vendor_id", {"外包单位不存在", "The vendor does not exist"});
    const auto category = storage::FindCategory(*lease, project->category_id);
    // PRJ-5: the criteria are judged on the bid date, the deadline's day: a certificate ending before it fails.
    const auto verdict = CheckSelectionCriteria(category ? category->criteria : SelectionCriteria{}, *vendor,
                                                project->bid_deadline->ShanghaiDate());
    const auto existing = storage::FindRegistration(*lease, id, vendor->id);
    ProjectRegistration registration{0,
                                     id,
                                     vendor->id,
                                     vendor->name,
                                     vendor->org_id,
                                     verdict.qualified,
                                     CriteriaVerdictJson(verdict),
                                     now,
                                     actor.display_name};
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *project)) return *changed;
    if (context_.clock.Now() >= *project->bid_deadline) {
        return Refuse("bid_deadline", {"投标已截止,不能再报名", "The bid deadline has passed"});
    }
    storage::UpsertRegistration(*lease, registration);
    storage::AppendAudit(
        *lease, &actor, now,
        {"register", "project", id,
         existing ? std::optional<std::string>(storage::RegistrationSnapshot(*existing)) : std::nullopt,
         storage::RegistrationSnapshot(registration)});
    transaction.Commit();
    return std::make_pair(*storage::FindRegistration(*lease, id, vendor->id), !existing.has_value());
}

Result<std::vector<BidView>> BiddingService::Bids(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    const bool opened = storage::FindOpening(*lease, id).has_value();
    // The record is published to the bidders; a vendor that did not bid sees nothing of the others (as GetOpening).
    if (opened && actor.vendor_org_id && storage::ListBids(*lease, id, actor.vendor_org_id).empty()) {
        return Error::NotFound({"该项目尚未开标", "The bids of this project have not been opened"});
    }
    // After the opening the record is published to the bidders: each sees every quote (PRJ-7).
    const auto vendor_filter = opened ? std::nullopt : actor.vendor_org_id;
    std::vector<BidView> views;
    for (auto& bid : storage::ListBids(*lease, project->id, vendor_filter)) {
        bid.sealed.clear();
        views.push_back({std::move(bid), opened});
    }
    return views;
}

Result<std::pair<Bid, std::string>> BiddingService::SubmitBid(const Actor& actor, std::int64_t id,
                                                              std::optional<Money> quote) {
    if (auto status = actor.Require(Permission::kBidSubmit); !status) return status.error();
    if (!actor.vendor_org_id) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    // A bid is the vendor's sealed record, audited as such; it is no step of the project's history.
    if (auto step = CheckStep(*project, "bid", actor, ""); !step) return step.error();
    const auto now = context_.clock.Now();
    if (DeadlinePassed(*project, now) || !project->bid_deadline) {
        return BidsClosed();
    }
    if (!quote) return Error::Invalid("quote", {"请填写年度报价", "Enter the annual quote"});
    if (quote->negative() || quote->fen() == 0) {
        return Error::Invalid("quote", {"年度报价须大于 0", "The annual quote must be greater than 0"});
    }
    if (quote->fen() > kMaxProcurementFen) {
        return Error::Invalid("quote", {"年度报价超出上限(100 亿元)", "The annual quote exceeds the limit"});
    }
    const auto vendor_id = VendorIdOfOrg(*lease, *actor.vendor_org_id);
    const auto vendor = vendor_id ? storage::FindVendor(*lease, *vendor_id, kEverything) : std::nullopt;
    if (!vendor) return Error::Forbidden();
    const auto registration = storage::FindRegistration(*lease, id, vendor->id);
    if (!registration) {
        return Refuse("vendor_id", {"请先报名并通过资格审查", "Register for the project before bidding"});
    }
    // PRJ-5: checked again on the bid date itself: a qualification that lapsed since registering fails now.
    const auto category = storage::FindCategory(*lease, project->category_id);
    const auto verdict =
        CheckSelectionCriteria(category ? category->criteria : SelectionCriteria{}, *vendor, now.ShanghaiDate());
    if (!verdict.qualified) {
        Validation validation;
        for (const auto& failure : verdict.failures) validation.Fail(failure.criterion, failure.text);
        return validation.ToError();
    }
    if (!storage::ListBids(*lease, id, actor.vendor_org_id).empty()) {
        return SecondBid();
    }
    const auto seal = storage::FindSeal(*lease, id);
    if (!seal) return Refuse("status", {"投标密封公钥缺失", "The bidding has no sealing key"});
    HOUQIN_TRY(sealed, SealQuote(seal->public_key, *quote, {id, vendor->id}));
    Bid bid;
    bid.project_id = id;
    bid.vendor_id = vendor->id;
    bid.vendor_name = vendor->name;
    bid.vendor_org_id = vendor->org_id;
    bid.submitted_at = now;
    bid.submitted_by_name = actor.display_name;
    bid.sealed = sealed->sealed;
    bid.receipt = sealed->receipt;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *project)) return *changed;
    if (context_.clock.Now() >= *project->bid_deadline) {
        return BidsClosed();
    }
    try {
        bid.id = storage::InsertBid(*lease, bid);
    } catch (const storage::DbError& error) {
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return SecondBid();
    }
    storage::AppendAudit(*lease, &actor, now, {"bid", "project", id, std::nullopt, storage::BidSnapshot(bid)});
    transaction.Commit();
    bid.sealed.clear();
    return std::make_pair(bid, seal->fingerprint);
}

}  // namespace houqin
