#include "features/vendors/store.h"

#include <fmt/format.h>
#include <sodium.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

constexpr const char* kVendorColumns =
    "v.id, v.org_id, v.owner_org_id, v.owner_path, v.name, v.credit_code, v.legal_representative, v.contact_name, "
    "v.contact_phone, v.address, v.bank_account_name, v.bank_name, v.bank_account_no, v.staff_count, "
    "v.registered_capital_fen, v.has_training_system, v.has_management_system, v.status, v.created_at, v.updated_at";
constexpr const char* kQualificationColumns =
    "q.id, q.vendor_id, q.type, q.cert_no, q.issuer, q.valid_from, q.valid_until, q.attachment_id, a.filename, "
    "a.content_type, a.size, a.sha256, q.verification, q.verified_by, q.verified_at, q.rejection_reason";

Vendor VendorFromRow(const Row& row) {
    Vendor vendor;
    vendor.id = row.Int(0);
    vendor.org_id = row.Int(1);
    vendor.owner_org_id = row.Int(2);
    vendor.owner_path = row.Str(3);
    vendor.name = row.Str(4);
    vendor.credit_code = row.Str(5);
    vendor.legal_representative = row.Str(6);
    vendor.contact_name = row.Str(7);
    vendor.contact_phone = row.Str(8);
    vendor.address = row.Str(9);
    vendor.bank_account_name = row.Str(10);
    vendor.bank_name = row.Str(11);
    vendor.bank_account_no = row.Str(12);
    vendor.staff_count = row.Int(13);
    vendor.registered_capital = Money::FromFen(row.Int(14));
    vendor.has_training_system = row.Bool(15);
    vendor.has_management_system = row.Bool(16);
    vendor.status = ParseVendorStatus(row.Str(17)).value_or(VendorStatus::kActive);
    vendor.created_at = Instant{row.Int(18)};
    vendor.updated_at = Instant{row.Int(19)};
    return vendor;
}

Qualification QualificationFromRow(const Row& row) {
    Qualification qualification;
    qualification.id = row.Int(0);
    qualification.vendor_id = row.Int(1);
    qualification.type = row.Str(2);
    qualification.cert_no = row.Str(3);
    qualification.issuer = row.Str(4);
    qualification.valid_from = Date::Parse(row.Str(5)).value_or(Date{});
    qualification.valid_until = Date::Parse(row.Str(6)).value_or(Date{});
    qualification.attachment_id = row.OptInt(7);
    if (qualification.attachment_id) {
        qualification.attachment =
            AttachmentInfo{*qualification.attachment_id, row.Str(8), row.Str(9), row.Int(10), row.Str(11)};
    }
    qualification.verification =
        ParseQualificationVerification(row.Str(12)).value_or(QualificationVerification::kPending);
    qualification.verified_by = row.Str(13);
    if (const auto at = row.OptInt(14)) qualification.verified_at = Instant{*at};
    qualification.rejection_reason = row.Str(15);
    return qualification;
}

Param VerifiedAt(const Qualification& qualification) {
    return qualification.verified_at ? Param{qualification.verified_at->ms} : Null();
}

void AddScope(const VendorScope& scope, std::string& where, Params& params) {
    AddScopeCondition(scope, "v.owner_path", "v.org_id", where, params);
}

}  // namespace

void AddScopeCondition(const VendorScope& scope, std::string_view owner_path_column, std::string_view vendor_org_column,
                       std::string& where, Params& params) {
    if (scope.vendor_org_id) {
        where += fmt::format(" AND {} = ?", vendor_org_column);
        params.emplace_back(*scope.vendor_org_id);
        return;
    }
    // Paths end in '/', so the subtree of "/1/2/" is the range ["/1/2/", "/1/20"): '0' follows '/' in ASCII.
    // A range uses the index on owner_path, which SQLite's case-insensitive LIKE cannot.
    std::string end = scope.owner_path_prefix;
    if (end.empty()) end = "/";
    const std::string start = end;
    end.back() = static_cast<char>(end.back() + 1);
    where += fmt::format(" AND {0} >= ? AND {0} < ?", owner_path_column);
    params.emplace_back(start);
    params.emplace_back(end);
}

void ListConditions::Add(std::string_view condition, Params values) {
    sql += fmt::format(" AND {}", condition);
    for (auto& value : values) params.push_back(std::move(value));
}

std::string ScopedWhere(const VendorScope& scope, std::string_view owner_path_column,
                        std::string_view vendor_org_column, const ListConditions& conditions, Params& params) {
    std::string where = " WHERE 1 = 1";
    AddScopeCondition(scope, owner_path_column, vendor_org_column, where, params);
    where += conditions.sql;
    params.insert(params.end(), conditions.params.begin(), conditions.params.end());
    return where;
}

bool ScopeWalkIsCheaper(Connection& connection, std::string_view table, std::int64_t scope_rows, std::int64_t reach) {
    if (connection.engine() != Engine::kSqlite || scope_rows <= 0 || reach <= 0) return false;
    const auto rows = connection.QueryOne(fmt::format("SELECT COUNT(*) FROM {}", table), {})->Int(0);
    return reach * rows <= scope_rows * scope_rows;
}

bool CountsWholeTable(Connection& connection, const VendorScope& scope) {
    const auto& prefix = scope.owner_path_prefix;
    // SQLite counts a whole table from its pages' cell counts; PostgreSQL counts every row either way, so there the
    // range's own count is the cheaper one.
    return connection.engine() == Engine::kSqlite && !scope.vendor_org_id && prefix.size() > 2 &&
           prefix.front() == '/' && prefix.find('/', 1) == prefix.size() - 1;
}

std::string ScopeLed(Connection& connection, const VendorScope& scope, std::string_view column) {
    const bool by_scope =
        connection.engine() == Engine::kSqlite && !scope.vendor_org_id && !CountsWholeTable(connection, scope);
    return (by_scope ? "+" : "") + std::string(column);
}

std::int64_t CountInScope(Connection& connection, std::string_view table, std::string_view owner_path_column,
                          std::string_view vendor_org_column, const VendorScope& scope) {
    const auto& prefix = scope.owner_path_prefix;
    if (!CountsWholeTable(connection, scope)) {
        std::string where = " WHERE 1 = 1";
        Params params;
        AddScopeCondition(scope, owner_path_column, vendor_org_column, where, params);
        return connection.QueryOne(fmt::format("SELECT COUNT(*) FROM {}{}", table, where), params)->Int(0);
    }
    std::string end = prefix;
    end.back() = static_cast<char>(end.back() + 1);
    const auto all = connection.QueryOne(fmt::format("SELECT COUNT(*) FROM {}", table), {})->Int(0);
    const auto before =
        connection.QueryOne(fmt::format("SELECT COUNT(*) FROM {} WHERE {} < ?", table, owner_path_column), {prefix})
            ->Int(0);
    const auto after =
        connection.QueryOne(fmt::format("SELECT COUNT(*) FROM {} WHERE {} >= ?", table, owner_path_column), {end})
            ->Int(0);
    return all - before - after;
}

namespace {

void BumpVendorDataVersion(Connection& connection) {
    connection.Execute("UPDATE data_versions SET version = version + 1 WHERE name = 'vendors'", {});
}

std::vector<std::int64_t> CategoryIdsOf(Connection& connection, std::int64_t vendor_id) {
    std::vector<std::int64_t> ids;
    for (const auto& row : connection.Query(
             "SELECT category_id FROM vendor_categories WHERE vendor_id = ? ORDER BY category_id", {vendor_id})) {
        ids.push_back(row.Int(0));
    }
    return ids;
}

void ReplaceCategories(Connection& connection, std::int64_t vendor_id, const std::vector<std::int64_t>& ids) {
    connection.Execute("DELETE FROM vendor_categories WHERE vendor_id = ?", {vendor_id});
    for (auto id : ids) {
        connection.Execute("INSERT INTO vendor_categories (vendor_id, category_id) VALUES (?, ?)", {vendor_id, id});
    }
}

}  // namespace

std::int64_t VendorDataVersion(Connection& connection) {
    const auto row = connection.QueryOne("SELECT version FROM data_versions WHERE name = 'vendors'", {});
    return row ? row->Int(0) : 0;
}

Page<Vendor> ListVendors(Connection& connection, const VendorFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScope(filter.scope, where, params);
    if (!filter.q.empty()) {
        where += " AND (v.name LIKE ? ESCAPE '\\' OR v.credit_code LIKE ? ESCAPE '\\')";
        params.emplace_back(LikeContains(filter.q));
        params.emplace_back(LikeContains(filter.q));
    }
    if (filter.status) {
        where += " AND v.status = ?";
        params.emplace_back(std::string(VendorStatusCode(*filter.status)));
    }
    if (filter.category_id) {
        where += " AND v.id IN (SELECT vendor_id FROM vendor_categories WHERE category_id = ?)";
        params.emplace_back(*filter.category_id);
    }
    const std::string today = filter.today.ToString();
    const std::string warning_end = filter.today.AddDays(filter.warning_days).ToString();
    switch (filter.expiry) {
        case ExpiryFilter::kAny: break;
        case ExpiryFilter::kExpired:
            where += " AND v.earliest_expiry < ?";
            params.emplace_back(today);
            break;
        case ExpiryFilter::kExpiring:
            where += " AND v.earliest_expiry >= ? AND v.earliest_expiry <= ?";
            params.emplace_back(today);
            params.emplace_back(warning_end);
            break;
        case ExpiryFilter::kOk:
            where += " AND v.earliest_expiry > ?";
            params.emplace_back(warning_end);
            break;
        case ExpiryFilter::kNone: where += " AND v.earliest_expiry IS NULL"; break;
    }
    const auto total = connection.QueryOne("SELECT COUNT(*) FROM vendors v" + where, params)->Int(0);
    // The sort column comes from a fixed list, never from the request text.
    const std::string column = filter.sort == "credit_code"   ? "v.credit_code"
                               : filter.sort == "created_at"  ? "v.created_at"
                               : filter.sort == "staff_count" ? "v.staff_count"
                                                              : "v.name";
    std::string sql = std::string("SELECT ") + kVendorColumns + " FROM vendors v" + where + " ORDER BY " + column +
                      (filter.descending ? " DESC" : " ASC") + ", v.id";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<Vendor> vendors;
    for (const auto& row : connection.Query(sql, params)) vendors.push_back(VendorFromRow(row));
    if (!vendors.empty() && filter.page_size > 0) {
        Params ids;
        for (const auto& vendor : vendors) ids.emplace_back(vendor.id);
        std::map<std::int64_t, Vendor*> by_id;
        for (auto& vendor : vendors) by_id[vendor.id] = &vendor;
        for (const auto& row : connection.Query("SELECT vendor_id, category_id FROM vendor_categories WHERE vendor_id "
                                                "IN (" +
                                                    Placeholders(ids.size()) + ") ORDER BY category_id",
                                                ids)) {
            by_id[row.Int(0)]->category_ids.push_back(row.Int(1));
        }
    }
    return PageOf(std::move(vendors), total);
}

std::map<std::int64_t, std::vector<Qualification>> QualificationsOf(Connection& connection,
                                                                    const std::vector<std::int64_t>& vendor_ids) {
    std::map<std::int64_t, std::vector<Qualification>> result;
    if (vendor_ids.empty()) return result;
    Params params(vendor_ids.begin(), vendor_ids.end());
    for (const auto& row : connection.Query(std::string("SELECT ") + kQualificationColumns +
                                                " FROM qualifications q LEFT JOIN attachments a ON a.id = "
                                                "q.attachment_id WHERE q.vendor_id IN (" +
                                                Placeholders(params.size()) + ") ORDER BY q.valid_until, q.id",
                                            params)) {
        auto qualification = QualificationFromRow(row);
        result[qualification.vendor_id].push_back(std::move(qualification));
    }
    return result;
}

std::optional<Vendor> FindVendor(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE v.id = ?";
    Params params{id};
    AddScope(scope, where, params);
    auto row = connection.QueryOne(std::string("SELECT ") + kVendorColumns + " FROM vendors v" + where, params);
    if (!row) return std::nullopt;
    Vendor vendor = VendorFromRow(*row);
    vendor.category_ids = CategoryIdsOf(connection, id);
    vendor.qualifications = std::move(QualificationsOf(connection, {id})[id]);
    return vendor;
}

std::optional<std::int64_t> FindVendorIdByCreditCode(Connection& connection, const std::string& credit_code) {
    auto row = connection.QueryOne("SELECT id FROM vendors WHERE credit_code = ?", {credit_code});
    if (!row) return std::nullopt;
    return row->Int(0);
}

std::int64_t InsertVendor(Connection& connection, const Vendor& vendor, Instant now) {
    const auto id = connection.InsertReturningId(
        "INSERT INTO vendors (org_id, owner_org_id, owner_path, name, credit_code, legal_representative, contact_name, "
        "contact_phone, address, bank_account_name, bank_name, bank_account_no, staff_count, registered_capital_fen, "
        "has_training_system, has_management_system, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {vendor.org_id, vendor.owner_org_id, vendor.owner_path, vendor.name, vendor.credit_code,
         vendor.legal_representative, vendor.contact_name, vendor.contact_phone, vendor.address,
         vendor.bank_account_name, vendor.bank_name, vendor.bank_account_no, vendor.staff_count,
         vendor.registered_capital.fen(), Bool(vendor.has_training_system), Bool(vendor.has_management_system),
         std::string(VendorStatusCode(vendor.status)), now.ms, now.ms});
    ReplaceCategories(connection, id, vendor.category_ids);
    BumpVendorDataVersion(connection);
    return id;
}

void UpdateVendor(Connection& connection, const Vendor& vendor, Instant now) {
    connection.Execute(
        "UPDATE vendors SET name = ?, credit_code = ?, legal_representative = ?, contact_name = ?, contact_phone = ?, "
        "address = ?, bank_account_name = ?, bank_name = ?, bank_account_no = ?, staff_count = ?, "
        "registered_capital_fen = ?, has_training_system = ?, has_management_system = ?, status = ?, updated_at = ? "
        "WHERE id = ?",
        {vendor.name, vendor.credit_code, vendor.legal_representative, vendor.contact_name, vendor.contact_phone,
         vendor.address, vendor.bank_account_name, vendor.bank_name, vendor.bank_account_no, vendor.staff_count,
         vendor.registered_capital.fen(), Bool(vendor.has_training_system), Bool(vendor.has_management_system),
         std::string(VendorStatusCode(vendor.status)), now.ms, vendor.id});
    ReplaceCategories(connection, vendor.id, vendor.category_ids);
    BumpVendorDataVersion(connection);
}

std::string VendorSnapshot(const Vendor& vendor) {
    return nlohmann::json{{"id", vendor.id},
                          {"name", vendor.name},
                          {"credit_code", vendor.credit_code},
                          {"legal_representative", vendor.legal_representative},
                          {"contact_name", vendor.contact_name},
                          {"contact_phone", vendor.contact_phone},
                          {"address", vendor.address},
                          {"bank_account_name", vendor.bank_account_name},
                          {"bank_name", vendor.bank_name},
                          {"bank_account_no", vendor.bank_account_no},
                          {"staff_count", vendor.staff_count},
                          {"registered_capital", vendor.registered_capital.ToString()},
                          {"has_training_system", vendor.has_training_system},
                          {"has_management_system", vendor.has_management_system},
                          {"category_ids", vendor.category_ids},
                          {"status", VendorStatusCode(vendor.status)}}
        .dump();
}

std::int64_t CountVendors(Connection& connection, const VendorScope& scope, std::optional<VendorStatus> status) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScope(scope, where, params);
    if (status) {
        // A town's vendors from its range of the owner index; the status index walked the county's (14% of a town
        // office's dashboard).
        where += " AND " + ScopeLed(connection, scope, "v.status") + " = ?";
        params.emplace_back(std::string(VendorStatusCode(*status)));
    }
    return connection.QueryOne("SELECT COUNT(*) FROM vendors v" + where, params)->Int(0);
}

void LockQualification(Connection& connection, std::int64_t id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT id FROM qualifications WHERE id = ? FOR UPDATE", {id});
    }
}

std::optional<Qualification> FindQualification(Connection& connection, std::int64_t vendor_id, std::int64_t id) {
    auto row = connection.QueryOne(std::string("SELECT ") + kQualificationColumns +
                                       " FROM qualifications q LEFT JOIN attachments a ON a.id = q.attachment_id "
                                       "WHERE q.id = ? AND q.vendor_id = ?",
                                   {id, vendor_id});
    if (!row) return std::nullopt;
    return QualificationFromRow(*row);
}

std::int64_t InsertQualification(Connection& connection, const Qualification& qualification, Instant now) {
    const auto id = connection.InsertReturningId(
        "INSERT INTO qualifications (vendor_id, type, cert_no, issuer, valid_from, valid_until, attachment_id, "
        "verification, verified_by, verified_at, rejection_reason, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {qualification.vendor_id, qualification.type, qualification.cert_no, qualification.issuer,
         qualification.valid_from.ToString(), qualification.valid_until.ToString(),
         Optional(qualification.attachment_id), std::string(QualificationVerificationCode(qualification.verification)),
         qualification.verified_by, VerifiedAt(qualification), qualification.rejection_reason, now.ms});
    RefreshEarliestExpiry(connection, qualification.vendor_id);
    return id;
}

void UpdateQualification(Connection& connection, const Qualification& qualification) {
    connection.Execute(
        "UPDATE qualifications SET type = ?, cert_no = ?, issuer = ?, valid_from = ?, valid_until = ?, "
        "attachment_id = ?, verification = ?, verified_by = ?, verified_at = ?, rejection_reason = ? WHERE id = ?",
        {qualification.type, qualification.cert_no, qualification.issuer, qualification.valid_from.ToString(),
         qualification.valid_until.ToString(), Optional(qualification.attachment_id),
         std::string(QualificationVerificationCode(qualification.verification)), qualification.verified_by,
         VerifiedAt(qualification), qualification.rejection_reason, qualification.id});
    RefreshEarliestExpiry(connection, qualification.vendor_id);
}

void DeleteQualification(Connection& connection, std::int64_t id) {
    const auto row = connection.QueryOne("SELECT vendor_id FROM qualifications WHERE id = ?", {id});
    connection.Execute("DELETE FROM qualifications WHERE id = ?", {id});
    if (row) RefreshEarliestExpiry(connection, row->Int(0));
}

void RefreshEarliestExpiry(Connection& connection, std::int64_t vendor_id) {
    BumpVendorDataVersion(connection);  // every qualification change passes here
    connection.Execute(
        "UPDATE vendors SET earliest_expiry = (SELECT MIN(valid_until) FROM qualifications WHERE vendor_id = ?) "
        "WHERE id = ?",
        {vendor_id, vendor_id});
}

std::string QualificationSnapshot(const Qualification& qualification) {
    nlohmann::json json = {{"id", qualification.id},
                           {"vendor_id", qualification.vendor_id},
                           {"type", qualification.type},
                           {"cert_no", qualification.cert_no},
                           {"issuer", qualification.issuer},
                           {"valid_from", qualification.valid_from.ToString()},
                           {"valid_until", qualification.valid_until.ToString()}};
    json["attachment_id"] =
        qualification.attachment_id ? nlohmann::json(*qualification.attachment_id) : nlohmann::json(nullptr);
    // PRJ-4: who verified (or entered) it and when, beside the values they vouched for.
    json["verification"] = QualificationVerificationCode(qualification.verification);
    json["verified_by"] = qualification.verified_by;
    json["verified_at"] =
        qualification.verified_at ? nlohmann::json(qualification.verified_at->ToIso()) : nlohmann::json(nullptr);
    json["rejection_reason"] = qualification.rejection_reason;
    return json.dump();
}

QualificationCount CountQualifications(Connection& connection, const VendorScope& scope, Date today,
                                       std::int64_t warning_days) {
    std::string where = " WHERE 1 = 1";
    Params params{today.ToString(), today.ToString(), today.AddDays(warning_days).ToString()};
    AddScope(scope, where, params);
    const auto row = connection.QueryOne(
        "SELECT COALESCE(SUM(CASE WHEN q.valid_until < ? THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN q.valid_until >= ? AND q.valid_until <= ? THEN 1 ELSE 0 END), 0), COUNT(*) "
        "FROM qualifications q JOIN vendors v ON v.id = q.vendor_id" +
            where,
        params);
    QualificationCount count;
    count.expired = row->Int(0);
    count.expiring = row->Int(1);
    count.ok = row->Int(2) - count.expired - count.expiring;
    return count;
}

std::vector<std::pair<Qualification, std::string>> QualificationsExpiringBefore(Connection& connection,
                                                                                const VendorScope& scope, Date until,
                                                                                std::int64_t limit) {
    std::string where = " WHERE q.valid_until <= ?";
    Params params{until.ToString()};
    AddScope(scope, where, params);
    params.emplace_back(limit);
    std::vector<std::pair<Qualification, std::string>> result;
    for (const auto& row : connection.Query(std::string("SELECT ") + kQualificationColumns +
                                                ", v.name FROM qualifications q JOIN vendors v ON v.id = q.vendor_id "
                                                "LEFT JOIN attachments a ON a.id = q.attachment_id" +
                                                where + " ORDER BY q.valid_until, q.id LIMIT ?",
                                            params)) {
        result.emplace_back(QualificationFromRow(row), row.Str(16));
    }
    return result;
}

std::int64_t InsertAttachment(Connection& connection, const StoredAttachment& attachment, std::int64_t uploaded_by,
                              Instant now) {
    // Stored as base64 text: the same column type on both engines, and the size limit (10 MiB) keeps it modest.
    std::string encoded(sodium_base64_encoded_len(attachment.content.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(attachment.content.data()),
                      attachment.content.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(std::char_traits<char>::length(encoded.c_str()));
    return connection.InsertReturningId(
        "INSERT INTO attachments (filename, content_type, size, sha256, content_base64, uploaded_by, owner_path, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {attachment.info.filename, attachment.info.content_type, attachment.info.size, attachment.info.sha256, encoded,
         uploaded_by, attachment.owner_path, now.ms});
}

std::map<std::int64_t, AttachmentInfo> FindAttachmentInfos(Connection& connection,
                                                           const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, AttachmentInfo> found;
    if (ids.empty()) return found;
    const Params params(ids.begin(), ids.end());
    for (const auto& row :
         connection.Query("SELECT id, filename, content_type, size, sha256 FROM attachments WHERE id IN (" +
                              Placeholders(ids.size()) + ")",
                          params)) {
        found[row.Int(0)] = {row.Int(0), row.Str(1), row.Str(2), row.Int(3), row.Str(4)};
    }
    return found;
}

std::optional<StoredAttachment> FindAttachment(Connection& connection, std::int64_t id, AttachmentRead read) {
    const bool with_content = read == AttachmentRead::kWithContent;
    auto row = connection.QueryOne(
        with_content ? "SELECT a.id, a.filename, a.content_type, a.size, a.sha256, a.owner_path, a.uploaded_by, "
                       "u.org_id, a.content_base64 FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by "
                       "WHERE a.id = ?"
                     : "SELECT a.id, a.filename, a.content_type, a.size, a.sha256, a.owner_path, a.uploaded_by, "
                       "u.org_id, '' FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by WHERE a.id = ?",
        {id});
    if (!row) return std::nullopt;
    StoredAttachment attachment;
    attachment.info = {row->Int(0), row->Str(1), row->Str(2), row->Int(3), row->Str(4)};
    attachment.owner_path = row->Str(5);
    attachment.uploaded_by = row->Int(6);
    attachment.uploader_org_id = row->OptInt(7).value_or(0);
    if (with_content) {
        const std::string& encoded = row->Str(8);
        attachment.content.resize(encoded.size());
        std::size_t length = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(attachment.content.data()), attachment.content.size(),
                              encoded.data(), encoded.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0) {
            throw DbError(DbError::Kind::kOther, "attachment " + std::to_string(id) + " is not valid base64");
        }
        attachment.content.resize(length);
    }
    return attachment;
}

std::vector<AttachmentLink> AttachmentLinks(Connection& connection, std::int64_t attachment_id) {
    std::vector<AttachmentLink> links;
    for (const auto& row : connection.Query(
             "SELECT record_kind, record_id FROM attachment_links WHERE attachment_id = ? ORDER BY record_kind, "
             "record_id",
             {attachment_id})) {
        links.push_back({row.Str(0), row.Int(1)});
    }
    return links;
}

bool IsAttachmentLinked(Connection& connection, std::int64_t attachment_id, std::string_view kind,
                        std::int64_t record_id) {
    return connection
        .QueryOne("SELECT 1 FROM attachment_links WHERE attachment_id = ? AND record_kind = ? AND record_id = ?",
                  {attachment_id, std::string(kind), record_id})
        .has_value();
}

void LinkAttachment(Connection& connection, std::int64_t attachment_id, std::string_view kind, std::int64_t record_id) {
    if (IsAttachmentLinked(connection, attachment_id, kind, record_id)) return;
    connection.Execute("INSERT INTO attachment_links (attachment_id, record_kind, record_id) VALUES (?, ?, ?)",
                       {attachment_id, std::string(kind), record_id});
}

}  // namespace houqin::storage
