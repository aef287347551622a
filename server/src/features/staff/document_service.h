#pragma once
// STF-2 use cases: a person's documents (D3 §9: health certificate, labour contract, social-insurance proof, education
// proof), each a stored scan, flagged on the roster when missing, expired or expiring; the vendor's monthly
// social-insurance payments (D3 §3), a month without one flagged. The vendor writes for its own people (staff:write);
// whoever reads the roster (staff:read, in scope) reads them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/contracts/service.h"
#include "features/staff/document_model.h"
#include "features/staff/model.h"
#include "platform/service/context.h"

namespace houqin {

struct DocumentInput {
    std::string kind;  // a DocumentKind code
    std::optional<std::int64_t> attachment_id;
    std::optional<Date> issued_on;
    std::optional<Date> expires_on;
    std::string note;
};

struct InsuranceInput {
    std::string month;  // YYYY-MM
    Money amount;
    std::optional<std::int64_t> attachment_id;
};

struct RequirementView {
    std::string role;
    Text role_name;
    DocumentKind kind = DocumentKind::kLabourContract;
    bool blocks_when_expired = false;
};

// What the roster shows beside a person: documents missing, expired or expiring, and unpaid insurance months.
struct PersonFlags {
    std::int64_t person_id = 0;
    std::vector<DocumentFlag> documents;
    std::vector<std::string> insurance_missing;  // YYYY-MM, ascending; current people only
    std::optional<Text> insurance_text;          // 社保缺 N 个月
};

struct RosterFlags {
    std::int64_t warning_days = 0;
    std::vector<PersonFlags> people;  // only those with a flag
};

// A person's documents as the 证件 dialog shows them.
struct PersonDocuments {
    std::int64_t person_id = 0;
    std::string person_name;
    std::string role;
    std::vector<DocumentKind> required;
    std::vector<StaffDocument> documents;  // by kind, then issue date
    std::vector<InsurancePayment> payments;
    Money paid_total;
    PersonFlags flags;
    bool can_write = false;
};

class DocumentService {
  public:
    DocumentService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<std::vector<RequirementView>> Requirements(const Actor& actor);
    Result<RosterFlags> Flags(const Actor& actor, std::int64_t contract_id);
    Result<PersonDocuments> OfPerson(const Actor& actor, std::int64_t person_id);
    Result<StaffDocument> AddDocument(const Actor& actor, std::int64_t person_id, const DocumentInput& input);
    Result<InsurancePayment> AddPayment(const Actor& actor, std::int64_t person_id, const InsuranceInput& input);
    // whoever may read the person's roster may read their scans and proofs.
    bool MayReadDocument(const Actor& actor, std::int64_t document_id);
    bool MayReadPayment(const Actor& actor, std::int64_t payment_id);

  private:
    Result<StaffPerson> PersonInScope(storage::Connection& connection, const Actor& actor, std::int64_t person_id);
    Result<StaffPerson> OwnPerson(storage::Connection& connection, const Actor& actor, std::int64_t person_id);
    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
