#pragma once
// Routes of STF-2: people's documents, social-insurance payments and the roster's flags.
#include "features/staff/document_service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddStaffDocumentRoutes(Router& router, DocumentService& documents);

}  // namespace houqin::http
