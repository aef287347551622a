#pragma once
// CC-2: the register of the organisation's outbound numbers (外呼号码) on a call-centre contract, as periods. A
// period says one number was registered from valid_from up to (not including) valid_to; a change closes a period and
// opens another from the same day, nothing is edited. The call-record import flags a call whose calling number was not
// registered on the call's day (NumberRegisteredOn).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace houqin {

struct NumberPeriod {
    std::string number;  // as registered: digits, an optional leading '+', e.g. "02088886666"
    Date valid_from;
    std::optional<Date> valid_to;  // the first day it is no longer registered; nullopt: still registered
};

// What an outbound number may look like: 5 to 20 characters, digits with an optional leading '+'.
bool IsOutboundNumberText(std::string_view text);

// Whether `number` was registered on `day` in any of the periods (an exact match of the number as registered).
bool NumberRegisteredOn(const std::vector<NumberPeriod>& periods, std::string_view number, Date day);

// The period of `number` a new open-ended period from `from` would overlap (one number is registered once on any
// day), if any.
std::optional<NumberPeriod> NumberClash(const std::vector<NumberPeriod>& periods, std::string_view number, Date from);

}  // namespace houqin
