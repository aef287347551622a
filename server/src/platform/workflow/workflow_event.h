#pragma once
// One step of an approval (contracts, assessments' appeals, proposals, projects, staff documents): who did what to
// which version, when, from which state to which. What the workflow store reads and the services hand to routes.
#include <cstdint>
#include <optional>
#include <string>

#include "core/time.h"

namespace houqin {

struct WorkflowEvent {
    std::int64_t id = 0;
    int version_no = 0;
    std::string action;
    std::string from_state;
    std::string to_state;
    std::optional<std::int64_t> actor_id;
    std::string actor_name;
    std::string role;
    std::string comment;
    Instant at;
    // Read only: the display name of the user actor_id names (X-6: pages show people by name, not by user name);
    // empty for the system and in a history shown without names. actor_name keeps what was recorded.
    std::string actor_display_name{};
};

}  // namespace houqin
