#include "features/staff/training_codec.h"

#include <fmt/format.h>

#include "platform/http/json_reader.h"

namespace houqin::http {
namespace {

Json ReplacementSummaryJson(const ReplacementRequest& request) {
    return {{"id", request.id},
            {"status", std::string(ReplacementStatusCode(request.status))},
            {"requested_on", request.requested_on.ToString()},
            {"deadline", request.deadline.ToString()},
            {"reason", request.reason}};
}

}  // namespace

Json TrainingSessionJson(const TrainingSession& session) {
    Json trainees = Json::array();
    for (const auto& trainee : session.trainees) {
        trainees.push_back({{"person_id", trainee.person_id}, {"name", trainee.name}});
    }
    return {{"id", session.id},
            {"contract_id", session.contract_id},
            {"kind", std::string(TrainingKindCode(session.kind))},
            {"topic", session.topic},
            {"trainer_name", session.trainer_name},
            {"trainer_party", std::string(TrainerPartyCode(session.trainer_party))},
            {"trained_on", session.trained_on.ToString()},
            {"hours", TrainingHoursText(session.hours_tenths)},
            {"guidance_from", OptionalDateJson(session.guidance_from)},
            {"guidance_to", OptionalDateJson(session.guidance_to)},
            {"trainees", std::move(trainees)}};
}

Json QualificationTestJson(const QualificationTestView& view) {
    const auto& test = view.test;
    return {{"id", test.id},
            {"contract_id", test.contract_id},
            {"person_id", test.person_id},
            {"person_name", test.person_name},
            {"taken_on", test.taken_on.ToString()},
            {"subject", test.subject},
            {"score", test.score},
            {"pass_score", test.pass_score},
            {"result", std::string(QualificationOutcomeCode(test.outcome))},
            {"replacement_id", test.replacement_id ? Json(*test.replacement_id) : Json()},
            {"replacement", view.replacement ? ReplacementSummaryJson(*view.replacement) : Json()},
            {"replacement_opened", view.replacement_opened}};
}

Json ContractTrainingJson(const ContractTraining& training) {
    Json sessions = Json::array();
    for (const auto& session : training.sessions) sessions.push_back(TrainingSessionJson(session));
    Json tests = Json::array();
    for (const auto& test : training.tests) tests.push_back(QualificationTestJson(test));
    Json people = Json::array();
    for (const auto& person : training.people) {
        people.push_back({{"person_id", person.person_id},
                          {"name", person.name},
                          {"hours", TrainingHoursText(person.hours_tenths)},
                          {"sessions", person.sessions},
                          {"latest_test", person.latest_test ? QualificationTestJson(*person.latest_test) : Json()}});
    }
    return {{"sessions", std::move(sessions)},
            {"tests", std::move(tests)},
            {"people", std::move(people)},
            {"can_write", training.can_write},
            {"pass_score", training.pass_score}};
}

TrainingSessionInput TrainingSessionInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    TrainingSessionInput input;
    // Empty texts are refused by the service, which names them in words (培训内容, 培训人).
    input.kind = reader.String("kind", JsonReader::Need::kOptional);
    input.trainer_party = reader.String("trainer_party", JsonReader::Need::kOptional);
    input.trainer_name = reader.String("trainer_name", JsonReader::Need::kOptional);
    input.topic = reader.String("topic", JsonReader::Need::kOptional);
    // Hours as the form sends them ("2.5") or as a JSON number; the rule reads the text and refuses what it cannot.
    if (const auto found = body.find("hours"); found != body.end()) {
        if (found->is_string()) {
            input.hours = found->get<std::string>();
        } else if (found->is_number_integer()) {
            input.hours = std::to_string(found->get<std::int64_t>());
        } else if (found->is_number()) {
            input.hours = fmt::format("{}", found->get<double>());
        }
    }
    if (reader.Has("trained_on")) input.trained_on = reader.DateValue("trained_on");
    if (reader.Has("guidance_from")) input.guidance_from = reader.DateValue("guidance_from");
    if (reader.Has("guidance_to")) input.guidance_to = reader.DateValue("guidance_to");
    if (reader.Has("trainee_ids")) input.trainee_ids = reader.IntegerList("trainee_ids");
    return input;
}

QualificationTestInput QualificationTestInputFromJson(const Json& body, Validation& validation) {
    JsonReader reader(body, validation);
    QualificationTestInput input;
    if (reader.Has("taken_on")) input.taken_on = reader.DateValue("taken_on");
    input.subject = reader.String("subject", JsonReader::Need::kOptional);
    // Out of range (120, -1) is refused by the rule naming the range; a score that is not a whole number here.
    input.score = reader.Integer("score");
    return input;
}

}  // namespace houqin::http
