#pragma once
// Every feature's routes, each handed the services it calls: the one place that knows all the features.
#include "app/services.h"
#include "platform/http/router.h"

namespace houqin {

void AddRoutes(http::Router& router, Services& services);

}  // namespace houqin
