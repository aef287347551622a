#pragma once
// CC-1: the history of call-centre agent IDs (工号). Each row says that one person held one agent ID, with a set of
// permissions, on one contract, from valid_from up to (not including) valid_to. A change of permissions closes the
// row and opens another from the same day; nothing is ever edited but the closing of an open row. The call-record
// import matches each call to the person through the ID valid on the call's date (HolderOn).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

struct AgentIdAssignment {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::string agent_id;  // as the vendor's call system names it, e.g. "8012"
    std::int64_t person_id = 0;
    std::vector<std::string> permissions;  // agent permission codes (a setting: agent_permissions)
    Date valid_from;
    std::optional<Date> valid_to;            // the first day it no longer holds; nullopt: still valid
    std::optional<std::int64_t> request_id;  // the written request it carried out

    [[nodiscard]] bool ValidOn(Date day) const { return !(day < valid_from) && (!valid_to || day < *valid_to); }
};

// Whether [from, to) and [other_from, other_to) share a day (nullopt: open-ended).
bool PeriodsOverlap(Date from, std::optional<Date> to, Date other_from, std::optional<Date> other_to);

// One vendor's agent IDs over time, checked: the same ID string is never valid twice on one day.
class AgentIdHistory {
  public:
    // Refuses (AlreadyExists, field agent_id) rows of the same ID whose periods overlap, naming both, and rows that
    // end before they begin (InvalidArgument, field valid_to).
    static Result<AgentIdHistory> Make(std::vector<AgentIdAssignment> rows);

    // Who held `agent_id` on `day`; nullopt when nobody did (never opened, closed, or not yet opened).
    [[nodiscard]] std::optional<AgentIdAssignment> HolderOn(std::string_view agent_id, Date day) const;
    // Every row of one ID, or of one person, oldest first.
    [[nodiscard]] std::vector<AgentIdAssignment> OfAgentId(std::string_view agent_id) const;
    [[nodiscard]] std::vector<AgentIdAssignment> OfPerson(std::int64_t person_id) const;
    // The row a new period of `agent_id` from `from` (open-ended) would overlap, if any.
    [[nodiscard]] std::optional<AgentIdAssignment> Clash(std::string_view agent_id, Date from) const;
    [[nodiscard]] const std::vector<AgentIdAssignment>& rows() const { return rows_; }

  private:
    std::vector<AgentIdAssignment> rows_;  // by agent_id, then valid_from
};

}  // namespace houqin
