#include "features/reports/service.h"

#include <fmt/format.h>

#include <algorithm>

#include "features/contracts/model.h"
#include "features/contracts/rules/ledger.h"
#include "features/contracts/store.h"
#include "features/reports/store.h"
#include "features/staff/incident_service.h"
#include "features/supervision/oversight_store.h"
#include "features/supervision/rules/policy_engine.h"
#include "features/supervision/rules/renewal.h"
#include "platform/audit/audit_store.h"
#include "platform/audit/export_audit.h"
#include "platform/settings/settings.h"

namespace houqin {
namespace {

std::int64_t StartOfDayMs(Date day) { return (day.days() * 86400 - kShanghaiOffsetSeconds) * 1000; }

ReportContract ContractOf(const ContractRecord& record, Date today) {
    auto status = ParseContractStatus(record.status).value_or(ContractStatus::kDraft);
    if (status == ContractStatus::kActive && record.term_end < today) {
        status = record.successor_id ? ContractStatus::kRenewed : ContractStatus::kExpired;
    }
    return {record.id,
            record.code,
            record.title,
            record.vendor_id,
            record.vendor_name,
            std::string(ContractStatusCode(status)),
            ContractStatusName(status),
            record.term_start,
            record.term_end,
            record.total_amount};
}

// SUP-4: the survey's own formula (survey.basic_counts_satisfied was fixed when it was created).
std::optional<SatisfactionRate> RateOfSurvey(const ReportSurvey& survey) {
    PolicySurvey facts;
    facts.very_satisfied = survey.very_satisfied;
    facts.satisfied = survey.satisfied;
    if (survey.basic_counts_satisfied) {
        facts.basically_satisfied = survey.basically_satisfied;
        facts.dissatisfied = survey.dissatisfied;
    } else {
        facts.dissatisfied = survey.dissatisfied + survey.basically_satisfied;
    }
    return RateOf(facts);
}

void FillRate(ReportSurvey& survey) {
    if (const auto rate = RateOfSurvey(survey)) {
        survey.satisfied_count = rate->satisfied;
        survey.valid = rate->valid;
        survey.rate = rate->ToString();
    }
}

std::optional<int> AverageTenths(std::int64_t sum, std::int64_t count) {
    if (count == 0) return std::nullopt;
    return static_cast<int>((2 * sum + count) / (2 * count));  // half up
}

bool Within(const LabelledPeriod& outer, const std::string& label) {
    const auto inner = ParsePeriodLabel(label);
    return inner && outer.first <= inner->first && inner->last <= outer.last;
}

Error ContractNotFound() { return Error::NotFound({"合同不存在", "The contract does not exist"}); }

}  // namespace

Result<RenewalBasis> ReportService::Renewal(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto record = storage::FindContract(*lease, contract_id, storage::VendorScope::Of(actor));
    if (!record) return ContractNotFound();
    if (record->active_version_no == 0) {
        return Error::Precondition({"合同尚未签订,没有履约记录可供续签评估",
                                    "The contract has not been signed; there is no history to assess"});
    }
    const auto today = context_.clock.Today();
    RenewalBasis basis;
    basis.contract = ContractOf(*record, today);
    basis.generated_at = context_.clock.Now();
    basis.generated_by = actor.display_name.empty() ? actor.username : actor.display_name;

    RenewalFacts facts;
    facts.failures_threshold = static_cast<int>(context_.settings.Get(*lease, setting::kPolicyFailuresThreshold));
    facts.satisfaction_percent = static_cast<int>(context_.settings.Get(*lease, setting::kPolicySatisfactionPercent));
    facts.reward_satisfaction_percent =
        static_cast<int>(context_.settings.Get(*lease, setting::kPolicyRewardSatisfactionPercent));
    basis.thresholds = {{std::string(setting::kPolicyFailuresThreshold), facts.failures_threshold},
                        {std::string(setting::kPolicySatisfactionPercent), facts.satisfaction_percent},
                        {std::string(setting::kPolicyRewardSatisfactionPercent), facts.reward_satisfaction_percent}};

    std::int64_t routine_sum = 0, routine_count = 0;
    // The basis lists totals; the quality report lists items.
    for (auto& assessment :
         storage::ContractAssessmentRows(*lease, contract_id, std::nullopt, storage::AssessmentItems::kSkip)) {
        if (assessment.assessed_on < record->term_start || assessment.assessed_on > record->term_end) continue;
        if (!assessment.passed) ++basis.failures;
        if (assessment.kind == "routine") {
            routine_sum += assessment.total_tenths;
            ++routine_count;
            if (!assessment.passed) ++basis.routine_failures;
        }
        basis.assessments.push_back(std::move(assessment));
    }
    basis.average_tenths = AverageTenths(routine_sum, routine_count);
    facts.assessments = static_cast<std::int64_t>(basis.assessments.size());
    facts.failures = basis.failures;
    facts.routine_failures = basis.routine_failures;

    SatisfactionRate pooled;
    for (auto& survey : storage::ContractSurveyRows(*lease, contract_id)) {
        if (survey.status != "closed") continue;  // a rate counts once the survey is closed (SUP-4)
        const auto rate = RateOfSurvey(survey);
        FillRate(survey);
        if (rate) {
            pooled.satisfied += rate->satisfied;
            pooled.valid += rate->valid;
        }
        facts.surveys.push_back({survey.period, rate});
        basis.surveys.push_back(std::move(survey));
    }
    if (pooled.valid > 0) {
        facts.satisfaction = pooled;
        basis.satisfaction = pooled.ToString();
    }

    storage::RectificationFilter filter;
    filter.scope = {"/", std::nullopt};
    filter.today = today;
    filter.contract_id = contract_id;
    filter.page_size = 0;
    for (const auto& rectification : storage::ListRectifications(*lease, filter).items) {
        ++basis.rectifications.total;
        if (rectification.status == "open") ++basis.rectifications.open;
        if (rectification.status == "reported") ++basis.rectifications.reported;
        if (rectification.status == "closed") ++basis.rectifications.closed;
        if (IsOverdue(rectification, today)) ++basis.rectifications.overdue;
    }
    facts.rectifications_overdue = basis.rectifications.overdue;
    facts.rectifications_unverified = basis.rectifications.open + basis.rectifications.reported;

    for (const auto& entry : storage::ListLedgerEntries(*lease, contract_id)) {
        auto& tally = entry.kind == "deduction" ? basis.deductions : basis.rewards;
        ++tally.count;
        tally.amount = tally.amount + entry.amount;
        if (entry.source == "proposal") ++tally.from_proposals;
    }
    facts.deductions = basis.deductions.count;

    storage::EnergySavingFilter energy;
    energy.scope = {"/", std::nullopt};
    energy.contract_id = contract_id;
    energy.page_size = 1;
    const auto savings = storage::ListEnergySavings(*lease, energy);
    basis.energy_records = savings.total;
    basis.energy_saving = savings.saving;
    basis.energy_saving_kwh = savings.saving_kwh;

    basis.proposals = storage::ContractProposalRows(*lease, contract_id);
    // STF-7: evidence for whoever decides; the recommendation's rules (RP-5) do not weigh incidents.
    basis.incidents = ContractIncidentTally(*lease, contract_id, record->term_start, record->term_end);
    for (const auto& proposal : basis.proposals) {
        if (proposal.kind != "termination") continue;
        if (proposal.status == "approved") ++facts.termination_proposals_approved;
        if (proposal.status == "pending_office" || proposal.status == "pending_leadership") {
            ++facts.termination_proposals_pending;
        }
    }

    const auto advice = RecommendRenewal(facts);
    basis.recommendation = std::string(RenewalRecommendationCode(advice.recommendation));
    basis.recommendation_name = RenewalRecommendationName(advice.recommendation);
    for (const auto& reason : advice.reasons) {
        basis.reasons.push_back({reason.code, std::string(RenewalRecommendationCode(reason.level)), reason.text});
    }
    return basis;
}

Result<QualityReport> ReportService::Quality(const Actor& actor, const std::string& period,
                                             std::optional<std::int64_t> vendor_id) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    const auto range = ParsePeriodLabel(period);
    if (!range) {
        return Error::Invalid("period", {"期间须为 2027-03、2027-Q1、2027-H1 或 2027 的形式",
                                         "period must look like 2027-03, 2027-Q1, 2027-H1 or 2027"});
    }
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    QualityReport report;
    report.period = *range;
    report.vendor_id = vendor_id;
    report.generated_at = context_.clock.Now();
    report.generated_by = actor.display_name.empty() ? actor.username : actor.display_name;
    std::int64_t sum = 0;
    SatisfactionRate pooled;
    const std::pair<int, int> years{std::stoi(range->first.ToString().substr(0, 4)),
                                    std::stoi(range->last.ToString().substr(0, 4))};
    for (const auto& contract : storage::SignedContractsOverlapping(*lease, storage::VendorScope::Of(actor),
                                                                    range->first, range->last, vendor_id)) {
        QualitySection section;
        section.contract = ContractOf(contract, today);
        // An assessment or survey belongs to the report when its own period lies within the report's period
        // (a quarter's report shows the quarter's three monthly assessments).
        for (auto& assessment : storage::ContractAssessmentRows(*lease, contract.id, years)) {
            if (!Within(*range, assessment.period)) continue;
            ++report.assessments;
            ++(assessment.passed ? report.passed : report.failed);
            sum += assessment.total_tenths;
            section.assessments.push_back(std::move(assessment));
        }
        for (auto& survey : storage::ContractSurveyRows(*lease, contract.id, years)) {
            if (!Within(*range, survey.period)) continue;
            FillRate(survey);
            pooled.satisfied += survey.satisfied_count;
            pooled.valid += survey.valid;
            section.surveys.push_back(std::move(survey));
        }
        // Rectifications raised in the period or due in it.
        storage::RectificationFilter filter;
        filter.scope = {"/", std::nullopt};
        filter.today = today;
        filter.contract_id = contract.id;
        filter.page_size = 0;
        for (const auto& r : storage::ListRectifications(*lease, filter).items) {
            const auto raised = r.created_at.ShanghaiDate();
            const bool raised_in = range->first <= raised && raised <= range->last;
            const bool due_in = range->first <= r.deadline && r.deadline <= range->last;
            if (!raised_in && !due_in) continue;
            const bool overdue = IsOverdue(r, today);
            ++report.rectifications.total;
            if (r.status == "open") ++report.rectifications.open;
            if (r.status == "reported") ++report.rectifications.reported;
            if (r.status == "closed") ++report.rectifications.closed;
            if (overdue) ++report.rectifications.overdue;
            section.rectifications.push_back({r.id, r.title, r.deadline, r.status, overdue, r.result, r.effect});
        }
        section.incidents = ContractIncidentTally(*lease, contract.id, range->first, range->last);
        report.incidents += section.incidents.total;
        report.incidents_open += section.incidents.open;
        report.sections.push_back(std::move(section));
    }
    report.average_tenths = AverageTenths(sum, report.assessments);
    if (pooled.valid > 0) report.satisfaction = pooled.ToString();
    return report;
}

Result<InternalAuditReport> ReportService::InternalAudit(const Actor& actor, std::optional<Date> from,
                                                         std::optional<Date> to,
                                                         std::optional<std::int64_t> vendor_id) {
    if (auto status = actor.Require(Permission::kInternalReportRead); !status) return status.error();
    Validation validation;
    if (!from) validation.Fail("from", {"请填写开始日期", "Enter the first date"});
    if (!to) validation.Fail("to", {"请填写结束日期", "Enter the last date"});
    if (from && to && *to < *from) validation.Fail("to", {"结束日期不能早于开始日期", "to cannot be before from"});
    if (from && to && to->days() - from->days() > 3 * 366) {
        validation.Fail("to", {"一次最多统计三年", "A report covers at most three years"});
    }
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    InternalAuditReport report;
    report.from = *from;
    report.to = *to;
    report.vendor_id = vendor_id;
    report.generated_at = context_.clock.Now();
    report.generated_by = actor.display_name.empty() ? actor.username : actor.display_name;
    const auto from_ms = StartOfDayMs(*from);
    const auto to_ms = StartOfDayMs(to->AddDays(1));
    for (const auto& contract :
         storage::SignedContractsOverlapping(*lease, storage::VendorScope::Of(actor), *from, *to, vendor_id)) {
        AuditSection section;
        section.contract = ContractOf(contract, today);
        const auto version = storage::FindContractVersion(*lease, contract.id, contract.active_version_no);
        const auto content = storage::ParseContractContent(version->content_json);
        const auto entries = storage::ListLedgerEntries(*lease, contract.id);
        std::vector<LedgerMovement> deductions, rewards, payments;
        for (const auto& entry : entries) {
            (entry.kind == "deduction" ? deductions : rewards).push_back({entry.period, entry.amount});
        }
        for (const auto& payment : storage::ListPayments(*lease, contract.id)) {
            payments.push_back({payment.period, payment.amount});
        }
        // CON-8 arithmetic on the installment periods due within the dates.
        std::vector<std::string> periods;
        for (const auto& period : ComputeLedger(content.payment.installments, deductions, rewards, payments).periods) {
            if (period.due_date < *from || period.due_date > *to) continue;
            periods.push_back(period.period);
            section.amount = section.amount + period.amount;
            section.deductions = section.deductions + period.deductions;
            section.rewards = section.rewards + period.rewards;
            section.due = section.due + period.due;
            section.paid = section.paid + period.paid;
            section.balance = section.balance + period.balance;
        }
        for (const auto& entry : entries) {
            if (std::find(periods.begin(), periods.end(), entry.period) == periods.end()) continue;
            section.entries.push_back({entry.id, entry.kind, entry.period, entry.amount, entry.reason, entry.source,
                                       storage::ProposalOfLedgerEntry(*lease, entry.id),
                                       storage::PersonName(*lease, entry.created_by), entry.created_at});
        }
        for (auto& proposal : storage::ContractProposalRows(*lease, contract.id)) {
            const bool decided = proposal.status == "approved" || proposal.status == "rejected";
            if (decided && proposal.updated_at.ms >= from_ms && proposal.updated_at.ms < to_ms) {
                section.proposals.push_back(std::move(proposal));
            }
        }
        section.events = storage::ContractEventsBetween(*lease, contract.id, from_ms, to_ms);
        report.amount = report.amount + section.amount;
        report.deductions = report.deductions + section.deductions;
        report.rewards = report.rewards + section.rewards;
        report.due = report.due + section.due;
        report.paid = report.paid + section.paid;
        report.balance = report.balance + section.balance;
        report.sections.push_back(std::move(section));
    }
    // the report states whether the audit trail it rests on is intact.
    const auto chain = storage::VerifyAuditChain(*lease);
    report.chain = {chain.ok, chain.checked, chain.first_bad_seq, chain.reason};
    return report;
}

Status ReportService::RecordReportExport(const Actor& actor, std::string what, std::string format,
                                         std::vector<std::pair<std::string, std::string>> filters, std::int64_t rows) {
    storage::ExportRecord record;
    record.what = std::move(what);
    record.format = std::move(format);
    record.entity = "report";
    record.filters = std::move(filters);
    record.rows = rows;
    return storage::RecordExport(context_.database, actor, context_.clock.Now(), record, true);
}

Status ReportService::RecordRenewalBasisRead(const Actor& actor, std::int64_t contract_id, const std::string& code) {
    storage::ExportRecord record{"renewal_basis", "pdf", "contract", contract_id, {{"contract", code}}, 1};
    return storage::RecordExport(context_.database, actor, context_.clock.Now(), record, false);
}

}  // namespace houqin
