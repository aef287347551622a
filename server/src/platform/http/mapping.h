#pragma once
// Domain values to the JSON shapes of docs/api.md, and back.
#include "core/access.h"
#include "platform/audit/audit_store.h"
#include "platform/http/json_io.h"
#include "platform/workflow/workflow_store.h"

namespace houqin::http {

// An id or null.
Json OptionalId(const std::optional<std::int64_t>& id);
// Stored JSON text as JSON (the text itself when it does not parse), or null.
Json ParsedOrNull(const std::optional<std::string>& text);
Json UserJson(const Actor& actor);
Json OrgJson(const Organisation& org);
Json AuditEntryJson(const AuditEntry& entry);
// One step of any workflow (contract review, appeal, proposal, rectification): {at, actor_name, role, role_name,
// action, from_state, to_state, version_no, comment}.
// The role's name in both languages for a stored role code; null for a system action or an unknown code.
Json RoleNameJson(const std::string& code);
Json WorkflowEventJson(const WorkflowEvent& event);
// A subject's steps, oldest first, each as WorkflowEventJson.
Json WorkflowEventsJson(const std::vector<WorkflowEvent>& events);

}  // namespace houqin::http
