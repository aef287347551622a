#pragma once
// Vendors, their service categories, qualifications (PRJ-4) and stored attachments.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/vendors/model.h"
#include "platform/database/database.h"

namespace houqin::storage {

// What part of the registry a caller may see: a subtree of owners, or one vendor organisation.
struct VendorScope {
    std::string owner_path_prefix;
    std::optional<std::int64_t> vendor_org_id;
    static VendorScope Of(const Actor& actor) { return {actor.scope_path, actor.vendor_org_id}; }
};

// Adds the scope condition for a table whose rows carry an owner path and a vendor organisation id
// (vendors: v.owner_path / v.org_id; contracts: c.owner_path / c.vendor_org_id).
void AddScopeCondition(const VendorScope& scope, std::string_view owner_path_column, std::string_view vendor_org_column,
                       std::string& where, Params& params);

// A list's conditions beyond its scope: each " AND condition" with the values of its placeholders, in the order added.
struct ListConditions {
    std::string sql;
    Params params;
    void Add(std::string_view condition, Params values);
    [[nodiscard]] bool Empty() const { return sql.empty(); }
};
// A list's WHERE clause: its scope (AddScopeCondition), then `conditions`; their parameters are appended to `params`
// in that order. A list builds it once to count and choose its page, and builds it again with the owner path column
// written "+column" when an unfiltered page walks an index instead (ScopeWalkIsCheaper): both from one function, so
// the walk cannot drift from the count.
std::string ScopedWhere(const VendorScope& scope, std::string_view owner_path_column,
                        std::string_view vendor_org_column, const ListConditions& conditions, Params& params);

// For a page in an index's order over a scope of `scope_rows` rows of `table` (the assessment and proposal lists):
// SQLite cannot see, with the scope's range bound as parameters, what share of the table it holds, so it reads the
// whole range and sorts it, which for the county is every row. Walking the order's index and skipping other scopes'
// rows reads about `reach` (page x page size) x table / scope_rows entries against scope_rows for the sort: true
// when the walk reads fewer. The caller then writes the range as "+column", which keeps SQLite off its index.
// Always false on PostgreSQL, whose planner sees the share itself.
bool ScopeWalkIsCheaper(Connection& connection, std::string_view table, std::int64_t scope_rows, std::int64_t reach);
// The rows of `table` in the scope, no other condition. On SQLite a top-level scope (a county's, "/N/") holds nearly
// every row, so its rows are counted as the table's less those before and after its range: two short index ranges
// and SQLite's quick count of a whole table instead of the whole range (the county's 88,500 assessments).
// `owner_path_column` and `vendor_org_column` are bare.
std::int64_t CountInScope(Connection& connection, std::string_view table, std::string_view owner_path_column,
                          std::string_view vendor_org_column, const VendorScope& scope);
// Whether CountInScope counts `scope` from the whole table (SQLite, a top-level scope): then it is cheaper than any
// sum of kept totals, which read a row per owner and period.
bool CountsWholeTable(Connection& connection, const VendorScope& scope);
// `column` as a query whose rows the scope's range should lead writes it in a condition: "+column" below the county's
// scope on SQLite, which keeps SQLite off the column's own index (without statistics it prefers an equality on a
// status or a month to a range of owner paths, and walks the whole county for a town); the column itself for the
// county, a vendor and on PostgreSQL, whose planner has statistics.
std::string ScopeLed(Connection& connection, const VendorScope& scope, std::string_view column);

struct VendorFilter {
    VendorScope scope;
    std::string q;
    std::optional<VendorStatus> status;
    std::optional<std::int64_t> category_id;
    ExpiryFilter expiry = ExpiryFilter::kAny;
    Date today;
    std::int64_t warning_days = 30;
    std::string sort = "name";
    bool descending = false;
    std::int64_t page = 1;
    std::int64_t page_size = 20;  // 0 = all rows (export)
};

// The version of the vendor data set (vendors, their categories and qualifications); every write below bumps it.
std::int64_t VendorDataVersion(Connection& connection);

Page<Vendor> ListVendors(Connection& connection, const VendorFilter& filter);
// Qualifications of several vendors at once (for a list page), keyed by vendor id.
std::map<std::int64_t, std::vector<Qualification>> QualificationsOf(Connection& connection,
                                                                    const std::vector<std::int64_t>& vendor_ids);
std::optional<Vendor> FindVendor(Connection& connection, std::int64_t id, const VendorScope& scope);
std::optional<std::int64_t> FindVendorIdByCreditCode(Connection& connection, const std::string& credit_code);
std::int64_t InsertVendor(Connection& connection, const Vendor& vendor, Instant now);
void UpdateVendor(Connection& connection, const Vendor& vendor, Instant now);
std::string VendorSnapshot(const Vendor& vendor);
std::int64_t CountVendors(Connection& connection, const VendorScope& scope, std::optional<VendorStatus> status);

std::optional<Qualification> FindQualification(Connection& connection, std::int64_t vendor_id, std::int64_t id);
// Inside a transaction: locks the qualification's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE;
// SQLite's BEGIN IMMEDIATE already holds the write lock), so a check made after it (still awaiting verification) cannot
// be overtaken by a parallel request.
void LockQualification(Connection& connection, std::int64_t id);
std::int64_t InsertQualification(Connection& connection, const Qualification& qualification, Instant now);
void UpdateQualification(Connection& connection, const Qualification& qualification);
void DeleteQualification(Connection& connection, std::int64_t id);
// Keeps vendors.earliest_expiry equal to the earliest valid_until, so lists filter by expiry with an index.
void RefreshEarliestExpiry(Connection& connection, std::int64_t vendor_id);
std::string QualificationSnapshot(const Qualification& qualification);

QualificationCount CountQualifications(Connection& connection, const VendorScope& scope, Date today,
                                       std::int64_t warning_days);
// Qualifications that expire before `until`, earliest first, with their vendor's name (reminders, X-2).
std::vector<std::pair<Qualification, std::string>> QualificationsExpiringBefore(Connection& connection,
                                                                                const VendorScope& scope, Date until,
                                                                                std::int64_t limit);

std::int64_t InsertAttachment(Connection& connection, const StoredAttachment& attachment, std::int64_t uploaded_by,
                              Instant now);
// What FindAttachment reads: the file's description and owner, or its content too (a download).
enum class AttachmentRead { kInfo, kWithContent };
std::optional<StoredAttachment> FindAttachment(Connection& connection, std::int64_t id, AttachmentRead read);
// The name, type, size and hash of several attachments in one query (a list page), by id; ids not found are absent.
std::map<std::int64_t, AttachmentInfo> FindAttachmentInfos(Connection& connection,
                                                           const std::vector<std::int64_t>& ids);

// the records an attachment belongs to. A record kind names the feature's record ("vendor" for a qualification
// scan, "contract", "assessment", "rectification", "energy_saving", "project"); whoever may read one of them may
// read the file.
struct AttachmentLink {
    std::string kind;
    std::int64_t record_id = 0;
};
std::vector<AttachmentLink> AttachmentLinks(Connection& connection, std::int64_t attachment_id);
bool IsAttachmentLinked(Connection& connection, std::int64_t attachment_id, std::string_view kind,
                        std::int64_t record_id);
void LinkAttachment(Connection& connection, std::int64_t attachment_id, std::string_view kind, std::int64_t record_id);

}  // namespace houqin::storage
