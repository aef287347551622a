#pragma once
// CC-7 (D2 on-site rule 3, data security): every file houqin hands out (Excel, PDF, CSV) is an export and is recorded
// in the audit trail with who (the actor), what, in which format, the filters that chose its rows and how many rows,
// so discipline inspection lists them (GET /api/v1/audit?action=export) and a data leak can be traced to one.
// Who may export lists at all is the permission data:export (core/access.h); a document read on screen (a contract's
// PDF preview) needs only the right to read it, and is recorded all the same.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "core/result.h"
#include "core/time.h"
#include "platform/database/database.h"

namespace houqin::storage {

struct ExportRecord {
    std::string what;    // the kind of export, an enum the audit page names: vendors, quality_report, ...
    std::string format;  // xlsx, pdf, csv
    std::string entity;  // an audit entity name (audit_names.h): the record exported, or the kind of record listed
    std::optional<std::int64_t> entity_id;
    std::vector<std::pair<std::string, std::string>> filters;  // as the user chose them, e.g. {"month", "2027-05"}
    std::int64_t rows = 0;
};

// The audit entry's snapshot: {"what":..., "format":..., "filters":{...}, "rows":N}.
std::string ExportSnapshot(const ExportRecord& record);

// Appends the entry inside the caller's transaction when there is one (the AppendAudit rules apply).
void AppendExportAudit(Connection& connection, const Actor& actor, Instant at, const ExportRecord& record);

// For a route handing out a file: refuses (403, nothing written) when `list` and the actor may not export data
// (data:export), else records the export in a transaction of its own. A document read on screen passes list=false.
Status RecordExport(Database& database, const Actor& actor, Instant at, const ExportRecord& record, bool list);

}  // namespace houqin::storage
