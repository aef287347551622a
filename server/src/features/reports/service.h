#pragma once
// RP-5 and SUP-7: the renewal basis of a contract and the period reports (quality and safety assessment report,
// internal audit report). Read only, in the caller's scope (supervision:read; the internal audit report needs
// report:internal: it belongs to the organisation). The numbers are computed here once; JSON, PDF and Excel only
// present them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "features/reports/model.h"
#include "platform/service/context.h"

namespace houqin {

class ReportService {
  public:
    explicit ReportService(ServiceContext& context) : context_(context) {}

    Result<RenewalBasis> Renewal(const Actor& actor, std::int64_t contract_id);
    // period: "2027-03", "2027-Q1", "2027-H1" or "2027".
    Result<QualityReport> Quality(const Actor& actor, const std::string& period, std::optional<std::int64_t> vendor_id);
    Result<InternalAuditReport> InternalAudit(const Actor& actor, std::optional<Date> from, std::optional<Date> to,
                                              std::optional<std::int64_t> vendor_id);
    // CC-7: a report handed out as a file (format pdf or xlsx) is an export: refused without data:export, else
    // recorded in the audit trail with the filters that chose it (entity "report").
    Status RecordReportExport(const Actor& actor, std::string what, std::string format,
                              std::vector<std::pair<std::string, std::string>> filters, std::int64_t rows);
    // CC-7: the renewal basis of one contract, read to decide its renewal: recorded, not a list export.
    Status RecordRenewalBasisRead(const Actor& actor, std::int64_t contract_id, const std::string& code);

  private:
    ServiceContext& context_;
};

}  // namespace houqin
