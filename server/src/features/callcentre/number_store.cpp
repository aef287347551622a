#include "features/callcentre/number_store.h"

#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

constexpr const char* kSelectNumberPeriods =
    "SELECT number, valid_from, valid_to FROM outbound_numbers WHERE contract_id = ? ORDER BY number, valid_from, id";

constexpr const char* kNumberRequestColumns =
    "id, contract_id, vendor_org_id, kind, number, new_number, label, reason, attachment_id, requested_on, status, "
    "effective_on, decision_note, decided_at, created_at, updated_at";

constexpr const char* kInsertNumberRequest =
    "INSERT INTO number_requests (contract_id, vendor_org_id, kind, number, new_number, label, reason, attachment_id, "
    "requested_on, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";

constexpr const char* kDecideNumberRequest =
    "UPDATE number_requests SET status = ?, effective_on = ?, decision_note = ?, decided_at = ?, updated_at = ? "
    "WHERE id = ? AND status = ?";

constexpr const char* kSelectOpenNumberRequest =
    "SELECT 1 FROM number_requests WHERE contract_id = ? AND status = 'requested' AND (number = ? OR new_number = ?)";

constexpr const char* kOutboundNumberColumns =
    "id, contract_id, vendor_org_id, number, label, valid_from, valid_to, request_id";

constexpr const char* kInsertOutboundNumber =
    "INSERT INTO outbound_numbers (contract_id, vendor_org_id, number, label, valid_from, valid_to, request_id, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kCloseOutboundNumber =
    "UPDATE outbound_numbers SET valid_to = ? WHERE id = ? AND valid_to IS NULL";

NumberRequest NumberRequestFromRow(const Row& row) {
    NumberRequest request;
    request.id = row.Int(0);
    request.contract_id = row.Int(1);
    request.vendor_org_id = row.Int(2);
    request.kind = ParseNumberRequestKind(row.Str(3)).value_or(NumberRequestKind::kAdd);
    request.number = row.Str(4);
    request.new_number = row.Str(5);
    request.label = row.Str(6);
    request.reason = row.Str(7);
    request.attachment_id = row.OptInt(8);
    request.requested_on = Date::Parse(row.Str(9)).value_or(Date{});
    request.status = ParseNumberRequestStatus(row.Str(10)).value_or(NumberRequestStatus::kRequested);
    if (!row.IsNull(11)) request.effective_on = Date::Parse(row.Str(11));
    request.decision_note = row.Str(12);
    if (!row.IsNull(13)) request.decided_at = Instant{row.Int(13)};
    request.created_at = Instant{row.Int(14)};
    request.updated_at = Instant{row.Int(15)};
    return request;
}

std::vector<NumberRequest> SelectNumberRequests(Connection& connection, const std::string& where,
                                                const Params& params) {
    std::vector<NumberRequest> requests;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kNumberRequestColumns + " FROM number_requests " + where, params)) {
        requests.push_back(NumberRequestFromRow(row));
    }
    return requests;
}

}  // namespace

std::vector<NumberPeriod> LoadNumberPeriods(Connection& connection, std::int64_t contract_id) {
    std::vector<NumberPeriod> periods;
    for (const auto& row : connection.Query(kSelectNumberPeriods, {contract_id})) {
        NumberPeriod period;
        period.number = row.Str(0);
        period.valid_from = Date::Parse(row.Str(1)).value_or(Date{});
        if (!row.IsNull(2)) period.valid_to = Date::Parse(row.Str(2));
        periods.push_back(std::move(period));
    }
    return periods;
}

std::vector<NumberRequest> NumberRequestsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectNumberRequests(connection, "WHERE contract_id = ? ORDER BY id DESC", {contract_id});
}

std::optional<NumberRequest> FindNumberRequest(Connection& connection, std::int64_t id) {
    auto found = SelectNumberRequests(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

void LockNumbers(Connection& connection, std::int64_t contract_id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1005, CAST(? AS INTEGER))", {contract_id});
    }
}

bool HasOpenNumberRequest(Connection& connection, std::int64_t contract_id, const std::string& number) {
    return connection.QueryOne(kSelectOpenNumberRequest, {contract_id, number, number}).has_value();
}

std::int64_t InsertNumberRequest(Connection& connection, const NumberRequest& request,
                                 std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertNumberRequest,
        {request.contract_id, request.vendor_org_id, std::string(NumberRequestKindCode(request.kind)), request.number,
         request.new_number, request.label, request.reason, Optional(request.attachment_id),
         request.requested_on.ToString(), std::string(NumberRequestStatusCode(request.status)), Optional(created_by),
         request.created_at.ms, request.updated_at.ms});
}

bool DecideNumberRequest(Connection& connection, const NumberRequest& request, NumberRequestStatus from) {
    return connection.Execute(
               kDecideNumberRequest,
               {std::string(NumberRequestStatusCode(request.status)), OptionalDay(request.effective_on),
                request.decision_note, request.decided_at ? Param(request.decided_at->ms) : Param(nullptr),
                request.updated_at.ms, request.id, std::string(NumberRequestStatusCode(from))}) > 0;
}

std::string NumberRequestSnapshot(const NumberRequest& request) {
    return nlohmann::json{
        {"contract_id", request.contract_id},
        {"kind", std::string(NumberRequestKindCode(request.kind))},
        {"number", request.number},
        {"new_number", request.new_number},
        {"label", request.label},
        {"reason", request.reason},
        {"attachment_id", request.attachment_id ? nlohmann::json(*request.attachment_id) : nlohmann::json()},
        {"requested_on", request.requested_on.ToString()},
        {"status", std::string(NumberRequestStatusCode(request.status))},
        {"effective_on", request.effective_on ? nlohmann::json(request.effective_on->ToString()) : nlohmann::json()},
        {"decision_note", request.decision_note}}
        .dump();
}

std::vector<OutboundNumberRow> OutboundNumbersOfContract(Connection& connection, std::int64_t contract_id) {
    std::vector<OutboundNumberRow> rows;
    for (const auto& row : connection.Query(std::string("SELECT ") + kOutboundNumberColumns +
                                                " FROM outbound_numbers WHERE contract_id = ? ORDER BY valid_from, id",
                                            {contract_id})) {
        OutboundNumberRow number;
        number.id = row.Int(0);
        number.contract_id = row.Int(1);
        number.vendor_org_id = row.Int(2);
        number.number = row.Str(3);
        number.label = row.Str(4);
        number.valid_from = Date::Parse(row.Str(5)).value_or(Date{});
        if (!row.IsNull(6)) number.valid_to = Date::Parse(row.Str(6));
        number.request_id = row.OptInt(7);
        rows.push_back(std::move(number));
    }
    return rows;
}

std::int64_t InsertOutboundNumber(Connection& connection, const OutboundNumberRow& row, Instant now) {
    return connection.InsertReturningId(
        kInsertOutboundNumber, {row.contract_id, row.vendor_org_id, row.number, row.label, row.valid_from.ToString(),
                                OptionalDay(row.valid_to), Optional(row.request_id), now.ms});
}

bool CloseOutboundNumber(Connection& connection, std::int64_t id, Date valid_to) {
    return connection.Execute(kCloseOutboundNumber, {valid_to.ToString(), id}) > 0;
}

}  // namespace houqin::storage
