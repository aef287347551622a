#pragma once
// STF-9: the SQL of written requests for extra duty managers or QA (table staffing_requests).
#include <optional>
#include <string>
#include <vector>

#include "features/staff/staffing_request_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::vector<StaffingRequest> StaffingRequestsOfContract(Connection& connection, std::int64_t contract_id);
std::optional<StaffingRequest> FindStaffingRequest(Connection& connection, std::int64_t id);
// The consented ones, whose changes make the requirement's history.
std::vector<StaffingRequest> ConsentedStaffingRequests(Connection& connection, std::int64_t contract_id);
std::int64_t InsertStaffingRequest(Connection& connection, const StaffingRequest& request,
                                   std::optional<std::int64_t> created_by);
// Writes the decision only if the stored status is still `from` (false: someone else decided first).
bool DecideStaffingRequest(Connection& connection, const StaffingRequest& request, StaffingRequestStatus from);
// For the audit trail.
std::string StaffingRequestSnapshot(const StaffingRequest& request);

}  // namespace houqin::storage
