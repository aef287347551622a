#include "features/staff/staffing_request_store.h"

#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

constexpr const char* kColumns =
    "id, contract_id, vendor_org_id, role, post, day_types, people, hours, effective_from, reason, attachment_id, "
    "requested_on, status, effective_on, decision_note, decided_at, created_at, updated_at";

constexpr const char* kInsert =
    "INSERT INTO staffing_requests (contract_id, vendor_org_id, role, post, day_types, people, hours, effective_from, "
    "reason, attachment_id, requested_on, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kDecide =
    "UPDATE staffing_requests SET status = ?, effective_on = ?, decision_note = ?, decided_at = ?, updated_at = ? "
    "WHERE id = ? AND status = ?";

StaffingRequest FromRow(const Row& row) {
    StaffingRequest request;
    request.id = row.Int(0);
    request.contract_id = row.Int(1);
    request.vendor_org_id = row.Int(2);
    request.role = row.Str(3);
    request.post = row.Str(4);
    request.day_types = ParseDayTypes(row.Str(5));
    request.people = static_cast<int>(row.Int(6));
    request.hours = static_cast<int>(row.Int(7));
    request.effective_from = Date::Parse(row.Str(8)).value_or(Date{});
    request.reason = row.Str(9);
    if (!row.IsNull(10)) request.attachment_id = row.Int(10);
    request.requested_on = Date::Parse(row.Str(11)).value_or(Date{});
    request.status = ParseStaffingRequestStatus(row.Str(12)).value_or(StaffingRequestStatus::kRequested);
    if (!row.IsNull(13)) request.effective_on = Date::Parse(row.Str(13));
    request.decision_note = row.Str(14);
    if (!row.IsNull(15)) request.decided_at = Instant{row.Int(15)};
    request.created_at = Instant{row.Int(16)};
    request.updated_at = Instant{row.Int(17)};
    return request;
}

nlohmann::json DayTypeCodes(const std::vector<DayType>& types) {
    auto codes = nlohmann::json::array();
    for (const auto type : types) codes.push_back(std::string(DayTypeCode(type)));
    return codes;
}

std::vector<StaffingRequest> SelectRequests(Connection& connection, const std::string& where, const Params& params) {
    std::vector<StaffingRequest> requests;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kColumns + " FROM staffing_requests " + where, params)) {
        requests.push_back(FromRow(row));
    }
    return requests;
}

}  // namespace

std::vector<StaffingRequest> StaffingRequestsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectRequests(connection, "WHERE contract_id = ? ORDER BY id DESC", {contract_id});
}

std::optional<StaffingRequest> FindStaffingRequest(Connection& connection, std::int64_t id) {
    auto found = SelectRequests(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<StaffingRequest> ConsentedStaffingRequests(Connection& connection, std::int64_t contract_id) {
    return SelectRequests(connection, "WHERE contract_id = ? AND status = 'consented' ORDER BY effective_on, id",
                          {contract_id});
}

std::int64_t InsertStaffingRequest(Connection& connection, const StaffingRequest& request,
                                   std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsert,
        {request.contract_id, request.vendor_org_id, request.role, request.post, DayTypesText(request.day_types),
         static_cast<std::int64_t>(request.people), static_cast<std::int64_t>(request.hours),
         request.effective_from.ToString(), request.reason, Optional(request.attachment_id),
         request.requested_on.ToString(), std::string(StaffingRequestStatusCode(request.status)), Optional(created_by),
         request.created_at.ms, request.updated_at.ms});
}

bool DecideStaffingRequest(Connection& connection, const StaffingRequest& request, StaffingRequestStatus from) {
    return connection.Execute(
               kDecide, {std::string(StaffingRequestStatusCode(request.status)), OptionalDay(request.effective_on),
                         request.decision_note, request.decided_at ? Param(request.decided_at->ms) : Param(nullptr),
                         request.updated_at.ms, request.id, std::string(StaffingRequestStatusCode(from))}) > 0;
}

std::string StaffingRequestSnapshot(const StaffingRequest& request) {
    return nlohmann::json{
        {"contract_id", request.contract_id},
        {"role", request.role},
        {"post", request.post},
        {"day_types", DayTypeCodes(request.day_types)},
        {"people", request.people},
        {"hours", request.hours},
        {"effective_from", request.effective_from.ToString()},
        {"reason", request.reason},
        {"attachment_id", request.attachment_id ? nlohmann::json(*request.attachment_id) : nlohmann::json()},
        {"requested_on", request.requested_on.ToString()},
        {"status", std::string(StaffingRequestStatusCode(request.status))},
        {"effective_on", request.effective_on ? nlohmann::json(request.effective_on->ToString()) : nlohmann::json()},
        {"decision_note", request.decision_note}}
        .dump();
}

}  // namespace houqin::storage
