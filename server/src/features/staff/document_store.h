#pragma once
// The SQL of STF-2: the documents each role requires, people's documents and social-insurance payments.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "features/staff/document_model.h"
#include "features/staff/model.h"
#include "features/staff/rules/staffing_compliance.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::vector<DocumentRequirement> ListDocumentRequirements(Connection& connection);
// Role code -> the kinds it requires.
std::map<std::string, std::vector<DocumentKind>> RequiredKindsByRole(Connection& connection);

std::vector<StaffDocument> DocumentsOfPerson(Connection& connection, std::int64_t person_id);
// Person id -> their documents, for a contract's roster.
std::map<std::int64_t, std::vector<StaffDocument>> DocumentsOfContract(Connection& connection,
                                                                       std::int64_t contract_id);
std::optional<StaffDocument> FindDocument(Connection& connection, std::int64_t id);
std::int64_t InsertDocument(Connection& connection, const StaffDocument& document,
                            std::optional<std::int64_t> created_by);
std::string DocumentSnapshot(const StaffDocument& document);

std::vector<InsurancePayment> PaymentsOfPerson(Connection& connection, std::int64_t person_id);
// Person id -> the months paid, for a contract's roster.
std::map<std::int64_t, std::set<std::string>> PaidMonthsOfContract(Connection& connection, std::int64_t contract_id);
std::optional<InsurancePayment> FindPayment(Connection& connection, std::int64_t id);
bool PaymentExists(Connection& connection, std::int64_t person_id, const std::string& month);
std::int64_t InsertPayment(Connection& connection, const InsurancePayment& payment,
                           std::optional<std::int64_t> created_by);
std::string PaymentSnapshot(const InsurancePayment& payment);

// STF-6: person id -> the documents whose expiry stops them counting (their role's blocking kinds, every document
// of such a kind in issue order, each with the next one's issue date as its renewal).
std::map<std::int64_t, std::vector<RequiredDocument>> BlockingDocuments(Connection& connection,
                                                                        std::int64_t contract_id);

// a document of a current person in scope whose newest of its kind expires on or before `until`.
struct ExpiringDocument {
    std::int64_t person_id = 0;
    std::string person_name;
    std::int64_t contract_id = 0;
    std::string contract_code;
    DocumentKind kind = DocumentKind::kHealthCertificate;
    Date expires_on;
};
std::vector<ExpiringDocument> ExpiringDocuments(Connection& connection, const VendorScope& scope, Date today,
                                                Date until, std::int64_t limit);

}  // namespace houqin::storage
