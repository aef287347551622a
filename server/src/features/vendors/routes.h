#pragma once
// Routes: The vendor registry, qualifications and attachments (PRJ-4).
#include "features/vendors/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddVendorRoutes(Router& router, VendorService& vendors);

}  // namespace houqin::http
