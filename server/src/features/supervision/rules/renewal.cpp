#include "features/supervision/rules/renewal.h"

#include <fmt/format.h>

#include <algorithm>

namespace houqin {

std::string_view RenewalRecommendationCode(RenewalRecommendation recommendation) {
    switch (recommendation) {
        case RenewalRecommendation::kRenew: return "renew";
        case RenewalRecommendation::kRenewWithConditions: return "renew_with_conditions";
        case RenewalRecommendation::kDoNotRenew: return "do_not_renew";
    }
    return "renew";
}

Text RenewalRecommendationName(RenewalRecommendation recommendation) {
    switch (recommendation) {
        case RenewalRecommendation::kRenew: return {"建议续签", "Renew"};
        case RenewalRecommendation::kRenewWithConditions: return {"建议有条件续签", "Renew with conditions"};
        case RenewalRecommendation::kDoNotRenew: return {"建议不予续签", "Do not renew"};
    }
    return {"建议续签", "Renew"};
}

RenewalAdvice RecommendRenewal(const RenewalFacts& facts) {
    RenewalAdvice advice;
    const auto stop = RenewalRecommendation::kDoNotRenew;
    const auto conditions = RenewalRecommendation::kRenewWithConditions;
    auto add = [&](std::string code, RenewalRecommendation level, Text text) {
        advice.reasons.push_back({std::move(code), level, std::move(text)});
    };

    if (facts.termination_proposals_approved > 0) {
        add("termination_proposal", stop,
            {fmt::format("已批准终止合同建议 {} 项", facts.termination_proposals_approved),
             fmt::format("{} termination proposal(s) approved", facts.termination_proposals_approved)});
    }
    if (facts.termination_proposals_pending > 0) {
        add("termination_proposal", stop,
            {fmt::format("有 {} 项终止合同建议正在审批", facts.termination_proposals_pending),
             fmt::format("{} termination proposal(s) awaiting approval", facts.termination_proposals_pending)});
    }
    if (facts.routine_failures >= facts.failures_threshold) {
        add("failures_threshold", stop,
            {fmt::format("合同期内日常考核不合格 {} 次,达到 {} 次的标准", facts.routine_failures,
                         facts.failures_threshold),
             fmt::format("{} routine assessments failed in the term, reaching the threshold of {}",
                         facts.routine_failures, facts.failures_threshold)});
    }
    for (const auto& survey : facts.surveys) {
        if (survey.rate && survey.rate->Below(facts.satisfaction_percent)) {
            add("survey_below", stop,
                {fmt::format("{} 满意度测评满意率 {},低于 {}%", survey.period, survey.rate->ToString(),
                             facts.satisfaction_percent),
                 fmt::format("Survey {}: satisfaction {} is below {}%", survey.period, survey.rate->ToString(),
                             facts.satisfaction_percent)});
        }
    }

    if (facts.failures > 0) {
        add("failure", conditions,
            {fmt::format("合同期内考核不合格 {} 次(共考核 {} 次)", facts.failures, facts.assessments),
             fmt::format("{} of {} assessments in the term failed", facts.failures, facts.assessments)});
    }
    if (facts.deductions > 0) {
        add("deduction", conditions,
            {fmt::format("合同期内有扣款 {} 笔", facts.deductions),
             fmt::format("{} deduction(s) in the term", facts.deductions)});
    }
    if (facts.rectifications_overdue > 0) {
        add("rectification_overdue", conditions,
            {fmt::format("有 {} 项整改逾期未完成", facts.rectifications_overdue),
             fmt::format("{} rectification(s) overdue", facts.rectifications_overdue)});
    }
    if (facts.rectifications_unverified > 0) {
        add("rectification_unverified", conditions,
            {fmt::format("有 {} 项整改尚未验收", facts.rectifications_unverified),
             fmt::format("{} rectification(s) not yet verified", facts.rectifications_unverified)});
    }
    if (facts.satisfaction && facts.satisfaction->Below(facts.reward_satisfaction_percent)) {
        add("satisfaction_below_reward", conditions,
            {fmt::format("合同期内总体满意率 {},低于 {}%", facts.satisfaction->ToString(),
                         facts.reward_satisfaction_percent),
             fmt::format("Overall satisfaction in the term {} is below {}%", facts.satisfaction->ToString(),
                         facts.reward_satisfaction_percent)});
    }

    const bool any_stop = std::any_of(advice.reasons.begin(), advice.reasons.end(),
                                      [&](const RenewalReason& reason) { return reason.level == stop; });
    if (any_stop) {
        advice.recommendation = stop;
    } else if (!advice.reasons.empty()) {
        advice.recommendation = conditions;
    } else {
        advice.recommendation = RenewalRecommendation::kRenew;
        const std::string satisfaction_zh =
            facts.satisfaction ? "满意率 " + facts.satisfaction->ToString() : "无满意度数据";
        const std::string satisfaction_en =
            facts.satisfaction ? "satisfaction " + facts.satisfaction->ToString() : "no satisfaction data";
        add("clean", RenewalRecommendation::kRenew,
            {fmt::format("合同期内考核 {} 次均合格,无扣款,整改均已验收,{}", facts.assessments, satisfaction_zh),
             fmt::format("All {} assessments in the term passed, no deductions, every rectification verified, {}",
                         facts.assessments, satisfaction_en)});
    }
    return advice;
}

}  // namespace houqin
