#pragma once
// CC-1 (D2 call centre): the office asks in writing for an agent ID (工号) to be opened, changed (its permissions) or
// closed for a person on the contract's roster; the vendor verifies and carries it out, or declines with a reason.
// Carrying a request out writes the ID's history (rules/agent_ids.h): rows are closed and opened, never edited.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "core/workflow.h"
#include "features/callcentre/rules/agent_ids.h"

namespace houqin {

enum class AgentIdRequestKind { kOpen, kChange, kClose };
std::string_view AgentIdRequestKindCode(AgentIdRequestKind kind);
std::optional<AgentIdRequestKind> ParseAgentIdRequestKind(std::string_view code);
Text AgentIdRequestKindText(AgentIdRequestKind kind);

enum class AgentIdRequestStatus { kRequested, kCarriedOut, kDeclined };
std::string_view AgentIdRequestStatusCode(AgentIdRequestStatus status);
std::optional<AgentIdRequestStatus> ParseAgentIdRequestStatus(std::string_view code);
Text AgentIdRequestStatusText(AgentIdRequestStatus status);
// The steps: the vendor carries a request out or declines it; both are final.
const WorkflowDefinition& AgentIdRequestWorkflow();

// A permission an agent ID may carry (a setting, seeded by migration 21: outbound, follow_up, qa_listen, ...).
struct AgentPermission {
    std::string code;
    Text name;
};

// "outbound,export" <-> codes, as stored.
std::string PermissionListText(const std::vector<std::string>& codes);
std::vector<std::string> ParsePermissionList(std::string_view text);

// What an agent ID may look like: 1 to 20 letters, digits or '-' (the vendor's call system names it, e.g. "8012").
bool IsAgentIdText(std::string_view text);

struct AgentIdRequest {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    AgentIdRequestKind kind = AgentIdRequestKind::kOpen;
    std::int64_t person_id = 0;
    // The ID concerned: for a change or a closure the person's current ID when asked; for an opening the ID the
    // vendor states when it carries the request out (empty until then).
    std::string agent_id;
    std::vector<std::string> permissions;  // open and change: the permissions asked for
    std::string reason;
    std::optional<std::int64_t> attachment_id;  // the written request, scanned
    Date requested_on;
    AgentIdRequestStatus status = AgentIdRequestStatus::kRequested;
    std::optional<Date> effective_on;  // carried out: the day the ID opens, changes or closes
    std::string decision_note;         // the vendor's note, or its reason for declining
    std::optional<Instant> decided_at;
    Instant created_at;
    Instant updated_at;
};

}  // namespace houqin
