#include "features/staff/document_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace houqin::storage {
namespace {

constexpr const char* kSelectRequirements =
    "SELECT role, kind, blocks_when_expired FROM staff_document_requirements ORDER BY role, kind";

constexpr const char* kDocumentColumns =
    "d.id, d.person_id, d.contract_id, d.kind, d.attachment_id, d.issued_on, d.expires_on, d.note, d.created_at, "
    "a.filename, a.sha256";

constexpr const char* kDocumentFrom = " FROM staff_documents d LEFT JOIN attachments a ON a.id = d.attachment_id";

constexpr const char* kInsertDocument =
    "INSERT INTO staff_documents (person_id, contract_id, kind, attachment_id, issued_on, expires_on, note, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kPaymentColumns =
    "p.id, p.person_id, p.contract_id, p.month, p.amount_fen, p.attachment_id, p.created_at, a.filename";

constexpr const char* kPaymentFrom =
    " FROM staff_insurance_payments p LEFT JOIN attachments a ON a.id = p.attachment_id";

constexpr const char* kInsertPayment =
    "INSERT INTO staff_insurance_payments (person_id, contract_id, month, amount_fen, attachment_id, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";

// Documents with an expiry of current people in scope (people's own owner path and vendor), newest first per kind.
constexpr const char* kExpiringDocuments =
    "SELECT d.person_id, s.name, d.contract_id, c.code, d.kind, d.expires_on, d.issued_on, d.id FROM staff_documents "
    "d JOIN staff_people s ON s.id = d.person_id JOIN contracts c ON c.id = d.contract_id WHERE s.start_date <= ? AND "
    "(s.end_date IS NULL OR s.end_date >= ?)";

StaffDocument DocumentFromRow(const Row& row) {
    StaffDocument document;
    document.id = row.Int(0);
    document.person_id = row.Int(1);
    document.contract_id = row.Int(2);
    document.kind = ParseDocumentKind(row.Str(3)).value_or(DocumentKind::kLabourContract);
    document.attachment_id = row.Int(4);
    document.issued_on = Date::Parse(row.Str(5)).value_or(Date{});
    if (!row.IsNull(6)) document.expires_on = Date::Parse(row.Str(6));
    document.note = row.Str(7);
    document.created_at = Instant{row.Int(8)};
    document.file_name = row.Str(9);
    document.sha256 = row.Str(10);
    return document;
}

InsurancePayment PaymentFromRow(const Row& row) {
    InsurancePayment payment;
    payment.id = row.Int(0);
    payment.person_id = row.Int(1);
    payment.contract_id = row.Int(2);
    payment.month = row.Str(3);
    payment.amount = Money::FromFen(row.Int(4));
    payment.attachment_id = row.OptInt(5);
    payment.created_at = Instant{row.Int(6)};
    payment.file_name = row.Str(7);
    return payment;
}

Param OptionalDateParam(const std::optional<Date>& day) {
    if (!day) return Null();
    return day->ToString();
}

}  // namespace

std::vector<DocumentRequirement> ListDocumentRequirements(Connection& connection) {
    std::vector<DocumentRequirement> requirements;
    for (const auto& row : connection.Query(kSelectRequirements)) {
        const auto kind = ParseDocumentKind(row.Str(1));
        if (!kind) continue;
        requirements.push_back({row.Str(0), *kind, row.Bool(2)});
    }
    return requirements;
}

std::map<std::string, std::vector<DocumentKind>> RequiredKindsByRole(Connection& connection) {
    std::map<std::string, std::vector<DocumentKind>> kinds;
    for (const auto& requirement : ListDocumentRequirements(connection)) {
        kinds[requirement.role].push_back(requirement.kind);
    }
    return kinds;
}

std::vector<StaffDocument> DocumentsOfPerson(Connection& connection, std::int64_t person_id) {
    std::vector<StaffDocument> documents;
    for (const auto& row : connection.Query(std::string("SELECT ") + kDocumentColumns + kDocumentFrom +
                                                " WHERE d.person_id = ? ORDER BY d.kind, d.issued_on, d.id",
                                            {person_id})) {
        documents.push_back(DocumentFromRow(row));
    }
    return documents;
}

std::map<std::int64_t, std::vector<StaffDocument>> DocumentsOfContract(Connection& connection,
                                                                       std::int64_t contract_id) {
    std::map<std::int64_t, std::vector<StaffDocument>> documents;
    for (const auto& row : connection.Query(std::string("SELECT ") + kDocumentColumns + kDocumentFrom +
                                                " WHERE d.contract_id = ? ORDER BY d.person_id, d.issued_on, d.id",
                                            {contract_id})) {
        auto document = DocumentFromRow(row);
        documents[document.person_id].push_back(std::move(document));
    }
    return documents;
}

std::optional<StaffDocument> FindDocument(Connection& connection, std::int64_t id) {
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kDocumentColumns + kDocumentFrom + " WHERE d.id = ?", {id});
    if (!row) return std::nullopt;
    return DocumentFromRow(*row);
}

std::int64_t InsertDocument(Connection& connection, const StaffDocument& document,
                            std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertDocument, {document.person_id, document.contract_id, std::string(DocumentKindCode(document.kind)),
                          document.attachment_id, document.issued_on.ToString(), OptionalDateParam(document.expires_on),
                          document.note, Optional(created_by), document.created_at.ms});
}

std::string DocumentSnapshot(const StaffDocument& document) {
    return nlohmann::json{
        {"person_id", document.person_id},
        {"contract_id", document.contract_id},
        {"kind", std::string(DocumentKindCode(document.kind))},
        {"attachment_id", document.attachment_id},
        {"issued_on", document.issued_on.ToString()},
        {"expires_on", document.expires_on ? nlohmann::json(document.expires_on->ToString()) : nlohmann::json()},
        {"note", document.note}}
        .dump();
}

std::vector<InsurancePayment> PaymentsOfPerson(Connection& connection, std::int64_t person_id) {
    std::vector<InsurancePayment> payments;
    for (const auto& row : connection.Query(
             std::string("SELECT ") + kPaymentColumns + kPaymentFrom + " WHERE p.person_id = ? ORDER BY p.month",
             {person_id})) {
        payments.push_back(PaymentFromRow(row));
    }
    return payments;
}

std::map<std::int64_t, std::set<std::string>> PaidMonthsOfContract(Connection& connection, std::int64_t contract_id) {
    std::map<std::int64_t, std::set<std::string>> months;
    for (const auto& row : connection.Query(
             "SELECT person_id, month FROM staff_insurance_payments WHERE contract_id = ?", {contract_id})) {
        months[row.Int(0)].insert(row.Str(1));
    }
    return months;
}

std::optional<InsurancePayment> FindPayment(Connection& connection, std::int64_t id) {
    const auto row =
        connection.QueryOne(std::string("SELECT ") + kPaymentColumns + kPaymentFrom + " WHERE p.id = ?", {id});
    if (!row) return std::nullopt;
    return PaymentFromRow(*row);
}

bool PaymentExists(Connection& connection, std::int64_t person_id, const std::string& month) {
    return connection
        .QueryOne("SELECT 1 FROM staff_insurance_payments WHERE person_id = ? AND month = ?", {person_id, month})
        .has_value();
}

std::int64_t InsertPayment(Connection& connection, const InsurancePayment& payment,
                           std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(kInsertPayment,
                                        {payment.person_id, payment.contract_id, payment.month, payment.amount.fen(),
                                         Optional(payment.attachment_id), Optional(created_by), payment.created_at.ms});
}

std::string PaymentSnapshot(const InsurancePayment& payment) {
    return nlohmann::json{
        {"person_id", payment.person_id},
        {"contract_id", payment.contract_id},
        {"month", payment.month},
        {"amount", payment.amount.ToString()},
        {"attachment_id", payment.attachment_id ? nlohmann::json(*payment.attachment_id) : nlohmann::json()}}
        .dump();
}

std::map<std::int64_t, std::vector<RequiredDocument>> BlockingDocuments(Connection& connection,
                                                                        std::int64_t contract_id) {
    std::map<std::int64_t, std::vector<RequiredDocument>> blocking;
    const auto rows = connection.Query(
        "SELECT d.person_id, d.kind, d.issued_on, d.expires_on FROM staff_documents d JOIN staff_people s ON s.id = "
        "d.person_id JOIN staff_document_requirements r ON r.role = s.role AND r.kind = d.kind WHERE d.contract_id = ? "
        "AND r.blocks_when_expired = 1 ORDER BY d.person_id, d.kind, d.issued_on, d.id",
        {contract_id});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const auto kind = ParseDocumentKind(row.Str(1)).value_or(DocumentKind::kHealthCertificate);
        RequiredDocument document{DocumentKindText(kind), std::nullopt, std::nullopt};
        if (!row.IsNull(3)) document.expires_on = Date::Parse(row.Str(3));
        // The next document of the same kind renews this one from its issue date.
        if (i + 1 < rows.size() && rows[i + 1].Int(0) == row.Int(0) && rows[i + 1].Str(1) == row.Str(1)) {
            document.renewed_on = Date::Parse(rows[i + 1].Str(2));
        }
        blocking[row.Int(0)].push_back(std::move(document));
    }
    return blocking;
}

std::vector<ExpiringDocument> ExpiringDocuments(Connection& connection, const VendorScope& scope, Date today,
                                                Date until, std::int64_t limit) {
    std::string sql = kExpiringDocuments;
    Params params{today.ToString(), today.ToString()};
    std::string where;
    AddScopeCondition(scope, "s.owner_path", "s.vendor_org_id", where, params);
    sql += where;
    sql += " ORDER BY d.person_id, d.kind, d.issued_on, d.id";
    std::vector<ExpiringDocument> found;
    const auto rows = connection.Query(sql, params);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        // Only the newest of a person's kind counts: a renewed certificate replaces the old one.
        if (i + 1 < rows.size() && rows[i + 1].Int(0) == row.Int(0) && rows[i + 1].Str(4) == row.Str(4)) continue;
        if (row.IsNull(5)) continue;
        const auto expires_on = Date::Parse(row.Str(5));
        if (!expires_on || *expires_on > until) continue;
        found.push_back({row.Int(0), row.Str(1), row.Int(2), row.Str(3),
                         ParseDocumentKind(row.Str(4)).value_or(DocumentKind::kHealthCertificate), *expires_on});
    }
    std::sort(found.begin(), found.end(), [](const ExpiringDocument& a, const ExpiringDocument& b) {
        return std::tie(a.expires_on, a.person_id) < std::tie(b.expires_on, b.person_id);
    });
    if (static_cast<std::int64_t>(found.size()) > limit) found.resize(static_cast<std::size_t>(limit));
    return found;
}

}  // namespace houqin::storage
