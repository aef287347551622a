#pragma once
// A project's lifecycle (PRJ-1 … PRJ-3, PRJ-6, PRJ-8): created and edited by the office, approved by leadership before
// any purchase step, routed by the year's rules at approval to government procurement (whose result the office
// records) or to the office's own bidding, whose ceiling leadership sets before anyone bids; and the project's trail.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/page.h"
#include "core/result.h"
#include "features/procurement/project_view.h"
#include "platform/service/context.h"

namespace houqin {

struct ProjectQuery {
    std::string q;
    std::string status;
    std::string route;
    std::optional<int> year;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

struct ProjectInput {
    std::string name;
    std::optional<std::int64_t> year;
    std::optional<std::int64_t> category_id;
    std::vector<std::string> item_codes;
    std::string scope;
    std::optional<Money> annual_budget;
    std::optional<Money> total_budget;
    std::optional<Date> service_start;
    std::optional<Date> service_end;
    std::optional<std::int64_t> department_id;
    std::string responsible_person;
    std::string responsible_phone;
    std::vector<std::int64_t> plan_ids;
};

struct GovernmentInput {
    std::string method;
    std::string reference;
    std::string agency;
    std::optional<Date> started_on;
    std::optional<Date> completed_on;
    std::string result;
    std::optional<std::int64_t> winner_vendor_id;
    std::optional<Money> amount;
};

struct CeilingInput {
    std::optional<Money> amount;
    std::string reason;
};

struct TrailItem {
    Instant at;
    std::string subject;  // project, contract
    std::optional<std::int64_t> subject_id;
    std::string action;
    std::string actor_name;
    std::string role;
    Text summary;
};

class ProjectService {
  public:
    explicit ProjectService(ServiceContext& context) : context_(context) {}

    Result<Page<ProjectView>> List(const Actor& actor, const ProjectQuery& query);
    Result<ProjectView> Get(const Actor& actor, std::int64_t id);
    Result<ProjectView> Create(const Actor& actor, const ProjectInput& input);
    Result<ProjectView> Update(const Actor& actor, std::int64_t id, const ProjectInput& input);
    Result<ProjectView> Submit(const Actor& actor, std::int64_t id);
    Result<ProjectView> Decide(const Actor& actor, std::int64_t id, const std::string& decision,
                               const std::string& comment);
    Result<ProjectView> RecordGovernment(const Actor& actor, std::int64_t id, const GovernmentInput& input);
    // PRJ-6 (D4 §5): leadership's ceiling, fixed before anyone bids.
    Result<ProjectView> SetCeiling(const Actor& actor, std::int64_t id, const CeilingInput& input);
    Result<std::vector<TrailItem>> Trail(const Actor& actor, std::int64_t id);

  private:
    Result<Project> FromInput(storage::Connection& connection, const Actor& actor, const ProjectInput& input,
                              Project project);
    ServiceContext& context_;
};

}  // namespace houqin
