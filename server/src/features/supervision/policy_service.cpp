#include "features/supervision/policy_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "core/workflow.h"
#include "features/supervision/survey.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

constexpr const char* kProposalSubject = "proposal";
// The dedupe keys of the call centre's rules (CC-6 "CC-6:<person>:<month>"), made through ProposeExternal.
constexpr const char* kExternalKeyPrefix = "CC-";

Error ProposalNotFound() { return Error::NotFound({"建议不存在", "The proposal does not exist"}); }

// Proposals are the organisation's own deliberation: the office, leadership, discipline inspection and the
// administrator see them; departments and vendors see the outcome (the ledger, the contract), not the debate.
Status RequireProposalReader(const Actor& actor) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status;
    if (actor.role == Role::kVendor || actor.role == Role::kDepartment) return Error::Forbidden();
    return Ok();
}

PolicyWindowKind WindowOf(std::int64_t value) {
    switch (value) {
        case 2: return PolicyWindowKind::kContractYear;
        case 3: return PolicyWindowKind::kCalendarYear;
        default: return PolicyWindowKind::kRolling12Months;
    }
}

std::string KindOf(PolicyDecisionKind kind) { return std::string(PolicyDecisionKindCode(kind)); }

// The installment a deduction or reward is booked against (docs/api.md "Proposals").
std::string LedgerPeriod(const ContractContent& content, const std::string& period, Date on_or_after) {
    const auto& installments = content.payment.installments;
    if (installments.empty()) return period;
    for (const auto& installment : installments) {
        if (!period.empty() && installment.period == period) return installment.period;
    }
    for (const auto& installment : installments) {
        if (installment.due_date >= on_or_after) return installment.period;
    }
    return installments.back().period;
}

std::string Shorten(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return text.substr(0, cut) + "…";
}

}  // namespace

PolicyService::RunBasis PolicyService::LoadRunBasis(storage::Connection& connection) {
    RunBasis basis;
    auto& settings = basis.settings;
    settings.version = storage::PolicySettingsVersion(connection);
    settings.rule_version = kPolicyRuleVersion;
    settings.failures_threshold = static_cast<int>(storage::ReadSetting(connection, setting::kPolicyFailuresThreshold));
    settings.window = WindowOf(storage::ReadSetting(connection, setting::kPolicyWindow));
    settings.satisfaction_percent =
        static_cast<int>(storage::ReadSetting(connection, setting::kPolicySatisfactionPercent));
    settings.reward_assessment_average =
        static_cast<int>(storage::ReadSetting(connection, setting::kPolicyRewardAssessmentAverage));
    settings.reward_satisfaction_percent =
        static_cast<int>(storage::ReadSetting(connection, setting::kPolicyRewardSatisfactionPercent));
    basis.staffing = StaffService::LoadComplianceBasis(connection);
    return basis;
}

PolicyFacts PolicyService::LoadFacts(storage::Connection& connection, const ContractRecord& contract,
                                     YearEndReview review, RunBasis& basis) {
    PolicyFacts facts;
    facts.contract.id = std::to_string(contract.id);
    facts.contract.term_start = contract.term_start;
    facts.contract.term_end = contract.term_end;
    const auto version = storage::FindContractVersion(
        connection, contract.id, contract.active_version_no > 0 ? contract.active_version_no : contract.version_no);
    std::vector<StaffingRequirement> staffing;
    if (version) {
        const auto content = storage::ParseContractContent(version->content_json);
        facts.contract.terms = {content.assessment.pass_mark, content.deductions};
        staffing = content.staffing;
    }
    // RP-2: a clause in percent of the period's fee prices each assessment by the fee of the version it was made
    // under (each version read once).
    std::map<int, std::optional<ContractContent>> contents;
    const auto content_of = [&](int version_no) -> const std::optional<ContractContent>& {
        auto found = contents.find(version_no);
        if (found == contents.end()) {
            std::optional<ContractContent> content;
            if (const auto stored = storage::FindContractVersion(connection, contract.id, version_no)) {
                content = storage::ParseContractContent(stored->content_json);
            }
            found = contents.emplace(version_no, std::move(content)).first;
        }
        return found->second;
    };
    for (const auto& assessment : storage::ContractAssessmentFacts(connection, contract.id, basis.terms)) {
        const auto& terms = *assessment.terms;
        PolicyAssessment fact;
        fact.id = std::to_string(assessment.id);
        fact.period = assessment.period;
        fact.date = assessment.assessed_on;
        fact.score_tenths = assessment.total_tenths;
        fact.failed_items = assessment.failed_items;
        fact.missing_staff_days = assessment.missing_staff_days;
        fact.routine = assessment.kind == "routine";
        fact.changed_on_appeal = assessment.total_tenths != assessment.original_total_tenths;
        fact.terms = PolicyTerms{terms.terms.pass_mark, terms.deductions};
        const bool by_fee = std::any_of(
            terms.deductions.begin(), terms.deductions.end(),
            [](const DeductionClause& clause) { return clause.kind == DeductionKind::kPercentOfFeePerPointBelowPass; });
        if (by_fee) {
            if (const auto& content = content_of(assessment.contract_version_no)) {
                fact.fee = PeriodFeeOf(*content, assessment.period, assessment.contract_version_no);
            }
        }
        facts.assessments.push_back(std::move(fact));
    }
    for (const auto& survey : storage::ClosedSurveyFacts(connection, contract.id)) {
        const auto counts = CountRatings(survey.ratings);
        PolicySurvey fact;
        fact.id = std::to_string(survey.id);
        fact.period = survey.period;
        fact.date = survey.closed_at ? survey.closed_at->ShanghaiDate() : survey.closes_on;
        fact.very_satisfied = counts.very_satisfied;
        fact.satisfied = counts.satisfied;
        // The engine counts 基本满意 as satisfied; when the setting in force on this survey says otherwise, it is
        // counted with the dissatisfied answers (still valid, not satisfied).
        fact.basically_satisfied = survey.basic_counts_satisfied ? counts.basically_satisfied : 0;
        fact.dissatisfied = counts.dissatisfied + (survey.basic_counts_satisfied ? 0 : counts.basically_satisfied);
        facts.surveys.push_back(fact);
    }
    facts.energy_savings = storage::EnergySavingFacts(connection, contract.id);
    // RP-2 from STF-6: the short days of every month that is over, and the days already decided.
    for (const auto& month : staff_.ShortfallMonths(connection, contract.id, staffing, contract.term_start,
                                                    contract.term_end, context_.clock.Today(), basis.staffing)) {
        PolicyStaffingMonth fact;
        fact.month = month.month;
        fact.charged_by_assessment =
            std::any_of(facts.assessments.begin(), facts.assessments.end(), [&](const PolicyAssessment& assessment) {
                return assessment.missing_staff_days > 0 &&
                       (assessment.period == month.month || assessment.date.ToString().substr(0, 7) == month.month);
            });
        for (const auto& day : month.short_days) {
            std::string zh;
            std::string en;
            for (const auto& post : day.posts) {
                if (post.missing_person_days <= 0) continue;
                const auto provided =
                    fmt::format("{}.{}", post.provided_minutes / 60, post.provided_minutes % 60 * 10 / 60);
                zh += fmt::format("{}{}:{} 需 {} 人 × {} 小时,到岗 {} 小时,缺 {} 人日", zh.empty() ? "" : ";",
                                  post.post, day.day_reason.zh, post.required_people, post.required_hours, provided,
                                  post.missing_person_days);
                en += fmt::format("{}{}: {} needs {} × {} h, {} h provided, {} person-days missing",
                                  en.empty() ? "" : "; ", post.post, day.day_reason.en, post.required_people,
                                  post.required_hours, provided, post.missing_person_days);
            }
            int missing = 0;
            for (const auto& post : day.posts) missing += post.missing_person_days;
            fact.days.push_back({day.date, missing, {zh, en}});
        }
        facts.staffing_months.push_back(std::move(fact));
    }
    for (const auto& proposal : storage::ContractProposalsOfRule(connection, contract.id, "RP-2/staffing")) {
        if (proposal.status != "approved" && proposal.status != "rejected") continue;
        for (const auto& evidence : proposal.evidence) {
            if (evidence.kind == PolicyEvidenceKind::kStaffingDay) facts.staffing_days_decided.push_back(evidence.date);
        }
    }
    facts.settings = basis.settings;
    facts.today = context_.clock.Today();
    facts.year_end_review = review;
    return facts;
}

PolicyRun PolicyService::EvaluateContract(storage::Connection& connection, const Actor* actor, std::int64_t contract_id,
                                          YearEndReview review) {
    auto basis = LoadRunBasis(connection);
    return EvaluateOne(connection, actor, contract_id, review, basis);
}

PolicyRun PolicyService::EvaluateOne(storage::Connection& connection, const Actor* actor, std::int64_t contract_id,
                                     YearEndReview review, RunBasis& basis) {
    PolicyRun run;
    const auto contract = storage::FindContract(connection, contract_id, {"/", std::nullopt});
    // Only a contract in force is judged; a terminated or ended one keeps its proposals as they are.
    if (!contract || contract->status != "active" || contract->term_end < context_.clock.Today()) return run;
    run.evaluated = 1;
    const auto evaluation = EvaluatePolicies(LoadFacts(connection, *contract, review, basis));
    run.notes = evaluation.notes;
    auto [open_keys, closed_keys] = storage::ProposalKeys(connection, contract_id);
    // Proposals of rules outside this engine (CC-6, ProposeExternal) are not the engine's to withdraw.
    std::erase_if(open_keys, [](const std::string& key) { return key.rfind(kExternalKeyPrefix, 0) == 0; });
    const auto reconciliation = ReconcileProposals(evaluation.decisions, open_keys, closed_keys);
    const auto now = context_.clock.Now();
    const std::string trigger = actor ? actor->username : "daily-job";
    for (const auto& decision : reconciliation.to_propose) {
        ProposalRecord record;
        record.contract_id = contract_id;
        record.vendor_id = contract->vendor_id;
        record.vendor_org_id = contract->vendor_org_id;
        record.owner_path = contract->owner_path;
        record.kind = KindOf(decision.kind);
        record.rule = decision.rule;
        record.rule_version = decision.rule_version;
        record.settings_version = decision.settings_version;
        record.dedupe_key = decision.dedupe_key;
        if (decision.kind == PolicyDecisionKind::kDeduction && !decision.evidence.empty()) {
            record.period = decision.evidence.front().period;
        }
        record.amount = decision.amount;
        record.evidence = decision.evidence;
        record.thresholds = decision.thresholds;
        record.explanation = decision.explanation;
        record.status = "pending_office";
        record.created_at = now;
        record.updated_at = now;
        const auto inserted = storage::InsertProposal(connection, record);
        if (!inserted) continue;  // proposed a moment ago by another request or instance: never twice
        record.id = *inserted;
        storage::InsertWorkflowEvent(
            connection, kProposalSubject, record.id,
            {0, 1, "propose", "", "pending_office", std::nullopt, storage::kSystemActor, storage::kSystemActor,
             fmt::format("{} {} (trigger: {})", decision.rule, decision.rule_version, trigger), now});
        storage::AppendAudit(connection, nullptr, now,
                             {"propose", "proposal", record.id, std::nullopt, storage::ProposalSnapshot(record)});
        run.proposed.push_back(record.id);
    }
    static const Text kEvidenceChanged{
        "依据的事实已变化(如申诉改分),规则不再成立",
        "The evidence changed (e.g. a score changed on appeal); the rule no longer holds"};
    for (const auto& key : reconciliation.to_withdraw) {
        if (const auto id = Withdraw(connection, key, kEvidenceChanged, now)) run.withdrawn.push_back(*id);
    }
    return run;
}

std::optional<std::int64_t> PolicyService::Withdraw(storage::Connection& connection, const std::string& key,
                                                    const Text& reason, Instant now) {
    auto record = storage::FindProposalByKey(connection, key);
    if (!record) return std::nullopt;
    const auto before = *record;
    const auto from = record->status;
    if (from != "pending_office" && from != "pending_leadership") return std::nullopt;
    record->status = "withdrawn";
    record->updated_at = now;
    if (!storage::UpdateProposal(connection, *record, from)) return std::nullopt;
    storage::InsertWorkflowEvent(connection, kProposalSubject, record->id,
                                 {0, 1, "withdraw", from, "withdrawn", std::nullopt, storage::kSystemActor,
                                  storage::kSystemActor, fmt::format("{} / {}", reason.zh, reason.en), now});
    storage::AppendAudit(
        connection, nullptr, now,
        {"withdraw", "proposal", record->id, storage::ProposalSnapshot(before), storage::ProposalSnapshot(*record)});
    return record->id;
}

std::vector<std::int64_t> PolicyService::WithdrawExternal(storage::Connection& connection, std::int64_t contract_id,
                                                          std::string_view key_prefix,
                                                          const std::vector<std::string>& holding, const Text& reason) {
    std::vector<std::int64_t> withdrawn;
    const auto now = context_.clock.Now();
    const auto [open_keys, closed_keys] = storage::ProposalKeys(connection, contract_id);
    for (const auto& key : open_keys) {
        if (key.rfind(key_prefix, 0) != 0) continue;
        if (std::find(holding.begin(), holding.end(), key) != holding.end()) continue;
        if (const auto id = Withdraw(connection, key, reason, now)) withdrawn.push_back(*id);
    }
    return withdrawn;
}

Result<PolicyRun> PolicyService::Evaluate(const Actor& actor, std::optional<std::int64_t> contract_id,
                                          bool year_end_review) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    const auto review = year_end_review ? YearEndReview::kForce : YearEndReview::kWhenLastMonth;
    auto lease = context_.database.Acquire();
    std::vector<std::int64_t> ids;
    if (contract_id) {
        const auto contract = storage::FindContract(*lease, *contract_id, storage::VendorScope::Of(actor));
        if (!contract) return Error::NotFound({"合同不存在", "The contract does not exist"});
        if (contract->status != "active" || contract->term_end < context_.clock.Today()) {
            return Error::Precondition({"只有履行中的合同才能评估规则", "Only an active contract can be evaluated"});
        }
        ids.push_back(*contract_id);
    } else {
        for (const auto id : storage::ActiveContractIds(*lease, context_.clock.Today())) {
            if (storage::FindContract(*lease, id, storage::VendorScope::Of(actor))) ids.push_back(id);
        }
    }
    PolicyRun total;
    auto basis = LoadRunBasis(*lease);
    for (const auto id : ids) {
        storage::Transaction transaction(*lease);
        auto run = EvaluateOne(*lease, &actor, id, review, basis);
        transaction.Commit();
        total.evaluated += run.evaluated;
        total.proposed.insert(total.proposed.end(), run.proposed.begin(), run.proposed.end());
        total.withdrawn.insert(total.withdrawn.end(), run.withdrawn.begin(), run.withdrawn.end());
        total.notes.insert(total.notes.end(), run.notes.begin(), run.notes.end());
    }
    return total;
}

std::optional<std::int64_t> PolicyService::ProposeExternal(storage::Connection& connection, const Actor& trigger,
                                                           std::int64_t contract_id, const ExternalProposal& proposal) {
    const auto contract = storage::FindContract(connection, contract_id, {"/", std::nullopt});
    if (!contract || storage::FindProposalByKey(connection, proposal.dedupe_key)) return std::nullopt;
    const auto now = context_.clock.Now();
    ProposalRecord record;
    record.contract_id = contract_id;
    record.vendor_id = contract->vendor_id;
    record.vendor_org_id = contract->vendor_org_id;
    record.owner_path = contract->owner_path;
    record.kind = proposal.kind;
    record.rule = proposal.rule;
    record.rule_version = proposal.rule_version;
    record.settings_version = storage::PolicySettingsVersion(connection);
    record.dedupe_key = proposal.dedupe_key;
    record.period = proposal.period;
    record.evidence = proposal.evidence;
    record.thresholds = proposal.thresholds;
    record.explanation = proposal.explanation;
    record.status = "pending_office";
    record.created_at = now;
    record.updated_at = now;
    const auto inserted = storage::InsertProposal(connection, record);
    if (!inserted) return std::nullopt;
    record.id = *inserted;
    storage::InsertWorkflowEvent(
        connection, kProposalSubject, record.id,
        {0, 1, "propose", "", "pending_office", std::nullopt, storage::kSystemActor, storage::kSystemActor,
         fmt::format("{} {} (trigger: {})", proposal.rule, proposal.rule_version, trigger.username), now});
    storage::AppendAudit(connection, nullptr, now,
                         {"propose", "proposal", record.id, std::nullopt, storage::ProposalSnapshot(record)});
    return record.id;
}

PolicyRun PolicyService::RunDaily() {
    PolicyRun total;
    total.came_into_force = contracts_.BringIntoForce();
    auto lease = context_.database.Acquire();
    auto basis = LoadRunBasis(*lease);
    for (const auto id : storage::ActiveContractIds(*lease, context_.clock.Today())) {
        try {
            storage::Transaction transaction(*lease);
            auto run = EvaluateOne(*lease, nullptr, id, YearEndReview::kWhenLastMonth, basis);
            transaction.Commit();
            total.evaluated += run.evaluated;
            total.proposed.insert(total.proposed.end(), run.proposed.begin(), run.proposed.end());
            total.withdrawn.insert(total.withdrawn.end(), run.withdrawn.begin(), run.withdrawn.end());
        } catch (const std::exception& error) {
            // One contract's failure must not stop the others; it is retried on the next run.
            spdlog::error("daily policy run: contract {} failed: {}", id, error.what());
        }
    }
    spdlog::info("daily policy run: {} came into force, {} contracts, {} proposed, {} withdrawn",
                 total.came_into_force.size(), total.evaluated, total.proposed.size(), total.withdrawn.size());
    return total;
}

ProposalView PolicyService::Build(storage::Connection& connection, const Actor& actor, ProposalRecord record) {
    ProposalView view;
    for (const auto& name : ProposalWorkflow().Allowed(record.status, actor.role)) {
        if (std::find(view.allowed_actions.begin(), view.allowed_actions.end(), name) == view.allowed_actions.end()) {
            view.allowed_actions.push_back(name);
        }
    }
    view.history = storage::ListWorkflowEvents(connection, kProposalSubject, record.id);
    view.record = std::move(record);
    return view;
}

Result<Page<ProposalView>> PolicyService::List(const Actor& actor, const ProposalQuery& query) {
    if (auto status = RequireProposalReader(actor); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::ProposalFilter filter{storage::VendorScope::Of(actor),
                                   query.kind,
                                   query.status,
                                   query.contract_id,
                                   query.vendor_id,
                                   query.page,
                                   query.page_size};
    auto [records, total] = storage::ListProposals(*lease, filter);
    std::vector<ProposalView> views;
    for (auto& record : records) {
        ProposalView view;
        for (const auto& name : ProposalWorkflow().Allowed(record.status, actor.role)) {
            if (std::find(view.allowed_actions.begin(), view.allowed_actions.end(), name) ==
                view.allowed_actions.end()) {
                view.allowed_actions.push_back(name);
            }
        }
        view.record = std::move(record);
        views.push_back(std::move(view));
    }
    return PageOf(std::move(views), total);
}

Result<ProposalView> PolicyService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = RequireProposalReader(actor); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto record = storage::FindProposal(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return ProposalNotFound();
    return Build(*lease, actor, std::move(*record));
}

Result<ProposalView> PolicyService::Decide(const Actor& actor, std::int64_t id, const std::string& decision,
                                           const std::string& comment, std::optional<Money> amount) {
    if (!actor.Can(Permission::kSupervisionWrite) && !actor.Can(Permission::kProposalDecide)) {
        return Error::Forbidden();
    }
    if (decision != "approve" && decision != "reject") {
        return Error::Invalid("decision",
                              {"决定须为 approve(同意)或 reject(不同意)", "decision must be approve or reject"});
    }
    if (comment.size() > 2000) {
        return Error::Invalid("comment", {"意见不能超过 2000 字节", "The comment must be at most 2000 bytes"});
    }
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto loaded = storage::FindProposal(*lease, id, storage::VendorScope::Of(actor));
    if (!loaded) return ProposalNotFound();
    auto record = std::move(*loaded);
    auto transition = ProposalWorkflow().Check(record.status, decision, actor.role, comment);
    if (!transition) return transition.error();
    const auto before = record;
    const auto from = record.status;
    const auto now = context_.clock.Now();
    record.status = (*transition)->to;
    record.updated_at = now;
    const bool final_approval = record.status == "approved";
    if (final_approval) {
        // The approval writes a deduction or a reward into the contract's ledger, or ends the contract: as every other
        // change of the contract, under its row lock, so a payment checked against the balance at the same moment
        // (CON-8) sees this entry or waits for it.
        storage::LockContract(*lease, record.contract_id);
        auto contract = storage::FindContract(*lease, record.contract_id, {"/", std::nullopt});
        if (!contract || contract->status != "active") {
            return Error::Precondition({"合同已不在履行中,不能执行该建议",
                                        "The contract is no longer in force; the proposal cannot be carried out"});
        }
        const auto content = storage::ParseContractContent(
            storage::FindContractVersion(*lease, contract->id, contract->active_version_no)->content_json);
        if (record.kind == "reward") {
            // D1 Art.8(1) names no sum: leadership sets it when approving.
            if (!amount || amount->fen() <= 0) {
                return Error::Invalid("amount", {"请填写奖励金额(大于 0)", "Enter the reward amount (above 0)"});
            }
            record.approved_amount = amount;
        } else if (record.kind == "deduction") {
            // Leadership may lower a deduction, never raise it above what the contract's clauses give.
            if (amount && (amount->fen() <= 0 || (record.amount && amount->fen() > record.amount->fen()))) {
                return Error::Invalid(
                    "amount", {fmt::format("扣款金额须大于 0 且不超过按合同计算的 {} 元",
                                           record.amount ? record.amount->ToString() : "0"),
                               fmt::format("The deduction must be above 0 and at most {} as the contract computes",
                                           record.amount ? record.amount->ToString() : "0")});
            }
            record.approved_amount = amount ? amount : record.amount;
        }
        if (record.kind == "reward" || record.kind == "deduction") {
            const Date anchor = record.kind == "deduction" && !record.evidence.empty() ? record.evidence.front().date
                                                                                       : context_.clock.Today();
            LedgerEntry entry{0,
                              record.contract_id,
                              record.kind,
                              LedgerPeriod(content, record.kind == "deduction" ? record.period : "", anchor),
                              *record.approved_amount,
                              Shorten(fmt::format("建议 #{}:{}", record.id, record.explanation.zh), 900),
                              "proposal",
                              actor.username,
                              now};
            entry.id = storage::InsertLedgerEntry(*lease, entry);
            record.ledger_entry_id = entry.id;
            storage::AppendAudit(*lease, &actor, now,
                                 {"ledger_" + record.kind, "contract", record.contract_id, std::nullopt,
                                  fmt::format(R"({{"entry_id":{},"period":"{}","amount":"{}","proposal_id":{}}})",
                                              entry.id, entry.period, entry.amount.ToString(), record.id)});
        } else if (record.kind == "termination") {
            const auto today = context_.clock.Today();
            contracts_.ApplyTermination(
                *lease, actor, *contract,
                Shorten(fmt::format("解约建议 #{} 经领导批准:{}", record.id, record.explanation.zh), 1900),
                content.breach_liability, std::max(today, contract->term_start));
        }
    }
    if (!storage::UpdateProposal(*lease, record, from)) {
        return Error::Precondition({"该建议已被他人处理,请刷新", "Someone else decided this proposal; reload it"});
    }
    storage::InsertWorkflowEvent(*lease, kProposalSubject, record.id,
                                 {0, 1, decision, from, record.status, actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), comment, now});
    std::string after = storage::ProposalSnapshot(record);
    if (!comment.empty()) after.insert(after.size() - 1, ",\"comment\":" + storage::JsonString(comment));
    storage::AppendAudit(*lease, &actor, now,
                         {decision, "proposal", record.id, storage::ProposalSnapshot(before), after});
    transaction.Commit();
    return Build(*lease, actor, std::move(record));
}

std::optional<StaffingProposalRef> PolicyService::StaffingProposalOf(storage::Connection& connection,
                                                                     std::int64_t contract_id,
                                                                     const std::string& month) {
    std::optional<StaffingProposalRef> found;
    // The latest one for the month: an earlier one may have been withdrawn when the attendance was corrected.
    for (const auto& proposal : storage::ContractProposalsOfRule(connection, contract_id, "RP-2/staffing")) {
        if (proposal.period == month) found = StaffingProposalRef{proposal.id, proposal.status};
    }
    return found;
}

}  // namespace houqin
