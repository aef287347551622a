#pragma once
// CC-2: the SQL of outbound-number requests (number_requests) and of the register's history (outbound_numbers, rows
// closed and opened, never edited).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/callcentre/number_model.h"
#include "features/callcentre/rules/numbers.h"
#include "platform/database/database.h"

namespace houqin::storage {

// Every period of every number ever registered for the contract, by number then valid_from (the call import asks
// NumberRegisteredOn of them for each call's day).
std::vector<NumberPeriod> LoadNumberPeriods(Connection& connection, std::int64_t contract_id);

std::vector<NumberRequest> NumberRequestsOfContract(Connection& connection, std::int64_t contract_id);
std::optional<NumberRequest> FindNumberRequest(Connection& connection, std::int64_t id);
// Whether the contract has a request about `number` (as the number concerned or the new one) the vendor has not
// answered yet.
bool HasOpenNumberRequest(Connection& connection, std::int64_t contract_id, const std::string& number);
// Inside a transaction: holds a contract's outbound-number register and requests until it ends, so the checks made on
// them (a number held once at a time, one open request per number; CC-2) cannot be overtaken by a parallel request.
// PostgreSQL: an advisory lock on (1005, contract); SQLite's BEGIN IMMEDIATE already serialises writers.
void LockNumbers(Connection& connection, std::int64_t contract_id);
std::int64_t InsertNumberRequest(Connection& connection, const NumberRequest& request,
                                 std::optional<std::int64_t> created_by);
// Writes the decision only if the stored status is still `from` (false: someone else decided first).
bool DecideNumberRequest(Connection& connection, const NumberRequest& request, NumberRequestStatus from);
// For the audit trail.
std::string NumberRequestSnapshot(const NumberRequest& request);

// Every row of the contract's register, oldest first.
std::vector<OutboundNumberRow> OutboundNumbersOfContract(Connection& connection, std::int64_t contract_id);
std::int64_t InsertOutboundNumber(Connection& connection, const OutboundNumberRow& row, Instant now);
// Closes an open row from `valid_to` (the only change a row ever sees); false if it was closed already.
bool CloseOutboundNumber(Connection& connection, std::int64_t id, Date valid_to);

}  // namespace houqin::storage
