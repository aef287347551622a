#pragma once
// CC-8: the SQL of call-record imports (call_imports), the dedup keys of the calls imported (call_keys), each agent
// ID's calls per day (call_agent_days) and the column mappings saved per vendor (call_mappings). Migration 24.
// The monthly scoring (CC-3) reads call_agent_days through LoadAgentDays.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "features/callcentre/call_model.h"
#include "platform/database/database.h"

namespace houqin::storage {

using Day = Date;  // a Shanghai calendar day

// One agent ID's calls on one Shanghai day (by the call's start), counted once per call (CC-8 dedup and legs).
struct AgentDayTotals {
    std::string agent_id;
    Day day;
    std::int64_t calls, successful, talk_seconds;  // successful: successful visits (result 成功访问, CC-3)
    std::int64_t answered = 0;
};

// Every agent ID's day totals of the contract from `first` to `last` inclusive, by agent ID then day.
std::vector<AgentDayTotals> LoadAgentDays(Connection& connection, std::int64_t contract_id, Day first, Day last);

std::int64_t InsertCallImport(Connection& connection, const CallImportRow& row);
std::optional<CallImportRow> FindCallImport(Connection& connection, std::int64_t id);
std::vector<CallImportRow> CallImportsOfContract(Connection& connection, std::int64_t contract_id);
// Moves an import from `from` to `to` (false: its status was no longer `from`), with the progress and report.
bool SetCallImportStatus(Connection& connection, const CallImportRow& row, CallImportStatus from);
// Imports left queued or running by a server that stopped: they can no longer finish.
std::vector<CallImportRow> UnfinishedCallImports(Connection& connection);

// Which of the contract's key fingerprints are filed under `day` (days since 1970-01-01).
std::vector<std::uint64_t> CallKeysOfDay(Connection& connection, std::int64_t contract_id, std::int64_t day);
struct CallKey {
    std::int64_t day = 0;
    std::uint64_t hash = 0;
};
// Holds the contract's call keys for the rest of the transaction: imports into one contract take turns, in one
// server or several, so the keys an import reads for a day are still all there are when it files new ones.
void LockCallKeys(Connection& connection, std::int64_t contract_id);
// Files the keys: on SQLite a key already filed for that day is left as it is; on PostgreSQL (COPY) the caller
// files only keys it did not find, under LockCallKeys.
void InsertCallKeys(Connection& connection, std::int64_t contract_id, std::int64_t import_id,
                    const std::vector<CallKey>& keys);
// Adds the totals to the agent's day (creating the row).
void AddAgentDays(Connection& connection, std::int64_t contract_id, const std::vector<AgentDayTotals>& days);

std::vector<CallMappingRow> CallMappingsOfVendor(Connection& connection, std::int64_t vendor_org_id);
std::optional<CallMappingRow> FindCallMapping(Connection& connection, std::int64_t id);
std::int64_t InsertCallMapping(Connection& connection, const CallMappingRow& row, std::optional<std::int64_t> by);

}  // namespace houqin::storage
