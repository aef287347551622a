#include "features/contracts/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "features/contracts/codec.h"
#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

using Json = nlohmann::json;

constexpr const char* kColumns =
    "c.id, c.code, c.title, c.vendor_id, v.name, c.vendor_org_id, c.owner_org_id, c.owner_path, c.category_id, "
    "c.status, c.review_state, c.version_no, c.active_version_no, c.term_start, c.term_end, c.total_amount_fen, "
    "c.predecessor_id, c.successor_id, c.signing_json, c.termination_json, c.amendment_json, c.created_at, "
    "c.updated_at";
constexpr const char* kFrom = " FROM contracts c JOIN vendors v ON v.id = c.vendor_id";

std::optional<std::string> SigningJson(const std::optional<SigningRecord>& signing) {
    if (!signing) return std::nullopt;
    return Json{{"signed_on", signing->signed_on.ToString()},
                {"party_a_signatory", signing->party_a_signatory},
                {"party_b_signatory", signing->party_b_signatory},
                {"attachment_id", signing->attachment_id},
                {"version_no", signing->version_no},
                {"by", signing->by}}
        .dump();
}

std::optional<std::string> TerminationJson(const std::optional<TerminationRecord>& termination) {
    if (!termination) return std::nullopt;
    return Json{{"reason", termination->reason},
                {"breach_liability", termination->breach_liability},
                {"effective_on", termination->effective_on.ToString()},
                {"by", termination->by},
                {"at", termination->at.ms}}
        .dump();
}

std::optional<std::string> AmendmentJson(const std::optional<AmendmentRecord>& amendment) {
    if (!amendment) return std::nullopt;
    return Json{{"consultation_id", amendment->consultation_id}, {"reason", amendment->reason}}.dump();
}

ContractRecord FromRow(const Row& row) {
    ContractRecord contract;
    contract.id = row.Int(0);
    contract.code = row.Str(1);
    contract.title = row.Str(2);
    contract.vendor_id = row.Int(3);
    contract.vendor_name = row.Str(4);
    contract.vendor_org_id = row.Int(5);
    contract.owner_org_id = row.Int(6);
    contract.owner_path = row.Str(7);
    contract.category_id = row.Int(8);
    contract.status = row.Str(9);
    contract.review_state = row.Str(10);
    contract.version_no = static_cast<int>(row.Int(11));
    contract.active_version_no = static_cast<int>(row.Int(12));
    contract.term_start = Date::Parse(row.Str(13)).value_or(Date{});
    contract.term_end = Date::Parse(row.Str(14)).value_or(Date{});
    contract.total_amount = Money::FromFen(row.Int(15));
    contract.predecessor_id = row.OptInt(16);
    contract.successor_id = row.OptInt(17);
    if (!row.IsNull(18)) {
        const auto json = Json::parse(row.Str(18));
        contract.signing = SigningRecord{Date::Parse(json.value("signed_on", "")).value_or(Date{}),
                                         json.value("party_a_signatory", ""),
                                         json.value("party_b_signatory", ""),
                                         json.value("attachment_id", std::int64_t{0}),
                                         json.value("version_no", 0),
                                         json.value("by", "")};
    }
    if (!row.IsNull(19)) {
        const auto json = Json::parse(row.Str(19));
        contract.termination = TerminationRecord{json.value("reason", ""), json.value("breach_liability", ""),
                                                 Date::Parse(json.value("effective_on", "")).value_or(Date{}),
                                                 json.value("by", ""), Instant{json.value("at", std::int64_t{0})}};
    }
    if (!row.IsNull(20)) {
        const auto json = Json::parse(row.Str(20));
        contract.amendment = AmendmentRecord{json.value("consultation_id", std::int64_t{0}), json.value("reason", "")};
    }
    contract.created_at = Instant{row.Int(21)};
    contract.updated_at = Instant{row.Int(22)};
    return contract;
}

void AddScope(const VendorScope& scope, std::string& where, Params& params) {
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", where, params);
}

ContractVersion VersionFromRow(const Row& row) {
    ContractVersion version;
    version.id = row.Int(0);
    version.contract_id = row.Int(1);
    version.version_no = static_cast<int>(row.Int(2));
    version.kind = row.Str(3);
    version.status = row.Str(4);
    version.content_json = row.Str(5);
    version.created_by = row.Str(6);
    version.created_at = Instant{row.Int(7)};
    if (!row.IsNull(8)) version.submitted_at = Instant{row.Int(8)};
    return version;
}

constexpr const char* kVersionColumns =
    "id, contract_id, version_no, kind, status, content_json, created_by, created_at, submitted_at";

}  // namespace

Page<ContractRecord> ListContracts(Connection& connection, const ContractFilter& filter) {
    ListConditions conditions;
    if (!filter.q.empty()) {
        const std::string pattern = LikeContains(filter.q);
        conditions.Add("(c.title LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\' OR v.name LIKE ? ESCAPE '\\')",
                       {pattern, pattern, pattern});
    }
    if (filter.status) {
        // Expired and renewed are derived: an active contract whose term ended before today, without or with a
        // successor.
        if (*filter.status == ContractStatus::kExpired) {
            conditions.Add("c.status = 'active' AND c.successor_id IS NULL AND c.term_end < ?",
                           {filter.today.ToString()});
        } else if (*filter.status == ContractStatus::kRenewed) {
            conditions.Add("c.status = 'active' AND c.successor_id IS NOT NULL AND c.term_end < ?",
                           {filter.today.ToString()});
        } else if (*filter.status == ContractStatus::kActive) {
            conditions.Add("c.status = 'active' AND c.term_end >= ?", {filter.today.ToString()});
        } else {
            conditions.Add("c.status = ?", {std::string(ContractStatusCode(*filter.status))});
        }
    }
    if (filter.vendor_id) conditions.Add("c.vendor_id = ?", {*filter.vendor_id});
    Params params;
    std::string where = ScopedWhere(filter.scope, "c.owner_path", "c.vendor_org_id", conditions, params);
    // The vendor's name is joined only to search it: every contract has its vendor (a foreign key).
    const std::string from = filter.q.empty() ? " FROM contracts c" : kFrom;
    const auto total = connection.QueryOne("SELECT COUNT(*)" + from + where, params)->Int(0);
    const std::string column = filter.sort == "term_end"     ? "c.term_end"
                               : filter.sort == "created_at" ? "c.created_at"
                               : filter.sort == "updated_at" ? "c.updated_at"
                                                             : "c.code";
    const std::string order = " ORDER BY " + column + (filter.descending ? " DESC" : " ASC") + ", c.id";
    // By code (the page's default) a large scope walks contracts_code (migration 29) instead of sorting its range,
    // as the assessment list does by date.
    if (column == "c.code" && !filter.descending && conditions.Empty() && !filter.scope.vendor_org_id &&
        ScopeWalkIsCheaper(connection, "contracts", total, filter.page * filter.page_size)) {
        params.clear();
        where = ScopedWhere(filter.scope, "+c.owner_path", "c.vendor_org_id", conditions, params);
    }
    // The page's ids from the narrow columns first; only its twenty rows are then read whole and joined.
    std::string ids = "SELECT c.id" + from + where + order;
    AppendPageLimit(ids, params, filter.page, filter.page_size);
    const std::string sql =
        std::string("SELECT ") + kColumns + kFrom + " JOIN (" + ids + ") page ON page.id = c.id" + order;
    std::vector<ContractRecord> contracts;
    for (const auto& row : connection.Query(sql, params)) contracts.push_back(FromRow(row));
    return PageOf(std::move(contracts), total);
}

void LockContract(Connection& connection, std::int64_t id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT id FROM contracts WHERE id = ? FOR UPDATE", {id});
    }
}

std::optional<ContractRecord> FindContract(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE c.id = ?";
    Params params{id};
    AddScope(scope, where, params);
    auto row = connection.QueryOne(std::string("SELECT ") + kColumns + kFrom + where, params);
    if (!row) return std::nullopt;
    return FromRow(*row);
}

std::int64_t InsertContract(Connection& connection, const ContractRecord& contract, Instant now) {
    return connection.InsertReturningId(
        "INSERT INTO contracts (code, title, vendor_id, vendor_org_id, owner_org_id, owner_path, category_id, status, "
        "review_state, version_no, active_version_no, term_start, term_end, total_amount_fen, predecessor_id, "
        "successor_id, signing_json, termination_json, amendment_json, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {contract.code,
         contract.title,
         contract.vendor_id,
         contract.vendor_org_id,
         contract.owner_org_id,
         contract.owner_path,
         contract.category_id,
         contract.status,
         contract.review_state,
         std::int64_t{contract.version_no},
         std::int64_t{contract.active_version_no},
         contract.term_start.ToString(),
         contract.term_end.ToString(),
         contract.total_amount.fen(),
         Optional(contract.predecessor_id),
         Optional(contract.successor_id),
         Optional(SigningJson(contract.signing)),
         Optional(TerminationJson(contract.termination)),
         Optional(AmendmentJson(contract.amendment)),
         now.ms,
         now.ms});
}

void UpdateContract(Connection& connection, const ContractRecord& contract, Instant now) {
    connection.Execute(
        "UPDATE contracts SET title = ?, vendor_id = ?, vendor_org_id = ?, category_id = ?, status = ?, "
        "review_state = ?, version_no = ?, active_version_no = ?, term_start = ?, term_end = ?, total_amount_fen = ?, "
        "predecessor_id = ?, successor_id = ?, signing_json = ?, termination_json = ?, amendment_json = ?, "
        "updated_at = ? WHERE id = ?",
        {contract.title, contract.vendor_id, contract.vendor_org_id, contract.category_id, contract.status,
         contract.review_state, std::int64_t{contract.version_no}, std::int64_t{contract.active_version_no},
         contract.term_start.ToString(), contract.term_end.ToString(), contract.total_amount.fen(),
         Optional(contract.predecessor_id), Optional(contract.successor_id), Optional(SigningJson(contract.signing)),
         Optional(TerminationJson(contract.termination)), Optional(AmendmentJson(contract.amendment)), now.ms,
         contract.id});
}

std::string NextContractCode(Connection& connection, int year) {
    // READ COMMITTED lets two transactions read the same MAX(code); the second insert then broke the unique code and
    // was refused. A transaction-scoped advisory lock on (1002, year) takes the codes of a year one at a time
    // (SQLite's BEGIN IMMEDIATE already does).
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1002, CAST(? AS INTEGER))", {std::int64_t{year}});
    }
    const std::string prefix = fmt::format("HT-{:04d}-", year);
    const auto row = connection.QueryOne("SELECT MAX(code) FROM contracts WHERE code LIKE ?", {prefix + "%"});
    int next = 1;
    if (row && !row->IsNull(0)) next = std::stoi(row->Str(0).substr(prefix.size())) + 1;
    return fmt::format("{}{:04d}", prefix, next);
}

std::string ContractSnapshot(const ContractRecord& contract) {
    Json json = {{"id", contract.id},
                 {"code", contract.code},
                 {"title", contract.title},
                 {"vendor_id", contract.vendor_id},
                 {"status", contract.status},
                 {"review_state", contract.review_state},
                 {"version_no", contract.version_no},
                 {"active_version_no", contract.active_version_no},
                 {"term_start", contract.term_start.ToString()},
                 {"term_end", contract.term_end.ToString()},
                 {"total_amount", contract.total_amount.ToString()}};
    if (auto signing = SigningJson(contract.signing)) json["signing"] = Json::parse(*signing);
    if (auto termination = TerminationJson(contract.termination)) json["termination"] = Json::parse(*termination);
    if (auto amendment = AmendmentJson(contract.amendment)) json["amendment"] = Json::parse(*amendment);
    if (contract.predecessor_id) json["predecessor_id"] = *contract.predecessor_id;
    if (contract.successor_id) json["successor_id"] = *contract.successor_id;
    return json.dump();
}

std::string SerializeContractContent(const ContractContent& content) {
    return codec::ContractContentJson(content).dump();
}

ContractContent ParseContractContent(const std::string& json) {
    Validation ignored;  // stored content was validated when it was written
    return codec::ContractContentFromJson(Json::parse(json), ignored);
}

std::vector<ContractVersion> ListContractVersions(Connection& connection, std::int64_t contract_id) {
    std::vector<ContractVersion> versions;
    for (const auto& row : connection.Query(std::string("SELECT ") + kVersionColumns +
                                                " FROM contract_versions WHERE contract_id = ? ORDER BY version_no",
                                            {contract_id})) {
        versions.push_back(VersionFromRow(row));
    }
    return versions;
}

std::optional<ContractVersion> FindContractVersion(Connection& connection, std::int64_t contract_id, int version_no) {
    auto row = connection.QueryOne(
        std::string("SELECT ") + kVersionColumns + " FROM contract_versions WHERE contract_id = ? AND version_no = ?",
        {contract_id, std::int64_t{version_no}});
    if (!row) return std::nullopt;
    return VersionFromRow(*row);
}

void InsertContractVersion(Connection& connection, const ContractVersion& version) {
    connection.Execute(
        "INSERT INTO contract_versions (contract_id, version_no, kind, status, content_json, created_by, created_at, "
        "submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {version.contract_id, std::int64_t{version.version_no}, version.kind, version.status, version.content_json,
         version.created_by, version.created_at.ms, version.submitted_at ? Param(version.submitted_at->ms) : Null()});
}

void UpdateContractVersion(Connection& connection, const ContractVersion& version) {
    connection.Execute(
        "UPDATE contract_versions SET status = ?, content_json = ?, submitted_at = ? WHERE contract_id = ? AND "
        "version_no = ?",
        {version.status, version.content_json, version.submitted_at ? Param(version.submitted_at->ms) : Null(),
         version.contract_id, std::int64_t{version.version_no}});
}

std::int64_t InsertConsultation(Connection& connection, const Consultation& consultation) {
    return connection.InsertReturningId(
        "INSERT INTO contract_consultations (contract_id, held_on, participants, summary, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {consultation.contract_id, consultation.held_on.ToString(), consultation.participants, consultation.summary,
         consultation.created_by, consultation.created_at.ms});
}

std::vector<Consultation> ListConsultations(Connection& connection, std::int64_t contract_id) {
    std::vector<Consultation> result;
    for (const auto& row :
         connection.Query("SELECT id, contract_id, held_on, participants, summary, created_by, created_at FROM "
                          "contract_consultations WHERE contract_id = ? ORDER BY held_on, id",
                          {contract_id})) {
        result.push_back({row.Int(0), row.Int(1), Date::Parse(row.Str(2)).value_or(Date{}), row.Str(3), row.Str(4),
                          row.Str(5), Instant{row.Int(6)}});
    }
    return result;
}

std::optional<Consultation> FindConsultation(Connection& connection, std::int64_t contract_id, std::int64_t id) {
    for (auto& consultation : ListConsultations(connection, contract_id)) {
        if (consultation.id == id) return consultation;
    }
    return std::nullopt;
}

std::int64_t InsertLedgerEntry(Connection& connection, const LedgerEntry& entry) {
    return connection.InsertReturningId(
        "INSERT INTO contract_ledger (contract_id, kind, period, amount_fen, reason, source, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {entry.contract_id, entry.kind, entry.period, entry.amount.fen(), entry.reason, entry.source, entry.created_by,
         entry.created_at.ms});
}

std::vector<LedgerEntry> ListLedgerEntries(Connection& connection, std::int64_t contract_id) {
    std::vector<LedgerEntry> result;
    for (const auto& row : connection.Query(
             "SELECT id, contract_id, kind, period, amount_fen, reason, source, created_by, created_at FROM "
             "contract_ledger WHERE contract_id = ? ORDER BY id",
             {contract_id})) {
        result.push_back({row.Int(0), row.Int(1), row.Str(2), row.Str(3), Money::FromFen(row.Int(4)), row.Str(5),
                          row.Str(6), row.Str(7), Instant{row.Int(8)}});
    }
    return result;
}

LedgerSums SumLedger(Connection& connection, std::int64_t contract_id) {
    LedgerSums sums;
    for (const auto& row : connection.Query(
             "SELECT kind, period, CAST(SUM(amount_fen) AS BIGINT) FROM contract_ledger WHERE contract_id = ? "
             "GROUP BY kind, period ORDER BY kind, period",
             {contract_id})) {
        (row.Str(0) == "deduction" ? sums.deductions : sums.rewards)
            .push_back({row.Str(1), Money::FromFen(row.Int(2))});
    }
    for (const auto& row :
         connection.Query("SELECT period, CAST(SUM(amount_fen) AS BIGINT) FROM contract_payments WHERE contract_id = ? "
                          "GROUP BY period ORDER BY period",
                          {contract_id})) {
        sums.payments.push_back({row.Str(0), Money::FromFen(row.Int(1))});
    }
    return sums;
}

std::int64_t InsertPayment(Connection& connection, const PaymentRecord& payment) {
    return connection.InsertReturningId(
        "INSERT INTO contract_payments (contract_id, period, amount_fen, paid_on, reference, note, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {payment.contract_id, payment.period, payment.amount.fen(), payment.paid_on.ToString(), payment.reference,
         payment.note, payment.created_by, payment.created_at.ms});
}

std::vector<PaymentRecord> ListPayments(Connection& connection, std::int64_t contract_id) {
    std::vector<PaymentRecord> result;
    for (const auto& row : connection.Query(
             "SELECT id, contract_id, period, amount_fen, paid_on, reference, note, created_by, created_at FROM "
             "contract_payments WHERE contract_id = ? ORDER BY id",
             {contract_id})) {
        result.push_back({row.Int(0), row.Int(1), row.Str(2), Money::FromFen(row.Int(3)),
                          Date::Parse(row.Str(4)).value_or(Date{}), row.Str(5), row.Str(6), row.Str(7),
                          Instant{row.Int(8)}});
    }
    return result;
}

constexpr const char* kSelectContractsStartingBy =
    "SELECT id FROM contracts WHERE status = 'signed' AND term_start <= ? ORDER BY id";

std::vector<std::int64_t> ContractsStartingBy(Connection& connection, Date today) {
    std::vector<std::int64_t> ids;
    for (const auto& row : connection.Query(kSelectContractsStartingBy, {today.ToString()})) ids.push_back(row.Int(0));
    return ids;
}

std::vector<ContractEnding> ContractsEndingBefore(Connection& connection, const VendorScope& scope, Date from,
                                                  Date until, std::int64_t limit) {
    // A town's contracts from its range of contracts_owner: in a county whose contracts all end on one day,
    // contracts_term_end walked all of them to find the town's (a quarter of a town office's dashboard). Only what
    // the reminder shows is read: the whole record (its vendor, its signing and termination JSON) was a fifth of a
    // town office's dashboard.
    std::string where = " WHERE " + ScopeLed(connection, scope, "c.status") +
                        " = 'active' AND c.successor_id IS NULL AND c.term_end >= ? AND c.term_end <= ?";
    Params params{from.ToString(), until.ToString()};
    AddScope(scope, where, params);
    params.emplace_back(limit);
    std::vector<ContractEnding> result;
    for (const auto& row : connection.Query(
             "SELECT c.id, c.code, c.title, c.term_end FROM contracts c" + where + " ORDER BY c.term_end, c.id LIMIT ?",
             params)) {
        result.push_back({row.Int(0), row.Str(1), row.Str(2), Date::Parse(row.Str(3)).value_or(Date{})});
    }
    return result;
}

}  // namespace houqin::storage
