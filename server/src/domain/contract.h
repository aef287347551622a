#pragma once
// Contracts (CON-1 … CON-8): the content of one version of a contract, its lifecycle and its money.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalogue.h"
#include "domain/money.h"
#include "domain/result.h"
#include "domain/time.h"

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

// Deduction clauses in a form the rule engine computes from (RP-2): an amount per unit, capped per period.
enum class DeductionKind { kPerPointBelowPass, kPerMissingStaffDay, kPerFailedItem };
std::optional<DeductionKind> ParseDeductionKind(std::string_view code);
std::string_view DeductionKindCode(DeductionKind kind);

struct DeductionClause {
    DeductionKind kind = DeductionKind::kPerPointBelowPass;
    Money amount;
    Money cap;
    std::string description;
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
};

// Every check that needs no database; field names follow the JSON (payment.installments[2].amount).
Status ValidateContractContent(const ContractContent& content);

// CON-3. Expired is not stored: an active contract whose term has ended reads as expired.
enum class ContractStatus { kDraft, kInReview, kReturned, kApproved, kActive, kExpired, kTerminated, kRenewed };
std::optional<ContractStatus> ParseContractStatus(std::string_view code);
std::string_view ContractStatusCode(ContractStatus status);
Text ContractStatusName(ContractStatus status);

// One period of a contract's term at a given frequency: the label ("2027-03", "2027-Q1", "2027-H1", "2027") and
// its days, clipped to the term.
struct TermPeriod {
    std::string label;
    Date first;
    Date last;
};
std::vector<TermPeriod> TermPeriods(Date term_start, Date term_end, Frequency frequency);
const TermPeriod* FindTermPeriod(const std::vector<TermPeriod>& periods, std::string_view label);

// Splits a total over the periods of a term: equal parts in fen, the remainder on the last installment, so the
// schedule always adds up to the total exactly (CON-8).
std::vector<Installment> GenerateSchedule(Date term_start, Date term_end, Frequency frequency, Money total);

}  // namespace houqin
