#pragma once
// STF-8 training sessions and STF-3 qualification tests of the people on a contract's roster. Recording a failed test
// opens the STF-4 replacement request the contract demands (D3 §2: 对考核不合格者,乙方应予以更换) in the same
// transaction. Every write is one transaction with its audit entries.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/contracts/service.h"
#include "features/staff/model.h"
#include "features/staff/training_model.h"
#include "platform/service/context.h"

namespace houqin {

struct TrainingSessionInput {
    std::string kind;           // a TrainingKind code
    std::string trainer_party;  // party_a | vendor
    std::string trainer_name;
    std::string topic;
    std::string hours;  // a decimal, "2.5"
    std::optional<Date> trained_on;
    std::optional<Date> guidance_from;  // new_business only
    std::optional<Date> guidance_to;
    std::vector<std::int64_t> trainee_ids;
};

struct QualificationTestInput {
    std::optional<Date> taken_on;
    std::string subject;
    std::int64_t score = 0;
};

struct QualificationTestView {
    QualificationTest test;
    std::optional<ReplacementRequest> replacement;  // the request the failure opened (or found open already)
    bool replacement_opened = false;                // true only in the answer to the write that opened it
};

// What the roster shows per person: training hours so far and the latest qualification test.
struct PersonTraining {
    std::int64_t person_id = 0;
    std::string name;
    std::int64_t hours_tenths = 0;
    std::int64_t sessions = 0;
    std::optional<QualificationTestView> latest_test;
};

struct ContractTraining {
    std::vector<TrainingSession> sessions;
    std::vector<QualificationTestView> tests;
    std::vector<PersonTraining> people;  // every person on the roster, in roster order
    bool can_write = false;
    int pass_score = 0;  // the pass mark a test recorded now is judged against
};

class TrainingService {
  public:
    TrainingService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<ContractTraining> Training(const Actor& actor, std::int64_t contract_id);
    Result<TrainingSession> RecordSession(const Actor& actor, std::int64_t contract_id,
                                          const TrainingSessionInput& input);
    Result<QualificationTestView> RecordTest(const Actor& actor, std::int64_t person_id,
                                             const QualificationTestInput& input);

  private:
    // The contract in the caller's scope, and whether the caller may write its training records.
    Result<ContractView> ContractFor(const Actor& actor, std::int64_t contract_id);
    [[nodiscard]] bool MayWrite(const Actor& actor, const ContractView& contract) const;
    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
