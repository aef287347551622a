#include "features/supervision/rules/policy_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <set>
#include <tuple>
#include <utility>

namespace houqin {
namespace {

constexpr std::string_view kRuleFailures = "RP-3/failures";
constexpr std::string_view kRuleSatisfaction = "RP-3/satisfaction";
constexpr std::string_view kRuleDeduction = "RP-2";
// STF-6 -> RP-2: missing staff found by the attendance, per month, under the per-missing-staff-day clause.
constexpr std::string_view kRuleStaffing = "RP-2/staffing";
constexpr std::string_view kRuleReward = "RP-1";

std::chrono::year_month_day Ymd(Date date) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{date.days()}}};
}

Date FromYmdClamped(std::chrono::year_month_day ymd) {
    if (!ymd.ok()) ymd = std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}};
    return Date::FromDays(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

// The same day `count` years later, or the month's last day when it has no such day (29 February).
Date AddYears(Date date, int count) { return FromYmdClamped(Ymd(date) + std::chrono::years{count}); }
Date AddMonths(Date date, int count) { return FromYmdClamped(Ymd(date) + std::chrono::months{count}); }

// 525 -> "52.5", 520 -> "52".
std::string ScoreText(std::int64_t tenths) {
    const std::string sign = tenths < 0 ? "-" : "";
    const std::int64_t magnitude = std::abs(tenths);
    if (magnitude % 10 == 0) return fmt::format("{}{}", sign, magnitude / 10);
    return fmt::format("{}{}.{}", sign, magnitude / 10, magnitude % 10);
}

// Keeps the separators of a dedupe key out of the ids and values it is built from.
std::string Escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '%' || c == '|' || c == ';' || c == '@' || c == '/' || c == ':' || c == '=') {
            out += fmt::format("%{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

Text WindowName(PolicyWindowKind kind) {
    switch (kind) {
        case PolicyWindowKind::kRolling12Months: return {"滚动 12 个月", "rolling 12 months"};
        case PolicyWindowKind::kContractYear: return {"合同年度", "contract year"};
        case PolicyWindowKind::kCalendarYear: return {"自然年度", "calendar year"};
    }
    return {"滚动 12 个月", "rolling 12 months"};
}

std::string PeriodText(const PolicyPeriod& period) {
    return fmt::format("{}..{}", period.first.ToString(), period.last.ToString());
}

const PolicyTerms& TermsOf(const PolicyFacts& facts, const PolicyAssessment& assessment) {
    return assessment.terms ? *assessment.terms : facts.contract.terms;
}

bool Failed(const PolicyAssessment& assessment, const PolicyTerms& terms) {
    return assessment.score_tenths < terms.pass_mark * 10;
}

std::int64_t NonNegative(std::int64_t value) { return std::max<std::int64_t>(value, 0); }

PolicyEvidence AssessmentEvidence(const PolicyAssessment& assessment, const PolicyTerms& terms) {
    const auto score = ScoreText(assessment.score_tenths);
    const std::string appeal_zh = assessment.changed_on_appeal ? "(申诉后)" : "";
    const std::string appeal_en = assessment.changed_on_appeal ? " (after appeal)" : "";
    return {PolicyEvidenceKind::kAssessment,
            assessment.id,
            assessment.period,
            assessment.date,
            score,
            {fmt::format("{} 考核 {} 分{}(合格分 {} 分)", assessment.period, score, appeal_zh, terms.pass_mark),
             fmt::format("{} assessment scored {}{} (pass mark {})", assessment.period, score, appeal_en,
                         terms.pass_mark)}};
}

std::string AssessmentKeyPart(const PolicyAssessment& assessment, const PolicyTerms& terms) {
    return fmt::format("a:{}@{}/{}", Escape(assessment.id), assessment.score_tenths, terms.pass_mark);
}

Text RateFormula(std::int64_t very, std::int64_t satisfied, std::int64_t basic, const SatisfactionRate& rate) {
    return {fmt::format("(非常满意 {} + 满意 {} + 基本满意 {}) / 有效答卷 {} = {}", very, satisfied, basic, rate.valid,
                        rate.ToString()),
            fmt::format("(very satisfied {} + satisfied {} + basically satisfied {}) / {} valid answers = {}", very,
                        satisfied, basic, rate.valid, rate.ToString())};
}

PolicyEvidence SurveyEvidence(const PolicySurvey& survey, const SatisfactionRate& rate) {
    const auto formula = RateFormula(NonNegative(survey.very_satisfied), NonNegative(survey.satisfied),
                                     NonNegative(survey.basically_satisfied), rate);
    return {PolicyEvidenceKind::kSurvey,
            survey.id,
            survey.period,
            survey.date,
            rate.ToString(),
            {fmt::format("{} 满意度测评:{}", survey.period, formula.zh),
             fmt::format("{} satisfaction survey: {}", survey.period, formula.en)}};
}

std::string SurveyKeyPart(const PolicySurvey& survey) {
    return fmt::format("s:{}@{}/{}/{}/{}/{}", Escape(survey.id), survey.very_satisfied, survey.satisfied,
                       survey.basically_satisfied, survey.dissatisfied, survey.invalid);
}

bool Saves(const PolicyEnergySaving& record) { return record.saving.fen() > 0 || record.saving_kwh > 0; }

std::string SavingText(const PolicyEnergySaving& record, std::string_view yuan) {
    std::vector<std::string> parts;
    if (record.saving.fen() > 0) parts.push_back(fmt::format("{} {}", record.saving.ToString(), yuan));
    if (record.saving_kwh > 0) parts.push_back(fmt::format("{} kWh", record.saving_kwh));
    return Join(parts, ", ");
}

PolicyEvidence EnergyEvidence(const PolicyEnergySaving& record) {
    std::vector<std::string> values;
    if (record.saving.fen() > 0) values.push_back(record.saving.ToString());
    if (record.saving_kwh > 0) values.push_back(fmt::format("{}kWh", record.saving_kwh));
    return {PolicyEvidenceKind::kEnergySaving,
            record.id,
            "",
            record.date,
            Join(values, "+"),
            {fmt::format("{} {} 节约 {}", record.date.ToString(), record.measure, SavingText(record, "元")),
             fmt::format("{} {} saved {}", record.date.ToString(), record.measure, SavingText(record, "yuan"))}};
}

std::string EnergyKeyPart(const PolicyEnergySaving& record) {
    return fmt::format("e:{}@{}/{}", Escape(record.id), record.saving.fen(), record.saving_kwh);
}

std::string DedupeKey(std::string_view rule, const PolicyFacts& facts, const std::vector<std::string>& parts) {
    return fmt::format("{}|{}|{}", rule, Escape(facts.contract.id), Join(parts, ";"));
}

PolicyDecision NewDecision(PolicyDecisionKind kind, std::string_view rule, const PolicyFacts& facts) {
    PolicyDecision decision;
    decision.kind = kind;
    decision.rule = std::string(rule);
    decision.rule_version = facts.settings.rule_version;
    decision.settings_version = facts.settings.version;
    decision.contract_id = facts.contract.id;
    return decision;
}

// The facts a run may use: routine, known by the evaluation date, inside the contract term.
struct UsableFacts {
    std::vector<const PolicyAssessment*> assessments;  // by date, then id
    std::vector<std::pair<const PolicySurvey*, SatisfactionRate>> surveys;
    std::vector<const PolicyEnergySaving*> energy_savings;
};

template <typename Fact>
bool Usable(const PolicyFacts& facts, const Fact& fact, std::string_view what_zh, std::string_view what_en,
            std::vector<PolicyNote>& notes) {
    const PolicyPeriod term{facts.contract.term_start, facts.contract.term_end};
    if (fact.date > facts.today) {
        notes.push_back({"after_evaluation_date",
                         fact.id,
                         {fmt::format("{} {} 的日期 {} 晚于评估日期 {},本次不计", what_zh, fact.id,
                                      fact.date.ToString(), facts.today.ToString()),
                          fmt::format("{} {} is dated {}, after the evaluation date {}; not counted in this run",
                                      what_en, fact.id, fact.date.ToString(), facts.today.ToString())}});
        return false;
    }
    if (!term.Contains(fact.date)) {
        notes.push_back({"outside_term",
                         fact.id,
                         {fmt::format("{} {} 的日期 {} 不在合同期 {} 至 {} 内,不计", what_zh, fact.id,
                                      fact.date.ToString(), term.first.ToString(), term.last.ToString()),
                          fmt::format("{} {} is dated {}, outside the contract term {} to {}; not counted", what_en,
                                      fact.id, fact.date.ToString(), term.first.ToString(), term.last.ToString())}});
        return false;
    }
    return true;
}

UsableFacts SelectFacts(const PolicyFacts& facts, std::vector<PolicyNote>& notes) {
    UsableFacts usable;
    for (const auto& assessment : facts.assessments) {
        if (!assessment.routine) {
            // D1 Art.8 speaks of 日常例行监督考核: special inspections do not feed rewards or penalties.
            notes.push_back(
                {"not_routine",
                 assessment.id,
                 {fmt::format("考核 {}({})不是日常例行考核,不计入奖惩规则", assessment.id, assessment.period),
                  fmt::format("Assessment {} ({}) is not a routine assessment and does not count for "
                              "rewards and penalties",
                              assessment.id, assessment.period)}});
            continue;
        }
        if (Usable(facts, assessment, "考核", "Assessment", notes)) usable.assessments.push_back(&assessment);
    }
    std::stable_sort(usable.assessments.begin(), usable.assessments.end(),
                     [](const auto* a, const auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
    for (const auto& survey : facts.surveys) {
        if (!Usable(facts, survey, "满意度测评", "Survey", notes)) continue;
        const auto rate = RateOf(survey);
        if (!rate) {
            notes.push_back(
                {"survey_without_valid_answers",
                 survey.id,
                 {fmt::format("满意度测评 {}({})没有有效答卷,无法计算满意度,不作判断", survey.id, survey.period),
                  fmt::format("Survey {} ({}) has no valid answers: no satisfaction rate, no decision", survey.id,
                              survey.period)}});
            continue;
        }
        usable.surveys.emplace_back(&survey, *rate);
    }
    std::stable_sort(usable.surveys.begin(), usable.surveys.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first->date, a.first->id) < std::tie(b.first->date, b.first->id);
    });
    for (const auto& record : facts.energy_savings) {
        if (Usable(facts, record, "节能记录", "Energy-saving record", notes)) usable.energy_savings.push_back(&record);
    }
    std::stable_sort(usable.energy_savings.begin(), usable.energy_savings.end(),
                     [](const auto* a, const auto* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
    return usable;
}

std::vector<PolicyParameter> WindowParameters(const PolicyFacts& facts, const PolicyPeriod& window) {
    return {{"window", std::string(PolicyWindowKindCode(facts.settings.window))},
            {"window_period", PeriodText(window)}};
}

// RP-3: 一年内日常例行监督考核累计三次不合格.
std::optional<PolicyDecision> FailuresRule(const PolicyFacts& facts, const UsableFacts& usable,
                                           const PolicyPeriod& window) {
    auto decision = NewDecision(PolicyDecisionKind::kTermination, kRuleFailures, facts);
    std::vector<std::string> key_parts;
    std::vector<std::string> lines_zh;
    std::vector<std::string> lines_en;
    for (const auto* assessment : usable.assessments) {
        const auto& terms = TermsOf(facts, *assessment);
        if (!window.Contains(assessment->date) || !Failed(*assessment, terms)) continue;
        decision.evidence.push_back(AssessmentEvidence(*assessment, terms));
        key_parts.push_back(AssessmentKeyPart(*assessment, terms));
        lines_zh.push_back(decision.evidence.back().description.zh);
        lines_en.push_back(decision.evidence.back().description.en);
    }
    const auto count = static_cast<std::int64_t>(decision.evidence.size());
    if (count == 0 || count < facts.settings.failures_threshold) return std::nullopt;
    decision.dedupe_key = DedupeKey(kRuleFailures, facts, key_parts);
    decision.thresholds = WindowParameters(facts, window);
    decision.thresholds.insert(decision.thresholds.begin(),
                               {"failures_threshold", std::to_string(facts.settings.failures_threshold)});
    const auto name = WindowName(facts.settings.window);
    decision.explanation = {
        fmt::format("{} 至 {}({})内日常例行考核不合格 {} 次,达到 {} 次的终止条件:{}。建议提出终止合同意见并要求其承担"
                    "违约责任。",
                    window.first.ToString(), window.last.ToString(), name.zh, count, facts.settings.failures_threshold,
                    Join(lines_zh, ";")),
        fmt::format("{} routine assessments failed within {} to {} ({}), reaching the termination threshold of {}: {}. "
                    "Proposes terminating the contract with the vendor liable for breach.",
                    count, window.first.ToString(), window.last.ToString(), name.en, facts.settings.failures_threshold,
                    Join(lines_en, "; "))};
    return decision;
}

// RP-3: 满意度测评低于60%, for any survey within the same year.
std::optional<PolicyDecision> SatisfactionRule(const PolicyFacts& facts, const UsableFacts& usable,
                                               const PolicyPeriod& window) {
    auto decision = NewDecision(PolicyDecisionKind::kTermination, kRuleSatisfaction, facts);
    std::vector<std::string> key_parts;
    std::vector<std::string> lines_zh;
    std::vector<std::string> lines_en;
    const int threshold = facts.settings.satisfaction_percent;
    for (const auto& [survey, rate] : usable.surveys) {
        if (!window.Contains(survey->date) || !rate.Below(threshold)) continue;
        decision.evidence.push_back(SurveyEvidence(*survey, rate));
        key_parts.push_back(SurveyKeyPart(*survey));
        lines_zh.push_back(fmt::format("{},低于 {}%", decision.evidence.back().description.zh, threshold));
        lines_en.push_back(fmt::format("{}, below {}%", decision.evidence.back().description.en, threshold));
    }
    if (decision.evidence.empty()) return std::nullopt;
    decision.dedupe_key = DedupeKey(kRuleSatisfaction, facts, key_parts);
    decision.thresholds = WindowParameters(facts, window);
    decision.thresholds.insert(decision.thresholds.begin(), {"satisfaction_percent", std::to_string(threshold)});
    const auto name = WindowName(facts.settings.window);
    decision.explanation = {
        fmt::format("{} 至 {}({})内满意度测评低于 {}%:{}。建议提出终止合同意见并要求其承担违约责任。",
                    window.first.ToString(), window.last.ToString(), name.zh, threshold, Join(lines_zh, ";")),
        fmt::format("Satisfaction below {}% within {} to {} ({}): {}. Proposes terminating the contract with the "
                    "vendor liable for breach.",
                    threshold, window.first.ToString(), window.last.ToString(), name.en, Join(lines_en, "; "))};
    return decision;
}

// One clause applied to one assessment: units (in tenths) × amount, floored to the fen, then capped.
struct ClauseCharge {
    Money raw;
    Money charged;
    bool capped = false;
};

ClauseCharge Charge(const DeductionClause& clause, std::int64_t units_tenths) {
    const auto amount = NonNegative(clause.amount.fen());
    const auto cap = NonNegative(clause.cap.fen());
    // A fractional point charges pro rata, floored to the fen: a penalty never rounds against the vendor.
    const __int128 raw = static_cast<__int128>(amount) * units_tenths / 10;
    const auto raw_fen = static_cast<std::int64_t>(std::min<__int128>(raw, std::numeric_limits<std::int64_t>::max()));
    const bool capped = raw > cap;
    return {Money::FromFen(raw_fen), Money::FromFen(capped ? cap : raw_fen), capped};
}

// One clause in percent of the period's fee applied to one assessment: fee × rate × points below the pass mark, and
// the cap as a share of the same fee, each floored to the fen (a penalty never rounds against the vendor). A charge
// too large for 64 bits is above any cap, which is at most the fee itself.
struct PercentCharge {
    std::optional<Money> raw;  // absent when beyond 64 bits
    Money cap;
    Money charged;
    bool capped = false;
};

PercentCharge ChargePercent(const DeductionClause& clause, Money fee, std::int64_t below_tenths) {
    const std::int64_t rate = std::clamp(clause.rate_basis_points, 0, kBasisPointsPerWhole);
    const std::int64_t cap_rate = std::clamp(clause.cap_basis_points, 0, kBasisPointsPerWhole);
    const auto base = Money::FromFen(NonNegative(fee.fen()));
    // Tenths of a point: fee × rate / 10000 per point, × below_tenths / 10.
    const auto raw = base.FractionOf(rate * below_tenths, std::int64_t{kBasisPointsPerWhole} * 10);
    const auto cap = base.FractionOf(cap_rate, kBasisPointsPerWhole);
    if (!cap) throw MoneyOverflow();  // not reachable: at most the fee
    const bool capped = !raw || *raw > *cap;
    return {raw, *cap, capped ? *cap : *raw, capped};
}

// RP-2: each routine assessment below the contract standard, priced by the clauses in force when it was made.
std::optional<PolicyDecision> DeductionRule(const PolicyFacts& facts, const PolicyAssessment& assessment,
                                            std::vector<PolicyNote>& notes) {
    const auto& terms = TermsOf(facts, assessment);
    const auto score = ScoreText(assessment.score_tenths);
    const std::int64_t below_tenths = NonNegative(terms.pass_mark * 10 - assessment.score_tenths);
    const std::int64_t staff_days = NonNegative(assessment.missing_staff_days);
    const std::int64_t items = NonNegative(assessment.failed_items);
    auto decision = NewDecision(PolicyDecisionKind::kDeduction, kRuleDeduction, facts);
    decision.thresholds.push_back({"pass_mark", std::to_string(terms.pass_mark)});
    std::vector<std::string> lines_zh;
    std::vector<std::string> lines_en;
    Money total;
    for (const auto& clause : terms.deductions) {
        if (clause.kind == DeductionKind::kPercentOfFeePerPointBelowPass) {
            const auto rate = BasisPointsPercent(clause.rate_basis_points);
            const auto cap_rate = BasisPointsPercent(clause.cap_basis_points);
            decision.thresholds.push_back({std::string(DeductionKindCode(clause.kind)), rate});
            decision.thresholds.push_back({"percent_of_fee_cap", cap_rate});
            if (below_tenths == 0) continue;
            if (!assessment.fee) {
                notes.push_back(
                    {"period_fee_unknown",
                     assessment.id,
                     {fmt::format(
                          "{} 考核低于合格分 {} 分,但付款计划中没有该期间的服务费,按服务费比例扣款的条款未计扣款。",
                          assessment.period, ScoreText(below_tenths)),
                      fmt::format("The {} assessment is {} points below the pass mark, but the payment schedule has no "
                                  "fee for that period, so the clause in percent of the fee deducts nothing.",
                                  assessment.period, ScoreText(below_tenths))}});
                continue;
            }
            const auto& fee = *assessment.fee;
            const auto charge = ChargePercent(clause, fee.amount, below_tenths);
            total = total + charge.charged;
            decision.thresholds.push_back({"period_fee", fee.amount.ToString()});
            decision.thresholds.push_back({"points_below_pass", ScoreText(below_tenths)});
            decision.thresholds.push_back({"percent_of_fee_cap_amount", charge.cap.ToString()});
            const auto raw_zh =
                charge.raw ? fmt::format("{} 元", charge.raw->ToString()) : std::string("超出可计算范围");
            const auto raw_en =
                charge.raw ? fmt::format("{} yuan", charge.raw->ToString()) : std::string("beyond range");
            lines_zh.push_back(fmt::format(
                "低于合格分 {} 分 {} 分 × 当期服务费 {} 元 × {} = {}(不足一分舍去;上限为当期服务费的 {},即 {} 元){};"
                "当期服务费取自{}",
                terms.pass_mark, ScoreText(below_tenths), fee.amount.ToString(), rate, raw_zh, cap_rate,
                charge.cap.ToString(), charge.capped ? fmt::format(",按上限计 {} 元", charge.cap.ToString()) : "",
                fee.basis.zh));
            lines_en.push_back(fmt::format(
                "{} points below the pass mark of {} × {} of the period's fee of {} = {} (floored to the fen; cap {} "
                "of the fee, {} yuan){}; the period's fee is from the {}",
                ScoreText(below_tenths), terms.pass_mark, rate, fee.amount.ToString(), raw_en, cap_rate,
                charge.cap.ToString(), charge.capped ? fmt::format(", capped at {}", charge.cap.ToString()) : "",
                fee.basis.en));
            continue;
        }
        decision.thresholds.push_back({std::string(DeductionKindCode(clause.kind)),
                                       fmt::format("{} cap {}", clause.amount.ToString(), clause.cap.ToString())});
        std::int64_t units_tenths = 0;
        std::string units_zh;
        std::string units_en;
        switch (clause.kind) {
            case DeductionKind::kPerPointBelowPass:
                units_tenths = below_tenths;
                units_zh = fmt::format("低于合格分 {} 分 {} 分", terms.pass_mark, ScoreText(below_tenths));
                units_en = fmt::format("{} points below the pass mark of {}", ScoreText(below_tenths), terms.pass_mark);
                break;
            case DeductionKind::kPerMissingStaffDay:
                units_tenths = staff_days * 10;
                units_zh = fmt::format("缺岗 {} 人日", staff_days);
                units_en = fmt::format("{} missing staff-days", staff_days);
                break;
            case DeductionKind::kPerFailedItem:
                units_tenths = items * 10;
                units_zh = fmt::format("不合格项 {} 项", items);
                units_en = fmt::format("{} failed items", items);
                break;
            case DeductionKind::kPercentOfFeePerPointBelowPass: break;  // priced above
        }
        if (units_tenths == 0) continue;
        const auto charge = Charge(clause, units_tenths);
        total = total + charge.charged;
        lines_zh.push_back(fmt::format("{} × {} 元 = {} 元(上限 {} 元){}", units_zh, clause.amount.ToString(),
                                       charge.raw.ToString(), clause.cap.ToString(),
                                       charge.capped ? fmt::format(",按上限计 {} 元", clause.cap.ToString()) : ""));
        lines_en.push_back(fmt::format("{} × {} = {} yuan (cap {}){}", units_en, clause.amount.ToString(),
                                       charge.raw.ToString(), clause.cap.ToString(),
                                       charge.capped ? fmt::format(", capped at {}", clause.cap.ToString()) : ""));
    }
    if (total.fen() <= 0) return std::nullopt;
    decision.amount = total;
    decision.evidence.push_back(AssessmentEvidence(assessment, terms));
    decision.dedupe_key = DedupeKey(
        kRuleDeduction, facts,
        {fmt::format("{}/items{}/staff{}={}", AssessmentKeyPart(assessment, terms), items, staff_days, total.fen())});
    const std::string appeal_zh = assessment.changed_on_appeal ? "(申诉后)" : "";
    const std::string appeal_en = assessment.changed_on_appeal ? " (after appeal)" : "";
    decision.explanation = {fmt::format("{} 考核 {} 分{},{};合计扣减 {} 元。", assessment.period, score, appeal_zh,
                                        Join(lines_zh, ";"), total.ToString()),
                            fmt::format("{} assessment scored {}{}: {}; total deduction {} yuan.", assessment.period,
                                        score, appeal_en, Join(lines_en, "; "), total.ToString())};
    return decision;
}

// RP-2 from STF-6: the days of a month that is over on which the attendance fell short of the contract's staffing,
// charged per missing person-day under the contract's clause, capped per month. A day already decided (approved or
// rejected) is never proposed again; a month whose assessment already charged missing staff is left to it.
std::optional<PolicyDecision> StaffingRule(const PolicyFacts& facts, const PolicyStaffingMonth& month,
                                           std::vector<PolicyNote>& notes) {
    const auto& deductions = facts.contract.terms.deductions;
    const auto clause = std::find_if(deductions.begin(), deductions.end(), [](const DeductionClause& candidate) {
        return candidate.kind == DeductionKind::kPerMissingStaffDay;
    });
    if (clause == deductions.end()) return std::nullopt;
    if (month.charged_by_assessment) {
        notes.push_back({"staffing_charged_by_assessment",
                         month.month,
                         {fmt::format("{} 的考核已按缺岗扣款,考勤核定的缺岗不再重复扣款", month.month),
                          fmt::format("The assessment of {} already charged missing staff; the attendance's shortfall "
                                      "is not charged again",
                                      month.month)}});
        return std::nullopt;
    }
    const std::set<Date> decided(facts.staffing_days_decided.begin(), facts.staffing_days_decided.end());
    auto decision = NewDecision(PolicyDecisionKind::kDeduction, kRuleStaffing, facts);
    std::int64_t units = 0;
    std::vector<std::string> parts;
    std::vector<std::string> dates;
    for (const auto& day : month.days) {
        if (day.missing_person_days <= 0 || day.date > facts.today || decided.contains(day.date)) continue;
        units += day.missing_person_days;
        parts.push_back(fmt::format("s:{}={}", day.date.ToString(), day.missing_person_days));
        dates.push_back(fmt::format("{}({} 人日)", day.date.ToString().substr(5), day.missing_person_days));
        decision.evidence.push_back({PolicyEvidenceKind::kStaffingDay, day.date.ToString(), month.month, day.date,
                                     std::to_string(day.missing_person_days), day.detail});
    }
    if (units == 0) return std::nullopt;
    const auto charge = Charge(*clause, units * 10);
    decision.amount = charge.charged;
    decision.thresholds.push_back({std::string(DeductionKindCode(clause->kind)),
                                   fmt::format("{} cap {}", clause->amount.ToString(), clause->cap.ToString())});
    decision.dedupe_key = DedupeKey(kRuleStaffing, facts, parts);
    decision.explanation = {
        fmt::format("{} 考勤核定缺岗 {} 人日:{};× 每人日 {} 元 = {} 元(当月上限 {} 元){};合计扣减 {} 元。", month.month,
                    units, Join(dates, "、"), clause->amount.ToString(), charge.raw.ToString(), clause->cap.ToString(),
                    charge.capped ? fmt::format(",按上限计 {} 元", clause->cap.ToString()) : "",
                    charge.charged.ToString()),
        fmt::format("{}: the attendance falls short by {} person-days on {} days; × {} per person-day = {} yuan (cap "
                    "{} a month){}; total deduction {} yuan.",
                    month.month, units, dates.size(), clause->amount.ToString(), charge.raw.ToString(),
                    clause->cap.ToString(), charge.capped ? fmt::format(", capped at {}", clause->cap.ToString()) : "",
                    charge.charged.ToString())};
    return decision;
}

// RP-1: 年终 reward for high assessment and survey results with a contribution to 节能降耗.
std::optional<PolicyDecision> RewardRule(const PolicyFacts& facts, const UsableFacts& usable, const PolicyPeriod& year,
                                         std::vector<PolicyNote>& notes) {
    const PolicyPeriod last_month{AddMonths(year.last.AddDays(1), -1), year.last};
    if (facts.year_end_review != YearEndReview::kForce && facts.today < last_month.first) return std::nullopt;

    auto decision = NewDecision(PolicyDecisionKind::kReward, kRuleReward, facts);
    std::vector<std::string> key_parts;
    std::int64_t count = 0;
    std::int64_t sum_tenths = 0;
    for (const auto* assessment : usable.assessments) {
        if (!year.Contains(assessment->date)) continue;
        const auto& terms = TermsOf(facts, *assessment);
        ++count;
        sum_tenths += assessment->score_tenths;
        decision.evidence.push_back(AssessmentEvidence(*assessment, terms));
        key_parts.push_back(AssessmentKeyPart(*assessment, terms));
    }
    // Pooled over the year: every valid answer weighs the same, whichever survey it came from.
    std::int64_t very = 0, satisfied = 0, basic = 0;
    SatisfactionRate pooled;
    for (const auto& [survey, rate] : usable.surveys) {
        if (!year.Contains(survey->date)) continue;
        very += NonNegative(survey->very_satisfied);
        satisfied += NonNegative(survey->satisfied);
        basic += NonNegative(survey->basically_satisfied);
        pooled.satisfied += rate.satisfied;
        pooled.valid += rate.valid;
        decision.evidence.push_back(SurveyEvidence(*survey, rate));
        key_parts.push_back(SurveyKeyPart(*survey));
    }
    std::vector<std::string> measures_zh;
    std::vector<std::string> measures_en;
    for (const auto* record : usable.energy_savings) {
        if (!year.Contains(record->date) || !Saves(*record)) continue;
        decision.evidence.push_back(EnergyEvidence(*record));
        key_parts.push_back(EnergyKeyPart(*record));
        measures_zh.push_back(decision.evidence.back().description.zh);
        measures_en.push_back(decision.evidence.back().description.en);
    }

    const auto& settings = facts.settings;
    const std::string average = count > 0 ? ScoreText(sum_tenths / count) : "-";
    const bool assessments_met =
        count > 0 && sum_tenths >= static_cast<std::int64_t>(settings.reward_assessment_average) * 10 * count;
    const bool survey_met = pooled.valid > 0 && !pooled.Below(settings.reward_satisfaction_percent);
    const bool energy_met = !measures_zh.empty();
    const auto formula = RateFormula(very, satisfied, basic, pooled);
    const std::string head_zh = fmt::format("{} 至 {} 合同年度", year.first.ToString(), year.last.ToString());
    const std::string head_en = fmt::format("Contract year {} to {}", year.first.ToString(), year.last.ToString());

    if (!assessments_met || !survey_met || !energy_met) {
        std::vector<std::string> reasons_zh;
        std::vector<std::string> reasons_en;
        if (count == 0) {
            reasons_zh.emplace_back("没有日常例行考核");
            reasons_en.emplace_back("no routine assessment");
        } else if (!assessments_met) {
            reasons_zh.push_back(
                fmt::format("考核 {} 次平均 {} 分,低于 {} 分", count, average, settings.reward_assessment_average));
            reasons_en.push_back(fmt::format("{} assessments averaging {}, below {}", count, average,
                                             settings.reward_assessment_average));
        }
        if (pooled.valid == 0) {
            reasons_zh.emplace_back("没有有效的满意度测评");
            reasons_en.emplace_back("no survey with valid answers");
        } else if (!survey_met) {
            reasons_zh.push_back(fmt::format("满意度 {},低于 {}%", formula.zh, settings.reward_satisfaction_percent));
            reasons_en.push_back(
                fmt::format("satisfaction {}, below {}%", formula.en, settings.reward_satisfaction_percent));
        }
        if (!energy_met) {
            reasons_zh.emplace_back("没有节能降耗成效记录");
            reasons_en.emplace_back("no energy-saving record with savings");
        }
        notes.push_back({"reward_not_met",
                         facts.contract.id,
                         {fmt::format("{}不提出年终奖励:{}。", head_zh, Join(reasons_zh, ";")),
                          fmt::format("{}: no year-end reward proposed: {}.", head_en, Join(reasons_en, "; "))}});
        return std::nullopt;
    }

    decision.dedupe_key = DedupeKey(kRuleReward, facts, {PeriodText(year), Join(key_parts, ";")});
    decision.thresholds = {{"reward_assessment_average", std::to_string(settings.reward_assessment_average)},
                           {"reward_satisfaction_percent", std::to_string(settings.reward_satisfaction_percent)},
                           {"reward_year", PeriodText(year)}};
    decision.explanation = {
        fmt::format("{}:日常例行考核 {} 次,平均 {} 分(不低于 {} 分);满意度 {}(不低于 {}%);节能降耗 {} 项:{}。"
                    "建议年终给予物质奖励,金额由领导审批时确定。",
                    head_zh, count, average, settings.reward_assessment_average, formula.zh,
                    settings.reward_satisfaction_percent, measures_zh.size(), Join(measures_zh, ";")),
        fmt::format("{}: {} routine assessments averaging {} (at least {}); satisfaction {} (at least {}%); {} "
                    "energy-saving measures: {}. Proposes a year-end reward; leadership sets the amount on approval.",
                    head_en, count, average, settings.reward_assessment_average, formula.en,
                    settings.reward_satisfaction_percent, measures_en.size(), Join(measures_en, "; "))};
    return decision;
}

}  // namespace

std::optional<PolicyWindowKind> ParsePolicyWindowKind(std::string_view code) {
    if (code == "rolling_12_months") return PolicyWindowKind::kRolling12Months;
    if (code == "contract_year") return PolicyWindowKind::kContractYear;
    if (code == "calendar_year") return PolicyWindowKind::kCalendarYear;
    return std::nullopt;
}

std::string_view PolicyWindowKindCode(PolicyWindowKind kind) {
    switch (kind) {
        case PolicyWindowKind::kRolling12Months: return "rolling_12_months";
        case PolicyWindowKind::kContractYear: return "contract_year";
        case PolicyWindowKind::kCalendarYear: return "calendar_year";
    }
    return "rolling_12_months";
}

std::string_view PolicyDecisionKindCode(PolicyDecisionKind kind) {
    switch (kind) {
        case PolicyDecisionKind::kTermination: return "termination";
        case PolicyDecisionKind::kDeduction: return "deduction";
        case PolicyDecisionKind::kReward: return "reward";
    }
    return "deduction";
}

std::string_view PolicyEvidenceKindCode(PolicyEvidenceKind kind) {
    switch (kind) {
        case PolicyEvidenceKind::kAssessment: return "assessment";
        case PolicyEvidenceKind::kSurvey: return "survey";
        case PolicyEvidenceKind::kEnergySaving: return "energy_saving";
        case PolicyEvidenceKind::kStaffingDay: return "staffing_day";
        case PolicyEvidenceKind::kAgentScore: return "agent_score";
    }
    return "assessment";
}

PolicyPeriod ContractYear(Date term_start, Date day) {
    day = std::max(day, term_start);  // a day before the term belongs to the first contract year
    const int years_apart = static_cast<int>(Ymd(day).year()) - static_cast<int>(Ymd(term_start).year());
    int index = std::max(years_apart - 1, 0);
    while (AddYears(term_start, index + 1) <= day) ++index;
    return {AddYears(term_start, index), AddYears(term_start, index + 1).AddDays(-1)};
}

PolicyPeriod PolicyWindow(PolicyWindowKind kind, Date term_start, Date today) {
    switch (kind) {
        case PolicyWindowKind::kRolling12Months: return {AddYears(today, -1).AddDays(1), today};
        case PolicyWindowKind::kContractYear: return ContractYear(term_start, today);
        case PolicyWindowKind::kCalendarYear: {
            const auto year = static_cast<int>(Ymd(today).year());
            return {Date::FromYmd(year, 1, 1), Date::FromYmd(year, 12, 31)};
        }
    }
    return {today, today};
}

std::optional<PeriodFee> PeriodFeeOf(const ContractContent& content, std::string_view period, int version_no) {
    const auto assessment_periods = TermPeriods(content.term_start, content.term_end, content.assessment.frequency);
    const auto* target = FindTermPeriod(assessment_periods, period);
    if (!target) return std::nullopt;
    const auto payment_periods = TermPeriods(content.term_start, content.term_end, content.payment.frequency);
    Money total;
    std::vector<std::string> parts_zh;
    std::vector<std::string> parts_en;
    for (const auto& installment : content.payment.installments) {
        const auto* paid = FindTermPeriod(payment_periods, installment.period);
        if (!paid) continue;
        const Date first = std::max(paid->first, target->first);
        const Date last = std::min(paid->last, target->last);
        if (last < first) continue;
        const std::int64_t overlap = last.days() - first.days() + 1;
        const std::int64_t length = paid->last.days() - paid->first.days() + 1;
        auto share = std::optional<Money>(installment.amount);
        if (overlap < length) {
            share = installment.amount.FractionOf(overlap, length);
            parts_zh.push_back(fmt::format("{} 期 {} 元 × {}/{} 天", installment.period, installment.amount.ToString(),
                                           overlap, length));
            parts_en.push_back(fmt::format("{} installment {} × {}/{} days", installment.period,
                                           installment.amount.ToString(), overlap, length));
        } else {
            parts_zh.push_back(fmt::format("{} 期 {} 元", installment.period, installment.amount.ToString()));
            parts_en.push_back(fmt::format("{} installment {}", installment.period, installment.amount.ToString()));
        }
        const auto sum = share ? Money::Add(total, *share) : std::nullopt;
        if (!sum) throw MoneyOverflow();
        total = *sum;
    }
    if (parts_zh.empty()) return std::nullopt;
    return PeriodFee{total,
                     {fmt::format("合同第 {} 版付款计划:{}", version_no, Join(parts_zh, " + ")),
                      fmt::format("payment schedule of contract version {}: {}", version_no, Join(parts_en, " + "))}};
}

std::string SatisfactionRate::ToString() const {
    if (valid <= 0) return "-";
    const std::int64_t hundredths = satisfied * 10000 / valid;  // floored
    return fmt::format("{}.{:02d}%", hundredths / 100, hundredths % 100);
}

std::optional<SatisfactionRate> RateOf(const PolicySurvey& survey) {
    SatisfactionRate rate;
    rate.satisfied =
        NonNegative(survey.very_satisfied) + NonNegative(survey.satisfied) + NonNegative(survey.basically_satisfied);
    rate.valid = rate.satisfied + NonNegative(survey.dissatisfied);
    if (rate.valid == 0) return std::nullopt;
    return rate;
}

PolicyEvaluation EvaluatePolicies(const PolicyFacts& facts) {
    PolicyEvaluation evaluation;
    const auto usable = SelectFacts(facts, evaluation.notes);
    evaluation.window = PolicyWindow(facts.settings.window, facts.contract.term_start, facts.today);
    // The reward year is the contract year being closed: the one containing today, or the last one once the term
    // has ended; a short last year ends with the term.
    evaluation.reward_year = ContractYear(facts.contract.term_start, std::min(facts.today, facts.contract.term_end));
    evaluation.reward_year.last = std::min(evaluation.reward_year.last, facts.contract.term_end);

    if (auto decision = FailuresRule(facts, usable, evaluation.window)) {
        evaluation.decisions.push_back(std::move(*decision));
    }
    if (auto decision = SatisfactionRule(facts, usable, evaluation.window)) {
        evaluation.decisions.push_back(std::move(*decision));
    }
    for (const auto* assessment : usable.assessments) {
        if (auto decision = DeductionRule(facts, *assessment, evaluation.notes)) {
            evaluation.decisions.push_back(std::move(*decision));
        }
    }
    for (const auto& month : facts.staffing_months) {
        if (auto decision = StaffingRule(facts, month, evaluation.notes)) {
            evaluation.decisions.push_back(std::move(*decision));
        }
    }
    if (auto decision = RewardRule(facts, usable, evaluation.reward_year, evaluation.notes)) {
        evaluation.decisions.push_back(std::move(*decision));
    }
    return evaluation;
}

namespace {

// "rule|contract|part;part;..." -> the family ("rule|contract|") and the evidence parts.
std::pair<std::string, std::set<std::string>> SplitKey(const std::string& key) {
    const auto first = key.find('|');
    const auto second = first == std::string::npos ? std::string::npos : key.find('|', first + 1);
    if (second == std::string::npos) return {key, {}};
    std::set<std::string> parts;
    std::size_t start = second + 1;
    while (start <= key.size()) {
        const auto end = std::min(key.find(';', start), key.size());
        if (end > start) parts.insert(key.substr(start, end - start));
        start = end + 1;
    }
    return {key.substr(0, second + 1), parts};
}

// An open proposal still holds when a current decision of the same rule and contract rests on all of its evidence
// (and perhaps more: a fourth failure does not restart the approval of a termination proposed on three).
bool Covers(const std::string& decision_key, const std::string& open_key) {
    const auto [decision_family, decision_parts] = SplitKey(decision_key);
    const auto [open_family, open_parts] = SplitKey(open_key);
    if (decision_family != open_family || open_parts.empty()) return false;
    return std::includes(decision_parts.begin(), decision_parts.end(), open_parts.begin(), open_parts.end());
}

}  // namespace

PolicyReconciliation ReconcileProposals(const std::vector<PolicyDecision>& decisions,
                                        const std::vector<std::string>& open_keys,
                                        const std::vector<std::string>& closed_keys) {
    std::set<std::string> known(open_keys.begin(), open_keys.end());
    known.insert(closed_keys.begin(), closed_keys.end());

    PolicyReconciliation reconciliation;
    std::set<std::string> proposed;
    std::set<std::string> holding;  // open keys a current decision still rests on
    for (const auto& decision : decisions) {
        bool covered = known.contains(decision.dedupe_key);
        if (covered) holding.insert(decision.dedupe_key);
        for (const auto& open : open_keys) {
            if (Covers(decision.dedupe_key, open)) {
                holding.insert(open);
                covered = true;
            }
        }
        if (!covered && proposed.insert(decision.dedupe_key).second) reconciliation.to_propose.push_back(decision);
    }
    std::set<std::string> withdrawn;
    for (const auto& key : open_keys) {
        if (!holding.contains(key) && withdrawn.insert(key).second) reconciliation.to_withdraw.push_back(key);
    }
    return reconciliation;
}

}  // namespace houqin
