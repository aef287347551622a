#include "features/staff/training_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/text_rules.h"
#include "features/staff/store.h"
#include "features/staff/training_store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {
namespace {

// One session trains a room of people, not a town: more is a mistake in the list.
constexpr std::size_t kMaxTrainees = 500;

Text TrainerPartyText(TrainerParty party) {
    return party == TrainerParty::kPartyA ? Text{"甲方", "Party A"} : Text{"服务商(乙方)", "the vendor (Party B)"};
}

Text TrainingKindText(TrainingKind kind) {
    switch (kind) {
        case TrainingKind::kPreJob: return {"岗前培训", "pre-job training"};
        case TrainingKind::kManagers: return {"管理人员培训", "training of managers"};
        case TrainingKind::kAgents: return {"话务人员培训", "training of agents"};
        case TrainingKind::kNewBusiness: return {"新业务现场培训", "on-site training for new business"};
    }
    return {"岗前培训", "pre-job training"};
}

void CheckNotFuture(Validation& validation, const std::string& field, const std::optional<Date>& date, Date today,
                    const Text& missing) {
    if (!date) {
        validation.Fail(field, missing);
    } else if (*date > today) {
        validation.Fail(field, {fmt::format("日期不能晚于今天({})", today.ToString()),
                                fmt::format("The date cannot be after today ({})", today.ToString())});
    }
}

std::map<std::int64_t, ReplacementRequest> ReplacementsById(storage::Connection& connection, std::int64_t contract_id) {
    std::map<std::int64_t, ReplacementRequest> found;
    for (auto& request : storage::ReplacementsOfContract(connection, contract_id)) {
        const auto id = request.id;
        found.emplace(id, std::move(request));
    }
    return found;
}

QualificationTestView ViewOf(QualificationTest test, const std::map<std::int64_t, ReplacementRequest>& requests) {
    QualificationTestView view;
    if (test.replacement_id) {
        if (const auto found = requests.find(*test.replacement_id); found != requests.end()) {
            view.replacement = found->second;
        }
    }
    view.test = std::move(test);
    return view;
}

}  // namespace

Result<ContractView> TrainingService::ContractFor(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

bool TrainingService::MayWrite(const Actor& actor, const ContractView& contract) const {
    // The office records for every contract in its scope; a vendor only for its own contracts' people.
    if (!actor.Can(Permission::kTrainingWrite)) return false;
    return !actor.vendor_org_id || *actor.vendor_org_id == contract.record.vendor_org_id;
}

Result<ContractTraining> TrainingService::Training(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractFor(actor, contract_id));
    auto lease = context_.database.Acquire();
    ContractTraining result;
    result.can_write = MayWrite(actor, *contract);
    result.pass_score = static_cast<int>(storage::ReadSetting(*lease, setting::kStaffQualificationPassScore));
    result.sessions = storage::TrainingSessionsOfContract(*lease, contract_id);
    const auto requests = ReplacementsById(*lease, contract_id);
    for (auto& test : storage::QualificationTestsOfContract(*lease, contract_id)) {
        result.tests.push_back(ViewOf(std::move(test), requests));
    }
    std::map<std::int64_t, std::size_t> index;
    for (const auto& person : storage::PeopleOfContract(*lease, contract_id)) {
        index[person.id] = result.people.size();
        result.people.push_back({person.id, person.name, 0, 0, std::nullopt});
    }
    for (const auto& session : result.sessions) {
        for (const auto& trainee : session.trainees) {
            if (const auto found = index.find(trainee.person_id); found != index.end()) {
                result.people[found->second].hours_tenths += session.hours_tenths;
                ++result.people[found->second].sessions;
            }
        }
    }
    // Tests are newest first, so the first one seen per person is the latest.
    for (const auto& view : result.tests) {
        const auto found = index.find(view.test.person_id);
        if (found == index.end()) continue;
        auto& person = result.people[found->second];
        if (!person.latest_test) person.latest_test = view;
    }
    return result;
}

Result<TrainingSession> TrainingService::RecordSession(const Actor& actor, std::int64_t contract_id,
                                                       const TrainingSessionInput& input) {
    if (auto status = actor.Require(Permission::kTrainingWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractFor(actor, contract_id));
    if (!MayWrite(actor, *contract)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    Validation validation;
    TrainingSession session;
    const auto kind = ParseTrainingKind(TrimText(input.kind));
    if (!kind) {
        validation.Fail("kind", {"请选择培训类型:岗前培训、管理人员培训、话务人员培训或新业务现场培训",
                                 "Choose the kind: pre-job, managers, agents or new business on site"});
    } else {
        session.kind = *kind;
    }
    const auto party = ParseTrainerParty(TrimText(input.trainer_party));
    if (!party) {
        validation.Fail("trainer_party", {"请选择培训方:甲方或服务商", "Choose who trains: Party A or the vendor"});
    } else {
        session.trainer_party = *party;
        // D2 staff rule 2 and 8: Party A trains the managers and gives new-business training; supervisors (the
        // vendor's) train the agents.
        if (kind) {
            if (const auto required = RequiredTrainerParty(*kind); required && *required != *party) {
                const auto kind_text = TrainingKindText(*kind);
                const auto party_text = TrainerPartyText(*required);
                validation.Fail("trainer_party", {fmt::format("{}由{}负责", kind_text.zh, party_text.zh),
                                                  fmt::format("The {} is given by {}", kind_text.en, party_text.en)});
            }
        }
    }
    session.trainer_name = TrimText(input.trainer_name);
    CheckLength(validation, "trainer_name", session.trainer_name, 1, 100, {"培训人", "Trainer"});
    session.topic = TrimText(input.topic);
    CheckLength(validation, "topic", session.topic, 1, 200, {"培训内容", "Topic"});
    const auto hours = ParseTrainingHours(input.hours);
    if (!hours) {
        validation.Fail("hours", hours.error().fields.at(0).message);
    } else {
        session.hours_tenths = *hours;
    }
    CheckNotFuture(validation, "trained_on", input.trained_on, today, {"请填写培训日期", "Enter the training date"});
    if (input.trained_on) session.trained_on = *input.trained_on;
    if (kind == TrainingKind::kNewBusiness) {
        // D2 staff rule 8: a week of on-site guidance follows; the period may run past today (it is planned).
        if (!input.guidance_from) {
            validation.Fail("guidance_from", {"请填写现场指导开始日期", "Enter the first day of on-site guidance"});
        } else if (input.trained_on && *input.guidance_from < *input.trained_on) {
            validation.Fail("guidance_from", {"现场指导不能早于培训日期", "Guidance cannot start before the training"});
        }
        if (!input.guidance_to) {
            validation.Fail("guidance_to", {"请填写现场指导结束日期", "Enter the last day of on-site guidance"});
        } else if (input.guidance_from && *input.guidance_to < *input.guidance_from) {
            validation.Fail("guidance_to", {"现场指导结束日期不能早于开始日期",
                                            "The last day of guidance cannot be before its first day"});
        }
        session.guidance_from = input.guidance_from;
        session.guidance_to = input.guidance_to;
    }
    std::set<std::int64_t> seen;
    for (const auto id : input.trainee_ids) {
        if (!seen.insert(id).second) continue;
        const auto person = storage::FindPerson(*lease, id);
        if (!person || person->contract_id != contract_id) {
            validation.Fail("trainee_ids", {fmt::format("人员 {} 不在本合同的人员名单上", id),
                                            fmt::format("Person {} is not on this contract's roster", id)});
            break;
        }
        session.trainees.push_back({person->id, person->name});
    }
    if (input.trainee_ids.empty()) {
        validation.Fail("trainee_ids", {"请从人员名单中选择参训人员", "Choose the trainees from the roster"});
    } else if (seen.size() > kMaxTrainees) {
        validation.Fail("trainee_ids", {fmt::format("一次培训最多 {} 人", kMaxTrainees),
                                        fmt::format("At most {} trainees per session", kMaxTrainees)});
    }
    if (!validation.ok()) return validation.ToError();
    std::sort(session.trainees.begin(), session.trainees.end(),
              [](const Trainee& a, const Trainee& b) { return a.name < b.name; });
    session.contract_id = contract_id;
    session.created_at = context_.clock.Now();
    storage::Transaction transaction(*lease);
    session.id = storage::InsertTrainingSession(*lease, session, actor.user_id);
    storage::AppendAudit(
        *lease, &actor, session.created_at,
        {"create", "training_session", session.id, std::nullopt, storage::TrainingSessionSnapshot(session)});
    transaction.Commit();
    return session;
}

Result<QualificationTestView> TrainingService::RecordTest(const Actor& actor, std::int64_t person_id,
                                                          const QualificationTestInput& input) {
    if (auto status = actor.Require(Permission::kTrainingWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto person = storage::FindPerson(*lease, person_id);
    if (!person) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, ContractFor(actor, person->contract_id));
    if (!MayWrite(actor, *contract)) return Error::Forbidden();
    const auto today = context_.clock.Today();
    Validation validation;
    QualificationTest test;
    CheckNotFuture(validation, "taken_on", input.taken_on, today, {"请填写考试日期", "Enter the date of the test"});
    if (input.taken_on) test.taken_on = *input.taken_on;
    test.subject = TrimText(input.subject);
    CheckLength(validation, "subject", test.subject, 1, 200, {"考试科目", "Subject"});
    const auto pass_score = storage::ReadSetting(*lease, setting::kStaffQualificationPassScore);
    const auto decision = JudgeQualificationTest(input.score, pass_score);
    if (!decision) {
        for (const auto& field : decision.error().fields) validation.Fail(field.field, field.message);
    }
    if (!validation.ok()) return validation.ToError();
    test.contract_id = person->contract_id;
    test.person_id = person->id;
    test.person_name = person->name;
    test.score = decision->score;
    test.pass_score = decision->pass_score;
    test.outcome = decision->outcome;
    const auto now = context_.clock.Now();
    test.created_at = now;
    QualificationTestView view;
    storage::Transaction transaction(*lease);
    if (decision->RequiresReplacement()) {
        // D3 §2: whoever fails is replaced. A request already under way for the person is the same obligation; a
        // second one would ask twice for one replacement.
        for (auto& request : storage::ReplacementsOfContract(*lease, person->contract_id)) {
            if (request.person_id == person->id && request.status != ReplacementStatus::kClosed) {
                view.replacement = std::move(request);
                break;
            }
        }
        if (!view.replacement) {
            ReplacementRequest request;
            request.contract_id = person->contract_id;
            request.vendor_org_id = person->vendor_org_id;
            request.person_id = person->id;
            request.reason = fmt::format(
                "资格考试不合格:{} {},成绩 {} 分,低于合格分数线 {} 分,须予更换。(Failed the qualification test "
                "\"{}\" on {}: score {}, pass mark {}; to be replaced.)",
                test.taken_on.ToString(), test.subject, test.score, test.pass_score, test.subject,
                test.taken_on.ToString(), test.score, test.pass_score);
            request.requested_on = today;
            // The deadline is the STF-4 setting in force now, kept with the request (as for a written request).
            request.deadline_days = static_cast<int>(storage::ReadSetting(*lease, setting::kStaffReplacementDays));
            request.deadline = request.requested_on.AddDays(request.deadline_days);
            request.status = ReplacementStatus::kOpen;
            request.created_at = now;
            request.updated_at = now;
            request.id = storage::InsertReplacement(*lease, request, actor.user_id);
            storage::InsertWorkflowEvent(*lease, kReplacementSubject, request.id,
                                         {0, 1, "request", "", "open", actor.user_id, actor.username,
                                          std::string(RoleCode(actor.role)), request.reason, now});
            storage::AppendAudit(
                *lease, &actor, now,
                {"create", kReplacementSubject, request.id, std::nullopt, storage::ReplacementSnapshot(request)});
            view.replacement = std::move(request);
            view.replacement_opened = true;
        }
        test.replacement_id = view.replacement->id;
    }
    test.id = storage::InsertQualificationTest(*lease, test, actor.user_id);
    storage::AppendAudit(
        *lease, &actor, now,
        {"create", "qualification_test", test.id, std::nullopt, storage::QualificationTestSnapshot(test)});
    transaction.Commit();
    view.test = std::move(test);
    return view;
}

}  // namespace houqin
