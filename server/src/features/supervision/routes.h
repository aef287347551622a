#pragma once
// Routes: Assessments, appeals, surveys and proposals (SUP-3, SUP-4, SUP-8, RP-1 ... RP-4); meetings, rectifications,
// the communication log and energy savings (SUP-1, SUP-2, SUP-6).
#include "features/supervision/assessment_service.h"
#include "features/supervision/oversight_service.h"
#include "features/supervision/policy_service.h"
#include "features/supervision/survey_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddSupervisionRoutes(Router& router, AssessmentService& assessments, PolicyService& policy,
                          SurveyService& surveys);
void AddOversightRoutes(Router& router, OversightService& oversight);

}  // namespace houqin::http
