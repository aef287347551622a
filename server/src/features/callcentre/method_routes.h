#pragma once
// Routes: the scoring method's versions (CC-3) and the penalty suggestions (CC-4).
#include "features/callcentre/method_service.h"
#include "features/callcentre/suggestion_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddScoringMethodRoutes(Router& router, ScoringMethodService& methods);
void AddPenaltySuggestionRoutes(Router& router, PenaltySuggestionService& suggestions);

}  // namespace houqin::http
