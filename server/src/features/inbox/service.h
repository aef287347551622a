#pragma once
// The to-do inbox: for the calling user, every item whose next step is theirs (their role's permission, their
// organisation's scope, their own user where a step names one): projects to approve and ceilings to set (leadership),
// contracts to review (judicial, party-government office) or sign (office), proposals to decide (office, then
// leadership), appeals to decide and rectifications to verify (office), rectifications to report (vendor), surveys to
// answer (department), procurement steps to witness (discipline inspection), replacement requests to report (vendor)
// and to confirm, or to follow up once past their deadline (office).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/time.h"
#include "platform/service/context.h"

namespace houqin {

struct InboxItem {
    std::string kind;         // project_approval, project_ceiling, witness_open_bidding, witness_opening,
                              // contract_review, contract_sign, proposal_decision, appeal_decision,
                              // rectification_verify, rectification_report, survey_answer, replacement_report,
                              // replacement_confirm, replacement_overdue
    Text title;               // the step and the object, in words
    std::string object_type;  // project, contract, proposal, assessment, rectification, survey
    std::int64_t object_id = 0;
    std::string object_name;  // the object's code and name, as shown elsewhere
    std::string link;         // the page where the step is taken
    Instant since;            // since when it waits for this step
    std::optional<Date> due;  // only a real deadline (an appeal, a rectification, a survey's closing day)
};

struct Inbox {
    std::vector<InboxItem> items;  // oldest waiting first
    std::map<std::string, std::int64_t> counts;
    std::int64_t total = 0;
};

class InboxService {
  public:
    explicit InboxService(ServiceContext& context) : context_(context) {}
    Result<Inbox> Get(const Actor& actor);

  private:
    ServiceContext& context_;
};

}  // namespace houqin
