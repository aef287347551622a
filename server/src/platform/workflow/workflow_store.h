#pragma once
// The steps of every workflow (contract review, amendments, appeals, proposals, rectifications, projects), one table
// for all: who did what, from which state to which, with what comment, when. Who is recorded as the user's id and
// user name (or "system" with no id); the display name is read from the users table, so it is always the current one.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "platform/database/database.h"
#include "platform/workflow/workflow_event.h"

namespace houqin::storage {

// The user name and role of a step no user took (the rules, the daily job); such a step has no actor_id.
inline constexpr char kSystemActor[] = "system";

void InsertWorkflowEvent(Connection& connection, const std::string& subject_type, std::int64_t subject_id,
                         const WorkflowEvent& event);
std::vector<WorkflowEvent> ListWorkflowEvents(Connection& connection, const std::string& subject_type,
                                              std::int64_t subject_id);
// What a list row shows of several subjects' reviews, in one query (a list page): each subject's latest submission
// and the decisions (approve, return) on that version and any later one, in order; a subject never submitted has
// no entry. The other steps (drafting, signing, earlier rounds) are the subject's own page's, not the list's: reading
// every step of every row was 40% of the contract list's time on a county.
std::map<std::int64_t, std::vector<WorkflowEvent>> ListLatestReviewEventsOf(
    Connection& connection, const std::string& subject_type, const std::vector<std::int64_t>& subject_ids);

}  // namespace houqin::storage
