#pragma once
// Projects and procurement (PRJ-1 … PRJ-8): yearly procurement rules, projects, registrations, project seals,
// sealed bids and openings. Decisions from rules/ are stored as the JSON the API shows, so a record reads the same
// years later whatever the rules have become since.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "features/procurement/model.h"
#include "features/procurement/rules/bid_evaluation.h"
#include "features/procurement/rules/procurement_route.h"
#include "features/procurement/rules/selection_criteria.h"
#include "features/vendors/store.h"
#include "platform/database/database.h"

namespace houqin::storage {

std::optional<ProcurementRulesRecord> CurrentProcurementRules(Connection& connection, int year);
std::vector<ProcurementRulesRecord> ProcurementRulesHistory(Connection& connection, int year);  // newest first
std::vector<ProcurementRulesRecord> CurrentProcurementRulesOfEveryYear(Connection& connection);
// Inserts the next version of the year's rules and returns it.
int InsertProcurementRules(Connection& connection, const ProcurementRulesRecord& record);
std::string ProcurementRulesSnapshot(const ProcurementRulesRecord& record);

struct ProjectFilter {
    VendorScope scope;  // a vendor user: projects of its town in bidding, or those it registered for
    std::string q;
    std::string status;
    std::string route;
    std::optional<int> year;
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

Page<Project> ListProjects(Connection& connection, const ProjectFilter& filter);
std::optional<Project> FindProject(Connection& connection, std::int64_t id, const VendorScope& scope);
// Inside a transaction: locks the project's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite's
// BEGIN IMMEDIATE already holds the write lock) and reads it again, so checks made on it cannot be overtaken.
std::optional<Project> LockProject(Connection& connection, std::int64_t id);
// PRJ-7: one failed opening, counted in one atomic statement (parallel failures all count): the count becomes `next`
// if it is still `seen`, else one more than it is; the time of the last failure becomes `now`. Returns the count.
std::int64_t CountOpeningFailure(Connection& connection, std::int64_t project_id, std::int64_t seen, std::int64_t next,
                                 Instant now);
// The next free code of the year: XM-2026-0001, ... Inside a transaction, which it holds the year's codes for until it
// ends: two projects made at once get two codes, not one code and a refusal.
std::string NextProjectCode(Connection& connection, int year);
std::int64_t InsertProject(Connection& connection, const Project& project);
void UpdateProject(Connection& connection, const Project& project);
std::string ProjectSnapshot(const Project& project);

std::optional<ProjectRegistration> FindRegistration(Connection& connection, std::int64_t project_id,
                                                    std::int64_t vendor_id);
std::vector<ProjectRegistration> ListRegistrations(Connection& connection, std::int64_t project_id,
                                                   std::optional<std::int64_t> vendor_org_id);
void UpsertRegistration(Connection& connection, const ProjectRegistration& registration);
std::string RegistrationSnapshot(const ProjectRegistration& registration);

void InsertSeal(Connection& connection, const SealRecord& seal);
std::optional<SealRecord> FindSeal(Connection& connection, std::int64_t project_id);

std::int64_t InsertBid(Connection& connection, const Bid& bid);
std::vector<Bid> ListBids(Connection& connection, std::int64_t project_id, std::optional<std::int64_t> vendor_org_id);
std::int64_t CountBids(Connection& connection, std::int64_t project_id);
void RecordBidOpened(Connection& connection, const Bid& bid);
// What the audit trail keeps of a bid: who, when and the receipt; never the amount.
std::string BidSnapshot(const Bid& bid);

std::int64_t InsertWitnessConsent(Connection& connection, const WitnessConsent& consent);
// The newest consent of the project for the purpose, used or not (the refusal says which is missing).
std::optional<WitnessConsent> LatestWitnessConsent(Connection& connection, std::int64_t project_id,
                                                   const std::string& purpose);
// Marks the consent used; false when it was used meanwhile (two steps racing for one consent: only one wins).
bool UseWitnessConsent(Connection& connection, std::int64_t id, Instant at, const std::string& used_by_name);
std::string WitnessConsentSnapshot(const WitnessConsent& consent);

void InsertOpening(Connection& connection, const BidOpening& opening);
std::optional<BidOpening> FindOpening(Connection& connection, std::int64_t project_id);

// Every audit entry about the project and, once awarded, about its contract: the discipline-inspection office's
// view from creation to contract (D1 Art.4). At the same instant the project's step comes first: the award before the
// draft it creates.
struct TrailEntry {
    std::int64_t seq = 0;
    Instant at;
    std::string actor_name;  // the display name when the user still exists
    std::string role;        // the user's role now (empty for system actions)
    std::string action;
    std::string entity;
    std::optional<std::int64_t> entity_id;
};
std::vector<TrailEntry> ProjectTrail(Connection& connection, std::int64_t project_id,
                                     std::optional<std::int64_t> contract_id);

}  // namespace houqin::storage
