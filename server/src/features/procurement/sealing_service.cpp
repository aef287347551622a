// The witness's consent and the seal (PRJ-7).
#include "features/procurement/sealing_service.h"

#include <fmt/format.h>

#include "features/procurement/service_internal.h"
#include "platform/settings/settings.h"

namespace houqin {
using namespace procurement_internal;  // the feature's shared parts (service_internal.h)

namespace {

SealRecord ToRecord(const ProjectSeal& seal) {
    SealRecord record;
    record.project_id = seal.project_id;
    record.public_key = seal.public_key;
    record.locked_private_key = seal.locked_private_key;
    record.officer_salt = seal.officer_salt;
    record.witness_salt = seal.witness_salt;
    record.officer_check = seal.officer_check;
    record.witness_check = seal.witness_check;
    record.opslimit = seal.limits.opslimit;
    record.memlimit = seal.limits.memlimit;
    record.fingerprint = PublicKeyFingerprint(seal.public_key);
    return record;
}

}  // namespace

Result<WitnessConsent> SealingService::GiveWitnessConsent(const Actor& actor, std::int64_t id,
                                                          const std::string& purpose) {
    if (auto status = actor.Require(Permission::kProjectWitness); !status) return status.error();
    if (purpose != kConsentOpenBidding && purpose != kConsentOpening) {
        return Error::Invalid("purpose", {"见证事项须为 open_bidding(发起投标)或 opening(开标)",
                                          "purpose must be open_bidding or opening"});
    }
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(project, LoadProject(*lease, actor, id));
    const bool opening = purpose == kConsentOpening;
    HOUQIN_TRY(step, CheckStep(*project, opening ? "witness_opening" : "witness_open_bidding", actor, ""));
    const auto now = context_.clock.Now();
    if (!opening && !project->ceiling) {
        return Refuse("status", {"领导尚未设定最高限价,还不能发起投标", "The ceiling is not set yet"});
    }
    if (opening) {
        // Bids are closed before the witness consents to open them.
        if (!DeadlinePassed(*project, now)) {
            return Refuse("bid_deadline", {"投标尚未截止,还不能确认开标",
                                           "Bids are still open; the opening cannot be "
                                           "witnessed yet"});
        }
    }
    const auto minutes = context_.settings.Get(*lease, setting::kProcurementWitnessConsentMinutes);
    WitnessConsent consent;
    consent.project_id = id;
    consent.purpose = purpose;
    consent.witness_id = actor.user_id;
    consent.witness_name = actor.display_name.empty() ? actor.username : actor.display_name;
    consent.given_at = now;
    consent.expires_at = Instant{now.ms + minutes * 60'000};
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *project)) return *changed;
    consent.id = storage::InsertWitnessConsent(*lease, consent);
    RecordStep(*lease, actor, **step, *project, *project,
               fmt::format("确认见证{},{} 前有效", ConsentStep(purpose).zh, ShanghaiMinute(consent.expires_at)), now,
               StepAudit{std::nullopt, storage::WitnessConsentSnapshot(consent)});
    transaction.Commit();
    return consent;
}

Result<ProjectView> SealingService::OpenBidding(const Actor& actor, std::int64_t id, const BiddingInput& input) {
    if (auto status = actor.Require(Permission::kProjectWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(before, LoadProject(*lease, actor, id));
    HOUQIN_TRY(step, CheckStep(*before, "open_bidding", actor, ""));
    if (!before->ceiling) {
        return Refuse("ceiling", {"领导尚未设定最高限价", "Leadership has not set the ceiling price yet"});
    }
    const auto now = context_.clock.Now();
    // The shortest announcement period is a setting (procurement.min_bidding_days); the step records the value used.
    const auto min_days = context_.settings.Get(*lease, setting::kProcurementMinBiddingDays);
    const Instant earliest{now.ms + min_days * 86'400'000LL};
    Validation validation;
    if (!input.bid_deadline) {
        validation.Fail("bid_deadline", {"请填写投标截止时间", "Enter the bid deadline"});
    } else if (*input.bid_deadline <= now) {
        validation.Fail("bid_deadline", {"投标截止时间须晚于现在", "The bid deadline must be in the future"});
    } else if (*input.bid_deadline < earliest) {
        validation.Fail("bid_deadline",
                        {fmt::format("投标截止时间距发布不得少于 {} 天(最早 {})", min_days, ShanghaiMinute(earliest)),
                         fmt::format("The bid deadline must be at least {} days after publication (at the earliest {})",
                                     min_days, ShanghaiMinute(earliest))});
    }
    if (!input.opening_at) {
        validation.Fail("opening_at", {"请填写开标时间", "Enter the opening time"});
    } else if (input.bid_deadline && *input.opening_at < *input.bid_deadline) {
        validation.Fail("opening_at", {"开标时间不能早于投标截止时间", "The opening cannot precede the deadline"});
    }
    if (auto status = CheckSealSecret("officer_secret", input.secrets.officer_secret); !status) {
        for (auto& field : status.error().fields) validation.Fail(field.field, field.message);
    }
    if (auto status = CheckSealSecret("witness_secret", input.secrets.witness_secret); !status) {
        for (auto& field : status.error().fields) validation.Fail(field.field, field.message);
    }
    // Checked again by CreateProjectSeal; here so that the refusal of the body comes before the consent's.
    if (!input.secrets.officer_secret.empty() && input.secrets.officer_secret == input.secrets.witness_secret) {
        validation.Fail("witness_secret", {"纪检监督人口令不能与开标人口令相同",
                                           "the witness's secret must differ from the opening officer's"});
    }
    if (!validation.ok()) return validation.ToError();
    HOUQIN_TRY(witness, FreshConsent(context_, *lease, id, kConsentOpenBidding, now));
    HOUQIN_TRY(seal, CreateProjectSeal(id, input.secrets.officer_secret, input.secrets.witness_secret, seal_limits_));
    auto record = ToRecord(*seal);
    record.officer_id = actor.user_id;
    record.officer_name = actor.display_name;
    record.witness_id = witness->witness_id;
    record.witness_name = witness->witness_name;
    record.created_at = now;
    auto project = *before;
    project.status = ProjectStatus::kBidding;
    project.bid_deadline = input.bid_deadline;
    project.opening_at = input.opening_at;
    project.updated_at = now;
    storage::Transaction transaction(*lease);
    if (auto changed = ChangedMeanwhile(*lease, *before)) return *changed;
    if (!storage::UseWitnessConsent(*lease, witness->id, now, actor.display_name)) {
        return FreshConsent(context_, *lease, id, kConsentOpenBidding, now).error();
    }
    storage::InsertSeal(*lease, record);
    RecordStep(*lease, actor, **step, *before, project,
               fmt::format("公钥指纹 {};见证人 {}(本人账号确认于 {},确认编号 {});投标截止 {},距发布不少于 {} 天"
                           "(设置 procurement.min_bidding_days = {})",
                           record.fingerprint, witness->witness_name, ShanghaiMinute(witness->given_at), witness->id,
                           ShanghaiMinute(*input.bid_deadline), min_days, min_days),
               now);
    transaction.Commit();
    return BuildProjectView(context_, *lease, actor, *storage::FindProject(*lease, id, kEverything),
                            ProjectDetail::kWithHistory);
}

}  // namespace houqin
