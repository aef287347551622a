#include "features/staff/training_store.h"

#include <map>
#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

constexpr const char* kSessionColumns =
    "id, contract_id, kind, topic, trainer_name, trainer_party, trained_on, hours_tenths, guidance_from, guidance_to, "
    "created_at";

constexpr const char* kInsertSession =
    "INSERT INTO training_sessions (contract_id, kind, topic, trainer_name, trainer_party, trained_on, hours_tenths, "
    "guidance_from, guidance_to, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kInsertTrainee = "INSERT INTO training_trainees (session_id, person_id) VALUES (?, ?)";

constexpr const char* kTraineesOfContract =
    "SELECT t.session_id, t.person_id, p.name FROM training_trainees t JOIN training_sessions s ON s.id = "
    "t.session_id JOIN staff_people p ON p.id = t.person_id WHERE s.contract_id = ? ORDER BY t.session_id, p.name, "
    "p.id";

constexpr const char* kTestColumns =
    "q.id, q.contract_id, q.person_id, p.name, q.taken_on, q.subject, q.score, q.pass_score, q.result, "
    "q.replacement_id, q.created_at";

constexpr const char* kInsertTest =
    "INSERT INTO qualification_tests (contract_id, person_id, taken_on, subject, score, pass_score, result, "
    "replacement_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

TrainingSession SessionFromRow(const Row& row) {
    TrainingSession session;
    session.id = row.Int(0);
    session.contract_id = row.Int(1);
    session.kind = ParseTrainingKind(row.Str(2)).value_or(TrainingKind::kPreJob);
    session.topic = row.Str(3);
    session.trainer_name = row.Str(4);
    session.trainer_party = ParseTrainerParty(row.Str(5)).value_or(TrainerParty::kVendor);
    session.trained_on = Date::Parse(row.Str(6)).value_or(Date{});
    session.hours_tenths = row.Int(7);
    if (!row.IsNull(8)) session.guidance_from = Date::Parse(row.Str(8));
    if (!row.IsNull(9)) session.guidance_to = Date::Parse(row.Str(9));
    session.created_at = Instant{row.Int(10)};
    return session;
}

QualificationTest TestFromRow(const Row& row) {
    QualificationTest test;
    test.id = row.Int(0);
    test.contract_id = row.Int(1);
    test.person_id = row.Int(2);
    test.person_name = row.Str(3);
    test.taken_on = Date::Parse(row.Str(4)).value_or(Date{});
    test.subject = row.Str(5);
    test.score = static_cast<int>(row.Int(6));
    test.pass_score = static_cast<int>(row.Int(7));
    test.outcome = ParseQualificationOutcome(row.Str(8)).value_or(QualificationOutcome::kFail);
    test.replacement_id = row.OptInt(9);
    test.created_at = Instant{row.Int(10)};
    return test;
}

}  // namespace

std::vector<TrainingSession> TrainingSessionsOfContract(Connection& connection, std::int64_t contract_id) {
    std::map<std::int64_t, std::vector<Trainee>> trainees;
    for (const auto& row : connection.Query(kTraineesOfContract, {contract_id})) {
        trainees[row.Int(0)].push_back({row.Int(1), row.Str(2)});
    }
    std::vector<TrainingSession> sessions;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kSessionColumns +
                              " FROM training_sessions WHERE contract_id = ? ORDER BY trained_on DESC, id DESC",
                          {contract_id})) {
        auto session = SessionFromRow(row);
        if (auto found = trainees.find(session.id); found != trainees.end())
            session.trainees = std::move(found->second);
        sessions.push_back(std::move(session));
    }
    return sessions;
}

std::int64_t InsertTrainingSession(Connection& connection, const TrainingSession& session,
                                   std::optional<std::int64_t> created_by) {
    const auto id = connection.InsertReturningId(
        kInsertSession, {session.contract_id, std::string(TrainingKindCode(session.kind)), session.topic,
                         session.trainer_name, std::string(TrainerPartyCode(session.trainer_party)),
                         session.trained_on.ToString(), session.hours_tenths, OptionalDay(session.guidance_from),
                         OptionalDay(session.guidance_to), Optional(created_by), session.created_at.ms});
    for (const auto& trainee : session.trainees) connection.Execute(kInsertTrainee, {id, trainee.person_id});
    return id;
}

std::vector<QualificationTest> QualificationTestsOfContract(Connection& connection, std::int64_t contract_id) {
    std::vector<QualificationTest> tests;
    for (const auto& row : connection.Query(std::string("SELECT ") + kTestColumns +
                                                " FROM qualification_tests q JOIN staff_people p ON p.id = q.person_id "
                                                "WHERE q.contract_id = ? ORDER BY q.taken_on DESC, q.id DESC",
                                            {contract_id})) {
        tests.push_back(TestFromRow(row));
    }
    return tests;
}

std::int64_t InsertQualificationTest(Connection& connection, const QualificationTest& test,
                                     std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertTest,
        {test.contract_id, test.person_id, test.taken_on.ToString(), test.subject, std::int64_t{test.score},
         std::int64_t{test.pass_score}, std::string(QualificationOutcomeCode(test.outcome)),
         Optional(test.replacement_id), Optional(created_by), test.created_at.ms});
}

std::string TrainingSessionSnapshot(const TrainingSession& session) {
    nlohmann::json trainees = nlohmann::json::array();
    for (const auto& trainee : session.trainees) trainees.push_back(trainee.name);
    const auto day = [](const std::optional<Date>& date) {
        return date ? nlohmann::json(date->ToString()) : nlohmann::json();
    };
    return nlohmann::json{{"contract_id", session.contract_id},
                          {"kind", std::string(TrainingKindCode(session.kind))},
                          {"topic", session.topic},
                          {"trainer_name", session.trainer_name},
                          {"trainer_party", std::string(TrainerPartyCode(session.trainer_party))},
                          {"trained_on", session.trained_on.ToString()},
                          {"hours", TrainingHoursText(session.hours_tenths)},
                          {"guidance_from", day(session.guidance_from)},
                          {"guidance_to", day(session.guidance_to)},
                          {"trainees", std::move(trainees)}}
        .dump();
}

std::string QualificationTestSnapshot(const QualificationTest& test) {
    return nlohmann::json{
        {"contract_id", test.contract_id},
        {"person_id", test.person_id},
        {"taken_on", test.taken_on.ToString()},
        {"subject", test.subject},
        {"score", test.score},
        {"pass_score", test.pass_score},
        {"result", std::string(QualificationOutcomeCode(test.outcome))},
        {"replacement_id", test.replacement_id ? nlohmann::json(*test.replacement_id) : nlohmann::json()}}
        .dump();
}

}  // namespace houqin::storage
