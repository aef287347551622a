#pragma once
// STF-7: incidents on a contract (labour disputes, injuries, damage or loss, on-site rule violations, data leaks) from
// being recorded to their closure. The office and the contract's vendor record and close them (incident:write); whoever
// reads the contract's staff reads them (staff:read, in scope). Every write is one transaction with its audit entry and
// its workflow event (who, when, why).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/contracts/service.h"
#include "features/staff/incident_model.h"
#include "platform/database/database.h"
#include "platform/service/context.h"
#include "platform/workflow/workflow_store.h"

namespace houqin {

struct IncidentInput {
    std::string type;          // an IncidentType code
    std::string leak_channel;  // a LeakChannel code; data leaks only
    std::optional<Date> occurred_on;
    std::vector<std::int64_t> person_ids;
    std::string description;
    std::string responsible_party;  // a ResponsibleParty code
    Money compensation;
    std::vector<std::int64_t> attachment_ids;
    std::optional<std::int64_t> export_seq;  // CC-7: data leaks only, the audit entry of the export it is traced to
};

struct IncidentClosing {
    std::optional<Date> closed_on;
    std::string note;
};

struct IncidentView {
    Incident incident;
    std::vector<std::string> allowed_actions;  // from IncidentWorkflow(), for this caller
    std::vector<WorkflowEvent> events;
};

struct IncidentList {
    std::vector<IncidentView> items;
    bool can_record = false;
};

class IncidentService {
  public:
    IncidentService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}

    Result<IncidentList> List(const Actor& actor, std::int64_t contract_id);
    Result<IncidentView> Get(const Actor& actor, std::int64_t id);
    Result<IncidentView> Record(const Actor& actor, std::int64_t contract_id, const IncidentInput& input);
    Result<IncidentView> Close(const Actor& actor, std::int64_t id, const IncidentClosing& input);
    // whoever may read the incident may read the scans attached to it.
    bool MayRead(const Actor& actor, std::int64_t id);

    // The largest compensation one incident may carry (100 million yuan): more is a typing error, and it keeps the
    // reports' sums over any number of incidents far inside 64 bits of fen.
    static constexpr std::int64_t kMaxCompensationFen = 10'000'000'000;

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    IncidentView ViewOf(storage::Connection& connection, const Actor& actor, Incident incident) const;

    ServiceContext& context_;
    ContractService& contracts_;
};

// SUP-7 and RP-5, for the reports feature inside its own read: the incidents of a contract that occurred from `first`
// to `last`, counted. The caller has already checked that the actor may read the contract.
IncidentTally ContractIncidentTally(storage::Connection& connection, std::int64_t contract_id, Date first, Date last);

}  // namespace houqin
