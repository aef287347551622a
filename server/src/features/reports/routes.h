#pragma once
// Routes: The renewal basis and the period reports (RP-5, SUP-7).
#include "features/reports/service.h"
#include "platform/http/router.h"

namespace houqin::http {

void AddReportRoutes(Router& router, ReportService& reports);

}  // namespace houqin::http
