#pragma once
// Routes: call-record imports and the column mappings saved per vendor (CC-8).
#include "features/callcentre/call_import_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddCallImportRoutes(Router& router, CallImportService& imports);

}  // namespace houqin::http
