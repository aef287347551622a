#pragma once
// CC-1: the SQL of agent-ID requests (agent_id_requests), the history of agent IDs (agent_id_assignments) and the
// permissions an ID may carry (agent_permissions, a setting).
#include <optional>
#include <string>
#include <vector>

#include "features/callcentre/model.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::vector<AgentPermission> ListAgentPermissions(Connection& connection);

std::vector<AgentIdRequest> AgentIdRequestsOfContract(Connection& connection, std::int64_t contract_id);
std::optional<AgentIdRequest> FindAgentIdRequest(Connection& connection, std::int64_t id);
// Whether the person has a request the vendor has not answered yet.
bool HasOpenAgentIdRequest(Connection& connection, std::int64_t person_id);
// Inside a transaction: holds a vendor's agent IDs and requests for them until it ends, so the checks made on them (one
// ID to one person at a time, one open request per person; CC-1) cannot be overtaken by a parallel request.
// PostgreSQL: an advisory lock on (1004, vendor organisation); SQLite's BEGIN IMMEDIATE already serialises writers.
void LockAgentIds(Connection& connection, std::int64_t vendor_org_id);
std::int64_t InsertAgentIdRequest(Connection& connection, const AgentIdRequest& request,
                                  std::optional<std::int64_t> created_by);
// Writes the decision only if the stored status is still `from` (false: someone else decided first).
bool DecideAgentIdRequest(Connection& connection, const AgentIdRequest& request, AgentIdRequestStatus from);
// For the audit trail.
std::string AgentIdRequestSnapshot(const AgentIdRequest& request);

// Every row of the vendor's agent IDs (all its contracts), or of one contract; oldest first.
std::vector<AgentIdAssignment> AgentIdsOfVendor(Connection& connection, std::int64_t vendor_org_id);
std::vector<AgentIdAssignment> AgentIdsOfContract(Connection& connection, std::int64_t contract_id);
std::int64_t InsertAgentIdAssignment(Connection& connection, const AgentIdAssignment& row, Instant now);
// Closes an open row from `valid_to` (the only change a row ever sees); false if it was closed already.
bool CloseAgentIdAssignment(Connection& connection, std::int64_t id, Date valid_to);

}  // namespace houqin::storage
