#pragma once
// JSON in and out for training sessions (STF-8) and qualification tests (STF-3).
#include "features/staff/training_service.h"
#include "platform/http/json_io.h"

namespace houqin::http {

Json TrainingSessionJson(const TrainingSession& session);
Json QualificationTestJson(const QualificationTestView& view);
Json ContractTrainingJson(const ContractTraining& training);
TrainingSessionInput TrainingSessionInputFromJson(const Json& body, Validation& validation);
QualificationTestInput QualificationTestInputFromJson(const Json& body, Validation& validation);

}  // namespace houqin::http
