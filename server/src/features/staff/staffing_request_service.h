#pragma once
// STF-9 (D2 staff rule 9): the office's written requests for an extra duty manager or QA, the vendor's consent or
// refusal, and the staffing requirement's history those consents make. Every step is one transaction with its
// workflow event and audit entry.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/contracts/service.h"
#include "features/staff/staffing_request_model.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

struct StaffingRequestInput {
    std::string role;                    // duty_manager or qa
    std::string post;                    // empty: the role's name
    std::vector<std::string> day_types;  // workday, weekend, holiday
    std::optional<std::int64_t> people;
    std::optional<std::int64_t> hours;
    std::string effective_from;  // YYYY-MM-DD
    std::string reason;
    std::optional<std::int64_t> attachment_id;
};

struct StaffingRequestView {
    StaffingRequest request;
    std::string attachment_name;
    std::vector<std::string> allowed_actions;  // consent, decline: what the caller may do now
    std::vector<WorkflowEvent> events;
};

struct StaffingRequestList {
    std::vector<StaffingRequestView> items;
    bool can_request = false;
    // The contract's requirement and every consented change, oldest first (STF-9).
    std::vector<RequirementVersion> history;
    std::vector<Text> warnings;
};

class StaffingRequestService {
  public:
    StaffingRequestService(ServiceContext& context, ContractService& contracts)
        : context_(context), contracts_(contracts) {}

    Result<StaffingRequestList> List(const Actor& actor, std::int64_t contract_id);
    Result<StaffingRequestView> Request(const Actor& actor, std::int64_t contract_id,
                                        const StaffingRequestInput& input);
    // The vendor consents (comment optional) or declines (reason required).
    Result<StaffingRequestView> Consent(const Actor& actor, std::int64_t id, const std::string& comment);
    Result<StaffingRequestView> Decline(const Actor& actor, std::int64_t id, const std::string& reason);
    // whoever may read the contract's staff may read the scanned written request.
    bool MayRead(const Actor& actor, std::int64_t id);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    StaffingRequestView ViewOf(storage::Connection& connection, const Actor& actor, StaffingRequest request) const;
    Result<StaffingRequestView> Decide(const Actor& actor, std::int64_t id, bool consent, const std::string& text);

    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
