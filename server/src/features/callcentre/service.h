#pragma once
// CC-1 (D2 call centre): the office's written requests for an agent ID (工号) to be opened, changed or closed, the
// vendor carrying them out or declining, and the history of every agent ID those steps write. Every step is one
// transaction with its workflow event and audit entry.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/callcentre/model.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

struct AgentIdRequestInput {
    std::string kind;  // open, change, close
    std::optional<std::int64_t> person_id;
    std::vector<std::string> permissions;  // open, change: agent permission codes (at least one)
    std::string reason;
    std::optional<std::int64_t> attachment_id;
};

// What the vendor states when it carries a request out.
struct AgentIdCarryOutInput {
    std::string agent_id;      // open only: the ID its call system gives the person
    std::string effective_on;  // YYYY-MM-DD: the day the ID opens, changes or closes
    std::string note;
};

struct AgentIdRequestView {
    AgentIdRequest request;
    std::string person_name;
    std::string attachment_name;
    std::vector<std::string> allowed_actions;  // carry_out, decline: what the caller may do now
    std::vector<WorkflowEvent> events;
};

struct AgentIdRowView {
    AgentIdAssignment assignment;
    std::string person_name;
};

struct AgentIdList {
    std::vector<AgentIdRequestView> items;  // newest first
    bool can_request = false;
    std::vector<AgentPermission> permissions;  // the setting: what an ID may carry
    std::vector<AgentIdRowView> current;       // valid today or later
    std::vector<AgentIdRowView> history;       // every row of the contract's IDs, oldest first
};

class AgentIdService {
  public:
    AgentIdService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<AgentIdList> List(const Actor& actor, std::int64_t contract_id);
    Result<AgentIdRequestView> Request(const Actor& actor, std::int64_t contract_id, const AgentIdRequestInput& input);
    Result<AgentIdRequestView> CarryOut(const Actor& actor, std::int64_t id, const AgentIdCarryOutInput& input);
    Result<AgentIdRequestView> Decline(const Actor& actor, std::int64_t id, const std::string& reason);
    // whoever may read the contract's agent IDs may read the scanned written request.
    bool MayRead(const Actor& actor, std::int64_t id);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    AgentIdRequestView ViewOf(storage::Connection& connection, const Actor& actor, AgentIdRequest request) const;

    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
