#pragma once
// Routes: extra rewards for named call-centre staff, per month and per person (CC-5).
#include "features/callcentre/reward_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddRewardRoutes(Router& router, RewardService& rewards);

}  // namespace houqin::http
