#pragma once
// Routes: call-record imports, large files sent in parts, and the column mappings saved per vendor (CC-8).
#include "features/callcentre/call_import_service.h"
#include "features/callcentre/call_upload_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddCallImportRoutes(Router& router, CallImportService& imports, CallUploadService& uploads);

}  // namespace houqin::http
