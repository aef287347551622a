#pragma once
// The steps of every workflow (contract review, amendments, appeals, proposals, rectifications, projects), one table
// for all: who did what, from which state to which, with what comment, when.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "platform/database/database.h"

namespace houqin::storage {

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
};

void InsertWorkflowEvent(Connection& connection, const std::string& subject_type, std::int64_t subject_id,
                         const WorkflowEvent& event);
std::vector<WorkflowEvent> ListWorkflowEvents(Connection& connection, const std::string& subject_type,
                                              std::int64_t subject_id);

}  // namespace houqin::storage
