#pragma once
// Routes: the monthly agent assessment, its ranking, each agent's last 12 months and the Excel basis for pay (CC-3),
// whose computation also proposes the top-3 bonuses (CC-6).
#include "features/callcentre/score_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddAgentScoreRoutes(Router& router, AgentScoreService& scores);

}  // namespace houqin::http
