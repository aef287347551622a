#include "features/supervision/store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "platform/database/paging.h"

namespace houqin::storage {
namespace {

using Json = nlohmann::json;

Json IdsArray(const std::vector<std::int64_t>& ids) { return Json(ids); }

std::vector<std::int64_t> IdsFrom(const Json& json) {
    std::vector<std::int64_t> ids;
    if (json.is_array()) {
        for (const auto& id : json) {
            if (id.is_number_integer()) ids.push_back(id.get<std::int64_t>());
        }
    }
    return ids;
}

std::string ItemsJson(const std::vector<StoredAssessmentItem>& items) {
    Json json = Json::array();
    for (const auto& item : items) {
        json.push_back({{"item", item.item},
                        {"points", item.points},
                        {"lost_tenths", item.lost_tenths},
                        {"failed", item.failed},
                        {"note", item.note},
                        {"photo_ids", IdsArray(item.photo_ids)}});
    }
    return json.dump();
}

std::vector<StoredAssessmentItem> ItemsFrom(const std::string& text) {
    std::vector<StoredAssessmentItem> items;
    for (const auto& json : Json::parse(text)) {
        items.push_back({json.value("item", ""), json.value("points", 0), json.value("lost_tenths", 0),
                         json.value("failed", false), json.value("note", ""),
                         IdsFrom(json.value("photo_ids", Json::array()))});
    }
    return items;
}

std::string TermsJson(const AssessmentTermsSnapshot& snapshot) {
    Json checklist = Json::array();
    for (const auto& item : snapshot.terms.checklist)
        checklist.push_back({{"item", item.item}, {"points", item.points}});
    Json bands = Json::array();
    for (const auto& band : snapshot.terms.bands) bands.push_back({{"name", band.name}, {"min", band.min}});
    Json deductions = Json::array();
    for (const auto& clause : snapshot.deductions) {
        deductions.push_back({{"kind", std::string(DeductionKindCode(clause.kind))},
                              {"amount_fen", clause.amount.fen()},
                              {"cap_fen", clause.cap.fen()},
                              {"rate_basis_points", clause.rate_basis_points},
                              {"cap_basis_points", clause.cap_basis_points},
                              {"description", clause.description}});
    }
    return Json{{"frequency", std::string(FrequencyCode(snapshot.terms.frequency))},
                {"pass_mark", snapshot.terms.pass_mark},
                {"failed_item_percent", snapshot.failed_item_percent},
                {"checklist", checklist},
                {"bands", bands},
                {"deductions", deductions}}
        .dump();
}

AssessmentTermsSnapshot TermsFrom(const std::string& text) {
    const auto json = Json::parse(text);
    AssessmentTermsSnapshot snapshot;
    snapshot.terms.frequency = ParseFrequency(json.value("frequency", "monthly")).value_or(Frequency::kMonthly);
    snapshot.terms.pass_mark = json.value("pass_mark", 60);
    snapshot.failed_item_percent = json.value("failed_item_percent", 100);
    for (const auto& item : json.value("checklist", Json::array())) {
        snapshot.terms.checklist.push_back({item.value("item", ""), item.value("points", 0)});
    }
    for (const auto& band : json.value("bands", Json::array())) {
        snapshot.terms.bands.push_back({band.value("name", ""), band.value("min", 0)});
    }
    for (const auto& clause : json.value("deductions", Json::array())) {
        snapshot.deductions.push_back(
            {ParseDeductionKind(clause.value("kind", "")).value_or(DeductionKind::kPerPointBelowPass),
             Money::FromFen(clause.value("amount_fen", std::int64_t{0})),
             Money::FromFen(clause.value("cap_fen", std::int64_t{0})), clause.value("description", ""),
             clause.value("rate_basis_points", 0), clause.value("cap_basis_points", 0)});
    }
    return snapshot;
}

constexpr const char* kAssessmentColumns =
    "a.id, a.contract_id, c.code, c.title, a.vendor_id, v.name, a.vendor_org_id, a.owner_path, "
    "a.contract_version_no, a.period, a.kind, a.assessed_on, a.inspector, a.items_json, a.terms_json, "
    "a.total_tenths, a.original_total_tenths, a.pass_mark, a.passed, a.grade, a.failed_items, a.missing_staff_days, "
    "a.summary, a.status, a.appeal_deadline, a.created_by, a.created_at, a.updated_at";
// As kAssessmentColumns without the items and terms, which a list shows neither of (about 1 KB a row to parse).
constexpr const char* kAssessmentListColumns =
    "a.id, a.contract_id, c.code, c.title, a.vendor_id, v.name, a.vendor_org_id, a.owner_path, "
    "a.contract_version_no, a.period, a.kind, a.assessed_on, a.inspector, NULL, NULL, "
    "a.total_tenths, a.original_total_tenths, a.pass_mark, a.passed, a.grade, a.failed_items, a.missing_staff_days, "
    "a.summary, a.status, a.appeal_deadline, a.created_by, a.created_at, a.updated_at";
constexpr const char* kAssessmentFrom =
    " FROM assessments a JOIN contracts c ON c.id = a.contract_id JOIN vendors v ON v.id = a.vendor_id";

AssessmentRecord AssessmentFromRow(const Row& row) {
    AssessmentRecord record;
    record.id = row.Int(0);
    record.contract_id = row.Int(1);
    record.contract_code = row.Str(2);
    record.contract_title = row.Str(3);
    record.vendor_id = row.Int(4);
    record.vendor_name = row.Str(5);
    record.vendor_org_id = row.Int(6);
    record.owner_path = row.Str(7);
    record.contract_version_no = static_cast<int>(row.Int(8));
    record.period = row.Str(9);
    record.kind = row.Str(10);
    record.assessed_on = Date::Parse(row.Str(11)).value_or(Date{});
    record.inspector = row.Str(12);
    if (!row.IsNull(13)) record.items = ItemsFrom(row.Str(13));  // NULL: a list's row (kAssessmentListColumns)
    if (!row.IsNull(14)) record.terms = TermsFrom(row.Str(14));
    record.total_tenths = static_cast<int>(row.Int(15));
    record.original_total_tenths = static_cast<int>(row.Int(16));
    record.pass_mark = static_cast<int>(row.Int(17));
    record.passed = row.Bool(18);
    record.grade = row.Str(19);
    record.failed_items = static_cast<int>(row.Int(20));
    record.missing_staff_days = static_cast<int>(row.Int(21));
    record.summary = row.Str(22);
    record.status = row.Str(23);
    record.appeal_deadline = Date::Parse(row.Str(24)).value_or(Date{});
    record.created_by = row.OptInt(25);
    record.created_at = Instant{row.Int(26)};
    record.updated_at = Instant{row.Int(27)};
    return record;
}

std::string EvidenceJson(const std::vector<PolicyEvidence>& evidence) {
    Json json = Json::array();
    for (const auto& item : evidence) {
        json.push_back({{"kind", std::string(PolicyEvidenceKindCode(item.kind))},
                        {"id", item.id},
                        {"period", item.period},
                        {"date", item.date.ToString()},
                        {"value", item.value},
                        {"zh", item.description.zh},
                        {"en", item.description.en}});
    }
    return json.dump();
}

std::vector<PolicyEvidence> EvidenceFrom(const std::string& text) {
    std::vector<PolicyEvidence> evidence;
    for (const auto& json : Json::parse(text)) {
        const auto kind = json.value("kind", "");
        PolicyEvidence item;
        item.kind = kind == "survey"          ? PolicyEvidenceKind::kSurvey
                    : kind == "energy_saving" ? PolicyEvidenceKind::kEnergySaving
                    : kind == "staffing_day"  ? PolicyEvidenceKind::kStaffingDay
                    : kind == "agent_score"   ? PolicyEvidenceKind::kAgentScore
                                              : PolicyEvidenceKind::kAssessment;
        item.id = json.value("id", "");
        item.period = json.value("period", "");
        item.date = Date::Parse(json.value("date", "")).value_or(Date{});
        item.value = json.value("value", "");
        item.description = {json.value("zh", ""), json.value("en", "")};
        evidence.push_back(std::move(item));
    }
    return evidence;
}

std::string ThresholdsJson(const std::vector<PolicyParameter>& thresholds) {
    Json json = Json::array();
    for (const auto& item : thresholds) json.push_back({{"name", item.name}, {"value", item.value}});
    return json.dump();
}

std::vector<PolicyParameter> ThresholdsFrom(const std::string& text) {
    std::vector<PolicyParameter> thresholds;
    for (const auto& json : Json::parse(text)) thresholds.push_back({json.value("name", ""), json.value("value", "")});
    return thresholds;
}

constexpr const char* kProposalColumns =
    "p.id, p.contract_id, c.code, c.title, p.vendor_id, v.name, p.vendor_org_id, p.owner_path, p.kind, p.rule, "
    "p.rule_version, p.settings_version, p.dedupe_key, p.period, p.amount_fen, p.approved_amount_fen, "
    "p.evidence_json, p.thresholds_json, p.explanation_zh, p.explanation_en, p.status, p.ledger_entry_id, "
    "p.created_at, p.updated_at";
constexpr const char* kProposalFrom =
    " FROM proposals p JOIN contracts c ON c.id = p.contract_id JOIN vendors v ON v.id = p.vendor_id";

ProposalRecord ProposalFromRow(const Row& row) {
    ProposalRecord record;
    record.id = row.Int(0);
    record.contract_id = row.Int(1);
    record.contract_code = row.Str(2);
    record.contract_title = row.Str(3);
    record.vendor_id = row.Int(4);
    record.vendor_name = row.Str(5);
    record.vendor_org_id = row.Int(6);
    record.owner_path = row.Str(7);
    record.kind = row.Str(8);
    record.rule = row.Str(9);
    record.rule_version = row.Str(10);
    record.settings_version = row.Str(11);
    record.dedupe_key = row.Str(12);
    record.period = row.Str(13);
    if (auto fen = row.OptInt(14)) record.amount = Money::FromFen(*fen);
    if (auto fen = row.OptInt(15)) record.approved_amount = Money::FromFen(*fen);
    record.evidence = EvidenceFrom(row.Str(16));
    record.thresholds = ThresholdsFrom(row.Str(17));
    record.explanation = {row.Str(18), row.Str(19)};
    record.status = row.Str(20);
    record.ledger_entry_id = row.OptInt(21);
    record.created_at = Instant{row.Int(22)};
    record.updated_at = Instant{row.Int(23)};
    return record;
}

std::optional<std::int64_t> FenOf(const std::optional<Money>& money) {
    if (!money) return std::nullopt;
    return money->fen();
}

constexpr const char* kSurveyColumns =
    "s.id, s.contract_id, c.code, s.vendor_id, v.name, s.vendor_org_id, s.owner_path, s.period, s.title, "
    "s.anonymous, s.questions_json, s.status, s.opens_on, s.closes_on, s.basic_counts_satisfied, s.closed_at, "
    "s.created_by, s.created_at, s.updated_at";
constexpr const char* kSurveyFrom =
    " FROM surveys s JOIN contracts c ON c.id = s.contract_id JOIN vendors v ON v.id = s.vendor_id";

SurveyRecord SurveyFromRow(const Row& row) {
    SurveyRecord record;
    record.id = row.Int(0);
    record.contract_id = row.Int(1);
    record.contract_code = row.Str(2);
    record.vendor_id = row.Int(3);
    record.vendor_name = row.Str(4);
    record.vendor_org_id = row.Int(5);
    record.owner_path = row.Str(6);
    record.period = row.Str(7);
    record.title = row.Str(8);
    record.anonymous = row.Bool(9);
    for (const auto& json : Json::parse(row.Str(10))) {
        record.questions.push_back({json.value("key", ""), json.value("text", ""), json.value("kind", "rating")});
    }
    record.status = row.Str(11);
    record.opens_on = Date::Parse(row.Str(12)).value_or(Date{});
    record.closes_on = Date::Parse(row.Str(13)).value_or(Date{});
    record.basic_counts_satisfied = row.Bool(14);
    if (auto at = row.OptInt(15)) record.closed_at = Instant{*at};
    record.created_by = row.OptInt(16);
    record.created_at = Instant{row.Int(17)};
    record.updated_at = Instant{row.Int(18)};
    return record;
}

std::string QuestionsJson(const std::vector<SurveyQuestion>& questions) {
    Json json = Json::array();
    for (const auto& question : questions) {
        json.push_back({{"key", question.key}, {"text", question.text}, {"kind", question.kind}});
    }
    return json.dump();
}

}  // namespace

Page<AssessmentRecord> ListAssessments(Connection& connection, const AssessmentFilter& filter) {
    ListConditions conditions;
    if (filter.contract_id) conditions.Add("a.contract_id = ?", {*filter.contract_id});
    if (filter.vendor_id) conditions.Add("a.vendor_id = ?", {*filter.vendor_id});
    if (!filter.period.empty()) conditions.Add("a.period = ?", {filter.period});
    if (filter.passed) conditions.Add("a.passed = ?", {Bool(*filter.passed)});
    if (!filter.status.empty()) conditions.Add("a.status = ?", {filter.status});
    Params params;
    std::string where = ScopedWhere(filter.scope, "a.owner_path", "a.vendor_org_id", conditions, params);
    const bool unfiltered = conditions.Empty();
    // Every assessment has its contract and vendor (foreign keys), so the count needs neither join.
    // An organisation's unfiltered list counts its scope from the totals kept as assessments are written (a row per
    // period, owner and kind: a few thousand for a county's five years, where it has 88,500 assessments), unless
    // SQLite counts it quicker from the whole table (a county's scope).
    std::int64_t total = 0;
    if (unfiltered && CountsWholeTable(connection, filter.scope)) {
        total = CountInScope(connection, "assessments", "owner_path", "vendor_org_id", filter.scope);
    } else if (unfiltered && !filter.scope.vendor_org_id) {
        std::string scope_where = " WHERE 1 = 1";
        Params scope_params;
        AddScopeCondition(filter.scope, "t.owner_path", "", scope_where, scope_params);
        total =
            connection
                .QueryOne("SELECT COALESCE(SUM(t.assessments), 0) FROM assessment_totals t" + scope_where, scope_params)
                ->Int(0);
    } else {
        total = connection.QueryOne("SELECT COUNT(*) FROM assessments a" + where, params)->Int(0);
    }
    const std::string column = filter.sort == "period"  ? "a.period"
                               : filter.sort == "total" ? "a.total_tenths"
                                                        : "a.assessed_on";
    const std::string direction = filter.descending ? " DESC" : " ASC";
    const std::string order = " ORDER BY " + column + direction + ", a.id" + direction;
    // By date (the page's default), a large scope walks the date index (assessments_walk) instead of sorting its
    // range; a vendor's scope has its own index in date order.
    if (column == "a.assessed_on" && !filter.scope.vendor_org_id && unfiltered && filter.page_size > 0 &&
        ScopeWalkIsCheaper(connection, "assessments", total, filter.page * filter.page_size)) {
        params.clear();
        where = ScopedWhere(filter.scope, "+a.owner_path", "a.vendor_org_id", conditions, params);
    }
    // The page's ids are chosen from the indexes alone; only its rows are then read whole and joined (a county's
    // assessments are about 1 KB each, and sorting them whole took 300 ms for the county's administrator).
    std::string ids = "SELECT a.id FROM assessments a" + where + order;
    AppendPageLimit(ids, params, filter.page, filter.page_size);
    const std::string sql = std::string("SELECT ") + (filter.with_items ? kAssessmentColumns : kAssessmentListColumns) +
                            kAssessmentFrom + " JOIN (" + ids + ") page ON page.id = a.id" + order;
    std::vector<AssessmentRecord> records;
    for (const auto& row : connection.Query(sql, params)) records.push_back(AssessmentFromRow(row));
    return PageOf(std::move(records), total);
}

std::optional<AssessmentRecord> FindAssessment(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE a.id = ?";
    Params params{id};
    AddScopeCondition(scope, "a.owner_path", "a.vendor_org_id", where, params);
    auto row = connection.QueryOne(std::string("SELECT ") + kAssessmentColumns + kAssessmentFrom + where, params);
    if (!row) return std::nullopt;
    return AssessmentFromRow(*row);
}

bool AssessmentExists(Connection& connection, std::int64_t contract_id, const std::string& period,
                      const std::string& kind) {
    return connection
        .QueryOne("SELECT 1 FROM assessments WHERE contract_id = ? AND period = ? AND kind = ?",
                  {contract_id, period, kind})
        .has_value();
}

namespace {

// an assessment and its score count in the totals of its period, owner and kind (migration 31: the dashboard's
// chart and the list's count), in the caller's transaction.
void AddToTotals(Connection& connection, const std::string& period, const std::string& owner_path,
                 const std::string& kind, std::int64_t total_tenths, std::int64_t assessments) {
    connection.Execute(
        "INSERT INTO assessment_totals (period, owner_path, kind, total_tenths, assessments) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (period, owner_path, kind) DO UPDATE SET total_tenths = assessment_totals.total_tenths + "
        "excluded.total_tenths, assessments = assessment_totals.assessments + excluded.assessments",
        {period, owner_path, kind, total_tenths, assessments});
}

}  // namespace

std::int64_t InsertAssessment(Connection& connection, const AssessmentRecord& r) {
    AddToTotals(connection, r.period, r.owner_path, r.kind, r.total_tenths, 1);
    return connection.InsertReturningId(
        "INSERT INTO assessments (contract_id, vendor_id, vendor_org_id, owner_path, contract_version_no, period, "
        "kind, assessed_on, inspector, items_json, terms_json, total_tenths, original_total_tenths, pass_mark, passed, "
        "grade, failed_items, missing_staff_days, summary, status, appeal_deadline, created_by, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {r.contract_id,
         r.vendor_id,
         r.vendor_org_id,
         r.owner_path,
         std::int64_t{r.contract_version_no},
         r.period,
         r.kind,
         r.assessed_on.ToString(),
         r.inspector,
         ItemsJson(r.items),
         TermsJson(r.terms),
         std::int64_t{r.total_tenths},
         std::int64_t{r.original_total_tenths},
         std::int64_t{r.pass_mark},
         Bool(r.passed),
         r.grade,
         std::int64_t{r.failed_items},
         std::int64_t{r.missing_staff_days},
         r.summary,
         r.status,
         r.appeal_deadline.ToString(),
         Optional(r.created_by),
         r.created_at.ms,
         r.updated_at.ms});
}

bool UpdateAssessment(Connection& connection, const AssessmentRecord& r, const std::string& expected_status) {
    // The score it had, for the dashboard's totals (its period, kind and owner never change).
    const auto before = connection.QueryOne(
        "SELECT kind, period, owner_path, total_tenths FROM assessments WHERE id = ? AND status = ?",
        {r.id, expected_status});
    if (!before) return false;
    if (before->Int(3) != r.total_tenths) {
        AddToTotals(connection, before->Str(1), before->Str(2), before->Str(0), r.total_tenths - before->Int(3), 0);
    }
    return connection.Execute(
               "UPDATE assessments SET items_json = ?, total_tenths = ?, passed = ?, grade = ?, failed_items = ?, "
               "status = ?, updated_at = ? WHERE id = ? AND status = ?",
               {ItemsJson(r.items), std::int64_t{r.total_tenths}, Bool(r.passed), r.grade, std::int64_t{r.failed_items},
                r.status, r.updated_at.ms, r.id, expected_status}) == 1;
}

std::string AssessmentSnapshot(const AssessmentRecord& r) {
    return Json{{"id", r.id},
                {"contract_id", r.contract_id},
                {"period", r.period},
                {"kind", r.kind},
                {"assessed_on", r.assessed_on.ToString()},
                {"total", TenthsToString(r.total_tenths)},
                {"passed", r.passed},
                {"grade", r.grade},
                {"failed_items", r.failed_items},
                {"missing_staff_days", r.missing_staff_days},
                {"status", r.status},
                {"items", Json::parse(ItemsJson(r.items))}}
        .dump();
}

std::optional<AppealRecord> FindAppeal(Connection& connection, std::int64_t assessment_id) {
    auto row = connection.QueryOne(
        "SELECT id, assessment_id, reason, attachment_ids, status, previous_total_tenths, decision_reason, created_by, "
        "created_at, decided_by, decided_at FROM assessment_appeals WHERE assessment_id = ?",
        {assessment_id});
    if (!row) return std::nullopt;
    AppealRecord appeal;
    appeal.id = row->Int(0);
    appeal.assessment_id = row->Int(1);
    appeal.reason = row->Str(2);
    appeal.attachment_ids = IdsFrom(Json::parse(row->Str(3)));
    appeal.status = row->Str(4);
    appeal.previous_total_tenths = static_cast<int>(row->Int(5));
    appeal.decision_reason = row->Str(6);
    appeal.created_by = row->Str(7);
    appeal.created_at = Instant{row->Int(8)};
    appeal.decided_by = row->Str(9);
    if (auto at = row->OptInt(10)) appeal.decided_at = Instant{*at};
    return appeal;
}

std::int64_t InsertAppeal(Connection& connection, const AppealRecord& a) {
    return connection.InsertReturningId(
        "INSERT INTO assessment_appeals (assessment_id, reason, attachment_ids, status, previous_total_tenths, "
        "decision_reason, created_by, created_at, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {a.assessment_id, a.reason, IdsArray(a.attachment_ids).dump(), a.status, std::int64_t{a.previous_total_tenths},
         a.decision_reason, a.created_by, a.created_at.ms, a.decided_by,
         a.decided_at ? Param(a.decided_at->ms) : Null()});
}

void UpdateAppeal(Connection& connection, const AppealRecord& a) {
    connection.Execute(
        "UPDATE assessment_appeals SET status = ?, previous_total_tenths = ?, decision_reason = ?, decided_by = ?, "
        "decided_at = ? WHERE id = ?",
        {a.status, std::int64_t{a.previous_total_tenths}, a.decision_reason, a.decided_by,
         a.decided_at ? Param(a.decided_at->ms) : Null(), a.id});
}

std::string AppealSnapshot(const AppealRecord& a) {
    return Json{{"assessment_id", a.assessment_id},
                {"reason", a.reason},
                {"attachment_ids", IdsArray(a.attachment_ids)},
                {"status", a.status},
                {"previous_total", TenthsToString(a.previous_total_tenths)},
                {"decision_reason", a.decision_reason}}
        .dump();
}

Page<SurveyRecord> ListSurveys(Connection& connection, const SurveyFilter& filter) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScopeCondition(filter.scope, "s.owner_path", "s.vendor_org_id", where, params);
    if (filter.contract_id) {
        where += " AND s.contract_id = ?";
        params.emplace_back(*filter.contract_id);
    }
    if (!filter.status.empty()) {
        where += " AND s.status = ?";
        params.emplace_back(filter.status);
    }
    if (filter.pending_for_user) {
        where +=
            " AND s.status = 'open' AND NOT EXISTS (SELECT 1 FROM survey_respondents r WHERE r.survey_id = s.id AND "
            "r.user_id = ?)";
        params.emplace_back(*filter.pending_for_user);
    }
    const auto total = connection.QueryOne(std::string("SELECT COUNT(*)") + kSurveyFrom + where, params)->Int(0);
    std::string sql = std::string("SELECT ") + kSurveyColumns + kSurveyFrom + where + " ORDER BY s.id DESC";
    AppendPageLimit(sql, params, filter.page, filter.page_size);
    std::vector<SurveyRecord> records;
    for (const auto& row : connection.Query(sql, params)) records.push_back(SurveyFromRow(row));
    return PageOf(std::move(records), total);
}

void LockSurvey(Connection& connection, std::int64_t id) {
    if (connection.engine() == Engine::kPostgres) {
        connection.Query("SELECT id FROM surveys WHERE id = ? FOR UPDATE", {id});
    }
}

std::optional<SurveyRecord> FindSurvey(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE s.id = ?";
    Params params{id};
    AddScopeCondition(scope, "s.owner_path", "s.vendor_org_id", where, params);
    auto row = connection.QueryOne(std::string("SELECT ") + kSurveyColumns + kSurveyFrom + where, params);
    if (!row) return std::nullopt;
    return SurveyFromRow(*row);
}

std::vector<SurveyRecord> ContractSurveys(Connection& connection, std::int64_t contract_id, bool closed_only) {
    std::vector<SurveyRecord> records;
    for (const auto& row :
         connection.Query(std::string("SELECT ") + kSurveyColumns + kSurveyFrom + " WHERE s.contract_id = ?" +
                              (closed_only ? " AND s.status = 'closed'" : "") + " ORDER BY s.id",
                          {contract_id})) {
        records.push_back(SurveyFromRow(row));
    }
    return records;
}

std::int64_t InsertSurvey(Connection& connection, const SurveyRecord& r) {
    return connection.InsertReturningId(
        "INSERT INTO surveys (contract_id, vendor_id, vendor_org_id, owner_path, period, title, anonymous, "
        "questions_json, status, opens_on, closes_on, basic_counts_satisfied, closed_at, created_by, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {r.contract_id, r.vendor_id, r.vendor_org_id, r.owner_path, r.period, r.title, Bool(r.anonymous),
         QuestionsJson(r.questions), r.status, r.opens_on.ToString(), r.closes_on.ToString(),
         Bool(r.basic_counts_satisfied), Null(), Optional(r.created_by), r.created_at.ms, r.updated_at.ms});
}

bool UpdateSurveyStatus(Connection& connection, std::int64_t id, const std::string& expected_status,
                        const std::string& status, std::optional<Instant> closed_at, Instant now) {
    if (connection.Execute("UPDATE surveys SET status = ?, closed_at = ?, updated_at = ? WHERE id = ? AND status = ?",
                           {status, closed_at ? Param(closed_at->ms) : Null(), now.ms, id, expected_status}) != 1) {
        return false;
    }
    if (status == "closed") {
        // a closed survey's answers no longer change; the dashboard's satisfaction chart reads their tally by
        // period and owner (migration 31), added here in the closing transaction.
        connection.Execute(
            "INSERT INTO closed_survey_ratings (period, owner_path, basic_counts_satisfied, rating, answers) "
            "SELECT s.period, s.owner_path, s.basic_counts_satisfied, r.rating, COUNT(*) FROM surveys s "
            "JOIN survey_answers r ON r.survey_id = s.id WHERE s.id = ? "
            "GROUP BY s.period, s.owner_path, s.basic_counts_satisfied, r.rating "
            "ON CONFLICT (period, owner_path, basic_counts_satisfied, rating) DO UPDATE SET answers = "
            "closed_survey_ratings.answers + excluded.answers",
            {id});
    }
    return true;
}

std::string SurveySnapshot(const SurveyRecord& r) {
    return Json{{"id", r.id},
                {"contract_id", r.contract_id},
                {"period", r.period},
                {"title", r.title},
                {"anonymous", r.anonymous},
                {"status", r.status},
                {"closes_on", r.closes_on.ToString()},
                {"questions", Json::parse(QuestionsJson(r.questions))}}
        .dump();
}

bool InsertRespondent(Connection& connection, std::int64_t survey_id, std::int64_t user_id) {
    if (HasResponded(connection, survey_id, user_id)) return false;
    try {
        connection.Execute("INSERT INTO survey_respondents (survey_id, user_id) VALUES (?, ?)", {survey_id, user_id});
    } catch (const DbError& error) {
        if (error.kind() == DbError::Kind::kUniqueViolation) return false;
        throw;
    }
    return true;
}

bool HasResponded(Connection& connection, std::int64_t survey_id, std::int64_t user_id) {
    return connection
        .QueryOne("SELECT 1 FROM survey_respondents WHERE survey_id = ? AND user_id = ?", {survey_id, user_id})
        .has_value();
}

void InsertSurveyAnswer(Connection& connection, std::int64_t survey_id, const std::string& answer_key,
                        const SurveyAnswer& answer) {
    Json answers = Json::object();
    for (const auto& [key, value] : answer.answers) answers[key] = value;
    connection.Execute(
        "INSERT INTO survey_answers (survey_id, answer_key, user_id, rating, answers_json, comment) VALUES (?, ?, ?, "
        "?, ?, ?)",
        {survey_id, answer_key, Optional(answer.user_id), answer.rating, answers.dump(), answer.comment});
}

std::vector<SurveyAnswer> ListSurveyAnswers(Connection& connection, std::int64_t survey_id) {
    std::vector<SurveyAnswer> answers;
    // Ordered by the random key: the order says nothing about who answered when.
    for (const auto& row :
         connection.Query("SELECT user_id, rating, answers_json, comment FROM survey_answers WHERE survey_id = ? "
                          "ORDER BY answer_key",
                          {survey_id})) {
        SurveyAnswer answer;
        answer.user_id = row.OptInt(0);
        answer.rating = row.Str(1);
        const auto parsed = Json::parse(row.Str(2));  // kept alive: items() only refers to it
        for (const auto& [key, value] : parsed.items()) {
            answer.answers[key] = value.is_string() ? value.get<std::string>() : value.dump();
        }
        answer.comment = row.Str(3);
        answers.push_back(std::move(answer));
    }
    return answers;
}

void RestampSurveyAnswers(Connection& connection, std::int64_t survey_id) {
    connection.Execute("UPDATE survey_answers SET comment = comment WHERE survey_id = ?", {survey_id});
}

std::int64_t CountSurveyAnswers(Connection& connection, std::int64_t survey_id) {
    return connection.QueryOne("SELECT COUNT(*) FROM survey_respondents WHERE survey_id = ?", {survey_id})->Int(0);
}

std::vector<std::string> SurveyRespondentNames(Connection& connection, std::int64_t survey_id) {
    std::vector<std::string> names;
    for (const auto& row : connection.Query(
             "SELECT u.display_name FROM survey_respondents r JOIN users u ON u.id = r.user_id WHERE r.survey_id = ? "
             "ORDER BY u.display_name",
             {survey_id})) {
        names.push_back(row.Str(0));
    }
    return names;
}

Page<ProposalRecord> ListProposals(Connection& connection, const ProposalFilter& filter) {
    ListConditions conditions;
    if (!filter.kind.empty()) conditions.Add("p.kind = ?", {filter.kind});
    if (!filter.status.empty()) conditions.Add("p.status = ?", {filter.status});
    if (filter.contract_id) conditions.Add("p.contract_id = ?", {*filter.contract_id});
    if (filter.vendor_id) conditions.Add("p.vendor_id = ?", {*filter.vendor_id});
    Params params;
    std::string where = ScopedWhere(filter.scope, "p.owner_path", "p.vendor_org_id", conditions, params);
    const bool unfiltered = conditions.Empty();
    // Every proposal has its contract and vendor (foreign keys), so the count needs neither join.
    const auto total = unfiltered ? CountInScope(connection, "proposals", "owner_path", "vendor_org_id", filter.scope)
                                  : connection.QueryOne("SELECT COUNT(*) FROM proposals p" + where, params)->Int(0);
    // Newest first is the id's order: a large scope walks the table's own order instead of sorting its range.
    if (!filter.scope.vendor_org_id && unfiltered &&
        ScopeWalkIsCheaper(connection, "proposals", total, filter.page * filter.page_size)) {
        params.clear();
        where = ScopedWhere(filter.scope, "+p.owner_path", "p.vendor_org_id", conditions, params);
    }
    std::string ids = "SELECT p.id FROM proposals p" + where + " ORDER BY p.id DESC";
    AppendPageLimit(ids, params, filter.page, filter.page_size);
    std::vector<ProposalRecord> records;
    for (const auto& row : connection.Query(std::string("SELECT ") + kProposalColumns + kProposalFrom + " JOIN (" +
                                                ids + ") page ON page.id = p.id ORDER BY p.id DESC",
                                            params)) {
        records.push_back(ProposalFromRow(row));
    }
    return PageOf(std::move(records), total);
}

std::optional<ProposalRecord> FindProposal(Connection& connection, std::int64_t id, const VendorScope& scope) {
    std::string where = " WHERE p.id = ?";
    Params params{id};
    AddScopeCondition(scope, "p.owner_path", "p.vendor_org_id", where, params);
    auto row = connection.QueryOne(std::string("SELECT ") + kProposalColumns + kProposalFrom + where, params);
    if (!row) return std::nullopt;
    return ProposalFromRow(*row);
}

std::pair<std::vector<std::string>, std::vector<std::string>> ProposalKeys(Connection& connection,
                                                                           std::int64_t contract_id) {
    std::vector<std::string> open;
    std::vector<std::string> closed;
    for (const auto& row :
         connection.Query("SELECT dedupe_key, status FROM proposals WHERE contract_id = ?", {contract_id})) {
        const auto& status = row.Str(1);
        (status == "pending_office" || status == "pending_leadership" ? open : closed).push_back(row.Str(0));
    }
    return {open, closed};
}

std::vector<ProposalRecord> ContractProposalsOfRule(Connection& connection, std::int64_t contract_id,
                                                    const std::string& rule) {
    std::vector<ProposalRecord> records;
    for (const auto& row : connection.Query(std::string("SELECT ") + kProposalColumns + kProposalFrom +
                                                " WHERE p.contract_id = ? AND p.rule = ? ORDER BY p.id",
                                            {contract_id, rule})) {
        records.push_back(ProposalFromRow(row));
    }
    return records;
}

std::optional<ProposalRecord> FindProposalByKey(Connection& connection, const std::string& dedupe_key) {
    auto row = connection.QueryOne(
        std::string("SELECT ") + kProposalColumns + kProposalFrom + " WHERE p.dedupe_key = ?", {dedupe_key});
    if (!row) return std::nullopt;
    return ProposalFromRow(*row);
}

std::optional<std::int64_t> InsertProposal(Connection& connection, const ProposalRecord& r) {
    // ON CONFLICT keeps the transaction usable on PostgreSQL (a plain unique violation would abort it).
    const auto row = connection.QueryOne(
        "INSERT INTO proposals (contract_id, vendor_id, vendor_org_id, owner_path, kind, rule, rule_version, "
        "settings_version, dedupe_key, period, amount_fen, approved_amount_fen, evidence_json, thresholds_json, "
        "explanation_zh, explanation_en, status, ledger_entry_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        {r.contract_id,
         r.vendor_id,
         r.vendor_org_id,
         r.owner_path,
         r.kind,
         r.rule,
         r.rule_version,
         r.settings_version,
         r.dedupe_key,
         r.period,
         Optional(FenOf(r.amount)),
         Optional(FenOf(r.approved_amount)),
         EvidenceJson(r.evidence),
         ThresholdsJson(r.thresholds),
         r.explanation.zh,
         r.explanation.en,
         r.status,
         Optional(r.ledger_entry_id),
         r.created_at.ms,
         r.updated_at.ms});
    if (!row) return std::nullopt;
    return row->Int(0);
}

bool UpdateProposal(Connection& connection, const ProposalRecord& r, const std::string& expected_status) {
    return connection.Execute(
               "UPDATE proposals SET status = ?, approved_amount_fen = ?, ledger_entry_id = ?, updated_at = ? WHERE "
               "id = ? AND status = ?",
               {r.status, Optional(FenOf(r.approved_amount)), Optional(r.ledger_entry_id), r.updated_at.ms, r.id,
                expected_status}) == 1;
}

std::string ProposalSnapshot(const ProposalRecord& r) {
    Json json{{"id", r.id},
              {"contract_id", r.contract_id},
              {"kind", r.kind},
              {"rule", r.rule},
              {"rule_version", r.rule_version},
              {"settings_version", r.settings_version},
              {"dedupe_key", r.dedupe_key},
              {"status", r.status},
              {"amount", r.amount ? Json(r.amount->ToString()) : Json(nullptr)},
              {"approved_amount", r.approved_amount ? Json(r.approved_amount->ToString()) : Json(nullptr)},
              {"thresholds", Json::parse(ThresholdsJson(r.thresholds))},
              {"evidence", Json::parse(EvidenceJson(r.evidence))}};
    if (r.ledger_entry_id) json["ledger_entry_id"] = *r.ledger_entry_id;
    return json.dump();
}

std::map<std::string, std::int64_t> CountProposalsByStatus(Connection& connection, const VendorScope& scope) {
    std::string where = " WHERE 1 = 1";
    Params params;
    AddScopeCondition(scope, "p.owner_path", "p.vendor_org_id", where, params);
    std::map<std::string, std::int64_t> counts;
    for (const auto& row :
         connection.Query("SELECT p.status, COUNT(*) FROM proposals p" + where + " GROUP BY p.status", params)) {
        counts[row.Str(0)] = row.Int(1);
    }
    return counts;
}

std::vector<PolicyEnergySaving> EnergySavingFacts(Connection& connection, std::int64_t contract_id) {
    std::vector<PolicyEnergySaving> facts;
    for (const auto& row :
         connection.Query("SELECT id, recorded_on, measure, saving_fen, saving_kwh FROM energy_savings "
                          "WHERE contract_id = ? ORDER BY recorded_on, id",
                          {contract_id})) {
        facts.push_back({std::to_string(row.Int(0)), Date::Parse(row.Str(1)).value_or(Date{}), row.Str(2),
                         Money::FromFen(row.Int(3)), row.Int(4)});
    }
    return facts;
}

std::string PolicySettingsVersion(Connection& connection) {
    const auto row = connection.QueryOne(
        "SELECT COALESCE(MAX(id), 0) FROM settings_history WHERE key LIKE 'policy.%' OR key LIKE 'assessment.%' OR "
        "key LIKE 'survey.%'",
        {});
    return "S" + std::to_string(row ? row->Int(0) : 0);
}

std::vector<PeriodScore> ScoresByPeriod(Connection& connection, const VendorScope& scope, std::int64_t limit) {
    // An organisation's scope reads the totals kept as assessments are written (a row per period and owner: the
    // county's twelve periods are a few hundred rows, where its assessments are 18,000); a vendor's, its own rows.
    std::string sql;
    Params params;
    if (scope.vendor_org_id) {
        std::string where = " WHERE a.kind = 'routine'";
        AddScopeCondition(scope, "a.owner_path", "a.vendor_org_id", where, params);
        sql = "SELECT a.period, SUM(a.total_tenths), COUNT(*) FROM assessments a" + where +
              " GROUP BY a.period ORDER BY a.period DESC LIMIT ?";
    } else {
        std::string where = " WHERE t.kind = 'routine'";
        AddScopeCondition(scope, "t.owner_path", "", where, params);
        sql = "SELECT t.period, SUM(t.total_tenths), SUM(t.assessments) FROM assessment_totals t" + where +
              " GROUP BY t.period HAVING SUM(t.assessments) > 0 ORDER BY t.period DESC LIMIT ?";
    }
    params.emplace_back(limit);
    std::vector<PeriodScore> scores;
    for (const auto& row : connection.Query(sql, params)) {
        scores.push_back({row.Str(0), row.Int(1), row.Int(2)});
    }
    std::reverse(scores.begin(), scores.end());
    return scores;
}

std::vector<PeriodRatings> SatisfactionByPeriod(Connection& connection, const VendorScope& scope, std::int64_t limit) {
    // An organisation's scope reads the tallies written as each survey closed (migration 31); a vendor's counts the
    // answers of its own surveys. Either way the latest `limit` periods first (an index walk that stops there).
    const bool totals = !scope.vendor_org_id;
    std::string where = totals ? " WHERE 1 = 1" : " WHERE s.status = 'closed'";
    Params params;
    AddScopeCondition(scope, "s.owner_path", "s.vendor_org_id", where, params);
    const std::string from = totals ? " FROM closed_survey_ratings s" : " FROM surveys s";
    Params period_params = params;
    period_params.emplace_back(limit);
    const auto periods =
        connection.Query("SELECT DISTINCT s.period" + from + where + " ORDER BY s.period DESC LIMIT ?", period_params);
    if (periods.empty()) return {};
    where += " AND s.period >= ?";
    params.emplace_back(periods.back().Str(0));
    std::map<std::string, PeriodRatings> by_period;
    std::string sql = totals ? "SELECT s.period, s.basic_counts_satisfied, s.rating, SUM(s.answers)"
                             : "SELECT s.period, s.basic_counts_satisfied, r.rating, COUNT(*) FROM surveys s JOIN "
                               "survey_answers r ON r.survey_id = s.id";
    if (totals) sql += from;
    sql += where;
    sql += totals ? " GROUP BY s.period, s.basic_counts_satisfied, s.rating"
                  : " GROUP BY s.period, s.basic_counts_satisfied, r.rating";
    for (const auto& row : connection.Query(sql, params)) {
        auto& entry = by_period[row.Str(0)];
        entry.period = row.Str(0);
        const auto& rating = row.Str(2);
        const auto count = row.Int(3);
        if (rating != "very_satisfied" && rating != "satisfied" && rating != "basically_satisfied" &&
            rating != "dissatisfied") {
            continue;
        }
        entry.valid += count;
        if (rating == "very_satisfied" || rating == "satisfied" || (rating == "basically_satisfied" && row.Bool(1))) {
            entry.satisfied += count;
        }
    }
    std::vector<PeriodRatings> result;
    result.reserve(by_period.size());
    for (auto& [period, entry] : by_period) result.push_back(entry);
    if (static_cast<std::int64_t>(result.size()) > limit) {
        result.erase(result.begin(), result.end() - limit);
    }
    return result;
}

RectificationCounts CountRectifications(Connection& connection, const VendorScope& scope, Date today) {
    std::string where = " WHERE 1 = 1";
    Params params{today.ToString()};  // the deadline comparison comes first in the statement
    AddScopeCondition(scope, "r.owner_path", "r.vendor_org_id", where, params);
    RectificationCounts counts;
    const auto row = connection.QueryOne(
        "SELECT COALESCE(SUM(CASE WHEN r.status = 'open' AND r.deadline < ? THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN r.status = 'open' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN r.status = "
        "'reported' THEN 1 ELSE 0 END), 0) FROM rectifications r" +
            where,
        params);
    if (row) counts = {row->Int(1), row->Int(2), row->Int(0)};
    return counts;
}

std::vector<std::pair<std::string, Money>> DeductionsByPeriod(Connection& connection, const VendorScope& scope,
                                                              std::int64_t limit) {
    std::string where = " WHERE l.kind = 'deduction'";
    Params params;
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", where, params);
    params.emplace_back(limit);
    std::vector<std::pair<std::string, Money>> result;
    for (const auto& row :
         connection.Query("SELECT l.period, SUM(l.amount_fen) FROM contract_ledger l JOIN contracts c ON c.id = "
                          "l.contract_id" +
                              where + " GROUP BY l.period ORDER BY l.period DESC LIMIT ?",
                          params)) {
        result.emplace_back(row.Str(0), Money::FromFen(row.Int(1)));
    }
    std::reverse(result.begin(), result.end());
    return result;
}

std::vector<OverdueRectification> OverdueRectifications(Connection& connection, const VendorScope& scope, Date today,
                                                        std::int64_t limit) {
    std::string where = " WHERE r.status = 'open' AND r.deadline < ?";
    Params params{today.ToString()};
    AddScopeCondition(scope, "r.owner_path", "r.vendor_org_id", where, params);
    params.emplace_back(limit);
    std::vector<OverdueRectification> result;
    for (const auto& row : connection.Query(
             "SELECT r.id, r.title, v.name, r.deadline FROM rectifications r JOIN vendors v ON v.id = r.vendor_id" +
                 where + " ORDER BY r.deadline, r.id LIMIT ?",
             params)) {
        result.push_back({row.Int(0), row.Str(1), row.Str(2), Date::Parse(row.Str(3)).value_or(Date{})});
    }
    return result;
}

std::vector<UpcomingMeeting> UpcomingMeetings(Connection& connection, const std::string& owner_path_prefix,
                                              Instant from, Instant until, std::int64_t limit) {
    std::string where = " WHERE m.status = 'scheduled' AND m.scheduled_at >= ? AND m.scheduled_at < ?";
    Params params{from.ms, until.ms};
    AddScopeCondition({owner_path_prefix, std::nullopt}, "m.owner_path", "m.owner_org_id", where, params);
    params.emplace_back(limit);
    std::vector<UpcomingMeeting> result;
    for (const auto& row : connection.Query(
             "SELECT m.id, m.title, m.scheduled_at FROM meetings m" + where + " ORDER BY m.scheduled_at LIMIT ?",
             params)) {
        result.push_back({row.Int(0), row.Str(1), Instant{row.Int(2)}});
    }
    return result;
}

std::vector<std::int64_t> ActiveContractIds(Connection& connection, Date today) {
    std::vector<std::int64_t> ids;
    for (const auto& row : connection.Query(
             "SELECT id FROM contracts WHERE status = 'active' AND term_end >= ? ORDER BY id", {today.ToString()})) {
        ids.push_back(row.Int(0));
    }
    return ids;
}

std::vector<AssessmentSchedule> ActiveAssessmentSchedules(Connection& connection, const VendorScope& scope, Date today,
                                                          const std::string& assessed_month) {
    // Only the frequency is needed from the version in force, so the database reads it from the stored JSON instead
    // of the server parsing every contract's whole content (a county has 1,500 contracts in force).
    const std::string frequency = connection.engine() == Engine::kSqlite
                                      ? "json_extract(v.content_json, '$.assessment.frequency')"
                                      : "(v.content_json::json -> 'assessment' ->> 'frequency')";
    // A town's contracts are a short range of contracts_owner (owner_path, status, term_end), not the walk of every
    // contract in force in the county (with a probe each for its assessment) that contracts_term_end would be.
    std::string where = " WHERE " + ScopeLed(connection, scope, "c.status") +
                        " = 'active' AND c.term_end >= ? AND NOT EXISTS (SELECT 1 FROM assessments a WHERE "
                        "a.contract_id = c.id AND a.period = ? AND a.kind = 'routine')";
    Params params{today.ToString(), assessed_month};
    AddScopeCondition(scope, "c.owner_path", "c.vendor_org_id", where, params);
    std::vector<AssessmentSchedule> result;
    std::string sql = "SELECT c.id, c.code, c.title, c.term_start, c.term_end, ";
    sql += frequency;
    sql += " FROM contracts c JOIN contract_versions v ON v.contract_id = c.id AND v.version_no = c.active_version_no";
    sql += where;
    sql += " ORDER BY c.id";
    for (const auto& row : connection.Query(sql, params)) {
        AssessmentSchedule schedule;
        schedule.contract_id = row.Int(0);
        schedule.code = row.Str(1);
        schedule.title = row.Str(2);
        schedule.term_start = Date::Parse(row.Str(3)).value_or(Date{});
        schedule.term_end = Date::Parse(row.Str(4)).value_or(Date{});
        // As the contract's content reads it: no frequency, or one it does not know, is monthly.
        schedule.frequency = ParseFrequency(row.IsNull(5) ? std::string() : row.Str(5)).value_or(Frequency::kMonthly);
        result.push_back(std::move(schedule));
    }
    return result;
}

std::set<std::pair<std::int64_t, std::string>> RoutineAssessmentsOf(Connection& connection, const VendorScope& scope,
                                                                    const std::set<std::string>& periods) {
    std::set<std::pair<std::int64_t, std::string>> found;
    for (const auto& period : periods) {
        std::string where = " WHERE a.kind = 'routine' AND a.period = ?";
        Params params{period};
        AddScopeCondition(scope, "a.owner_path", "a.vendor_org_id", where, params);
        for (const auto& row : connection.Query("SELECT a.contract_id FROM assessments a" + where, params)) {
            found.emplace(row.Int(0), period);
        }
    }
    return found;
}

std::vector<AssessmentFact> ContractAssessmentFacts(Connection& connection, std::int64_t contract_id,
                                                    TermsByText& parsed) {
    std::vector<AssessmentFact> facts;
    for (const auto& row : connection.Query(
             "SELECT id, contract_version_no, period, kind, assessed_on, total_tenths, original_total_tenths, "
             "failed_items, missing_staff_days, terms_json FROM assessments WHERE contract_id = ? "
             "ORDER BY assessed_on, id",
             {contract_id})) {
        AssessmentFact fact;
        fact.id = row.Int(0);
        fact.contract_version_no = static_cast<int>(row.Int(1));
        fact.period = row.Str(2);
        fact.kind = row.Str(3);
        fact.assessed_on = Date::Parse(row.Str(4)).value_or(Date{});
        fact.total_tenths = static_cast<int>(row.Int(5));
        fact.original_total_tenths = static_cast<int>(row.Int(6));
        fact.failed_items = static_cast<int>(row.Int(7));
        fact.missing_staff_days = static_cast<int>(row.Int(8));
        const auto& text = row.Str(9);
        auto found = parsed.find(text);
        if (found == parsed.end()) {
            found = parsed.emplace(text, std::make_shared<const AssessmentTermsSnapshot>(TermsFrom(text))).first;
        }
        fact.terms = found->second;
        facts.push_back(std::move(fact));
    }
    return facts;
}

std::vector<SurveyFact> ClosedSurveyFacts(Connection& connection, std::int64_t contract_id) {
    std::vector<SurveyFact> facts;
    // A survey without answers still comes back once (rating NULL, count 0).
    for (const auto& row : connection.Query(
             "SELECT s.id, s.period, s.closes_on, s.closed_at, s.basic_counts_satisfied, r.rating, COUNT(r.rating) "
             "FROM surveys s LEFT JOIN survey_answers r ON r.survey_id = s.id "
             "WHERE s.contract_id = ? AND s.status = 'closed' "
             "GROUP BY s.id, s.period, s.closes_on, s.closed_at, s.basic_counts_satisfied, r.rating ORDER BY s.id",
             {contract_id})) {
        const auto id = row.Int(0);
        if (facts.empty() || facts.back().id != id) {
            SurveyFact fact;
            fact.id = id;
            fact.period = row.Str(1);
            fact.closes_on = Date::Parse(row.Str(2)).value_or(Date{});
            if (auto at = row.OptInt(3)) fact.closed_at = Instant{*at};
            fact.basic_counts_satisfied = row.Bool(4);
            facts.push_back(std::move(fact));
        }
        if (const auto count = row.Int(6); count > 0) facts.back().ratings[row.Str(5)] += count;
    }
    return facts;
}

}  // namespace houqin::storage
