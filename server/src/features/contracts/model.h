#pragma once
// Contracts (CON-1 … CON-8): the content of one version of a contract, its lifecycle and its money.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "features/catalogue/model.h"

namespace houqin {

struct Party {
    std::string name;
    std::string representative;
    std::string phone;
    std::string address;
    std::string bank_account_name;
    std::string bank_name;
    std::string bank_account_no;
};

struct ServiceItem {
    std::string name;
    std::string scope;
    std::string fee_standard;  // 收费标准 as written in the contract, e.g. "每月 20000 元"
    Money amount;
};

enum class Frequency { kMonthly, kQuarterly, kSemiannual, kAnnual };
std::optional<Frequency> ParseFrequency(std::string_view code);
std::string_view FrequencyCode(Frequency frequency);
int MonthsOf(Frequency frequency);

struct Installment {
    std::string period;  // "2027-01", "2027-Q1", "2027-H1", "2027"
    Date due_date;
    Money amount;
};

struct PaymentTerms {
    std::string method;
    Frequency frequency = Frequency::kMonthly;
    std::vector<Installment> installments;
};

struct GradeBand {
    std::string name;
    int min = 0;
};

struct AssessmentTerms {
    Frequency frequency = Frequency::kMonthly;
    int pass_mark = 60;
    std::vector<ChecklistItem> checklist;
    std::vector<GradeBand> bands;
};

enum class DayType { kWorkday, kWeekend, kHoliday };
std::optional<DayType> ParseDayType(std::string_view code);
std::string_view DayTypeCode(DayType type);

struct StaffingRequirement {
    DayType day_type = DayType::kWorkday;
    std::string role;
    int people = 0;
    int hours = 0;
};

// Deduction clauses in a form the rule engine computes from (RP-2): an amount per unit, capped per period; or a
// percentage of the period's fee per point below the pass mark, capped at a percentage of that fee (每低 1 分扣当期
// 服务费的 1%,最高不超过当期服务费的 10%), so the deduction follows the fee when an amendment changes it.
enum class DeductionKind { kPerPointBelowPass, kPerMissingStaffDay, kPerFailedItem, kPercentOfFeePerPointBelowPass };
std::optional<DeductionKind> ParseDeductionKind(std::string_view code);
std::string_view DeductionKindCode(DeductionKind kind);

// Percentages of a fee are integer basis points: 100 = 1.00%, 10000 = 100%.
constexpr int kBasisPointsPerWhole = 10'000;
// 150 -> "1.50%".
std::string BasisPointsPercent(int basis_points);

struct DeductionClause {
    DeductionKind kind = DeductionKind::kPerPointBelowPass;
    Money amount;  // fixed kinds: per unit
    Money cap;     // fixed kinds: per period
    std::string description;
    int rate_basis_points = 0;  // percentage kind: of the period's fee, per point below the pass mark
    int cap_basis_points = 0;   // percentage kind: the most deducted in a period, of the same fee
};

struct ContractContent {
    std::string title;
    std::int64_t category_id = 0;
    std::int64_t vendor_id = 0;
    Party party_a;
    Party party_b;
    Date term_start;
    Date term_end;
    Money annual_amount;
    Money total_amount;
    std::vector<ServiceItem> service_items;
    PaymentTerms payment;
    AssessmentTerms assessment;
    std::vector<StaffingRequirement> staffing;
    std::vector<DeductionClause> deductions;
    std::string confidentiality;
    std::string breach_liability;
    std::int64_t responsible_department_id = 0;  // ROLE-9
    std::string responsible_person;
    std::string responsible_phone;
    // CON-1: the title of the organisation's rules the text cites (setting organisation.rules_title) and the settings
    // version it came from, recorded when the version goes to review, so a later change of the setting never
    // changes a text that was reviewed or signed. A draft cites the setting in force.
    std::string rules_title;
    std::string rules_settings_version;
};

// Every check that needs no database; field names follow the JSON (payment.installments[2].amount).
Status ValidateContractContent(const ContractContent& content);

// What a signed contract must carry beyond a draft (CON-1): each party's representative, phone, address and bank
// account (户名, 开户行, 账号), so the vendor can be reached and paid. Each missing field is named.
Status ValidateContentForSigning(const ContractContent& content);

// CON-3. Expired is not stored: an active contract whose term has ended reads as expired. A contract signed before
// its term begins is signed (已签订/待履行), not active: it is not assessed, paid or staffed until the daily job puts
// it in force on its start date (ContractService::BringIntoForce).
enum class ContractStatus {
    kDraft,
    kInReview,
    kReturned,
    kApproved,
    kSigned,
    kActive,
    kExpired,
    kTerminated,
    kRenewed
};
std::optional<ContractStatus> ParseContractStatus(std::string_view code);
std::string_view ContractStatusCode(ContractStatus status);
Text ContractStatusName(ContractStatus status);

// One period of a contract's term at a given frequency, counted from the term's start (2027-03-15..2027-04-14 is
// the first month of a term from 2027-03-15): the label of the calendar month, quarter, half or year it starts in
// ("2027-03", "2027-Q1", "2027-H1", "2027") and its days, the last clipped to the term.
struct TermPeriod {
    std::string label;
    Date first;
    Date last;
};
std::vector<TermPeriod> TermPeriods(Date term_start, Date term_end, Frequency frequency);
const TermPeriod* FindTermPeriod(const std::vector<TermPeriod>& periods, std::string_view label);

// Splits a total over the contract's own periods (TermPeriods): equal parts in fen for whole periods, a last period
// cut short by the term prorated by its days, and the fen the division leaves one each to the first installments,
// so the schedule always adds up to the total exactly (CON-8).
std::vector<Installment> GenerateSchedule(Date term_start, Date term_end, Frequency frequency, Money total);

// The records of a contract as stored and as the service hands them out (CON-1 … CON-8).
struct SigningRecord {
    Date signed_on;
    std::string party_a_signatory;
    std::string party_b_signatory;
    std::int64_t attachment_id = 0;
    int version_no = 0;
    std::string by;
};

struct TerminationRecord {
    std::string reason;
    std::string breach_liability;
    Date effective_on;
    std::string by;
    Instant at;
};

struct AmendmentRecord {
    std::int64_t consultation_id = 0;
    std::string reason;
};

struct ContractRecord {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::int64_t vendor_id = 0;
    std::string vendor_name;
    std::int64_t vendor_org_id = 0;
    std::int64_t owner_org_id = 0;
    std::string owner_path;
    std::int64_t category_id = 0;
    std::string status;        // stored: draft, in_review, returned, approved, signed, active, terminated, renewed
    std::string review_state;  // draft, in_review, returned, approved, none (of the original or an amendment)
    int version_no = 0;
    int active_version_no = 0;
    Date term_start;
    Date term_end;
    Money total_amount;
    std::optional<std::int64_t> predecessor_id;
    std::optional<std::int64_t> successor_id;
    std::optional<SigningRecord> signing;
    std::optional<TerminationRecord> termination;
    std::optional<AmendmentRecord> amendment;
    Instant created_at;
    Instant updated_at;
};

// A contract in force that ends soon, as the dashboard's reminder shows it: no content, no signing.
struct ContractEnding {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    Date term_end;
};

struct ContractVersion {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    int version_no = 0;
    std::string kind;    // original, amendment
    std::string status;  // draft, in_review, returned, approved, signed, superseded
    std::string content_json;
    std::string created_by;
    Instant created_at;
    std::optional<Instant> submitted_at;
};

struct Consultation {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    Date held_on;
    std::string participants;
    std::string summary;
    std::string created_by;
    Instant created_at;
};

struct LedgerEntry {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string kind;  // deduction, reward
    std::string period;
    Money amount;
    std::string reason;
    std::string source;  // manual, proposal
    std::string created_by;
    Instant created_at;
};

struct PaymentRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string period;
    Money amount;
    Date paid_on;
    std::string reference;
    std::string note;
    std::string created_by;
    Instant created_at;
};

}  // namespace houqin
