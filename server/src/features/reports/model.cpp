#include "features/reports/model.h"

#include <fmt/format.h>

namespace houqin {

std::string ScoreText(int tenths) {
    const std::string sign = tenths < 0 ? "-" : "";
    const int magnitude = tenths < 0 ? -tenths : tenths;
    if (magnitude % 10 == 0) return fmt::format("{}{}", sign, magnitude / 10);
    return fmt::format("{}{}.{}", sign, magnitude / 10, magnitude % 10);
}

}  // namespace houqin
