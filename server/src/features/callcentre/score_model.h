#pragma once
// CC-3: a computed month of the agent assessment and each agent's stored score, as the score service hands them to
// its routes and its store keeps them (score_store.h).
#include <cstdint>
#include <optional>
#include <string>

#include "core/time.h"

namespace houqin {

struct ScoreMonthRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::string month;  // YYYY-MM
    int method_version = 0;
    std::string method_json;  // the method's values it used
    int agent_count = 0;
    std::optional<std::int64_t> computed_by;
    std::string computed_by_name;
    Instant computed_at;
};

struct StoredAgentScore {
    std::int64_t contract_id = 0;
    std::string month;
    std::int64_t person_id = 0;
    std::string person_name;
    int rank = 0;
    bool tied = false;
    std::int64_t total = 0;  // hundredths of a point
    int method_version = 0;
    std::string detail_json;  // the facts, dimensions, suggestions and values (score_codec.h)
};

}  // namespace houqin
