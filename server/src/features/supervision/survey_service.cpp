#include "features/supervision/survey_service.h"

#include <fmt/format.h>

#include <set>

#include "core/text_rules.h"
#include "features/contracts/store.h"
#include "platform/audit/audit_store.h"
#include "platform/service/random_token.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

Error SurveyNotFound() { return Error::NotFound({"调查不存在", "The survey does not exist"}); }

// Results are for the organisation; a vendor sees them once the survey is closed. An anonymous survey shows its
// results to nobody while it is open: the trail says who answered and when, so results that change as answers come
// in would name the person behind each answer.
bool MaySeeResults(const Actor& actor, const SurveyRecord& survey) {
    if (survey.status == "closed") return true;
    if (survey.anonymous) return false;
    return actor.role != Role::kVendor && actor.role != Role::kDepartment;
}

bool IsPeriodLabel(const std::string& text) {
    // 2027, 2027-03, 2027-Q1, 2027-H2
    if (text.size() < 4 || text.size() > 7) return false;
    for (int i = 0; i < 4; ++i) {
        if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') return false;
    }
    if (text.size() == 4) return true;
    if (text[4] != '-') return false;
    const auto rest = text.substr(5);
    if (rest.size() == 2 && rest[0] == 'Q') return rest[1] >= '1' && rest[1] <= '4';
    if (rest.size() == 2 && rest[0] == 'H') return rest[1] == '1' || rest[1] == '2';
    if (rest.size() == 2 && rest[0] >= '0' && rest[0] <= '1' && rest[1] >= '0' && rest[1] <= '9') {
        const int month = (rest[0] - '0') * 10 + (rest[1] - '0');
        return month >= 1 && month <= 12;
    }
    return false;
}

bool IsKey(const std::string& key) {
    if (key.empty() || key.size() > 40) return false;
    for (const char c : key) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

}  // namespace

SurveyResults ComputeSurveyResults(const SurveyRecord& survey, const std::vector<SurveyAnswer>& answers) {
    SurveyResults results;
    std::vector<std::string> ratings;
    for (const auto& answer : answers) {
        ratings.push_back(answer.rating);
        if (!answer.comment.empty()) results.comments.push_back(answer.comment);
    }
    results.counts = CountRatings(ratings);
    results.valid = results.counts.valid();
    results.satisfied = results.counts.Satisfied(survey.basic_counts_satisfied);
    if (results.valid > 0) results.rate = SatisfactionRate{results.satisfied, results.valid}.ToString();
    results.formula = SatisfactionFormula(survey.basic_counts_satisfied);
    for (const auto& question : survey.questions) {
        QuestionResult result{question.key, std::nullopt, {}};
        std::int64_t sum = 0;
        std::int64_t count = 0;
        for (const auto& answer : answers) {
            const auto found = answer.answers.find(question.key);
            if (found == answer.answers.end() || found->second.empty()) continue;
            if (question.kind == "rating") {
                sum += std::stoll(found->second);
                ++count;
            } else {
                result.texts.push_back(found->second);
            }
        }
        // The average in tenths, rounded half up, without floating point.
        if (count > 0) {
            const auto tenths = (sum * 20 + count) / (count * 2);
            result.average = fmt::format("{}.{}", tenths / 10, tenths % 10);
        }
        results.questions.push_back(std::move(result));
    }
    return results;
}

SurveyView SurveyService::Build(storage::Connection& connection, const Actor& actor, SurveyRecord record, bool detail) {
    SurveyView view;
    view.answered_by_me = storage::HasResponded(connection, record.id, actor.user_id);
    view.answer_count = storage::CountSurveyAnswers(connection, record.id);
    if (detail && MaySeeResults(actor, record)) {
        view.results = ComputeSurveyResults(record, storage::ListSurveyAnswers(connection, record.id));
        if (!record.anonymous) view.results->respondents = storage::SurveyRespondentNames(connection, record.id);
    }
    view.record = std::move(record);
    return view;
}

Result<Page<SurveyView>> SurveyService::List(const Actor& actor, const SurveyQuery& query) {
    if (!actor.Can(Permission::kSupervisionRead) && !actor.Can(Permission::kSurveyAnswer)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    storage::SurveyFilter filter;
    filter.scope = storage::VendorScope::Of(actor);
    filter.contract_id = query.contract_id;
    filter.status = query.status;
    if (query.pending_for_me) filter.pending_for_user = actor.user_id;
    filter.page = query.page;
    filter.page_size = query.page_size;
    auto [records, total] = storage::ListSurveys(*lease, filter);
    std::vector<SurveyView> views;
    views.reserve(records.size());
    for (auto& record : records) views.push_back(Build(*lease, actor, std::move(record), false));
    return PageOf(std::move(views), total);
}

Result<SurveyView> SurveyService::Get(const Actor& actor, std::int64_t id) {
    if (!actor.Can(Permission::kSupervisionRead) && !actor.Can(Permission::kSurveyAnswer)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    auto record = storage::FindSurvey(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return SurveyNotFound();
    return Build(*lease, actor, std::move(*record), true);
}

Result<SurveyView> SurveyService::Create(const Actor& actor, const SurveyInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    if (!input.contract_id) return Error::Invalid("contract_id", {"请选择合同", "Choose the contract"});
    auto lease = context_.database.Acquire();
    auto contract = storage::FindContract(*lease, *input.contract_id, storage::VendorScope::Of(actor));
    if (!contract) return Error::NotFound({"合同不存在", "The contract does not exist"});
    const auto today = context_.clock.Today();
    if (contract->status != "active" || contract->term_end < today) {
        return Error::Precondition({"只有履行中的合同才能开展满意度调查", "Only an active contract can be surveyed"});
    }
    Validation validation;
    if (!IsPeriodLabel(input.period)) {
        validation.Fail("period", {"期间格式须为 2027、2027-03、2027-Q1 或 2027-H1",
                                   "period must look like 2027, 2027-03, 2027-Q1 or 2027-H1"});
    }
    CheckLength(validation, "title", input.title, 2, 200, {"调查标题", "Title"});
    if (!input.closes_on) {
        validation.Fail("closes_on", {"请填写截止日期", "Enter the closing date"});
    } else if (*input.closes_on < today) {
        validation.Fail("closes_on", {"截止日期不能早于今天", "The closing date cannot be in the past"});
    }
    std::vector<SurveyQuestion> questions = input.questions;
    if (questions.empty()) {
        for (const auto& question : DefaultSurveyQuestions()) {
            questions.push_back({question.key, question.text.zh, question.kind});
        }
    }
    if (questions.size() > 30) validation.Fail("questions", {"问题最多 30 个", "At most 30 questions"});
    std::set<std::string> keys;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const auto& question = questions[i];
        const auto field = fmt::format("questions[{}]", i);
        if (!IsKey(question.key)) {
            validation.Fail(field + ".key", {"标识须为 1-40 位小写字母、数字或下划线",
                                             "key must be 1-40 lower-case letters, digits or underscores"});
        } else if (!keys.insert(question.key).second) {
            validation.Fail(field + ".key", {"标识重复", "Duplicate key"});
        }
        CheckLength(validation, field + ".text", question.text, 1, 200, {"问题", "Question"});
        if (question.kind != "rating" && question.kind != "text") {
            validation.Fail(field + ".kind", {"类型须为 rating(评分)或 text(文字)", "kind must be rating or text"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    const auto now = context_.clock.Now();
    SurveyRecord record;
    record.contract_id = contract->id;
    record.contract_code = contract->code;
    record.vendor_id = contract->vendor_id;
    record.vendor_name = contract->vendor_name;
    record.vendor_org_id = contract->vendor_org_id;
    record.owner_path = contract->owner_path;
    record.period = input.period;
    record.title = input.title;
    record.anonymous = input.anonymous;
    record.questions = questions;
    record.status = "open";
    record.opens_on = today;
    record.closes_on = *input.closes_on;
    storage::Transaction transaction(*lease);
    // The formula in force when the survey opens is the one its rate is stated with.
    record.basic_counts_satisfied = storage::ReadSetting(*lease, setting::kSurveyBasicCountsSatisfied) != 0;
    record.created_by = actor.user_id;
    record.created_at = now;
    record.updated_at = now;
    record.id = storage::InsertSurvey(*lease, record);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "survey", record.id, std::nullopt, storage::SurveySnapshot(record)});
    transaction.Commit();
    return Build(*lease, actor, std::move(record), true);
}

Status SurveyService::Answer(const Actor& actor, std::int64_t id, const SurveyAnswerInput& input) {
    if (auto status = actor.Require(Permission::kSurveyAnswer); !status) return status;
    auto lease = context_.database.Acquire();
    // The survey's row is locked before it is checked: an answer racing the closing either lands before it (and is
    // counted in the closed tally) or is refused, never recorded in a survey already closed (X-3).
    storage::Transaction transaction(*lease);
    storage::LockSurvey(*lease, id);
    auto survey = storage::FindSurvey(*lease, id, storage::VendorScope::Of(actor));
    if (!survey) return SurveyNotFound();
    if (survey->status != "open" || survey->closes_on < context_.clock.Today()) {
        return Error::Precondition({"该调查已截止", "This survey is closed"});
    }
    Validation validation;
    if (!ParseRating(input.rating)) {
        validation.Fail("rating", {"请选择总体评价:非常满意、满意、基本满意或不满意",
                                   "Choose the overall rating: very satisfied, satisfied, basically satisfied or "
                                   "dissatisfied"});
    }
    for (const auto& [key, value] : input.answers) {
        // [&key = key]: clang 14, which make lint's clang-tidy parses with, cannot capture a structured binding.
        const auto question = std::find_if(survey->questions.begin(), survey->questions.end(),
                                           [&key = key](const auto& candidate) { return candidate.key == key; });
        const auto field = "answers." + key;
        if (question == survey->questions.end()) {
            validation.Fail(field, {"问卷中没有该问题", "The questionnaire has no such question"});
        } else if (question->kind == "rating") {
            if (!value.empty() && (value.size() != 1 || value[0] < '1' || value[0] > '5')) {
                validation.Fail(field, {"评分须为 1 到 5", "A rating must be 1 to 5"});
            }
        } else {
            CheckLength(validation, field, value, 0, 1000, {"回答", "Answer"});
        }
    }
    CheckLength(validation, "comment", input.comment, 0, 1000, {"意见", "Comment"});
    if (!validation.ok()) return validation.ToError();
    if (!storage::InsertRespondent(*lease, id, actor.user_id)) {
        return Error::Conflict(ErrorCode::kAlreadyExists, "survey",
                               {"您已填写过该调查,每人只能填写一次", "You have already answered this survey"});
    }
    SurveyAnswer answer;
    // Anonymous: no user and no time on the answer, and a random key, so it cannot be linked to the respondent.
    if (!survey->anonymous) answer.user_id = actor.user_id;
    answer.rating = input.rating;
    answer.answers = input.answers;
    answer.comment = input.comment;
    storage::InsertSurveyAnswer(*lease, id, RandomHex(16), answer);
    // The audit trail records that the user answered, never what (for an anonymous survey).
    storage::AppendAudit(*lease, &actor, context_.clock.Now(),
                         {"answer", "survey", id, std::nullopt,
                          survey->anonymous ? std::string(R"({"anonymous":true})")
                                            : fmt::format(R"({{"anonymous":false,"rating":"{}"}})", input.rating)});
    transaction.Commit();
    if (survey->anonymous) {
        // A second transaction rewrites the survey's answers together, so none keeps the transaction id of the one
        // that recorded its respondent (see RestampSurveyAnswers). Should it not run, the next answer's or the
        // closing's does it.
        storage::Transaction restamp(*lease);
        storage::RestampSurveyAnswers(*lease, id);
        restamp.Commit();
    }
    return Ok();
}

Result<SurveyView> SurveyService::Close(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::LockSurvey(*lease, id);
    auto survey = storage::FindSurvey(*lease, id, storage::VendorScope::Of(actor));
    if (!survey) return SurveyNotFound();
    if (survey->status != "open") return Error::Precondition({"该调查已结束", "This survey is already closed"});
    const auto before = *survey;
    const auto now = context_.clock.Now();
    survey->status = "closed";
    survey->closed_at = now;
    if (!storage::UpdateSurveyStatus(*lease, id, "open", "closed", now, now)) {
        return Error::Precondition({"该调查已结束", "This survey is already closed"});
    }
    storage::AppendAudit(*lease, &actor, now,
                         {"close", "survey", id, storage::SurveySnapshot(before), storage::SurveySnapshot(*survey)});
    if (survey->anonymous) storage::RestampSurveyAnswers(*lease, id);
    // RP-3 / RP-1: the closed survey's rate is a new fact.
    policy_.EvaluateContract(*lease, &actor, survey->contract_id);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindSurvey(*lease, id, {"/", std::nullopt}), true);
}

}  // namespace houqin
