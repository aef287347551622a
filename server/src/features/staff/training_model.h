#pragma once
// STF-3 and STF-8: training sessions and qualification tests of the people on a contract's roster.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "features/staff/rules/staff_qualification.h"

namespace houqin {

// STF-8 (D2 staff rules 2 and 8, D3 §2): the kinds of training the contracts name.
//   pre_job            岗前培训, the vendor's pre-job training every person passes before starting (D3 §2)
//   managers           Party A trains duty managers, supervisors and QA (D2 staff rule 2)
//   agents             a supervisor or duty manager trains the agents (D2 staff rule 2)
//   new_business       新业务现场培训: Party A trains on site for new business, then guides for a week (D2 staff rule
//   8)
enum class TrainingKind { kPreJob, kManagers, kAgents, kNewBusiness };

inline std::string_view TrainingKindCode(TrainingKind kind) {
    switch (kind) {
        case TrainingKind::kPreJob: return "pre_job";
        case TrainingKind::kManagers: return "managers";
        case TrainingKind::kAgents: return "agents";
        case TrainingKind::kNewBusiness: return "new_business";
    }
    return "pre_job";
}

inline std::optional<TrainingKind> ParseTrainingKind(std::string_view code) {
    for (const auto kind :
         {TrainingKind::kPreJob, TrainingKind::kManagers, TrainingKind::kAgents, TrainingKind::kNewBusiness}) {
        if (TrainingKindCode(kind) == code) return kind;
    }
    return std::nullopt;
}

// Who trains: Party A (the organisation, 甲方) or the vendor (乙方).
enum class TrainerParty { kPartyA, kVendor };

inline std::string_view TrainerPartyCode(TrainerParty party) {
    return party == TrainerParty::kPartyA ? "party_a" : "vendor";
}

inline std::optional<TrainerParty> ParseTrainerParty(std::string_view code) {
    if (code == "party_a") return TrainerParty::kPartyA;
    if (code == "vendor") return TrainerParty::kVendor;
    return std::nullopt;
}

// D2 staff rule 2 and 8 fix who trains for three kinds; pre-job training is the vendor's, which may ask Party A to
// help (D3 §2), so either party may give it.
inline std::optional<TrainerParty> RequiredTrainerParty(TrainingKind kind) {
    switch (kind) {
        case TrainingKind::kManagers: return TrainerParty::kPartyA;
        case TrainingKind::kAgents: return TrainerParty::kVendor;
        case TrainingKind::kNewBusiness: return TrainerParty::kPartyA;
        case TrainingKind::kPreJob: return std::nullopt;
    }
    return std::nullopt;
}

// D2 staff rule 8: one week of on-site guidance after new-business training.
inline constexpr int kGuidanceDays = 7;

struct Trainee {
    std::int64_t person_id = 0;
    std::string name;
};

struct TrainingSession {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    TrainingKind kind = TrainingKind::kPreJob;
    std::string topic;
    std::string trainer_name;
    TrainerParty trainer_party = TrainerParty::kVendor;
    Date trained_on;
    std::int64_t hours_tenths = 0;
    std::optional<Date> guidance_from;  // new business only: the on-site guidance period, both days included
    std::optional<Date> guidance_to;
    std::vector<Trainee> trainees;
    Instant created_at;
};

struct QualificationTest {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t person_id = 0;
    std::string person_name;
    Date taken_on;
    std::string subject;
    int score = 0;
    int pass_score = 0;  // the pass mark it was judged against (staff.qualification_pass_score at the time)
    QualificationOutcome outcome = QualificationOutcome::kFail;
    std::optional<std::int64_t> replacement_id;  // the STF-4 request a failure opened (or found open already)
    Instant created_at;
};

}  // namespace houqin
