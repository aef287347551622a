#pragma once
// SUP-4 satisfaction surveys: opened by the office for a contract and period, answered once by each department
// user (optionally anonymously), closed by the office; a closed survey's rate feeds the rules (RP-3, RP-1).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/supervision/policy_service.h"
#include "features/supervision/store.h"
#include "features/supervision/survey.h"
#include "platform/service/context.h"

namespace houqin {

struct SurveyInput {
    std::optional<std::int64_t> contract_id;
    std::string period;
    std::string title;
    bool anonymous = false;
    std::optional<Date> closes_on;
    std::vector<SurveyQuestion> questions;  // empty: the default questionnaire
};

struct SurveyAnswerInput {
    std::string rating;
    std::map<std::string, std::string> answers;  // question key -> "1".."5" (rating) or text
    std::string comment;
};

struct QuestionResult {
    std::string key;
    std::optional<std::string> average;  // "4.3" for rating questions with answers
    std::vector<std::string> texts;
};

struct SurveyResults {
    RatingCounts counts;
    std::int64_t valid = 0;
    std::int64_t satisfied = 0;
    std::optional<std::string> rate;  // "83.33%", none without valid answers
    Text formula;
    std::vector<QuestionResult> questions;
    std::vector<std::string> comments;
    std::optional<std::vector<std::string>> respondents;  // none when anonymous
};

struct SurveyView {
    SurveyRecord record;
    bool answered_by_me = false;
    std::int64_t answer_count = 0;
    std::optional<SurveyResults> results;
};

struct SurveyQuery {
    std::optional<std::int64_t> contract_id;
    std::string status;
    bool pending_for_me = false;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

class SurveyService {
  public:
    SurveyService(ServiceContext& context, PolicyService& policy) : context_(context), policy_(policy) {}

    Result<Page<SurveyView>> List(const Actor& actor, const SurveyQuery& query);
    Result<SurveyView> Get(const Actor& actor, std::int64_t id);
    Result<SurveyView> Create(const Actor& actor, const SurveyInput& input);
    Status Answer(const Actor& actor, std::int64_t id, const SurveyAnswerInput& input);
    Result<SurveyView> Close(const Actor& actor, std::int64_t id);

  private:
    SurveyView Build(storage::Connection& connection, const Actor& actor, SurveyRecord record, bool detail);
    ServiceContext& context_;
    PolicyService& policy_;
};

// The results of a set of answers, by the survey's formula.
SurveyResults ComputeSurveyResults(const SurveyRecord& survey, const std::vector<SurveyAnswer>& answers);

}  // namespace houqin
