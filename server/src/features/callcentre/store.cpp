#include "features/callcentre/store.h"

#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

constexpr const char* kSelectAgentPermissions =
    "SELECT code, name_zh, name_en FROM agent_permissions ORDER BY sort_order, code";

constexpr const char* kRequestColumns =
    "id, contract_id, vendor_org_id, kind, person_id, agent_id, permissions, reason, attachment_id, requested_on, "
    "status, effective_on, decision_note, decided_at, created_at, updated_at";

constexpr const char* kInsertRequest =
    "INSERT INTO agent_id_requests (contract_id, vendor_org_id, kind, person_id, agent_id, permissions, reason, "
    "attachment_id, requested_on, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?) RETURNING id";

constexpr const char* kDecideRequest =
    "UPDATE agent_id_requests SET status = ?, agent_id = ?, effective_on = ?, decision_note = ?, decided_at = ?, "
    "updated_at = ? WHERE id = ? AND status = ?";

constexpr const char* kSelectOpenRequestOfPerson =
    "SELECT 1 FROM agent_id_requests WHERE person_id = ? AND status = 'requested'";

constexpr const char* kAssignmentColumns =
    "id, contract_id, vendor_org_id, agent_id, person_id, permissions, valid_from, valid_to, request_id";

constexpr const char* kInsertAssignment =
    "INSERT INTO agent_id_assignments (contract_id, vendor_org_id, agent_id, person_id, permissions, valid_from, "
    "valid_to, request_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kCloseAssignment =
    "UPDATE agent_id_assignments SET valid_to = ? WHERE id = ? AND valid_to IS NULL";

AgentIdRequest RequestFromRow(const Row& row) {
    AgentIdRequest request;
    request.id = row.Int(0);
    request.contract_id = row.Int(1);
    request.vendor_org_id = row.Int(2);
    request.kind = ParseAgentIdRequestKind(row.Str(3)).value_or(AgentIdRequestKind::kOpen);
    request.person_id = row.Int(4);
    request.agent_id = row.Str(5);
    request.permissions = ParsePermissionList(row.Str(6));
    request.reason = row.Str(7);
    request.attachment_id = row.OptInt(8);
    request.requested_on = Date::Parse(row.Str(9)).value_or(Date{});
    request.status = ParseAgentIdRequestStatus(row.Str(10)).value_or(AgentIdRequestStatus::kRequested);
    if (!row.IsNull(11)) request.effective_on = Date::Parse(row.Str(11));
    request.decision_note = row.Str(12);
    if (!row.IsNull(13)) request.decided_at = Instant{row.Int(13)};
    request.created_at = Instant{row.Int(14)};
    request.updated_at = Instant{row.Int(15)};
    return request;
}

std::vector<AgentIdRequest> SelectAgentIdRequests(Connection& connection, const std::string& where,
                                                  const Params& params) {
    std::vector<AgentIdRequest> requests;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kRequestColumns + " FROM agent_id_requests " + where, params)) {
        requests.push_back(RequestFromRow(row));
    }
    return requests;
}

std::vector<AgentIdAssignment> SelectAgentIdAssignments(Connection& connection, const std::string& where,
                                                        const Params& params) {
    std::vector<AgentIdAssignment> rows;
    for (const auto& row : connection.Query(
             std::string("SELECT ") + kAssignmentColumns + " FROM agent_id_assignments " + where, params)) {
        AgentIdAssignment assignment;
        assignment.id = row.Int(0);
        assignment.contract_id = row.Int(1);
        assignment.vendor_org_id = row.Int(2);
        assignment.agent_id = row.Str(3);
        assignment.person_id = row.Int(4);
        assignment.permissions = ParsePermissionList(row.Str(5));
        assignment.valid_from = Date::Parse(row.Str(6)).value_or(Date{});
        if (!row.IsNull(7)) assignment.valid_to = Date::Parse(row.Str(7));
        assignment.request_id = row.OptInt(8);
        rows.push_back(std::move(assignment));
    }
    return rows;
}

}  // namespace

std::vector<AgentPermission> ListAgentPermissions(Connection& connection) {
    std::vector<AgentPermission> permissions;
    for (const auto& row : connection.Query(kSelectAgentPermissions)) {
        permissions.push_back({row.Str(0), {row.Str(1), row.Str(2)}});
    }
    return permissions;
}

std::vector<AgentIdRequest> AgentIdRequestsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectAgentIdRequests(connection, "WHERE contract_id = ? ORDER BY id DESC", {contract_id});
}

std::optional<AgentIdRequest> FindAgentIdRequest(Connection& connection, std::int64_t id) {
    auto found = SelectAgentIdRequests(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

void LockAgentIds(Connection& connection, std::int64_t vendor_org_id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1004, CAST(? AS INTEGER))", {vendor_org_id});
    }
}

bool HasOpenAgentIdRequest(Connection& connection, std::int64_t person_id) {
    return connection.QueryOne(kSelectOpenRequestOfPerson, {person_id}).has_value();
}

std::int64_t InsertAgentIdRequest(Connection& connection, const AgentIdRequest& request,
                                  std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertRequest, {request.contract_id, request.vendor_org_id, std::string(AgentIdRequestKindCode(request.kind)),
                         request.person_id, request.agent_id, PermissionListText(request.permissions), request.reason,
                         Optional(request.attachment_id), request.requested_on.ToString(),
                         std::string(AgentIdRequestStatusCode(request.status)), Optional(created_by),
                         request.created_at.ms, request.updated_at.ms});
}

bool DecideAgentIdRequest(Connection& connection, const AgentIdRequest& request, AgentIdRequestStatus from) {
    return connection.Execute(kDecideRequest,
                              {std::string(AgentIdRequestStatusCode(request.status)), request.agent_id,
                               OptionalDay(request.effective_on), request.decision_note,
                               request.decided_at ? Param(request.decided_at->ms) : Param(nullptr),
                               request.updated_at.ms, request.id, std::string(AgentIdRequestStatusCode(from))}) > 0;
}

std::string AgentIdRequestSnapshot(const AgentIdRequest& request) {
    return nlohmann::json{
        {"contract_id", request.contract_id},
        {"kind", std::string(AgentIdRequestKindCode(request.kind))},
        {"person_id", request.person_id},
        {"agent_id", request.agent_id},
        {"permissions", request.permissions},
        {"reason", request.reason},
        {"attachment_id", request.attachment_id ? nlohmann::json(*request.attachment_id) : nlohmann::json()},
        {"requested_on", request.requested_on.ToString()},
        {"status", std::string(AgentIdRequestStatusCode(request.status))},
        {"effective_on", request.effective_on ? nlohmann::json(request.effective_on->ToString()) : nlohmann::json()},
        {"decision_note", request.decision_note}}
        .dump();
}

std::vector<AgentIdAssignment> AgentIdsOfVendor(Connection& connection, std::int64_t vendor_org_id) {
    return SelectAgentIdAssignments(connection, "WHERE vendor_org_id = ? ORDER BY valid_from, id", {vendor_org_id});
}

std::vector<AgentIdAssignment> AgentIdsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectAgentIdAssignments(connection, "WHERE contract_id = ? ORDER BY valid_from, id", {contract_id});
}

std::int64_t InsertAgentIdAssignment(Connection& connection, const AgentIdAssignment& row, Instant now) {
    return connection.InsertReturningId(
        kInsertAssignment,
        {row.contract_id, row.vendor_org_id, row.agent_id, row.person_id, PermissionListText(row.permissions),
         row.valid_from.ToString(), OptionalDay(row.valid_to), Optional(row.request_id), now.ms});
}

bool CloseAgentIdAssignment(Connection& connection, std::int64_t id, Date valid_to) {
    return connection.Execute(kCloseAssignment, {valid_to.ToString(), id}) > 0;
}

}  // namespace houqin::storage
