#pragma once
// Routes: the outbound-number register and the written requests that change it (CC-2).
#include "features/callcentre/number_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddNumberRoutes(Router& router, NumberService& numbers);

}  // namespace houqin::http
