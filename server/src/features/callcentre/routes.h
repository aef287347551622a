#pragma once
// Routes: agent IDs (工号) by written request and their history (CC-1).
#include "features/callcentre/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddAgentIdRoutes(Router& router, AgentIdService& agent_ids);

}  // namespace houqin::http
