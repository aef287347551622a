#include "features/callcentre/rules/agent_score.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>

namespace houqin {
namespace {

using Wide = __int128;

// round(numerator / denominator) half up, both not negative, denominator positive.
std::int64_t RoundHalfUp(Wide numerator, Wide denominator) {
    return static_cast<std::int64_t>((2 * numerator + denominator) / (2 * denominator));
}

std::string DurationText(std::int64_t seconds) {
    return fmt::format("{}:{:02d}:{:02d}", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

// A target after pro-rating: target x held / days, exactly; shown to the hundredth.
struct Target {
    Wide numerator = 0;
    Wide denominator = 1;
    [[nodiscard]] std::string ToString() const {
        if (numerator % denominator == 0) return fmt::format("{}", static_cast<std::int64_t>(numerator / denominator));
        return FormatPoints(RoundHalfUp(numerator * 100, denominator));
    }
};

struct Wording {
    Text what;  // {"成功访问", "Successful visits"}
    Text unit;  // {"次", ""}
};

// Visits and talk time: weight x min(actual / target, cap%).
DimensionScore TargetDimension(ScoreDimension dimension, std::int64_t weight, std::int64_t actual,
                               std::int64_t monthly_target, int cap_percent, const AgentScore& agent,
                               std::int64_t calls, const Wording& wording, Target& used) {
    DimensionScore score{dimension, weight, 0, {}};
    const bool pro_rated = agent.pro_rated;
    Target target{monthly_target, 1};
    if (pro_rated) target = {Wide{monthly_target} * agent.days_held, agent.days_in_month};
    used = target;
    const bool seconds = dimension == ScoreDimension::kTalkTime;
    const std::string actual_text = fmt::format("{}", actual);
    const std::string target_text = target.ToString();
    std::string zh = fmt::format("{} {}/{} {}", wording.what.zh, actual_text, target_text, wording.unit.zh);
    std::string en =
        fmt::format("{} {} of a target of {}{}", wording.what.en, actual_text, target_text, wording.unit.en);
    std::vector<Text> notes;
    if (seconds) {
        const auto target_seconds = static_cast<std::int64_t>(target.numerator / target.denominator);
        const std::string durations = fmt::format("{} / {}", DurationText(actual), DurationText(target_seconds));
        notes.push_back({durations, durations});
    }
    if (pro_rated) {
        notes.push_back(
            {fmt::format("月目标 {} 按持有工号 {}/{} 天折算", monthly_target, agent.days_held, agent.days_in_month),
             fmt::format("the monthly target {} pro-rated for {} of {} days holding an agent ID", monthly_target,
                         agent.days_held, agent.days_in_month)});
    } else if (agent.days_held < agent.days_in_month) {
        notes.push_back({fmt::format("考核方法规定目标不折算：持有工号 {}/{} 天，仍按全月目标", agent.days_held,
                                     agent.days_in_month),
                         fmt::format("the method does not pro-rate targets: {} of {} days holding an agent ID, full "
                                     "target",
                                     agent.days_held, agent.days_in_month)});
    }
    for (std::size_t i = 0; i < notes.size(); ++i) {
        zh += fmt::format("{}{}{}", i == 0 ? "（" : "；", notes[i].zh, i + 1 == notes.size() ? "）" : "");
        en += fmt::format("{}{}{}", i == 0 ? " (" : "; ", notes[i].en, i + 1 == notes.size() ? ")" : "");
    }
    const std::string weight_text = FormatPoints(weight);
    if (calls == 0 && actual == 0) {
        score.explanation = {fmt::format("本月无外呼记录（0 通），{}，得 0.00 分", zh),
                             fmt::format("No outbound calls this month (0 calls): {}, 0.00 points", en)};
        return score;
    }
    // actual / target >= cap%  <=>  actual x denominator x 100 >= cap x numerator
    const Wide scaled_actual = Wide{actual} * target.denominator * 100;
    const Wide scaled_cap = Wide{cap_percent} * target.numerator;
    if (scaled_actual >= scaled_cap) {
        score.points = RoundHalfUp(Wide{weight} * cap_percent, 100);
        const std::string points = FormatPoints(score.points);
        if (cap_percent == 100) {
            const bool exact = Wide{actual} * target.denominator == target.numerator;
            score.explanation = {
                fmt::format("{}，{}目标按满分计 {} 分", zh, exact ? "达到" : "超出", points),
                fmt::format("{}: {} the target, the full {} points", en, exact ? "meets" : "above", points)};
        } else {
            score.explanation = {
                fmt::format("{}，超出目标，按上限 {}% 计 {} 分", zh, cap_percent, points),
                fmt::format("{}: above the target, capped at {}% = {} points", en, cap_percent, points)};
        }
        return score;
    }
    score.points = RoundHalfUp(Wide{weight} * actual * target.denominator, target.numerator);
    const std::string points = FormatPoints(score.points);
    std::string note_zh;
    std::string note_en;
    if (cap_percent > 100 && Wide{actual} * target.denominator > target.numerator) {
        note_zh = fmt::format("（超出目标最多按 {}% 计）", cap_percent);
        note_en = fmt::format(" (above the target counts up to {}%)", cap_percent);
    }
    score.explanation = {
        fmt::format("{}，{} × {}/{} = {} 分{}", zh, weight_text, actual_text, target_text, points, note_zh),
        fmt::format("{}: {} × {}/{} = {} points{}", en, weight_text, actual_text, target_text, points, note_en)};
    return score;
}

DimensionScore DisciplineDimension(const ScoringMethod& method, const AgentMonthFacts& facts) {
    DimensionScore score{ScoreDimension::kDiscipline, method.discipline_weight, 0, {}};
    const std::int64_t deduction = facts.absent_days * method.absence_deduction +
                                   facts.late_arrivals * method.late_deduction +
                                   facts.violations * method.violation_deduction;
    score.points = std::max<std::int64_t>(0, method.discipline_weight - deduction);
    const std::string weight = FormatPoints(method.discipline_weight);
    const std::string points = FormatPoints(score.points);
    const std::string attendance_zh =
        fmt::format("应出勤 {} 天，实出勤 {} 天", facts.required_days, facts.attended_days);
    const std::string attendance_en =
        fmt::format("{} working days required, {} attended", facts.required_days, facts.attended_days);
    if (deduction == 0) {
        score.explanation = {
            fmt::format("{}；无缺勤、迟到、违纪，得满分 {} 分", attendance_zh, points),
            fmt::format("{}; no absence, late arrival or violation: the full {} points", attendance_en, points)};
        return score;
    }
    const std::string items_zh =
        fmt::format("缺勤 {} 天 × {} 分、迟到 {} 次 × {} 分、违纪 {} 次 × {} 分，共扣 {} 分", facts.absent_days,
                    FormatPoints(method.absence_deduction), facts.late_arrivals, FormatPoints(method.late_deduction),
                    facts.violations, FormatPoints(method.violation_deduction), FormatPoints(deduction));
    const std::string items_en = fmt::format(
        "{} absent day(s) × {}, {} late arrival(s) × {}, {} violation(s) × {}: {} points deducted", facts.absent_days,
        FormatPoints(method.absence_deduction), facts.late_arrivals, FormatPoints(method.late_deduction),
        facts.violations, FormatPoints(method.violation_deduction), FormatPoints(deduction));
    if (deduction >= method.discipline_weight) {
        score.explanation = {fmt::format("{}；{}，不低于 0 分，得 {} 分", attendance_zh, items_zh, points),
                             fmt::format("{}; {}, never below 0: {} points", attendance_en, items_en, points)};
    } else {
        score.explanation = {
            fmt::format("{}；{}；{} − {} = {} 分", attendance_zh, items_zh, weight, FormatPoints(deduction), points),
            fmt::format("{}; {}; {} − {} = {} points", attendance_en, items_en, weight, FormatPoints(deduction),
                        points)};
    }
    return score;
}

DimensionScore TrainingDimension(const ScoringMethod& method, const AgentMonthFacts& facts) {
    DimensionScore score{ScoreDimension::kTraining, method.training_weight, 0, {}};
    if (!facts.training_score) {
        score.explanation = {"本月无培训成绩，得 0.00 分", "No training score this month: 0.00 points"};
        return score;
    }
    score.points = RoundHalfUp(Wide{method.training_weight} * *facts.training_score, method.training_full_score);
    const std::string weight = FormatPoints(method.training_weight);
    const std::string exam = FormatPoints(*facts.training_score);
    const std::string full = FormatPoints(method.training_full_score);
    const std::string points = FormatPoints(score.points);
    score.explanation = {
        fmt::format("培训成绩 {}/{} 分，{} × {}/{} = {} 分", exam, full, weight, exam, full, points),
        fmt::format("Training score {} of {}: {} × {}/{} = {} points", exam, full, weight, exam, full, points)};
    return score;
}

std::string JoinIds(const std::vector<std::string>& ids) {
    std::string joined;
    for (const auto& id : ids) joined += (joined.empty() ? "" : ", ") + id;
    return joined;
}

}  // namespace

std::string FormatPoints(std::int64_t hundredths) {
    const bool negative = hundredths < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(hundredths + 1)) + 1 : static_cast<std::uint64_t>(hundredths);
    return fmt::format("{}{}.{:02d}", negative ? "-" : "", magnitude / 100, magnitude % 100);
}

std::optional<std::int64_t> ParsePoints(std::string_view text) {
    if (text.empty() || text.size() > 15) return std::nullopt;
    std::int64_t whole = 0;
    std::int64_t fraction = 0;
    int decimals = -1;  // -1: no point seen
    bool digits = false;
    for (const char c : text) {
        if (c == '.') {
            if (decimals >= 0 || !digits) return std::nullopt;
            decimals = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        if (decimals < 0) {
            whole = whole * 10 + (c - '0');
            digits = true;
        } else {
            if (++decimals > 2) return std::nullopt;
            fraction = fraction * 10 + (c - '0');
        }
    }
    if (decimals == 0) return std::nullopt;  // "12." is not a number a person writes
    if (decimals == 1) fraction *= 10;
    return whole * 100 + fraction;
}

std::string_view ProRatingCode(ProRating rating) { return rating == ProRating::kByDaysHeld ? "by_days_held" : "none"; }

std::optional<ProRating> ParseProRating(std::string_view code) {
    if (code == "by_days_held") return ProRating::kByDaysHeld;
    if (code == "none") return ProRating::kNone;
    return std::nullopt;
}

std::string_view ScoreDimensionCode(ScoreDimension dimension) {
    switch (dimension) {
        case ScoreDimension::kDiscipline: return "discipline";
        case ScoreDimension::kVisits: return "visits";
        case ScoreDimension::kTalkTime: return "talk_time";
        case ScoreDimension::kTraining: return "training";
    }
    return "discipline";
}

Text ScoreDimensionName(ScoreDimension dimension) {
    switch (dimension) {
        case ScoreDimension::kDiscipline: return {"劳动纪律", "labour discipline"};
        case ScoreDimension::kVisits: return {"成功访问量", "successful visits"};
        case ScoreDimension::kTalkTime: return {"呼出时长", "outbound call time"};
        case ScoreDimension::kTraining: return {"培训成绩", "training score"};
    }
    return {"劳动纪律", "labour discipline"};
}

Result<ScoringMethod> ValidateScoringMethod(ScoringMethod method) {
    Validation validation;
    if (method.version <= 0) {
        validation.Fail("version", {"考核方法的版本号须为正整数", "The method's version must be a positive number"});
    }
    const std::int64_t weights[] = {method.discipline_weight, method.visits_weight, method.talk_weight,
                                    method.training_weight};
    const bool negative = std::any_of(std::begin(weights), std::end(weights), [](std::int64_t w) { return w < 0; });
    const std::int64_t sum = std::accumulate(std::begin(weights), std::end(weights), std::int64_t{0});
    if (negative || sum != 10000) {
        validation.Fail("weights", {fmt::format("四项权重须不为负且合计 100 分，现为 {} 分", FormatPoints(sum)),
                                    fmt::format("The four weights must not be negative and must sum to 100 points, "
                                                "not {}",
                                                FormatPoints(sum))});
    }
    if (method.visits_target <= 0) {
        validation.Fail("visits_target", {"成功访问目标须大于 0", "The successful-visits target must be above 0"});
    }
    if (method.talk_seconds_target <= 0) {
        validation.Fail("talk_seconds_target", {"呼出时长目标须大于 0", "The talk-time target must be above 0"});
    }
    for (const auto& [field, cap] : {std::pair{"visits_cap_percent", method.visits_cap_percent},
                                     std::pair{"talk_cap_percent", method.talk_cap_percent}}) {
        if (cap < 100 || cap > 1000) {
            validation.Fail(field, {"超出目标的计分上限须在 100% 至 1000% 之间",
                                    "The cap above a target must be between 100% and 1000%"});
        }
    }
    for (const auto& [field, value] :
         {std::pair{"absence_deduction", method.absence_deduction}, std::pair{"late_deduction", method.late_deduction},
          std::pair{"violation_deduction", method.violation_deduction},
          std::pair{"penalty_deduction", method.penalty_deduction}}) {
        if (value < 0 || value > 10000) {
            validation.Fail(field, {"扣分须在 0 至 100 分之间", "A deduction must be between 0 and 100 points"});
        }
    }
    if (method.training_full_score <= 0) {
        validation.Fail("training_full_score", {"培训成绩满分须大于 0", "The training full score must be above 0"});
    }
    if (!validation.ok()) return validation.ToError();
    return method;
}

std::optional<ScoringMethod> MethodForMonth(const std::vector<ScoringMethod>& approved, AssessmentMonth month) {
    const ScoringMethod* found = nullptr;
    for (const auto& method : approved) {
        if (month < method.effective_from) continue;
        if (found == nullptr || found->effective_from < method.effective_from ||
            (found->effective_from == method.effective_from && found->version < method.version)) {
            found = &method;
        }
    }
    if (found == nullptr) return std::nullopt;
    return *found;
}

namespace {

// One agent's score, rank not yet set; the method and the facts have been checked by ScoreMonth.
AgentScore ScoreAgent(const ScoringMethod& method, AssessmentMonth month, const AgentMonthFacts& facts) {
    AgentScore score;
    score.person_id = facts.person_id;
    score.name = facts.name;
    score.agent_ids = facts.agent_ids;
    score.method_version = method.version;
    score.days_held = facts.days_held;
    score.days_in_month = month.Days();
    score.pro_rated = method.pro_rating == ProRating::kByDaysHeld && facts.days_held < score.days_in_month;

    Target visits_target;
    Target talk_target;
    score.dimensions.push_back(DisciplineDimension(method, facts));
    score.dimensions.push_back(TargetDimension(ScoreDimension::kVisits, method.visits_weight, facts.successful_visits,
                                               method.visits_target, method.visits_cap_percent, score, facts.calls,
                                               {{"成功访问", "Successful visits"}, {"次", ""}}, visits_target));
    score.dimensions.push_back(TargetDimension(ScoreDimension::kTalkTime, method.talk_weight, facts.talk_seconds,
                                               method.talk_seconds_target, method.talk_cap_percent, score, facts.calls,
                                               {{"呼出时长", "Outbound talk time"}, {"秒", " seconds"}}, talk_target));
    score.dimensions.push_back(TrainingDimension(method, facts));

    // CC-4: only the suggestions submitted before the deadline deduct.
    int counted = 0;
    for (const auto& suggestion : facts.suggestions) {
        SuggestionDecision decision{suggestion.id, false, 0, CheckPenaltyDeadline(month, suggestion.submitted_at)};
        if (decision.deadline.timing == PenaltyTiming::kInTime) {
            decision.counted = true;
            decision.deduction = method.penalty_deduction;
            score.penalty_deduction += decision.deduction;
            ++counted;
        }
        score.suggestions.push_back(std::move(decision));
    }
    const int too_late = static_cast<int>(score.suggestions.size()) - counted;
    const std::string each = FormatPoints(method.penalty_deduction);
    const std::string deducted = FormatPoints(score.penalty_deduction);
    if (score.suggestions.empty()) {
        score.penalty_explanation = {"无已采纳的处罚建议，不扣分", "No accepted penalty suggestion: nothing deducted"};
    } else {
        score.penalty_explanation = {
            fmt::format("已采纳的处罚建议 {} 条按时提交，每条扣 {} 分，共扣 {} 分", counted, each, deducted),
            fmt::format("{} accepted penalty suggestion(s) submitted in time, {} points each: {} points deducted",
                        counted, each, deducted)};
        for (const auto& decision : score.suggestions) {
            if (decision.counted) continue;
            score.penalty_explanation.zh += fmt::format("；{} 逾期不计：{}", decision.id, decision.deadline.reason.zh);
            score.penalty_explanation.en +=
                fmt::format("; {} not counted: {}", decision.id, decision.deadline.reason.en);
        }
    }

    std::int64_t sum = 0;
    std::string parts_zh;
    std::string parts_en;
    for (const auto& dimension : score.dimensions) {
        sum += dimension.points;
        const Text name = ScoreDimensionName(dimension.dimension);
        parts_zh += fmt::format("{}{} {}", parts_zh.empty() ? "" : " + ", name.zh, FormatPoints(dimension.points));
        parts_en += fmt::format("{}{} {}", parts_en.empty() ? "" : " + ", name.en, FormatPoints(dimension.points));
    }
    score.total = std::max<std::int64_t>(0, sum - score.penalty_deduction);
    if (score.penalty_deduction > 0) {
        parts_zh += fmt::format(" − 处罚建议 {}", deducted);
        parts_en += fmt::format(" − penalty suggestions {}", deducted);
    }
    const std::string total = FormatPoints(score.total);
    const bool floored = sum < score.penalty_deduction;
    score.summary = {fmt::format("总分 {} = {}{}（考核方法第 {} 版）", total, parts_zh, floored ? "，不低于 0 分" : "",
                                 method.version),
                     fmt::format("Total {} = {}{} (scoring method version {})", total, parts_en,
                                 floored ? ", never below 0" : "", method.version)};

    score.values = {
        {"month", month.ToString()},
        {"method_version", fmt::format("{}", method.version)},
        {"method_effective_from", method.effective_from.ToString()},
        {"weights",
         fmt::format("{}/{}/{}/{}", FormatPoints(method.discipline_weight), FormatPoints(method.visits_weight),
                     FormatPoints(method.talk_weight), FormatPoints(method.training_weight))},
        {"pro_rating", std::string(ProRatingCode(method.pro_rating))},
        {"days_held", fmt::format("{}/{}", facts.days_held, score.days_in_month)},
        {"visits_target", fmt::format("{}", method.visits_target)},
        {"visits_target_used", visits_target.ToString()},
        {"visits_cap_percent", fmt::format("{}", method.visits_cap_percent)},
        {"talk_seconds_target", fmt::format("{}", method.talk_seconds_target)},
        {"talk_seconds_target_used", talk_target.ToString()},
        {"talk_cap_percent", fmt::format("{}", method.talk_cap_percent)},
        {"absence_deduction", FormatPoints(method.absence_deduction)},
        {"late_deduction", FormatPoints(method.late_deduction)},
        {"violation_deduction", FormatPoints(method.violation_deduction)},
        {"penalty_deduction", each},
        {"penalty_deadline", PenaltyDeadline(month).ToIso()},
        {"suggestions_counted", fmt::format("{}", counted)},
        {"suggestions_too_late", fmt::format("{}", too_late)},
        {"training_full_score", FormatPoints(method.training_full_score)},
    };
    if (!facts.agent_ids.empty()) score.values.push_back({"agent_ids", JoinIds(facts.agent_ids)});
    return score;
}

}  // namespace

std::vector<int> CompetitionRanks(const std::vector<std::int64_t>& totals) {
    std::vector<std::size_t> order(totals.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return totals[a] > totals[b]; });
    std::vector<int> ranks(totals.size(), 0);
    for (std::size_t position = 0; position < order.size(); ++position) {
        const bool same = position > 0 && totals[order[position]] == totals[order[position - 1]];
        ranks[order[position]] = same ? ranks[order[position - 1]] : static_cast<int>(position) + 1;
    }
    return ranks;
}

Result<MonthAssessment> ScoreMonth(const ScoringMethod& method, AssessmentMonth month,
                                   const std::vector<AgentMonthFacts>& agents) {
    Validation validation;
    auto validated = ValidateScoringMethod(method);
    if (!validated) {
        for (const auto& field : validated.error().fields) validation.Fail("method." + field.field, field.message);
    } else if (month < method.effective_from) {
        validation.Fail("method.effective_from",
                        {fmt::format("考核方法第 {} 版自 {} 起生效，不适用于 {}", method.version,
                                     method.effective_from.ToString(), month.ToString()),
                         fmt::format("Scoring method version {} is in force from {}, not for {}", method.version,
                                     method.effective_from.ToString(), month.ToString())});
    }
    std::set<std::int64_t> seen;
    const int days = month.Days();
    for (std::size_t i = 0; i < agents.size(); ++i) {
        const auto& agent = agents[i];
        const std::string prefix = fmt::format("agents[{}].", i);
        if (!seen.insert(agent.person_id).second) {
            validation.Fail(prefix + "person_id",
                            {fmt::format("人员 {} 重复出现；工号转手时每人一条，按各自持有天数", agent.person_id),
                             fmt::format("Person {} appears twice; when an ID changes hands "
                                         "each person has one entry with their own days",
                                         agent.person_id)});
        }
        if (agent.days_held < 1 || agent.days_held > days) {
            validation.Fail(prefix + "days_held",
                            {fmt::format("持有工号天数须在 1 至 {} 之间", days),
                             fmt::format("Days holding an agent ID must be between 1 and {}", days)});
        }
        for (const auto& [field, value] :
             {std::pair{"calls", agent.calls}, std::pair{"successful_visits", agent.successful_visits},
              std::pair{"talk_seconds", agent.talk_seconds},
              std::pair{"required_days", std::int64_t{agent.required_days}},
              std::pair{"attended_days", std::int64_t{agent.attended_days}},
              std::pair{"absent_days", std::int64_t{agent.absent_days}},
              std::pair{"late_arrivals", std::int64_t{agent.late_arrivals}},
              std::pair{"violations", std::int64_t{agent.violations}}}) {
            // Bounded, so no product in the score can overflow: a month has 2.7 million seconds.
            if (value < 0 || value > 1'000'000'000) {
                validation.Fail(prefix + field, {"须为 0 至 10 亿之间的整数", "Must be a whole number from 0 to 1e9"});
            }
        }
        if (agent.training_score && (*agent.training_score < 0 || *agent.training_score > method.training_full_score)) {
            validation.Fail(
                prefix + "training_score",
                {fmt::format("培训成绩须在 0 至 {} 分之间", FormatPoints(method.training_full_score)),
                 fmt::format("The training score must be between 0 and {}", FormatPoints(method.training_full_score))});
        }
    }
    if (!validation.ok()) return validation.ToError();

    MonthAssessment assessment;
    assessment.month = month;
    assessment.method_version = method.version;
    std::vector<std::int64_t> totals;
    for (const auto& agent : agents) {
        assessment.agents.push_back(ScoreAgent(method, month, agent));
        totals.push_back(assessment.agents.back().total);
    }
    const auto ranks = CompetitionRanks(totals);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        assessment.agents[i].rank = ranks[i];
        assessment.agents[i].tied = std::count(ranks.begin(), ranks.end(), ranks[i]) > 1;
    }
    std::sort(assessment.agents.begin(), assessment.agents.end(), [](const AgentScore& a, const AgentScore& b) {
        return std::pair(a.rank, a.person_id) < std::pair(b.rank, b.person_id);
    });
    assessment.ranking.month = month;
    assessment.ranking.method_version = method.version;
    for (const auto& agent : assessment.agents) {
        assessment.ranking.agents.push_back({agent.person_id, agent.name, agent.rank, agent.total});
    }
    return assessment;
}

}  // namespace houqin
