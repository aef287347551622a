#include "platform/workflow/workflow_store.h"

#include <algorithm>

namespace houqin::storage {

void InsertWorkflowEvent(Connection& connection, const std::string& subject_type, std::int64_t subject_id,
                         const WorkflowEvent& event) {
    connection.Execute(
        "INSERT INTO workflow_events (subject_type, subject_id, version_no, action, from_state, to_state, actor_id, "
        "actor_name, role, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {subject_type, subject_id, std::int64_t{event.version_no}, event.action, event.from_state, event.to_state,
         Optional(event.actor_id), event.actor_name, event.role, event.comment, event.at.ms});
}

namespace {

constexpr const char* kEventColumns =
    "SELECT w.id, w.version_no, w.action, w.from_state, w.to_state, w.actor_id, w.actor_name, w.role, w.comment, "
    "w.at, COALESCE(u.display_name, ''), w.subject_id FROM workflow_events w LEFT JOIN users u ON u.id = w.actor_id ";

WorkflowEvent EventFromRow(const Row& row) {
    return {row.Int(0), static_cast<int>(row.Int(1)),
            row.Str(2), row.Str(3),
            row.Str(4), row.OptInt(5),
            row.Str(6), row.Str(7),
            row.Str(8), Instant{row.Int(9)},
            row.Str(10)};
}

}  // namespace

std::vector<WorkflowEvent> ListWorkflowEvents(Connection& connection, const std::string& subject_type,
                                              std::int64_t subject_id) {
    std::vector<WorkflowEvent> events;
    for (const auto& row :
         connection.Query(std::string(kEventColumns) + "WHERE w.subject_type = ? AND w.subject_id = ? ORDER BY w.id",
                          {subject_type, subject_id})) {
        events.push_back(EventFromRow(row));
    }
    return events;
}

std::map<std::int64_t, std::vector<WorkflowEvent>> ListLatestReviewEventsOf(
    Connection& connection, const std::string& subject_type, const std::vector<std::int64_t>& subject_ids) {
    std::map<std::int64_t, std::vector<WorkflowEvent>> events;
    if (subject_ids.empty()) return events;
    Params params{subject_type};
    params.insert(params.end(), subject_ids.begin(), subject_ids.end());
    for (const auto& row : connection.Query(
             std::string(kEventColumns) + "WHERE w.subject_type = ? AND w.subject_id IN (" +
                 Placeholders(subject_ids.size()) +
                 ") AND w.action IN ('submit', 'approve', 'return') AND w.version_no >= (SELECT MAX(s.version_no) "
                 "FROM workflow_events s WHERE s.subject_type = w.subject_type AND s.subject_id = w.subject_id AND "
                 "s.action = 'submit')",
             params)) {
        events[row.Int(11)].push_back(EventFromRow(row));
    }
    // In order here rather than in SQL: an ORDER BY made SQLite walk every step of each subject in id order (and
    // look each up) instead of seeking the three actions in workflow_events_action.
    for (auto& [subject, steps] : events) {
        std::sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    }
    return events;
}

}  // namespace houqin::storage
