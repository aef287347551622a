#include "features/callcentre/rules/agent_ids.h"

#include <fmt/format.h>

#include <algorithm>

namespace houqin {
namespace {

std::string PeriodText(const AgentIdAssignment& row) {
    return row.valid_to ? fmt::format("{} – {}", row.valid_from.ToString(), row.valid_to->AddDays(-1).ToString())
                        : fmt::format("{} –", row.valid_from.ToString());
}

}  // namespace

bool PeriodsOverlap(Date from, std::optional<Date> to, Date other_from, std::optional<Date> other_to) {
    const bool starts_before_other_ends = !other_to || from < *other_to;
    const bool other_starts_before_end = !to || other_from < *to;
    return starts_before_other_ends && other_starts_before_end;
}

Result<AgentIdHistory> AgentIdHistory::Make(std::vector<AgentIdAssignment> rows) {
    std::sort(rows.begin(), rows.end(), [](const AgentIdAssignment& a, const AgentIdAssignment& b) {
        if (a.agent_id != b.agent_id) return a.agent_id < b.agent_id;
        if (a.valid_from != b.valid_from) return a.valid_from < b.valid_from;
        return a.id < b.id;
    });
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (row.valid_to && !(row.valid_from < *row.valid_to)) {
            return Error::Invalid(
                "valid_to",
                {fmt::format("工号 {} 的截止日期须晚于启用日期 {}", row.agent_id, row.valid_from.ToString()),
                 fmt::format("Agent ID {} must end after it starts on {}", row.agent_id, row.valid_from.ToString())});
        }
        // Sorted by start: a row overlaps an earlier one of the same ID exactly when the one before it has not ended.
        if (i > 0 && rows[i - 1].agent_id == row.agent_id &&
            PeriodsOverlap(rows[i - 1].valid_from, rows[i - 1].valid_to, row.valid_from, row.valid_to)) {
            const auto& earlier = rows[i - 1];
            return Error::Conflict(
                ErrorCode::kAlreadyExists, "agent_id",
                {fmt::format("工号 {} 在 {} 与 {} 两段期间重叠:同一工号同一天只能属于一人", row.agent_id,
                             PeriodText(earlier), PeriodText(row)),
                 fmt::format("Agent ID {} would be valid twice ({} and {}): one ID belongs to one person on any day",
                             row.agent_id, PeriodText(earlier), PeriodText(row))});
        }
    }
    AgentIdHistory history;
    history.rows_ = std::move(rows);
    return history;
}

std::optional<AgentIdAssignment> AgentIdHistory::HolderOn(std::string_view agent_id, Date day) const {
    for (const auto& row : rows_) {
        if (row.agent_id == agent_id && row.ValidOn(day)) return row;
    }
    return std::nullopt;
}

std::vector<AgentIdAssignment> AgentIdHistory::OfAgentId(std::string_view agent_id) const {
    std::vector<AgentIdAssignment> found;
    for (const auto& row : rows_) {
        if (row.agent_id == agent_id) found.push_back(row);
    }
    return found;
}

std::vector<AgentIdAssignment> AgentIdHistory::OfPerson(std::int64_t person_id) const {
    std::vector<AgentIdAssignment> found;
    for (const auto& row : rows_) {
        if (row.person_id == person_id) found.push_back(row);
    }
    std::sort(found.begin(), found.end(), [](const AgentIdAssignment& a, const AgentIdAssignment& b) {
        return a.valid_from != b.valid_from ? a.valid_from < b.valid_from : a.id < b.id;
    });
    return found;
}

std::optional<AgentIdAssignment> AgentIdHistory::Clash(std::string_view agent_id, Date from) const {
    for (const auto& row : rows_) {
        if (row.agent_id == agent_id && PeriodsOverlap(from, std::nullopt, row.valid_from, row.valid_to)) return row;
    }
    return std::nullopt;
}

}  // namespace houqin
