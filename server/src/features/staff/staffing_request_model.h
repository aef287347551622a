#pragma once
// STF-9 (D2 staff rule 9): the office asks in writing for an extra duty manager or QA; the vendor consents or
// declines with a reason. A consented request changes the contract's staffing requirement from its effective date
// (rules/staffing_versions.h), a recorded change next to the contract's own terms, never an edit of them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "core/workflow.h"
#include "features/contracts/model.h"
#include "features/staff/rules/staffing_versions.h"

namespace houqin {

enum class StaffingRequestStatus { kRequested, kConsented, kDeclined };
std::string_view StaffingRequestStatusCode(StaffingRequestStatus status);
std::optional<StaffingRequestStatus> ParseStaffingRequestStatus(std::string_view code);
Text StaffingRequestStatusText(StaffingRequestStatus status);
// The steps: the vendor consents or declines a request; both are final.
const WorkflowDefinition& StaffingRequestWorkflow();

// The roles D2 staff rule 9 lets the office ask for.
bool IsExtraManagerRole(std::string_view role);

// "workday,weekend" <-> day types, in the order workday, weekend, holiday, each once.
std::string DayTypesText(const std::vector<DayType>& types);
std::vector<DayType> ParseDayTypes(std::string_view text);

struct StaffingRequest {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::string role;  // a staff role code: duty_manager or qa
    std::string post;  // the post the requirement names, e.g. 值班经理
    std::vector<DayType> day_types;
    int people = 0;
    int hours = 0;
    Date effective_from;  // asked for
    std::string reason;
    std::optional<std::int64_t> attachment_id;  // the written request, scanned
    Date requested_on;
    StaffingRequestStatus status = StaffingRequestStatus::kRequested;
    // When consented: the day the change takes effect, the later of effective_from and the day of consent (a vendor
    // is not held to a staffing level for days before it agreed to it).
    std::optional<Date> effective_on;
    std::string decision_note;  // the vendor's comment or reason for declining
    std::optional<Instant> decided_at;
    Instant created_at;
    Instant updated_at;

    // The change it makes to the requirement once consented.
    [[nodiscard]] StaffingChange Change() const;
};

}  // namespace houqin
