#pragma once
// CC-2 (D2 call centre): the organisation uses its own outbound numbers (外呼号码). The office asks in writing for a
// number to be added to the contract's register, changed (to another number, or its label) or withdrawn; the vendor
// prepares the data in its call system and reports back (carries the request out from a day, saying what it
// prepared), or declines with a reason. Carrying a request out writes the register's history (rules/numbers.h): rows
// are closed and opened, never edited.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "core/workflow.h"

namespace houqin {

enum class NumberRequestKind { kAdd, kChange, kWithdraw };
std::string_view NumberRequestKindCode(NumberRequestKind kind);
std::optional<NumberRequestKind> ParseNumberRequestKind(std::string_view code);
Text NumberRequestKindText(NumberRequestKind kind);

enum class NumberRequestStatus { kRequested, kCarriedOut, kDeclined };
std::string_view NumberRequestStatusCode(NumberRequestStatus status);
std::optional<NumberRequestStatus> ParseNumberRequestStatus(std::string_view code);
Text NumberRequestStatusText(NumberRequestStatus status);
// The steps: the vendor carries a request out or declines it; both are final.
const WorkflowDefinition& NumberRequestWorkflow();

struct NumberRequest {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    NumberRequestKind kind = NumberRequestKind::kAdd;
    std::string number;      // add: the number to register; change, withdraw: the registered number concerned
    std::string new_number;  // change: the number replacing it (empty: the number stays, its label changes)
    std::string label;       // add, change: what the number is for (e.g. 回访专线); may be empty
    std::string reason;
    std::optional<std::int64_t> attachment_id;  // the written request, scanned
    Date requested_on;
    NumberRequestStatus status = NumberRequestStatus::kRequested;
    std::optional<Date> effective_on;  // carried out: the day the register changes
    std::string decision_note;         // the vendor's report (what data it prepared), or its reason for declining
    std::optional<Instant> decided_at;
    Instant created_at;
    Instant updated_at;
};

// One row of the register's history: `number` registered for the contract from valid_from up to (not including)
// valid_to.
struct OutboundNumberRow {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::string number;
    std::string label;
    Date valid_from;
    std::optional<Date> valid_to;
    std::optional<std::int64_t> request_id;  // the written request it carried out
};

}  // namespace houqin
