#include "platform/audit/export_audit.h"

#include <fmt/format.h>

#include "platform/audit/audit_store.h"

namespace houqin::storage {

std::string ExportSnapshot(const ExportRecord& record) {
    std::string filters;
    for (const auto& [key, value] : record.filters) {
        if (!filters.empty()) filters += ',';
        filters += JsonString(key) + ':' + JsonString(value);
    }
    return fmt::format(R"({{"what":{},"format":{},"filters":{{{}}},"rows":{}}})", JsonString(record.what),
                       JsonString(record.format), filters, record.rows);
}

void AppendExportAudit(Connection& connection, const Actor& actor, Instant at, const ExportRecord& record) {
    AppendAudit(connection, &actor, at,
                {"export", record.entity, record.entity_id, std::nullopt, ExportSnapshot(record)});
}

Status RecordExport(Database& database, const Actor& actor, Instant at, const ExportRecord& record, bool list) {
    if (list) {
        if (auto allowed = actor.Require(Permission::kDataExport); !allowed) return allowed.error();
    }
    auto lease = database.Acquire();
    Transaction transaction(*lease);
    AppendExportAudit(*lease, actor, at, record);
    transaction.Commit();
    return Ok();
}

}  // namespace houqin::storage
