#pragma once
// CC-3: the scoring method's versions as stored (a draft the vendor edits and submits, returned or approved by the
// office; approved versions numbered 1, 2, ... per contract and never changed). CC-4: the office's penalty
// suggestions, accepted or rejected by the vendor. The scoring itself is the pure rules/agent_score.h, the deadline
// rules/penalty_deadline.h.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "core/workflow.h"
#include "features/callcentre/rules/agent_score.h"
#include "features/callcentre/rules/assessment_month.h"

namespace houqin {

enum class MethodStatus { kDraft, kSubmitted, kReturned, kApproved };
std::string_view MethodStatusCode(MethodStatus status);  // draft, submitted, returned, approved
std::optional<MethodStatus> ParseMethodStatus(std::string_view code);
Text MethodStatusText(MethodStatus status);
// The vendor submits a draft (or a returned version, after editing it); the office approves it or returns it with
// a reason. Editing is allowed while the version is a draft or returned (checked by the service, not a transition).
const WorkflowDefinition& ScoringMethodWorkflow();

// One version of a contract's scoring method. method.version is 0 until the office approves it; method.effective_from
// is the first month it applies to.
struct ScoringMethodRecord {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    MethodStatus status = MethodStatus::kDraft;
    ScoringMethod method;
    std::string note;           // the vendor's explanation of the version
    std::string return_reason;  // the office's reason when it last returned it
    std::optional<std::int64_t> drafted_by;
    std::optional<Instant> submitted_at;
    std::optional<std::int64_t> approved_by;
    std::optional<Instant> approved_at;
    Instant created_at;
    Instant updated_at;
};

enum class SuggestionStatus { kSubmitted, kAccepted, kRejected };
std::string_view SuggestionStatusCode(SuggestionStatus status);  // submitted, accepted, rejected
std::optional<SuggestionStatus> ParseSuggestionStatus(std::string_view code);
Text SuggestionStatusText(SuggestionStatus status);
// The vendor verifies a suggestion and accepts it or rejects it (the reason checked by the service); both final.
const WorkflowDefinition& PenaltySuggestionWorkflow();

// CC-4: a penalty suggestion for a named agent and month, with its written evidence.
struct PenaltySuggestion {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::int64_t person_id = 0;
    AssessmentMonth month;
    std::string recording_ref;     // the recording's reference in the call system
    std::string supervision_note;  // what the on-site supervisor noted
    std::optional<std::int64_t> attachment_id;
    Instant submitted_at;
    SuggestionStatus status = SuggestionStatus::kSubmitted;
    std::string decision_note;  // the vendor's note, or its reason for rejecting
    std::optional<Instant> decided_at;
    std::optional<std::int64_t> decided_by;
    Instant created_at;
    Instant updated_at;
};

}  // namespace houqin
