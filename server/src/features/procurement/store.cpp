#include "features/procurement/store.h"

#include <fmt/format.h>

#include <iterator>
#include <nlohmann/json.hpp>

namespace houqin::storage {
namespace {

using Json = nlohmann::json;

std::optional<Instant> OptInstant(const Row& row, std::size_t column) {
    if (row.IsNull(column)) return std::nullopt;
    return Instant{row.Int(column)};
}

Param OptInstantParam(const std::optional<Instant>& instant) {
    if (!instant) return nullptr;
    return Param(instant->ms);
}

Param OptMoneyParam(const std::optional<Money>& money) {
    if (!money) return nullptr;
    return Param(money->fen());
}

Param OptDateParam(const std::optional<Date>& date) {
    if (!date) return nullptr;
    return Param(date->ToString());
}

std::optional<Money> OptMoney(const Row& row, std::size_t column) {
    if (row.IsNull(column)) return std::nullopt;
    return Money::FromFen(row.Int(column));
}

std::string StringsJson(const std::vector<std::string>& values) { return Json(values).dump(); }

std::vector<std::string> ParseStrings(const std::string& text) {
    std::vector<std::string> values;
    const auto json = Json::parse(text, nullptr, false);
    if (!json.is_array()) return values;
    for (const auto& value : json) {
        if (value.is_string()) values.push_back(value.get<std::string>());
    }
    return values;
}

std::string IdListJson(const std::vector<std::int64_t>& ids) { return Json(ids).dump(); }

std::vector<std::int64_t> ParseIdList(const std::string& text) {
    std::vector<std::int64_t> ids;
    const auto json = Json::parse(text, nullptr, false);
    if (!json.is_array()) return ids;
    for (const auto& value : json) {
        if (value.is_number_integer()) ids.push_back(value.get<std::int64_t>());
    }
    return ids;
}

// ---- procurement rules

Json CatalogueJson(const std::vector<CatalogueEntry>& catalogue) {
    Json items = Json::array();
    for (const auto& entry : catalogue) {
        items.push_back({{"kind", std::string(CatalogueEntryKindCode(entry.kind))},
                         {"code", entry.code},
                         {"name_zh", entry.name.zh},
                         {"name_en", entry.name.en}});
    }
    return items;
}

std::vector<CatalogueEntry> ParseCatalogue(const std::string& text) {
    std::vector<CatalogueEntry> catalogue;
    const auto json = Json::parse(text, nullptr, false);
    if (!json.is_array()) return catalogue;
    for (const auto& item : json) {
        CatalogueEntry entry;
        entry.kind =
            item.value("kind", "category") == "item" ? CatalogueEntryKind::kItem : CatalogueEntryKind::kCategory;
        entry.code = item.value("code", "");
        entry.name = {item.value("name_zh", ""), item.value("name_en", "")};
        catalogue.push_back(std::move(entry));
    }
    return catalogue;
}

constexpr const char* kRulesColumns =
    "year, version, threshold_fen, basis, catalogue_json, reason, created_by, created_by_name, created_at";

ProcurementRulesRecord RulesFromRow(const Row& row) {
    ProcurementRulesRecord record;
    record.rules.year = static_cast<int>(row.Int(0));
    record.version = static_cast<int>(row.Int(1));
    record.rules.version = fmt::format("{}-v{}", record.rules.year, record.version);
    record.rules.threshold = Money::FromFen(row.Int(2));
    record.rules.basis = ParseThresholdBasis(row.Str(3)).value_or(ThresholdBasis::kAnnualBudget);
    record.rules.catalogue = ParseCatalogue(row.Str(4));
    record.reason = row.Str(5);
    record.created_by = row.OptInt(6);
    record.created_by_name = row.Str(7);
    record.created_at = Instant{row.Int(8)};
    return record;
}

// ---- projects

constexpr const char* kProjectColumns =
    "p.id, p.code, p.name, p.year, p.category_id, c.name_zh, p.item_codes_json, p.scope, p.annual_budget_fen, "
    "p.total_budget_fen, p.service_start, p.service_end, p.department_id, d.name, p.responsible_person, "
    "p.responsible_phone, p.plan_ids_json, p.owner_org_id, p.owner_path, p.status, p.route, p.route_decision_json, "
    "p.gov_method, p.gov_reference, p.gov_agency, p.gov_started_on, p.gov_completed_on, p.gov_result, "
    "p.ceiling_fen, p.ceiling_reason, p.ceiling_set_by_name, p.ceiling_set_at, p.bid_deadline, p.opening_at, "
    "p.opening_failures, p.opening_failed_at, p.outcome, p.winner_vendor_id, w.name, p.winner_quote_fen, "
    "p.contract_id, k.code, p.created_by, p.created_by_name, p.created_at, p.updated_at, c.name_en";
constexpr const char* kProjectFrom =
    " FROM projects p JOIN categories c ON c.id = p.category_id JOIN orgs d ON d.id = p.department_id "
    "LEFT JOIN vendors w ON w.id = p.winner_vendor_id LEFT JOIN contracts k ON k.id = p.contract_id";

Project ProjectFromRow(const Row& row) {
    Project p;
    p.id = row.Int(0);
    p.code = row.Str(1);
    p.name = row.Str(2);
    p.year = static_cast<int>(row.Int(3));
    p.category_id = row.Int(4);
    p.category_name = row.Str(5);
    p.category_name_en = row.Str(46);
    p.item_codes = ParseStrings(row.Str(6));
    p.scope = row.Str(7);
    p.annual_budget = Money::FromFen(row.Int(8));
    p.total_budget = Money::FromFen(row.Int(9));
    p.service_start = Date::Parse(row.Str(10)).value_or(Date{});
    p.service_end = Date::Parse(row.Str(11)).value_or(Date{});
    p.department_id = row.Int(12);
    p.department_name = row.Str(13);
    p.responsible_person = row.Str(14);
    p.responsible_phone = row.Str(15);
    p.plan_ids = ParseIdList(row.Str(16));
    p.owner_org_id = row.Int(17);
    p.owner_path = row.Str(18);
    p.status = ParseProjectStatus(row.Str(19)).value_or(ProjectStatus::kDraft);
    p.route = row.Str(20);
    p.route_decision_json = row.Str(21);
    if (!row.IsNull(22)) {
        GovernmentProcurement government;
        government.method = row.Str(22);
        government.reference = row.Str(23);
        government.agency = row.Str(24);
        government.started_on = Date::Parse(row.Str(25));
        government.completed_on = Date::Parse(row.Str(26));
        government.result = row.Str(27);
        p.government = std::move(government);
    }
    p.ceiling = OptMoney(row, 28);
    p.ceiling_reason = row.Str(29);
    p.ceiling_set_by_name = row.Str(30);
    p.ceiling_set_at = OptInstant(row, 31);
    p.bid_deadline = OptInstant(row, 32);
    p.opening_at = OptInstant(row, 33);
    p.opening_failures = row.Int(34);
    p.opening_failed_at = OptInstant(row, 35);
    p.outcome = row.Str(36);
    p.winner_vendor_id = row.OptInt(37);
    p.winner_vendor_name = row.Str(38);
    p.winner_quote = OptMoney(row, 39);
    p.contract_id = row.OptInt(40);
    p.contract_code = row.Str(41);
    p.created_by = row.OptInt(42);
    p.created_by_name = row.Str(43);
    p.created_at = Instant{row.Int(44)};
    p.updated_at = Instant{row.Int(45)};
    return p;
}

// Office users see their town's projects; a vendor user sees the biddings open in the town that registered its
// vendor, and every project it registered for (to read the opening's result). The two are one list of ids: written as
// "bidding AND ... OR id IN (registrations)", PostgreSQL read the whole projects table (it cannot combine an index
// with a subquery's ids under OR; SQLite can), while an IN over both parts finds them through projects_status and
// project_registrations_vendor on both engines (the query-plan test, issue 15).
void AddProjectScope(Connection& connection, const VendorScope& scope, std::string& where, Params& params) {
    if (scope.vendor_org_id) {
        const auto row = connection.QueryOne("SELECT owner_path FROM vendors WHERE org_id = ?", {*scope.vendor_org_id});
        where +=
            " AND p.id IN (SELECT b.id FROM projects b WHERE b.status = 'bidding' AND substr(?, 1, "
            "length(b.owner_path)) = b.owner_path UNION ALL SELECT r.project_id FROM project_registrations r WHERE "
            "r.vendor_org_id = ?)";
        params.emplace_back(row ? row->Str(0) : std::string("-"));
        params.emplace_back(*scope.vendor_org_id);
        return;
    }
    AddScopeCondition(scope, "p.owner_path", "NULL", where, params);
}

std::vector<Param> ProjectParams(const Project& p) {
    return {p.code,
            p.name,
            std::int64_t{p.year},
            p.category_id,
            StringsJson(p.item_codes),
            p.scope,
            p.annual_budget.fen(),
            p.total_budget.fen(),
            p.service_start.ToString(),
            p.service_end.ToString(),
            p.department_id,
            p.responsible_person,
            p.responsible_phone,
            IdListJson(p.plan_ids),
            p.owner_org_id,
            p.owner_path,
            std::string(ProjectStatusCode(p.status)),
            p.route.empty() ? Param(nullptr) : Param(p.route),
            p.route_decision_json.empty() ? Param(nullptr) : Param(p.route_decision_json),
            p.government ? Param(p.government->method) : Param(nullptr),
            p.government ? Param(p.government->reference) : Param(nullptr),
            p.government ? Param(p.government->agency) : Param(nullptr),
            p.government ? OptDateParam(p.government->started_on) : Param(nullptr),
            p.government ? OptDateParam(p.government->completed_on) : Param(nullptr),
            p.government ? Param(p.government->result) : Param(nullptr),
            OptMoneyParam(p.ceiling),
            p.ceiling_reason,
            p.ceiling_set_by_name,
            OptInstantParam(p.ceiling_set_at),
            OptInstantParam(p.bid_deadline),
            OptInstantParam(p.opening_at),
            p.opening_failures,
            OptInstantParam(p.opening_failed_at),
            p.outcome.empty() ? Param(nullptr) : Param(p.outcome),
            Optional(p.winner_vendor_id),
            OptMoneyParam(p.winner_quote),
            Optional(p.contract_id),
            Optional(p.created_by),
            p.created_by_name,
            p.created_at.ms,
            p.updated_at.ms};
}

constexpr const char* kProjectWriteColumns[] = {"code",
                                                "name",
                                                "year",
                                                "category_id",
                                                "item_codes_json",
                                                "scope",
                                                "annual_budget_fen",
                                                "total_budget_fen",
                                                "service_start",
                                                "service_end",
                                                "department_id",
                                                "responsible_person",
                                                "responsible_phone",
                                                "plan_ids_json",
                                                "owner_org_id",
                                                "owner_path",
                                                "status",
                                                "route",
                                                "route_decision_json",
                                                "gov_method",
                                                "gov_reference",
                                                "gov_agency",
                                                "gov_started_on",
                                                "gov_completed_on",
                                                "gov_result",
                                                "ceiling_fen",
                                                "ceiling_reason",
                                                "ceiling_set_by_name",
                                                "ceiling_set_at",
                                                "bid_deadline",
                                                "opening_at",
                                                "opening_failures",
                                                "opening_failed_at",
                                                "outcome",
                                                "winner_vendor_id",
                                                "winner_quote_fen",
                                                "contract_id",
                                                "created_by",
                                                "created_by_name",
                                                "created_at",
                                                "updated_at"};

// ---- registrations and bids

constexpr const char* kRegistrationColumns =
    "r.id, r.project_id, r.vendor_id, v.name, r.vendor_org_id, r.qualified, r.verdict_json, r.checked_at, "
    "r.registered_by_name FROM project_registrations r JOIN vendors v ON v.id = r.vendor_id";

ProjectRegistration RegistrationFromRow(const Row& row) {
    return {row.Int(0),  row.Int(1), row.Int(2),          row.Str(3), row.Int(4),
            row.Bool(5), row.Str(6), Instant{row.Int(7)}, row.Str(8)};
}

constexpr const char* kBidColumns =
    "b.id, b.project_id, b.vendor_id, v.name, b.vendor_org_id, b.submitted_at, b.submitted_by_name, b.sealed, "
    "b.receipt, b.opened_quote_fen, b.valid, b.bid_rank, b.reasons_json FROM bids b JOIN vendors v ON v.id = "
    "b.vendor_id";

Bid BidFromRow(const Row& row) {
    Bid bid;
    bid.id = row.Int(0);
    bid.project_id = row.Int(1);
    bid.vendor_id = row.Int(2);
    bid.vendor_name = row.Str(3);
    bid.vendor_org_id = row.Int(4);
    bid.submitted_at = Instant{row.Int(5)};
    bid.submitted_by_name = row.Str(6);
    bid.sealed = row.Str(7);
    bid.receipt = row.Str(8);
    bid.opened_quote = OptMoney(row, 9);
    if (!row.IsNull(10)) bid.valid = row.Bool(10);
    bid.rank = static_cast<int>(row.Int(11));
    bid.reasons_json = row.Str(12);
    return bid;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------

std::optional<ProcurementRulesRecord> CurrentProcurementRules(Connection& connection, int year) {
    const auto row = connection.QueryOne(fmt::format("SELECT {} FROM procurement_rules WHERE year = ? ORDER BY "
                                                     "version DESC LIMIT 1",
                                                     kRulesColumns),
                                         {std::int64_t{year}});
    if (!row) return std::nullopt;
    return RulesFromRow(*row);
}

std::vector<ProcurementRulesRecord> ProcurementRulesHistory(Connection& connection, int year) {
    std::vector<ProcurementRulesRecord> records;
    for (const auto& row : connection.Query(
             fmt::format("SELECT {} FROM procurement_rules WHERE year = ? ORDER BY version DESC", kRulesColumns),
             {std::int64_t{year}})) {
        records.push_back(RulesFromRow(row));
    }
    return records;
}

std::vector<ProcurementRulesRecord> CurrentProcurementRulesOfEveryYear(Connection& connection) {
    std::vector<ProcurementRulesRecord> records;
    for (const auto& row :
         connection.Query(fmt::format("SELECT {} FROM procurement_rules r WHERE version = (SELECT MAX(version) FROM "
                                      "procurement_rules x WHERE x.year = r.year) ORDER BY year DESC",
                                      kRulesColumns),
                          {})) {
        records.push_back(RulesFromRow(row));
    }
    return records;
}

int InsertProcurementRules(Connection& connection, const ProcurementRulesRecord& record) {
    const auto row = connection.QueryOne("SELECT COALESCE(MAX(version), 0) FROM procurement_rules WHERE year = ?",
                                         {std::int64_t{record.rules.year}});
    const int version = static_cast<int>((row ? row->Int(0) : 0) + 1);
    connection.Execute(
        "INSERT INTO procurement_rules (year, version, threshold_fen, basis, catalogue_json, reason, created_by, "
        "created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {std::int64_t{record.rules.year}, std::int64_t{version}, record.rules.threshold.fen(),
         std::string(ThresholdBasisCode(record.rules.basis)), CatalogueJson(record.rules.catalogue).dump(),
         record.reason, Optional(record.created_by), record.created_by_name, record.created_at.ms});
    return version;
}

std::string ProcurementRulesSnapshot(const ProcurementRulesRecord& record) {
    return Json{{"year", record.rules.year},
                {"version", record.version},
                {"threshold", record.rules.threshold.ToString()},
                {"basis", std::string(ThresholdBasisCode(record.rules.basis))},
                {"catalogue", CatalogueJson(record.rules.catalogue)},
                {"reason", record.reason}}
        .dump();
}

Page<Project> ListProjects(Connection& connection, const ProjectFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddProjectScope(connection, filter.scope, where, params);
    if (!filter.q.empty()) {
        where += " AND (p.name LIKE ? ESCAPE '\\' OR p.code LIKE ? ESCAPE '\\')";
        params.emplace_back(LikeContains(filter.q));
        params.emplace_back(LikeContains(filter.q));
    }
    if (!filter.status.empty()) {
        where += " AND p.status = ?";
        params.emplace_back(filter.status);
    }
    if (!filter.route.empty()) {
        where += " AND p.route = ?";
        params.emplace_back(filter.route);
    }
    if (filter.year) {
        where += " AND p.year = ?";
        params.emplace_back(std::int64_t{*filter.year});
    }
    const auto count = connection.QueryOne("SELECT COUNT(*)" + std::string(kProjectFrom) + where, params);
    std::string sql =
        fmt::format("SELECT {}{}{} ORDER BY p.year DESC, p.code DESC", kProjectColumns, kProjectFrom, where);
    if (filter.page_size > 0) {
        sql += " LIMIT ? OFFSET ?";
        params.emplace_back(filter.page_size);
        params.emplace_back((filter.page - 1) * filter.page_size);
    }
    std::vector<Project> projects;
    for (const auto& row : connection.Query(sql, params)) projects.push_back(ProjectFromRow(row));
    return {std::move(projects), count ? count->Int(0) : 0};
}

std::optional<Project> FindProject(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE p.id = ?";
    Params params{id};
    AddProjectScope(connection, scope, where, params);
    const auto row = connection.QueryOne(fmt::format("SELECT {}{}{}", kProjectColumns, kProjectFrom, where), params);
    if (!row) return std::nullopt;
    return ProjectFromRow(*row);
}

std::optional<Project> LockProject(Connection& connection, std::int64_t id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT id FROM projects WHERE id = ? FOR UPDATE", {id});
    }
    return FindProject(connection, id, {"/", std::nullopt});
}

constexpr const char* kCountOpeningFailure =
    "UPDATE projects SET opening_failures = CASE WHEN opening_failures = ? THEN ? ELSE opening_failures + 1 END, "
    "opening_failed_at = ? WHERE id = ? RETURNING opening_failures";

std::int64_t CountOpeningFailure(Connection& connection, std::int64_t project_id, std::int64_t seen, std::int64_t next,
                                 Instant now) {
    return connection.QueryOne(kCountOpeningFailure, {seen, next, now.ms, project_id})->Int(0);
}

std::string NextProjectCode(Connection& connection, int year) {
    // As NextContractCode: an advisory lock on (1003, year) takes a year's codes one at a time on PostgreSQL.
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT pg_advisory_xact_lock(1003, CAST(? AS INTEGER))", {std::int64_t{year}});
    }
    const std::string prefix = fmt::format("XM-{:04d}-", year);
    const auto row = connection.QueryOne("SELECT MAX(code) FROM projects WHERE code LIKE ?", {prefix + "%"});
    int next = 1;
    if (row && !row->IsNull(0)) next = std::stoi(row->Str(0).substr(prefix.size())) + 1;
    return fmt::format("{}{:04d}", prefix, next);
}

std::int64_t InsertProject(Connection& connection, const Project& project) {
    std::string columns;
    for (const auto* column : kProjectWriteColumns) columns += (columns.empty() ? "" : ", ") + std::string(column);
    return connection.InsertReturningId(fmt::format("INSERT INTO projects ({}) VALUES ({}) RETURNING id", columns,
                                                    Placeholders(std::size(kProjectWriteColumns))),
                                        ProjectParams(project));
}

void UpdateProject(Connection& connection, const Project& project) {
    std::string assignments;
    for (const auto* column : kProjectWriteColumns) {
        assignments += (assignments.empty() ? "" : ", ") + std::string(column) + " = ?";
    }
    auto params = ProjectParams(project);
    params.emplace_back(project.id);
    connection.Execute(fmt::format("UPDATE projects SET {} WHERE id = ?", assignments), params);
}

std::string ProjectSnapshot(const Project& p) {
    Json json{{"id", p.id},
              {"code", p.code},
              {"name", p.name},
              {"year", p.year},
              {"category_id", p.category_id},
              {"item_codes", p.item_codes},
              {"scope", p.scope},
              {"annual_budget", p.annual_budget.ToString()},
              {"total_budget", p.total_budget.ToString()},
              {"service_start", p.service_start.ToString()},
              {"service_end", p.service_end.ToString()},
              {"department_id", p.department_id},
              {"responsible_person", p.responsible_person},
              {"responsible_phone", p.responsible_phone},
              {"plan_attachment_ids", p.plan_ids},
              {"status", std::string(ProjectStatusCode(p.status))},
              {"route", p.route.empty() ? Json(nullptr) : Json(p.route)},
              {"ceiling", p.ceiling ? Json(p.ceiling->ToString()) : Json(nullptr)},
              {"bid_deadline", p.bid_deadline ? Json(p.bid_deadline->ToIso()) : Json(nullptr)},
              {"opening_at", p.opening_at ? Json(p.opening_at->ToIso()) : Json(nullptr)},
              {"outcome", p.outcome.empty() ? Json(nullptr) : Json(p.outcome)},
              {"winner_vendor_id", p.winner_vendor_id ? Json(*p.winner_vendor_id) : Json(nullptr)},
              {"winner_quote", p.winner_quote ? Json(p.winner_quote->ToString()) : Json(nullptr)},
              {"contract_id", p.contract_id ? Json(*p.contract_id) : Json(nullptr)}};
    if (p.government) {
        json["government_procurement"] = {
            {"method", p.government->method},
            {"reference", p.government->reference},
            {"agency", p.government->agency},
            {"started_on", p.government->started_on ? Json(p.government->started_on->ToString()) : Json(nullptr)},
            {"completed_on", p.government->completed_on ? Json(p.government->completed_on->ToString()) : Json(nullptr)},
            {"result", p.government->result}};
    }
    return json.dump();
}

std::optional<ProjectRegistration> FindRegistration(Connection& connection, std::int64_t project_id,
                                                    std::int64_t vendor_id) {
    const auto row =
        connection.QueryOne(fmt::format("SELECT {} WHERE r.project_id = ? AND r.vendor_id = ?", kRegistrationColumns),
                            {project_id, vendor_id});
    if (!row) return std::nullopt;
    return RegistrationFromRow(*row);
}

std::vector<ProjectRegistration> ListRegistrations(Connection& connection, std::int64_t project_id,
                                                   std::optional<std::int64_t> vendor_org_id) {
    std::string sql = fmt::format("SELECT {} WHERE r.project_id = ?", kRegistrationColumns);
    Params params{project_id};
    if (vendor_org_id) {
        sql += " AND r.vendor_org_id = ?";
        params.emplace_back(*vendor_org_id);
    }
    sql += " ORDER BY r.checked_at, r.id";
    std::vector<ProjectRegistration> registrations;
    for (const auto& row : connection.Query(sql, params)) registrations.push_back(RegistrationFromRow(row));
    return registrations;
}

void UpsertRegistration(Connection& connection, const ProjectRegistration& r) {
    const auto changed = connection.Execute(
        "UPDATE project_registrations SET qualified = ?, verdict_json = ?, checked_at = ?, registered_by_name = ? "
        "WHERE project_id = ? AND vendor_id = ?",
        {Bool(r.qualified), r.verdict_json, r.checked_at.ms, r.registered_by_name, r.project_id, r.vendor_id});
    if (changed > 0) return;
    connection.Execute(
        "INSERT INTO project_registrations (project_id, vendor_id, vendor_org_id, qualified, verdict_json, "
        "checked_at, registered_by_name) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {r.project_id, r.vendor_id, r.vendor_org_id, Bool(r.qualified), r.verdict_json, r.checked_at.ms,
         r.registered_by_name});
}

std::string RegistrationSnapshot(const ProjectRegistration& r) {
    Json json{{"project_id", r.project_id},
              {"vendor_id", r.vendor_id},
              {"qualified", r.qualified},
              {"checked_at", r.checked_at.ToIso()}};
    json["verdict"] = Json::parse(r.verdict_json, nullptr, false);
    return json.dump();
}

void InsertSeal(Connection& connection, const SealRecord& s) {
    connection.Execute(
        "INSERT INTO project_seals (project_id, public_key, locked_private_key, officer_salt, witness_salt, "
        "officer_check, witness_check, opslimit, memlimit, fingerprint, officer_id, officer_name, witness_id, "
        "witness_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {s.project_id, s.public_key, s.locked_private_key, s.officer_salt, s.witness_salt, s.officer_check,
         s.witness_check, static_cast<std::int64_t>(s.opslimit), static_cast<std::int64_t>(s.memlimit), s.fingerprint,
         Optional(s.officer_id), s.officer_name, Optional(s.witness_id), s.witness_name, s.created_at.ms});
}

std::optional<SealRecord> FindSeal(Connection& connection, std::int64_t project_id) {
    const auto row = connection.QueryOne(
        "SELECT project_id, public_key, locked_private_key, officer_salt, witness_salt, officer_check, "
        "witness_check, opslimit, memlimit, fingerprint, officer_id, officer_name, witness_id, witness_name, "
        "created_at FROM project_seals WHERE project_id = ?",
        {project_id});
    if (!row) return std::nullopt;
    SealRecord s;
    s.project_id = row->Int(0);
    s.public_key = row->Str(1);
    s.locked_private_key = row->Str(2);
    s.officer_salt = row->Str(3);
    s.witness_salt = row->Str(4);
    s.officer_check = row->Str(5);
    s.witness_check = row->Str(6);
    s.opslimit = static_cast<std::uint64_t>(row->Int(7));
    s.memlimit = static_cast<std::uint64_t>(row->Int(8));
    s.fingerprint = row->Str(9);
    s.officer_id = row->OptInt(10);
    s.officer_name = row->Str(11);
    s.witness_id = row->OptInt(12);
    s.witness_name = row->Str(13);
    s.created_at = Instant{row->Int(14)};
    return s;
}

std::int64_t InsertWitnessConsent(Connection& connection, const WitnessConsent& c) {
    return connection.InsertReturningId(
        "INSERT INTO witness_consents (project_id, purpose, witness_id, witness_name, given_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {c.project_id, c.purpose, c.witness_id, c.witness_name, c.given_at.ms, c.expires_at.ms});
}

std::optional<WitnessConsent> LatestWitnessConsent(Connection& connection, std::int64_t project_id,
                                                   const std::string& purpose) {
    const auto row = connection.QueryOne(
        "SELECT id, project_id, purpose, witness_id, witness_name, given_at, expires_at, used_at, used_by_name "
        "FROM witness_consents WHERE project_id = ? AND purpose = ? ORDER BY given_at DESC, id DESC LIMIT 1",
        {project_id, purpose});
    if (!row) return std::nullopt;
    WitnessConsent c;
    c.id = row->Int(0);
    c.project_id = row->Int(1);
    c.purpose = row->Str(2);
    c.witness_id = row->Int(3);
    c.witness_name = row->Str(4);
    c.given_at = Instant{row->Int(5)};
    c.expires_at = Instant{row->Int(6)};
    c.used_at = OptInstant(*row, 7);
    c.used_by_name = row->IsNull(8) ? std::string() : row->Str(8);
    return c;
}

bool UseWitnessConsent(Connection& connection, std::int64_t id, Instant at, const std::string& used_by_name) {
    return connection.Execute(
               "UPDATE witness_consents SET used_at = ?, used_by_name = ? WHERE id = ? AND used_at IS NULL",
               {at.ms, used_by_name, id}) == 1;
}

std::string WitnessConsentSnapshot(const WitnessConsent& c) {
    return Json{{"consent_id", c.id},
                {"purpose", c.purpose},
                {"witness_id", c.witness_id},
                {"witness_name", c.witness_name},
                {"given_at", c.given_at.ToIso()},
                {"expires_at", c.expires_at.ToIso()},
                {"used_at", c.used_at ? Json(c.used_at->ToIso()) : Json(nullptr)},
                {"used_by_name", c.used_at ? Json(c.used_by_name) : Json(nullptr)}}
        .dump();
}

std::int64_t InsertBid(Connection& connection, const Bid& bid) {
    return connection.InsertReturningId(
        "INSERT INTO bids (project_id, vendor_id, vendor_org_id, submitted_at, submitted_by_name, sealed, receipt) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {bid.project_id, bid.vendor_id, bid.vendor_org_id, bid.submitted_at.ms, bid.submitted_by_name, bid.sealed,
         bid.receipt});
}

std::vector<Bid> ListBids(Connection& connection, std::int64_t project_id, std::optional<std::int64_t> vendor_org_id) {
    std::string sql = fmt::format("SELECT {} WHERE b.project_id = ?", kBidColumns);
    Params params{project_id};
    if (vendor_org_id) {
        sql += " AND b.vendor_org_id = ?";
        params.emplace_back(*vendor_org_id);
    }
    sql += " ORDER BY b.submitted_at, b.id";
    std::vector<Bid> bids;
    for (const auto& row : connection.Query(sql, params)) bids.push_back(BidFromRow(row));
    return bids;
}

std::int64_t CountBids(Connection& connection, std::int64_t project_id) {
    const auto row = connection.QueryOne("SELECT COUNT(*) FROM bids WHERE project_id = ?", {project_id});
    return row ? row->Int(0) : 0;
}

void RecordBidOpened(Connection& connection, const Bid& bid) {
    connection.Execute("UPDATE bids SET opened_quote_fen = ?, valid = ?, bid_rank = ?, reasons_json = ? WHERE id = ?",
                       {OptMoneyParam(bid.opened_quote), bid.valid ? Bool(*bid.valid) : Param(nullptr),
                        std::int64_t{bid.rank}, bid.reasons_json, bid.id});
}

std::string BidSnapshot(const Bid& bid) {
    return Json{{"id", bid.id},
                {"project_id", bid.project_id},
                {"vendor_id", bid.vendor_id},
                {"submitted_at", bid.submitted_at.ToIso()},
                {"receipt", bid.receipt}}
        .dump();
}

void InsertOpening(Connection& connection, const BidOpening& opening) {
    connection.Execute(
        "INSERT INTO bid_openings (project_id, opened_at, officer_name, witness_name, record_json) VALUES (?, ?, ?, "
        "?, ?)",
        {opening.project_id, opening.opened_at.ms, opening.officer_name, opening.witness_name, opening.record_json});
}

std::optional<BidOpening> FindOpening(Connection& connection, std::int64_t project_id) {
    const auto row = connection.QueryOne(
        "SELECT project_id, opened_at, officer_name, witness_name, record_json FROM bid_openings WHERE project_id = ?",
        {project_id});
    if (!row) return std::nullopt;
    return BidOpening{row->Int(0), Instant{row->Int(1)}, row->Str(2), row->Str(3), row->Str(4)};
}

std::vector<TrailEntry> ProjectTrail(Connection& connection, std::int64_t project_id,
                                     std::optional<std::int64_t> contract_id) {
    std::vector<TrailEntry> entries;
    for (const auto& row : connection.Query(
             "SELECT a.seq, a.at, COALESCE(u.display_name, a.actor_name), COALESCE(u.role, ''), a.action, a.entity, "
             "a.entity_id FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE (a.entity = 'project' AND "
             "a.entity_id = ?) OR (a.entity = 'contract' AND a.entity_id = ?) ORDER BY a.at, CASE WHEN a.entity = "
             "'project' THEN 0 ELSE 1 END, a.seq",
             {project_id, contract_id ? Param(*contract_id) : Param(std::int64_t{0})})) {
        entries.push_back(
            {row.Int(0), Instant{row.Int(1)}, row.Str(2), row.Str(3), row.Str(4), row.Str(5), row.OptInt(6)});
    }
    return entries;
}

}  // namespace houqin::storage
