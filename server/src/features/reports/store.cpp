#include "features/reports/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

using Json = nlohmann::json;

constexpr const char* kSelectDisplayNameByUsername = "SELECT display_name FROM users WHERE username = ?";

int IntOf(const Json& object, const char* key, int fallback = 0) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number()) return fallback;
    return found->get<int>();
}

std::vector<ReportAssessmentItem> ParseItems(const std::string& text) {
    std::vector<ReportAssessmentItem> items;
    const auto parsed = Json::parse(text.empty() ? "[]" : text, nullptr, false);
    if (!parsed.is_array()) return items;
    for (const auto& element : parsed) {
        if (!element.is_object()) continue;
        ReportAssessmentItem item;
        item.item = element.value("item", "");
        item.points = IntOf(element, "points");
        item.lost_tenths = IntOf(element, "lost_tenths");
        item.failed = element.value("failed", false);
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace

std::vector<ContractRecord> SignedContractsOverlapping(Connection& connection, const VendorScope& scope, Date first,
                                                       Date last, std::optional<std::int64_t> vendor_id) {
    std::string sql =
        "SELECT c.id FROM contracts c WHERE c.active_version_no > 0 AND c.status IN ('active', 'terminated') "
        "AND c.term_start <= ? AND c.term_end >= ?";
    Params params{last.ToString(), first.ToString()};
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", sql, params);
    if (vendor_id) {
        sql += " AND c.vendor_id = ?";
        params.emplace_back(*vendor_id);
    }
    sql += " ORDER BY c.code, c.id";
    std::vector<ContractRecord> contracts;
    for (const auto& row : connection.Query(sql, params)) {
        if (auto contract = FindContract(connection, row.Int(0), scope)) contracts.push_back(std::move(*contract));
    }
    return contracts;
}

namespace {

// " AND period >= 'first year' AND period < 'year after the last'": every label of those years, whatever its
// frequency, sorts between the two.
std::string PeriodYears(const std::optional<std::pair<int, int>>& years, Params& params) {
    if (!years) return "";
    params.emplace_back(fmt::format("{:04d}", years->first));
    params.emplace_back(fmt::format("{:04d}", years->second + 1));
    return " AND period >= ? AND period < ?";
}

}  // namespace

std::vector<ReportAssessment> ContractAssessmentRows(Connection& connection, std::int64_t contract_id,
                                                     std::optional<std::pair<int, int>> years, AssessmentItems items) {
    std::vector<ReportAssessment> rows;
    Params params{contract_id};
    const auto where = PeriodYears(years, params);
    for (const auto& row : connection.Query(
             std::string("SELECT id, period, kind, assessed_on, inspector, total_tenths, pass_mark, passed, grade, "
                         "failed_items, ") +
                 (items == AssessmentItems::kRead ? "items_json" : "''") + " FROM assessments WHERE contract_id = ?" +
                 where + " ORDER BY assessed_on, id",
             params)) {
        ReportAssessment assessment;
        assessment.id = row.Int(0);
        assessment.period = row.Str(1);
        assessment.kind = row.Str(2);
        assessment.assessed_on = Date::Parse(row.Str(3)).value_or(Date{});
        assessment.inspector = row.Str(4);
        assessment.total_tenths = static_cast<int>(row.Int(5));
        assessment.pass_mark = static_cast<int>(row.Int(6));
        assessment.passed = row.Bool(7);
        assessment.grade = row.Str(8);
        assessment.failed_items = static_cast<int>(row.Int(9));
        if (items == AssessmentItems::kRead) assessment.items = ParseItems(row.Str(10));
        rows.push_back(std::move(assessment));
    }
    return rows;
}

std::vector<ReportSurvey> ContractSurveyRows(Connection& connection, std::int64_t contract_id,
                                             std::optional<std::pair<int, int>> years) {
    std::vector<ReportSurvey> rows;
    Params params{contract_id};
    const auto where = PeriodYears(years, params);
    for (const auto& row : connection.Query(
             "SELECT id, period, title, status, basic_counts_satisfied FROM surveys WHERE contract_id = ?" + where +
                 " ORDER BY opens_on, id",
             params)) {
        ReportSurvey survey;
        survey.id = row.Int(0);
        survey.period = row.Str(1);
        survey.title = row.Str(2);
        survey.status = row.Str(3);
        survey.basic_counts_satisfied = row.Bool(4);
        for (const auto& count : connection.Query(
                 "SELECT rating, COUNT(*) FROM survey_answers WHERE survey_id = ? GROUP BY rating", {survey.id})) {
            const auto& rating = count.Str(0);
            if (rating == "very_satisfied") survey.very_satisfied = count.Int(1);
            if (rating == "satisfied") survey.satisfied = count.Int(1);
            if (rating == "basically_satisfied") survey.basically_satisfied = count.Int(1);
            if (rating == "dissatisfied") survey.dissatisfied = count.Int(1);
        }
        rows.push_back(std::move(survey));
    }
    return rows;
}

std::vector<ReportProposal> ContractProposalRows(Connection& connection, std::int64_t contract_id) {
    std::vector<ReportProposal> rows;
    for (const auto& row : connection.Query(
             "SELECT id, kind, rule, status, period, amount_fen, approved_amount_fen, explanation_zh, explanation_en, "
             "created_at, updated_at FROM proposals WHERE contract_id = ? ORDER BY created_at, id",
             {contract_id})) {
        ReportProposal proposal;
        proposal.id = row.Int(0);
        proposal.kind = row.Str(1);
        proposal.rule = row.Str(2);
        proposal.status = row.Str(3);
        proposal.period = row.Str(4);
        if (!row.IsNull(5)) proposal.amount = Money::FromFen(row.Int(5));
        if (!row.IsNull(6)) proposal.approved_amount = Money::FromFen(row.Int(6));
        proposal.explanation = {row.Str(7), row.Str(8)};
        proposal.created_at = Instant{row.Int(9)};
        proposal.updated_at = Instant{row.Int(10)};
        rows.push_back(std::move(proposal));
    }
    return rows;
}

std::optional<std::int64_t> ProposalOfLedgerEntry(Connection& connection, std::int64_t entry_id) {
    const auto row = connection.QueryOne("SELECT id FROM proposals WHERE ledger_entry_id = ?", {entry_id});
    if (!row) return std::nullopt;
    return row->Int(0);
}

std::string PersonName(Connection& connection, const std::string& username) {
    const auto row = connection.QueryOne(kSelectDisplayNameByUsername, {username});
    if (!row || row->Str(0).empty()) return username;
    return row->Str(0);
}

std::vector<AuditContractEvent> ContractEventsBetween(Connection& connection, std::int64_t contract_id,
                                                      std::int64_t from_ms, std::int64_t to_ms) {
    std::vector<AuditContractEvent> events;
    for (const auto& row : connection.Query(
             "SELECT w.at, w.action, w.version_no, COALESCE(u.display_name, w.actor_name), w.comment "
             "FROM workflow_events w LEFT JOIN users u ON u.id = w.actor_id "
             "LEFT JOIN contract_versions cv ON cv.contract_id = w.subject_id AND cv.version_no = w.version_no "
             "WHERE w.subject_type = 'contract' AND w.subject_id = ? AND w.at >= ? AND w.at < ? "
             "AND (w.action IN ('amend', 'renew', 'terminate') OR (w.action = 'sign' AND cv.kind = 'amendment')) "
             "ORDER BY w.at, w.id",
             {contract_id, from_ms, to_ms})) {
        events.push_back({Instant{row.Int(0)}, row.Str(1), static_cast<int>(row.Int(2)), row.Str(3), row.Str(4)});
    }
    return events;
}

}  // namespace houqin::storage
