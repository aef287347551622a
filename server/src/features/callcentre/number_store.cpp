#include "features/callcentre/number_store.h"

namespace houqin::storage {
namespace {

constexpr const char* kSelectNumberPeriods =
    "SELECT number, valid_from, valid_to FROM outbound_numbers WHERE contract_id = ? ORDER BY number, valid_from, id";

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

}  // namespace houqin::storage
