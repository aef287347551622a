#include "features/callcentre/rules/numbers.h"

namespace houqin {

bool IsOutboundNumberText(std::string_view text) {
    if (text.size() < 5 || text.size() > 20) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && i == 0) continue;
        if (c < '0' || c > '9') return false;
    }
    return true;
}

bool NumberRegisteredOn(const std::vector<NumberPeriod>& periods, std::string_view number, Date day) {
    for (const auto& period : periods) {
        if (period.number == number && !(day < period.valid_from) && (!period.valid_to || day < *period.valid_to)) {
            return true;
        }
    }
    return false;
}

std::optional<NumberPeriod> NumberClash(const std::vector<NumberPeriod>& periods, std::string_view number, Date from) {
    for (const auto& period : periods) {
        if (period.number == number && (!period.valid_to || from < *period.valid_to)) return period;
    }
    return std::nullopt;
}

}  // namespace houqin
