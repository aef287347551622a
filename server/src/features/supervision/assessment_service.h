#pragma once
// SUP-3 assessments and SUP-8 appeals. A new assessment or a score changed on appeal re-runs the rules (RP-4) in
// the same transaction.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "features/contracts/store.h"
#include "features/supervision/assessment.h"
#include "features/supervision/policy_service.h"
#include "features/supervision/store.h"
#include "features/vendors/model.h"
#include "platform/service/context.h"

namespace houqin {

struct AssessmentItemEntry {
    std::string item;
    std::optional<int> lost_tenths;  // nullopt: missing or not a number with at most one decimal
    std::string note;
    std::vector<std::int64_t> photo_ids;
};

struct AssessmentInput {
    std::optional<std::int64_t> contract_id;
    std::string period;
    std::string kind = "routine";
    std::optional<Date> assessed_on;
    std::vector<AssessmentItemEntry> items;
    std::optional<std::int64_t> missing_staff_days;
    std::string summary;
};

struct AppealInput {
    std::string reason;
    std::vector<std::int64_t> attachment_ids;
};

struct AppealDecisionInput {
    std::string decision;  // upheld, changed
    std::string reason;
    std::vector<AssessmentItemEntry> items;  // the new points lost, when changed
};

struct AssessmentView {
    AssessmentRecord record;
    Text computation;
    bool can_appeal = false;
    std::optional<AppealRecord> appeal;
    std::map<std::int64_t, AttachmentInfo> files;  // photos and appeal attachments by id
    std::vector<WorkflowEvent> history;
};

struct AssessmentPeriodOption {
    TermPeriod period;
    bool assessed = false;  // a routine assessment exists
    bool future = false;    // has not started
};

struct AssessmentForm {
    ContractRecord contract;
    int version_no = 0;
    AssessmentTerms terms;
    std::vector<DeductionClause> deductions;
    std::vector<AssessmentPeriodOption> periods;
    int failed_item_percent = 100;
    int appeal_days = 7;
};

struct AssessmentQuery {
    std::optional<std::int64_t> contract_id;
    std::optional<std::int64_t> vendor_id;
    std::string period;
    std::optional<bool> passed;
    std::string status;
    std::string sort = "assessed_on";
    bool descending = true;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

class AssessmentService {
  public:
    AssessmentService(ServiceContext& context, PolicyService& policy) : context_(context), policy_(policy) {}

    Result<AssessmentForm> Form(const Actor& actor, std::int64_t contract_id);
    Result<Page<AssessmentView>> List(const Actor& actor, const AssessmentQuery& query);
    Result<AssessmentView> Get(const Actor& actor, std::int64_t id);
    Result<AssessmentView> Create(const Actor& actor, const AssessmentInput& input);
    Result<AssessmentView> Appeal(const Actor& actor, std::int64_t id, const AppealInput& input);
    Result<AssessmentView> DecideAppeal(const Actor& actor, std::int64_t id, const AppealDecisionInput& input);

  private:
    AssessmentView Build(storage::Connection& connection, const Actor& actor, AssessmentRecord record, bool detail);
    ServiceContext& context_;
    PolicyService& policy_;
};

}  // namespace houqin
