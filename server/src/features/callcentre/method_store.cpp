#include "features/callcentre/method_store.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "features/callcentre/method_codec.h"

namespace houqin::storage {
namespace {

constexpr const char* kMethodColumns =
    "id, contract_id, vendor_org_id, status, version, effective_from, method_json, note, return_reason, drafted_by, "
    "submitted_at, approved_by, approved_at, created_at, updated_at";

constexpr const char* kSelectApprovedMethods =
    "SELECT version, effective_from, method_json FROM cc_scoring_methods WHERE contract_id = ? AND status = "
    "'approved' ORDER BY version";

constexpr const char* kSelectOpenMethod =
    "SELECT 1 FROM cc_scoring_methods WHERE contract_id = ? AND status <> 'approved'";

constexpr const char* kSelectLastMethodVersion =
    "SELECT COALESCE(MAX(version), 0) FROM cc_scoring_methods WHERE contract_id = ?";

constexpr const char* kInsertMethod =
    "INSERT INTO cc_scoring_methods (contract_id, vendor_org_id, status, version, effective_from, method_json, note, "
    "return_reason, drafted_by, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, '', ?, ?, ?) RETURNING id";

constexpr const char* kUpdateMethod =
    "UPDATE cc_scoring_methods SET status = ?, version = ?, effective_from = ?, method_json = ?, note = ?, "
    "return_reason = ?, submitted_at = ?, approved_by = ?, approved_at = ?, updated_at = ? WHERE id = ? AND status = ?";

constexpr const char* kSuggestionColumns =
    "id, contract_id, vendor_org_id, person_id, month, recording_ref, supervision_note, attachment_id, submitted_at, "
    "status, decision_note, decided_at, decided_by, created_at, updated_at";

constexpr const char* kSelectAcceptedSuggestions =
    "SELECT id, person_id, submitted_at FROM cc_penalty_suggestions WHERE contract_id = ? AND month = ? AND status = "
    "'accepted' ORDER BY submitted_at, id";

constexpr const char* kInsertSuggestion =
    "INSERT INTO cc_penalty_suggestions (contract_id, vendor_org_id, person_id, month, recording_ref, "
    "supervision_note, attachment_id, submitted_at, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?) RETURNING id";

constexpr const char* kDecideSuggestion =
    "UPDATE cc_penalty_suggestions SET status = ?, decision_note = ?, decided_at = ?, decided_by = ?, updated_at = ? "
    "WHERE id = ? AND status = ?";

Param CcMethodOptionalInstant(const std::optional<Instant>& instant) {
    if (!instant) return nullptr;
    return instant->ms;
}

AssessmentMonth CcStoredMonth(const std::string& text) {
    const auto month = AssessmentMonth::Parse(text);
    if (!month) throw std::runtime_error("cc: a stored month is not YYYY-MM: " + text);
    return *month;
}

ScoringMethodRecord MethodFromRow(const Row& row) {
    ScoringMethodRecord record;
    record.id = row.Int(0);
    record.contract_id = row.Int(1);
    record.vendor_org_id = row.Int(2);
    record.status = ParseMethodStatus(row.Str(3)).value_or(MethodStatus::kDraft);
    const auto version = static_cast<int>(row.Int(4));
    const auto values = codec::ScoringMethodFromStoredText(row.Str(6), version, CcStoredMonth(row.Str(5)));
    if (!values) throw std::runtime_error("cc: scoring method " + row.Str(0) + " has unreadable values");
    record.method = *values;
    record.note = row.Str(7);
    record.return_reason = row.Str(8);
    record.drafted_by = row.OptInt(9);
    if (!row.IsNull(10)) record.submitted_at = Instant{row.Int(10)};
    record.approved_by = row.OptInt(11);
    if (!row.IsNull(12)) record.approved_at = Instant{row.Int(12)};
    record.created_at = Instant{row.Int(13)};
    record.updated_at = Instant{row.Int(14)};
    return record;
}

std::vector<ScoringMethodRecord> SelectScoringMethods(Connection& connection, const std::string& where,
                                                      const Params& params) {
    std::vector<ScoringMethodRecord> records;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kMethodColumns + " FROM cc_scoring_methods " + where, params)) {
        records.push_back(MethodFromRow(row));
    }
    return records;
}

std::vector<PenaltySuggestion> SelectPenaltySuggestions(Connection& connection, const std::string& where,
                                                        const Params& params) {
    std::vector<PenaltySuggestion> suggestions;
    for (const auto& row : connection.Query(
             std::string("SELECT ") + kSuggestionColumns + " FROM cc_penalty_suggestions " + where, params)) {
        PenaltySuggestion suggestion;
        suggestion.id = row.Int(0);
        suggestion.contract_id = row.Int(1);
        suggestion.vendor_org_id = row.Int(2);
        suggestion.person_id = row.Int(3);
        suggestion.month = CcStoredMonth(row.Str(4));
        suggestion.recording_ref = row.Str(5);
        suggestion.supervision_note = row.Str(6);
        suggestion.attachment_id = row.OptInt(7);
        suggestion.submitted_at = Instant{row.Int(8)};
        suggestion.status = ParseSuggestionStatus(row.Str(9)).value_or(SuggestionStatus::kSubmitted);
        suggestion.decision_note = row.Str(10);
        if (!row.IsNull(11)) suggestion.decided_at = Instant{row.Int(11)};
        suggestion.decided_by = row.OptInt(12);
        suggestion.created_at = Instant{row.Int(13)};
        suggestion.updated_at = Instant{row.Int(14)};
        suggestions.push_back(std::move(suggestion));
    }
    return suggestions;
}

}  // namespace

std::vector<ScoringMethod> LoadApprovedMethods(Connection& connection, std::int64_t contract_id) {
    std::vector<ScoringMethod> methods;
    for (const auto& row : connection.Query(kSelectApprovedMethods, {contract_id})) {
        const auto method =
            codec::ScoringMethodFromStoredText(row.Str(2), static_cast<int>(row.Int(0)), CcStoredMonth(row.Str(1)));
        if (!method) throw std::runtime_error("cc: an approved scoring method has unreadable values");
        methods.push_back(*method);
    }
    return methods;
}

std::vector<ScoredContract> ContractsWithApprovedMethod(Connection& connection, const VendorScope& scope, Date today) {
    std::string where =
        " WHERE c.status = 'active' AND c.term_end >= ? AND EXISTS (SELECT 1 FROM cc_scoring_methods m WHERE "
        "m.contract_id = c.id AND m.status = 'approved')";
    Params params{today.ToString()};
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", where, params);
    std::vector<ScoredContract> result;
    for (const auto& row :
         connection.Query("SELECT c.id, c.code, c.title FROM contracts c" + where + " ORDER BY c.id", params)) {
        result.push_back({row.Int(0), row.Str(1), row.Str(2)});
    }
    return result;
}

std::map<std::int64_t, std::vector<AcceptedSuggestion>> LoadAcceptedSuggestions(Connection& connection,
                                                                                std::int64_t contract_id,
                                                                                AssessmentMonth month) {
    std::map<std::int64_t, std::vector<AcceptedSuggestion>> accepted;
    for (const auto& row : connection.Query(kSelectAcceptedSuggestions, {contract_id, month.ToString()})) {
        accepted[row.Int(1)].push_back({row.Str(0), Instant{row.Int(2)}});
    }
    return accepted;
}

std::vector<ScoringMethodRecord> ScoringMethodsOfContract(Connection& connection, std::int64_t contract_id) {
    return SelectScoringMethods(connection, "WHERE contract_id = ? ORDER BY id DESC", {contract_id});
}

std::optional<ScoringMethodRecord> FindScoringMethod(Connection& connection, std::int64_t id) {
    auto found = SelectScoringMethods(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

void LockScoringMethods(Connection& connection, std::int64_t contract_id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1006, CAST(? AS INTEGER))", {contract_id});
    }
}

bool HasOpenScoringMethod(Connection& connection, std::int64_t contract_id) {
    return connection.QueryOne(kSelectOpenMethod, {contract_id}).has_value();
}

std::int64_t InsertScoringMethod(Connection& connection, const ScoringMethodRecord& record) {
    return connection.InsertReturningId(
        kInsertMethod, {record.contract_id, record.vendor_org_id, std::string(MethodStatusCode(record.status)),
                        record.method.effective_from.ToString(), codec::ScoringMethodStoredText(record.method),
                        record.note, Optional(record.drafted_by), record.created_at.ms, record.updated_at.ms});
}

bool UpdateScoringMethod(Connection& connection, const ScoringMethodRecord& record, MethodStatus from) {
    const Param version = record.method.version > 0 ? Param(std::int64_t{record.method.version}) : Param(nullptr);
    return connection.Execute(kUpdateMethod,
                              {std::string(MethodStatusCode(record.status)), version,
                               record.method.effective_from.ToString(), codec::ScoringMethodStoredText(record.method),
                               record.note, record.return_reason, CcMethodOptionalInstant(record.submitted_at),
                               Optional(record.approved_by), CcMethodOptionalInstant(record.approved_at),
                               record.updated_at.ms, record.id, std::string(MethodStatusCode(from))}) > 0;
}

int NextScoringMethodVersion(Connection& connection, std::int64_t contract_id) {
    const auto row = connection.QueryOne(kSelectLastMethodVersion, {contract_id});
    return static_cast<int>(row ? row->Int(0) : 0) + 1;
}

std::string ScoringMethodSnapshot(const ScoringMethodRecord& record) {
    auto values = nlohmann::json::parse(codec::ScoringMethodStoredText(record.method));
    return nlohmann::json{
        {"contract_id", record.contract_id},
        {"status", std::string(MethodStatusCode(record.status))},
        {"version", record.method.version > 0 ? nlohmann::json(record.method.version) : nlohmann::json()},
        {"effective_from", record.method.effective_from.ToString()},
        {"values", std::move(values)},
        {"note", record.note},
        {"return_reason", record.return_reason}}
        .dump();
}

std::vector<PenaltySuggestion> PenaltySuggestionsOfContract(Connection& connection, std::int64_t contract_id,
                                                            std::optional<AssessmentMonth> month) {
    if (month) {
        return SelectPenaltySuggestions(connection, "WHERE contract_id = ? AND month = ? ORDER BY id DESC",
                                        {contract_id, month->ToString()});
    }
    return SelectPenaltySuggestions(connection, "WHERE contract_id = ? ORDER BY id DESC", {contract_id});
}

std::optional<PenaltySuggestion> FindPenaltySuggestion(Connection& connection, std::int64_t id) {
    auto found = SelectPenaltySuggestions(connection, "WHERE id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::int64_t InsertPenaltySuggestion(Connection& connection, const PenaltySuggestion& suggestion,
                                     std::optional<std::int64_t> created_by) {
    return connection.InsertReturningId(
        kInsertSuggestion,
        {suggestion.contract_id, suggestion.vendor_org_id, suggestion.person_id, suggestion.month.ToString(),
         suggestion.recording_ref, suggestion.supervision_note, Optional(suggestion.attachment_id),
         suggestion.submitted_at.ms, std::string(SuggestionStatusCode(suggestion.status)), Optional(created_by),
         suggestion.created_at.ms, suggestion.updated_at.ms});
}

bool DecidePenaltySuggestion(Connection& connection, const PenaltySuggestion& suggestion, SuggestionStatus from) {
    return connection.Execute(kDecideSuggestion,
                              {std::string(SuggestionStatusCode(suggestion.status)), suggestion.decision_note,
                               CcMethodOptionalInstant(suggestion.decided_at), Optional(suggestion.decided_by),
                               suggestion.updated_at.ms, suggestion.id, std::string(SuggestionStatusCode(from))}) > 0;
}

std::string PenaltySuggestionSnapshot(const PenaltySuggestion& suggestion) {
    return nlohmann::json{
        {"contract_id", suggestion.contract_id},
        {"person_id", suggestion.person_id},
        {"month", suggestion.month.ToString()},
        {"recording_ref", suggestion.recording_ref},
        {"supervision_note", suggestion.supervision_note},
        {"attachment_id", suggestion.attachment_id ? nlohmann::json(*suggestion.attachment_id) : nlohmann::json()},
        {"submitted_at", suggestion.submitted_at.ToIso()},
        {"status", std::string(SuggestionStatusCode(suggestion.status))},
        {"decision_note", suggestion.decision_note}}
        .dump();
}

}  // namespace houqin::storage
