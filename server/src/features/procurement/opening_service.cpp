// The opening and the award (PRJ-7, PRJ-8).
#include "features/procurement/opening_service.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <vector>

#include "core/text_rules.h"
#include "features/accounts/rules/lockout.h"
#include "features/accounts/store.h"
#include "features/catalogue/store.h"
#include "features/procurement/codec.h"
#include "features/procurement/rules/award_draft.h"
#include "features/procurement/rules/bid_evaluation.h"
#include "features/procurement/sealed_bids.h"
#include "features/procurement/service_internal.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"
#include "platform/audit/export_audit.h"
#include "platform/settings/settings.h"

namespace houqin {
using namespace procurement_internal;  // the feature's shared parts (service_internal.h)

namespace {

ProjectSeal FromRecord(const SealRecord& record) {
    ProjectSeal seal;
    seal.project_id = record.project_id;
    seal.public_key = record.public_key;
    seal.locked_private_key = record.locked_private_key;
    seal.officer_salt = record.officer_salt;
    seal.witness_salt = record.witness_salt;
    seal.officer_check = record.officer_check;
    seal.witness_check = record.witness_check;
    seal.limits = {record.opslimit, record.memlimit};
    return seal;
}

}  // namespace

Result<BidOpening> OpeningService::Open(const Actor& actor, std::int64_t id, const SealSecrets& secrets) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "open", actor, ""));
    const auto now = context_.clock.Now();
    if (!OpeningTimeCome(*before, now)) {
        const auto when = before->opening_at ? before->opening_at->ToIso() : std::string("-");
        return Refuse("opening_at", {fmt::format("未到开标时间({})", when),
                                     fmt::format("It is not yet the opening time ({})", when)});
    }
    // PRJ-7: the lockout rule of every typed secret (features/accounts/rules/lockout.h), with the opening's settings;
    // the lock does not grow.
    const LockoutRule lockout{context_.settings.Get(*lease, setting::kProcurementOpeningMaxFailures),
                              context_.settings.Get(*lease, setting::kProcurementOpeningLockMinutes)};
    const auto lock = DecideLockout({before->opening_failures, before->opening_failed_at}, now, lockout);
    if (!lock.allowed) {
        Error error{
            ErrorCode::kResourceExhausted,
            {fmt::format("开标口令连续错误 {} 次,请 {} 分钟后再试", before->opening_failures, lock.wait_minutes),
             fmt::format("{} failed opening attempts; try again in {} minute(s)", before->opening_failures,
                         lock.wait_minutes)},
            {},
            {}};
        error.fields.push_back({"officer_secret", error.message});
        return error;
    }
    Validation validation;
    if (secrets.officer_secret.empty()) validation.Fail("officer_secret", {"请输入开标人口令", "Enter your secret"});
    if (secrets.witness_secret.empty()) {
        validation.Fail("witness_secret", {"请见证人输入口令", "The witness must enter their secret"});
    }
    if (!validation.ok()) return validation.ToError();
    HOUQIN_TRY(witness, FreshConsent(context_, *lease, id, kConsentOpening, now));
    const auto seal_record = storage::FindSeal(*lease, id);
    if (!seal_record) return Refuse("status", {"投标密封公钥缺失", "The bidding has no sealing key"});
    auto key = OpenSeal(FromRecord(*seal_record), secrets.officer_secret, secrets.witness_secret);
    if (!key) {
        // Each attempt costs two argon2id runs; the count and the pause are settings (PRJ-7). Each attempt also uses
        // the witness's consent: trying the secrets again needs the witness to consent again, in their own session.
        storage::Transaction transaction(*lease);
        storage::UseWitnessConsent(*lease, witness->id, now, actor.display_name);
        // Counted in one statement, so that parallel wrong pairs all count: the rule's next count, unless other
        // failures were counted since this attempt read the project (then one more than theirs).
        const auto failures =
            storage::CountOpeningFailure(*lease, id, before->opening_failures, lock.next_failures, now);
        std::string fields;
        for (const auto& field : key.error().fields) fields += (fields.empty() ? "" : ",") + field.field;
        storage::AppendAudit(*lease, &actor, now,
                             {"open_failed", "project", id, std::nullopt,
                              fmt::format(R"({{"failures":{},"max_failures":{},"lock_minutes":{},"wrong":"{}",)"
                                          R"("witness_consent_id":{}}})",
                                          failures, lockout.max_failures, lockout.lock_minutes, fields, witness->id)});
        transaction.Commit();
        return key.error();
    }
    // Everything from here is read inside the transaction, so a bid accepted just before cannot be left out.
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    if (!storage::UseWitnessConsent(*lease, witness->id, now, actor.display_name)) {
        return FreshConsent(context_, *lease, id, kConsentOpening, now).error();
    }
    auto bids = storage::ListBids(*lease, id, std::nullopt);
    std::vector<OpenedBid> opened;
    for (const auto& bid : bids) {
        OpenedBid item;
        item.bid_id = std::to_string(bid.id);
        item.vendor_id = bid.vendor_id;
        item.vendor_name = bid.vendor_name;
        item.submitted_at = bid.submitted_at;
        item.receipt = bid.receipt;
        if (auto commitment = CommitmentOf(bid.sealed)) item.commitment = *commitment;
        if (auto quote = OpenQuote(*key, bid.sealed, {id, bid.vendor_id})) {
            item.quote = *quote;
        } else {
            item.open_failure = quote.error().message;
        }
        opened.push_back(std::move(item));
    }
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    BidEvaluationInput input;
    input.ceiling = *before->ceiling;
    input.draw_seed = seed;
    input.min_valid_bids = static_cast<int>(context_.settings.Get(*lease, setting::kProcurementMinValidBids));
    input.bids = opened;
    HOUQIN_TRY(evaluation, EvaluateBids(input));

    OpeningFacts facts{id,
                       now,
                       actor.display_name,
                       witness->witness_name,
                       *witness,
                       *before->ceiling,
                       seed,
                       input.min_valid_bids,
                       seal_record->fingerprint,
                       bids,
                       opened,
                       *evaluation};
    BidOpening opening{id, now, actor.display_name, witness->witness_name, OpeningRecordJson(facts)};
    auto project = *before;
    project.outcome = std::string(BidOutcomeCode(evaluation->outcome));
    project.status = evaluation->outcome == BidOutcome::kAwarded ? ProjectStatus::kOpened : ProjectStatus::kFailed;
    project.opening_failures = 0;
    project.opening_failed_at.reset();
    project.updated_at = now;
    for (const auto& evaluated : evaluation->bids) {
        for (auto& bid : bids) {
            if (std::to_string(bid.id) != evaluated.bid_id) continue;
            bid.opened_quote = evaluated.quote;
            bid.valid = evaluated.valid;
            bid.rank = evaluated.rank;
            bid.reasons_json = BidReasonsJson(evaluated.reasons);
            storage::RecordBidOpened(*lease, bid);
            if (evaluation->winner_bid_id && *evaluation->winner_bid_id == evaluated.bid_id) {
                project.winner_vendor_id = bid.vendor_id;
                project.winner_quote = evaluated.quote;
            }
        }
    }
    storage::InsertOpening(*lease, opening);
    RecordStep(*lease, actor, **step, *before, project,
               fmt::format("见证人 {}(本人账号确认于 {});{}", witness->witness_name, ShanghaiMinute(witness->given_at),
                           evaluation->summary.zh),
               now, StepAudit{storage::ProjectSnapshot(*before), opening.record_json});
    transaction.Commit();
    return opening;
}

Result<std::pair<ProjectView, BidOpening>> OpeningService::GetOpening(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    auto opening = storage::FindOpening(*lease, id);
    const auto not_found = Error::NotFound({"该项目尚未开标", "The bids of this project have not been opened"});
    if (!opening) return not_found;
    // Published to the bidders (PRJ-7); a vendor that did not bid has no part in it.
    if (actor.vendor_org_id && storage::ListBids(*lease, id, actor.vendor_org_id).empty()) return not_found;
    return std::make_pair(BuildProjectView(context_, *lease, actor, std::move(*project), ProjectDetail::kSummary),
                          std::move(*opening));
}

Result<AwardResult> OpeningService::Award(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "award", actor, ""));
    if (before->contract_id || !HasWinner(*before)) return WrongState("award", *before);
    const auto vendor = storage::FindVendor(*lease, *before->winner_vendor_id, kEverything);
    const auto category = storage::FindCategory(*lease, before->category_id);
    const auto owner = storage::FindOrg(*lease, before->owner_org_id);
    if (!vendor || !category || !owner) return ProjectNotFound();

    // PRJ-8: the draft is filled from the project, the vendor and the winning annual quote (rules/award_draft.h).
    const auto content = DraftContractOfAward({*before, *before->winner_quote, *vendor, *category, owner->name});
    if (auto status = ValidateContractContent(content); !status) return status.error();

    auto project = *before;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    const auto now = context_.clock.Now();
    const auto contract_id = contracts_.InsertDraft(*lease, actor, content, *owner, *vendor);
    project.contract_id = contract_id;
    project.status = ProjectStatus::kAwarded;
    project.updated_at = now;
    RecordStep(*lease, actor, **step, *before, project, "", now);
    transaction.Commit();
    return AwardResult{BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                                        ProjectDetail::kWithHistory),
                       contract_id};
}

Status OpeningService::RecordOpeningPrint(const Actor& actor, std::int64_t id, const std::string& code) {
    storage::ExportRecord record{"opening_record", "pdf", "project", id, {{"project", code}}, 1};
    return storage::RecordExport(context_.database, actor, context_.clock.Now(), record, false);
}

}  // namespace houqin
