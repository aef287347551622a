#pragma once
// CC-2 (D2 call centre): the office's written requests for an outbound number (外呼号码) to be added to the contract's
// register, changed or withdrawn, the vendor reporting back (carried out from a day, with what it prepared) or
// declining, and the register's history those steps write. Every step is one transaction with its workflow event
// and audit entry.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/callcentre/number_model.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

struct NumberRequestInput {
    std::string kind;  // add, change, withdraw
    std::string number;
    std::string new_number;  // change: the number replacing it (optional when the label changes)
    std::string label;       // add, change: what the number is for (optional)
    std::string reason;
    std::optional<std::int64_t> attachment_id;
};

// What the vendor reports when it carries a request out.
struct NumberCarryOutInput {
    std::string effective_on;  // YYYY-MM-DD: the day the register changes
    std::string note;          // what data it prepared (required)
};

struct NumberRequestView {
    NumberRequest request;
    std::string attachment_name;
    std::vector<std::string> allowed_actions;  // carry_out, decline: what the caller may do now
    std::vector<WorkflowEvent> events;
};

struct NumberRegister {
    std::vector<NumberRequestView> items;  // newest first
    bool can_request = false;
    std::vector<OutboundNumberRow> current;  // registered today or from a later day
    std::vector<OutboundNumberRow> history;  // every row of the register, oldest first
};

class NumberService {
  public:
    NumberService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<NumberRegister> List(const Actor& actor, std::int64_t contract_id);
    Result<NumberRequestView> Request(const Actor& actor, std::int64_t contract_id, const NumberRequestInput& input);
    Result<NumberRequestView> CarryOut(const Actor& actor, std::int64_t id, const NumberCarryOutInput& input);
    Result<NumberRequestView> Decline(const Actor& actor, std::int64_t id, const std::string& reason);
    // whoever may read the contract's register may read the scanned written request.
    bool MayRead(const Actor& actor, std::int64_t id);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    NumberRequestView ViewOf(storage::Connection& connection, const Actor& actor, NumberRequest request) const;

    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
