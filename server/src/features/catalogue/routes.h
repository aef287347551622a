#pragma once
// Routes: The service catalogue and each category's defaults (CAT-1, CAT-2).
#include "features/catalogue/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddCatalogueRoutes(Router& router, CatalogueService& catalogue);

}  // namespace houqin::http
