#pragma once
// CC-4 (D2): the office's penalty suggestions for named agents, from recordings or supervision, with written
// evidence. A suggestion for month M is refused when submitted at or after 00:00 Asia/Shanghai on the 2nd of M+1
// (rules/penalty_deadline.h), so nothing late is stored; the vendor verifies each and accepts it or rejects it with a
// reason; accepted ones deduct the approved method's points (rules/agent_score.h). Every step is one transaction with
// its workflow event and audit entry.
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/callcentre/method_model.h"
#include "features/callcentre/rules/penalty_deadline.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

struct PenaltySuggestionInput {
    std::optional<std::int64_t> person_id;
    std::string month;  // YYYY-MM; empty: the oldest month still open (OldestOpenPenaltyMonth)
    std::string recording_ref;
    std::string supervision_note;
    std::optional<std::int64_t> attachment_id;
};

struct PenaltySuggestionView {
    PenaltySuggestion suggestion;
    std::string person_name;
    std::string attachment_name;
    PenaltyDeadlineCheck deadline;             // the submission against its month's deadline, with the reason
    std::vector<std::string> allowed_actions;  // accept, reject
    std::vector<WorkflowEvent> events;
};

struct SuggestionAgent {
    std::int64_t person_id = 0;
    std::string name;
};

struct PenaltySuggestionList {
    std::optional<AssessmentMonth> month;  // the filter, if any
    AssessmentMonth open_month;            // the default month of a new suggestion
    Instant open_deadline;                 // the first instant too late for open_month
    bool can_submit = false;
    std::vector<SuggestionAgent> agents;       // the contract's roster, for the form
    std::vector<PenaltySuggestionView> items;  // newest first
};

class PenaltySuggestionService {
  public:
    PenaltySuggestionService(ServiceContext& context, ContractService& contracts)
        : context_(context), contracts_(contracts) {}

    Result<PenaltySuggestionList> List(const Actor& actor, std::int64_t contract_id, const std::string& month_filter);
    Result<PenaltySuggestionView> Submit(const Actor& actor, std::int64_t contract_id,
                                         const PenaltySuggestionInput& input);
    Result<PenaltySuggestionView> Accept(const Actor& actor, std::int64_t id, const std::string& note);
    Result<PenaltySuggestionView> Reject(const Actor& actor, std::int64_t id, const std::string& reason);
    // whoever may read the contract's suggestions may read the attached evidence.
    bool MayRead(const Actor& actor, std::int64_t id);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    PenaltySuggestionView ViewOf(storage::Connection& connection, const Actor& actor,
                                 PenaltySuggestion suggestion) const;
    Result<PenaltySuggestionView> Decide(const Actor& actor, std::int64_t id, const std::string& action,
                                         const std::string& comment);

    ServiceContext& context_;
    ContractService& contracts_;
};

}  // namespace houqin
