#pragma once
// CC-2: the SQL of the outbound-number register (outbound_numbers, history rows closed and opened, never edited).
#include <cstdint>
#include <vector>

#include "features/callcentre/rules/numbers.h"
#include "platform/database/database.h"

namespace houqin::storage {

// Every period of every number ever registered for the contract, by number then valid_from (the call import asks
// NumberRegisteredOn of them for each call's day).
std::vector<NumberPeriod> LoadNumberPeriods(Connection& connection, std::int64_t contract_id);

}  // namespace houqin::storage
