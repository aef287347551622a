#pragma once
// CC-3: the monthly agent assessment of a call-centre contract, computed from the month's facts and stored with its
// explanations (rules/agent_score.h does the scoring; this service only gathers the facts and keeps the result);
// the ranked month as a list, as each person's last 12 months and as the Excel basis for pay (CC-7: the export is
// audited). CC-6: after a month is computed, the top-3 streaks over the stored ranks (rules/top3_streak.h) become
// one bonus proposal each through the policy engine's office-then-leadership decision.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "features/callcentre/rules/agent_score.h"
#include "features/callcentre/rules/top3_streak.h"
#include "features/callcentre/score_store.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"

namespace houqin {

// One agent ID's calls on one day, as the call-record import totals them (CC-8).
struct ScoreAgentDay {
    std::string agent_id;
    Date day;
    std::int64_t calls = 0;
    std::int64_t successful = 0;
    std::int64_t talk_seconds = 0;
};

// Where the month's facts come from besides the roster, agent IDs, attendance, incidents and training, and where a
// bonus proposal goes: wired in app/services.h (the scoring methods and suggestions, the imported calls, and the
// policy engine of the supervision feature, which this feature does not depend on).
struct ScoreSources {
    std::function<std::vector<ScoringMethod>(storage::Connection&, std::int64_t contract_id)> methods;
    std::function<std::map<std::int64_t, std::vector<AcceptedSuggestion>>(storage::Connection&,
                                                                          std::int64_t contract_id, AssessmentMonth)>
        suggestions;
    std::function<std::vector<ScoreAgentDay>(storage::Connection&, std::int64_t contract_id, Date first, Date last)>
        agent_days;
    // Inside the caller's transaction; the new proposal's id, or nothing when the streak was proposed before.
    std::function<std::optional<std::int64_t>(storage::Connection&, const Actor&, const ContractRecord&,
                                              const BonusProposal&)>
        propose_bonus;
    // Inside the caller's transaction: withdraws the contract's bonus proposals still awaiting a decision whose streak
    // is not among `holding` (dedupe keys) any more, a recomputed month having broken it; the ids withdrawn.
    std::function<std::vector<std::int64_t>(storage::Connection&, const ContractRecord&,
                                            const std::vector<std::string>& holding)>
        withdraw_bonuses;
};

struct ScoreMonthView {
    std::string month;
    std::optional<ScoreMonthRecord> record;  // nothing when the month has not been computed
    std::vector<StoredAgentScore> agents;    // by rank, then person id
    std::int64_t unmatched_calls = 0;        // calls under an ID nobody held that day (compute only)
    std::vector<std::int64_t> proposed;      // CC-6 bonus proposals this computation made
    std::vector<std::int64_t> withdrawn;     // CC-6 open proposals whose streak this computation broke
    bool can_compute = false;
    bool can_export = false;
};

// The computed month as lines of text (`houqin score-calls`): a heading with the method version, then each agent's rank
// and total, "=" marking a shared rank.
std::string ScoreMonthText(const ScoreMonthView& view);

struct PersonScoreMonth {
    std::string month;
    std::optional<StoredAgentScore> score;  // nothing: not ranked that month
    int agent_count = 0;
};

struct PersonScoreHistory {
    std::int64_t person_id = 0;
    std::string name;
    std::vector<PersonScoreMonth> months;  // the 12 months up to the current one, oldest first
};

class AgentScoreService {
  public:
    AgentScoreService(ServiceContext& context, ContractService& contracts) : context_(context), contracts_(contracts) {}
    void SetSources(ScoreSources sources) { sources_ = std::move(sources); }

    // POST .../agent-scores/{month}/compute: gathers the facts, scores, replaces the month's stored result, audits,
    // then proposes the bonuses of any new top-3 streak; all in one transaction.
    Result<ScoreMonthView> Compute(const Actor& actor, std::int64_t contract_id, const std::string& month);
    Result<ScoreMonthView> Month(const Actor& actor, std::int64_t contract_id, const std::string& month);
    Result<PersonScoreHistory> Person(const Actor& actor, std::int64_t contract_id, std::int64_t person_id);
    // The month as Excel rows; the export is audited with who, the month and the row count (CC-7).
    Result<ScoreMonthView> Export(const Actor& actor, std::int64_t contract_id, const std::string& month);

    // For the unit tests and the service: one month's facts per person, read from the database.
    Result<std::vector<AgentMonthFacts>> GatherFacts(storage::Connection& connection, const ContractRecord& contract,
                                                     AssessmentMonth month, const std::string& work_start,
                                                     std::int64_t* unmatched_calls);

  private:
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);

    ServiceContext& context_;
    ContractService& contracts_;
    ScoreSources sources_;
};

}  // namespace houqin
