#pragma once
// Routes: training sessions (STF-8) and qualification tests (STF-3).
#include "features/staff/training_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddTrainingRoutes(Router& router, TrainingService& training);

}  // namespace houqin::http
