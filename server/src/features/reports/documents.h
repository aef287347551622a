#pragma once
// RP-5 and SUP-7 on paper and in Excel: the renewal basis (PDF, with sign-off lines), the quality and safety
// assessment report and the internal audit report (PDF and Excel; money as numbers with two decimals).
#include <string>
#include <vector>

#include "features/reports/model.h"
#include "platform/documents/workbook.h"

namespace houqin::reports {

std::string WriteRenewalBasisPdf(const RenewalBasis& basis);
std::string WriteQualityReportPdf(const QualityReport& report);
std::vector<Sheet> QualityReportSheets(const QualityReport& report);
std::string WriteInternalAuditPdf(const InternalAuditReport& report);
std::vector<Sheet> InternalAuditSheets(const InternalAuditReport& report);

}  // namespace houqin::reports
