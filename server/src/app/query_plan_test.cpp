// Issue 15, "Query plans checked": the lists and the dashboard a user opens most, read as each kind of user reads
// them, must not walk a whole table for a page of 20. The pages run through their services on a small county of
// `houqin seed-scale`, on SQLite and on PostgreSQL; every statement they send is recorded by the data seam's
// statement observer (Database::ObserveStatements), so the services run unchanged with the database they always use
// (a recording `Connection` could only wrap the store functions, and would have to repeat each service's choice of
// queries and arguments).
//
// On SQLite each statement is explained as it was prepared (with its `?` placeholders: SQLite plans a statement when
// it is prepared, before the values are bound, so that is the plan every request gets) by EXPLAIN QUERY PLAN. A line
// "SCAN <table>" without an index is a full scan and fails, naming the page, the scope, the statement and the line; a
// walk along an index passes (a page in the index's order stops after its rows; a table WITHOUT ROWID is walked along
// its primary key), and so do a plain "SELECT COUNT(*) FROM t", the materialised subqueries and the small fixed
// tables below. SQLite runs without ANALYZE in production, so the test does too: without statistics its planner
// chooses the same plan for a statement whatever the number of rows, and a small county shows the plans of the full
// one. What it cannot show is a statement a store writes only for another shape of data (the assessment and proposal
// lists choose between walking their order's index and sorting the scope's range by the scope's share of the table:
// with one town, every scope but a vendor's is the whole table and walks).
//
// On PostgreSQL (when HOUQIN_PG_URL names a server: `make api-test-postgresql` sets it) the county is built in a
// database of its own, dropped afterwards, and each statement is explained with the values it was sent with, on a
// connection with `enable_seqscan = off`. On a county this small PostgreSQL's planner rightly reads most tables
// whole; with sequential scans priced out, a "Seq Scan" that remains is a table no index serves for that statement,
// and fails the same way (the same allowances: plain counts, the small tables). What that cannot show: on so few rows
// the planner also walks a whole index where it would otherwise have read the table (any table joined on its primary
// key has one to walk), so an index walk passes here as it does on SQLite. The plans are the ones for the values
// bound, which a prepared statement gets for its first runs; the generic plan it may switch to later is not looked at
// (PostgreSQL 15 cannot explain one without the values written into the statement).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "app/demo_seed.h"
#include "app/scale_seed.h"
#include "app/services.h"
#include "platform/database/test_database.h"

namespace houqin {
namespace {

// One town, a few vendors and contracts, the last year of the five: every page has rows to show (the services build
// each row with the queries a full page runs) and the seed stays within seconds on the sanitized build.
const ScaleSeedOptions kSmallCounty{15, 0.004, 1};

// Tables of a fixed, small size, which a query may read whole: a scan of them costs the same in any county.
const std::map<std::string, std::string, std::less<>> kSmallTables = {
    {"settings", "the rule numbers: a few dozen rows, one per setting"},
    {"categories", "the service catalogue: a few dozen categories, whatever the county's size"},
    {"holiday_calendars", "one row a year"},
    {"holiday_days", "the public holidays of the years installed: a few dozen a year"},
    {"data_versions", "one row per kind of cached data"},
    {"procurement_rules", "one row per year and version of the procurement thresholds"},
    {"staff_document_requirements", "the kinds of document a post needs: a fixed list"},
};

// HOUQIN_SHOW_PLANS=1 prints every statement checked with its plan (the first page and scope that read it), to
// review what the test passes: a walk of a whole index, a sort of a whole scope.
const bool kShowPlans = std::getenv("HOUQIN_SHOW_PLANS") != nullptr;

// The statements the services sent while a page was being read (none outside a recording).
struct Statement {
    std::string sql;
    storage::Params params;
};
std::mutex recording_mutex;
std::vector<Statement>* recording = nullptr;

void RecordStatement(std::string_view sql, const storage::Params& params) {
    const std::lock_guard lock(recording_mutex);
    if (recording != nullptr) recording->push_back({std::string(sql), params});
}

// The statements of one page as one user reads it.
struct PageRead {
    std::string page;
    std::string requirement;
    std::string scope;
    std::vector<Statement> statements;
};

// Records from construction to destruction, so a page that throws leaves no recording behind.
class Recording {
  public:
    Recording() { Point(&statements_); }
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;
    ~Recording() { Point(nullptr); }
    std::vector<Statement> Take() {
        Point(nullptr);
        return std::move(statements_);
    }

  private:
    static void Point(std::vector<Statement>* to) {
        const std::lock_guard lock(recording_mutex);
        recording = to;
    }
    std::vector<Statement> statements_;
};

std::vector<Statement> Record(const std::function<void()>& read) {
    Recording recording_of_page;
    read();
    return recording_of_page.Take();
}

bool IsSelect(const std::string& sql) {
    static const std::regex select(R"(^\s*(SELECT|WITH)\b)", std::regex::icase);
    return std::regex_search(sql, select);
}

// "SELECT COUNT(*) FROM t" alone is answered by counting the table's smallest b-tree (SQLite's count optimisation).
bool IsPlainCount(const std::string& sql) {
    static const std::regex plain_count(R"(^\s*SELECT\s+COUNT\(\*\)\s+FROM\s+\w+\s*;?\s*$)", std::regex::icase);
    return std::regex_search(sql, plain_count);
}

// The table a plan line's name stands for: itself, or the table it is an alias of in the statement ("FROM
// assessments a"); empty for a common table expression or a subquery ("SCAN page", "SCAN (subquery-1)").
std::string TableOf(const std::string& name, const std::string& sql, const std::set<std::string>& tables) {
    if (tables.contains(name)) return name;
    const std::regex alias(R"(\b(?:FROM|JOIN|,)\s+(\w+)\s+(?:AS\s+)?)" + name + R"(\b)", std::regex::icase);
    for (std::sregex_iterator match(sql.begin(), sql.end(), alias), end; match != end; ++match) {
        if (tables.contains((*match)[1].str())) return (*match)[1].str();
    }
    return "";
}

// The county's administrator (everything), a town's office (its town), a department (its town's records it may
// read) and a vendor (its own records).
const std::vector<std::string> kScopes = {"admin", "t01-office", "t01-dept", "v0001"};

// The first page of each list in its default order, as each scope reads it (X-7).
std::vector<PageRead> ReadLists(Services& services) {
    std::vector<PageRead> reads;
    for (const auto& username : kScopes) {
        const auto actor = DemoActor(services.context, username);
        const auto read = [&](const std::string& page, const std::function<void()>& call) {
            reads.push_back({page, "X-7", username, Record(call)});
        };
        read("contract list", [&] { (void)services.contracts.List(actor, {}); });
        read("assessment list", [&] { (void)services.assessments.List(actor, {}); });
        read("proposal list", [&] { (void)services.policy.List(actor, {}); });
        read("vendor list", [&] { (void)services.vendors.List(actor, {}); });
        read("audit trail", [&] { (void)services.audit.List(actor, {}); });
        read("rectification list", [&] { (void)services.oversight.ListRectifications(actor, {}); });
        read("survey list", [&] { (void)services.surveys.List(actor, {}); });
        read("meeting list", [&] { (void)services.oversight.ListMeetings(actor, {}); });
        read("project list", [&] { (void)services.procurement.projects.List(actor, {}); });
    }
    return reads;
}

// The dashboard of each scope (X-2, X-3), on the county's last day and again on the 28th, when the call centre's
// penalty deadline (CC-4) is among the reminders; the clock is left as it was.
std::vector<PageRead> ReadDashboards(Services& services) {
    std::vector<PageRead> reads;
    const auto last_day = services.context.clock;
    for (const auto& now : {last_day, Clock(*Instant::ParseIso("2026-12-28T10:00:00+08:00"))}) {
        services.context.clock = now;
        for (const auto& username : {"admin", "t01-office", "t01-leader", "t01-dept", "v0001"}) {
            const auto actor = DemoActor(services.context, username);
            reads.push_back({"dashboard on " + now.Today().ToString(), "X-2, X-3", username,
                             Record([&] { (void)services.dashboards.GetDashboard(actor); })});
        }
    }
    services.context.clock = last_day;
    return reads;
}

// A statement's finding: the plan lines that read a table whole, and the pages (as which user) that sent it.
struct Finding {
    std::vector<std::string> lines;
    std::set<std::string> where;
    std::string values;  // the values of the first read that sent it (PostgreSQL's plans depend on them)
};

void AddFinding(Finding& finding, const std::string& line, const PageRead& read) {
    if (std::find(finding.lines.begin(), finding.lines.end(), line) == finding.lines.end()) {
        finding.lines.push_back(line);
    }
    finding.where.insert(read.page + " (" + read.requirement + ") as " + read.scope);
}

// One failure per statement, naming where it was read.
void ReportFindings(const std::string& what, const std::map<std::string, Finding>& findings) {
    for (const auto& [sql, finding] : findings) {
        std::string where;
        for (const auto& page : finding.where) where += "\n  " + page;
        std::string lines;
        for (const auto& line : finding.lines) lines += "\n  " + line;
        ADD_FAILURE() << what << " for a page of 20, read by" << where << "\nplan:" << lines << "\nSQL: " << sql
                      << (finding.values.empty() ? "" : "\nvalues: " + finding.values);
    }
}

void ShowPlan(const PageRead& read, const std::string& sql, const std::vector<std::string>& plan) {
    if (!kShowPlans) return;
    std::cerr << read.page << " as " << read.scope << ": " << sql << "\n";
    for (const auto& line : plan) std::cerr << "    " << line << "\n";
}

// The values of a statement as text, to tell its reads apart and to show them in a failure.
std::string ValuesText(const storage::Params& params) {
    std::string text;
    for (const auto& param : params) {
        if (!text.empty()) text += ", ";
        if (std::holds_alternative<std::nullptr_t>(param)) {
            text += "NULL";
        } else if (const auto* number = std::get_if<std::int64_t>(&param)) {
            text += std::to_string(*number);
        } else {
            text += "'" + std::get<std::string>(param) + "'";
        }
    }
    return text;
}

class QueryPlanTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        database_ = std::make_unique<storage::TestDatabase>();
        services_ = std::make_unique<Services>(**database_, Clock());
        services_->staff.InstallPublishedCalendars();
        const auto counts = SeedScale(*services_, kSmallCounty);
        ASSERT_TRUE(counts) << counts.error().message.en;
        (*database_)->ObserveStatements(RecordStatement);
        auto lease = (*database_)->Acquire();
        for (const auto& row : lease->Query("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")) {
            tables_.insert(row.Str(0));
            if (row.Str(1).find("WITHOUT ROWID") != std::string::npos) without_rowid_.insert(row.Str(0));
        }
    }
    static void TearDownTestSuite() {
        services_.reset();
        database_.reset();
    }

    void SetUp() override { ASSERT_FALSE(tables_.empty()) << "the county was not seeded"; }

    // The full scans among the statements of each page.
    static void ExpectNoFullScan(const std::vector<PageRead>& reads) {
        std::map<std::string, Finding> findings;
        std::map<std::string, std::vector<std::string>> plans;  // each statement explained once
        auto lease = (*database_)->Acquire();
        std::size_t checked = 0;
        for (const auto& read : reads) {
            for (const auto& [sql, params] : read.statements) {
                if (!IsSelect(sql) || IsPlainCount(sql)) continue;
                auto [plan, added] = plans.try_emplace(sql);
                if (added) {
                    ++checked;
                    for (const auto& row : lease->Query("EXPLAIN QUERY PLAN " + sql)) {
                        plan->second.push_back(row.Str(3));
                    }
                    ShowPlan(read, sql, plan->second);
                }
                for (const auto& line : plan->second) {
                    static const std::regex scan(R"(^SCAN (\w+)(.*)$)");
                    std::smatch match;
                    if (!std::regex_match(line, match, scan)) continue;
                    const std::string rest = match[2].str();
                    if (rest.find("USING INDEX") != std::string::npos ||
                        rest.find("USING COVERING INDEX") != std::string::npos ||
                        rest.find("USING INTEGER PRIMARY KEY") != std::string::npos ||
                        rest.find("VIRTUAL TABLE") != std::string::npos) {
                        continue;
                    }
                    const auto table = TableOf(match[1].str(), sql, tables_);
                    // A table WITHOUT ROWID is its primary key's b-tree: its "SCAN t" is a walk along that index,
                    // which for another table SQLite prints "SCAN t USING COVERING INDEX".
                    if (table.empty() || kSmallTables.contains(table) || without_rowid_.contains(table)) continue;
                    AddFinding(findings[sql], line + " (" + table + ")", read);
                }
            }
        }
        EXPECT_GT(checked, 0U);
        ReportFindings("A full table scan", findings);
    }

    static std::unique_ptr<storage::TestDatabase> database_;
    static std::unique_ptr<Services> services_;
    static std::set<std::string> tables_;
    static std::set<std::string> without_rowid_;
};

std::unique_ptr<storage::TestDatabase> QueryPlanTest::database_;
std::unique_ptr<Services> QueryPlanTest::services_;
std::set<std::string> QueryPlanTest::tables_;
std::set<std::string> QueryPlanTest::without_rowid_;

// X-7, issue 15: the first page of each list in its default order, as each scope reads it, finds its rows through an
// index (the scope's path prefix, the vendor, the status or the date it is ordered by), not by reading the table.
TEST_F(QueryPlanTest, X7_Issue15_EveryScopesListsReadNoWholeTable) { ExpectNoFullScan(ReadLists(*services_)); }

// X-2, X-3, issue 15: the dashboard of each scope (its counts and charts, X-3, and the reminders due, X-2; one call
// reads both) finds its rows through indexes. Read on the county's last day and again on the 28th, when the call
// centre's penalty deadline (CC-4) is among the reminders.
TEST_F(QueryPlanTest, X2_X3_Issue15_EveryScopesDashboardReadsNoWholeTable) {
    ExpectNoFullScan(ReadDashboards(*services_));
}

// The same county and pages on PostgreSQL, in a database of its own on the server HOUQIN_PG_URL names.
class QueryPlanPostgresqlTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const char* url = std::getenv("HOUQIN_PG_URL");
        if (url == nullptr || *url == '\0') return;
        database_ = std::make_unique<storage::TestPostgresqlDatabase>(url, "houqin_query_plan");
        services_ = std::make_unique<Services>(**database_, Clock());
        services_->staff.InstallPublishedCalendars();
        const auto counts = SeedScale(*services_, kSmallCounty);
        ASSERT_TRUE(counts) << counts.error().message.en;
        (*database_)->ObserveStatements(RecordStatement);
        // The statistics autovacuum would have gathered by the time anyone reads the pages.
        (*database_)->Acquire()->ExecuteScript("ANALYZE");
        // Its own connection, not the services': the setting must not change the plans the pages ran with.
        explainer_ = storage::Database::Open(database_->url(), 1);
        explainer_->Acquire()->ExecuteScript("SET enable_seqscan = off");
        seeded_ = true;
    }
    static void TearDownTestSuite() {
        explainer_.reset();
        services_.reset();
        database_.reset();
        seeded_ = false;
    }

    void SetUp() override {
        if (!database_) GTEST_SKIP() << "HOUQIN_PG_URL is not set (make api-test-postgresql sets it)";
        ASSERT_TRUE(seeded_) << "the county was not seeded";
    }

    // The sequential scans left among the plans of each page's statements, each explained with the values it was
    // sent with. A plan line "Seq Scan on <table>" names the table itself, never an alias.
    static void ExpectNoSeqScan(const std::vector<PageRead>& reads) {
        std::map<std::string, Finding> findings;
        std::map<std::string, std::vector<std::string>> plans;  // each statement with its values explained once
        auto lease = explainer_->Acquire();
        std::size_t checked = 0;
        for (const auto& read : reads) {
            for (const auto& [sql, params] : read.statements) {
                if (!IsSelect(sql) || IsPlainCount(sql)) continue;
                const auto values = ValuesText(params);
                auto [plan, added] = plans.try_emplace(sql + "\n" + values);
                if (added) {
                    ++checked;
                    for (const auto& row : lease->Query("EXPLAIN (COSTS OFF) " + sql, params)) {
                        plan->second.push_back(row.Str(0));
                    }
                    ShowPlan(read, sql + (values.empty() ? "" : "  [" + values + "]"), plan->second);
                }
                const auto& lines = plan->second;
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    static const std::regex seq_scan(R"(Seq Scan on (\w+))");
                    std::smatch match;
                    if (!std::regex_search(lines[i], match, seq_scan)) continue;
                    const auto table = match[1].str();
                    if (kSmallTables.contains(table)) continue;
                    // The node and the condition it reads every row for, if the next line gives one.
                    std::string line = Trimmed(lines[i]);
                    if (i + 1 < lines.size() && Trimmed(lines[i + 1]).starts_with("Filter:")) {
                        line += "  " + Trimmed(lines[i + 1]);
                    }
                    auto& finding = findings[sql];
                    if (finding.values.empty()) finding.values = values;
                    AddFinding(finding, line, read);
                }
            }
        }
        EXPECT_GT(checked, 0U);
        ReportFindings("A sequential scan with no usable index", findings);
    }

    // A plan line without its indentation and its "->  ".
    static std::string Trimmed(const std::string& line) {
        auto start = line.find_first_not_of(' ');
        if (start == std::string::npos) return "";
        if (line.compare(start, 2, "->") == 0) start = line.find_first_not_of(' ', start + 2);
        return line.substr(start);
    }

    static std::unique_ptr<storage::TestPostgresqlDatabase> database_;
    static std::unique_ptr<Services> services_;
    static std::unique_ptr<storage::Database> explainer_;
    static bool seeded_;
};

std::unique_ptr<storage::TestPostgresqlDatabase> QueryPlanPostgresqlTest::database_;
std::unique_ptr<Services> QueryPlanPostgresqlTest::services_;
std::unique_ptr<storage::Database> QueryPlanPostgresqlTest::explainer_;
bool QueryPlanPostgresqlTest::seeded_ = false;

// X-7, issue 15: the lists of QueryPlanTest, as the same users read them, have an index for every table they read on
// PostgreSQL too.
TEST_F(QueryPlanPostgresqlTest, X7_Issue15_EveryScopesListsReadNoWholeTable) { ExpectNoSeqScan(ReadLists(*services_)); }

// X-2, X-3, issue 15: the dashboards of QueryPlanTest, on the same two days, have an index for every table they read
// on PostgreSQL too.
TEST_F(QueryPlanPostgresqlTest, X2_X3_Issue15_EveryScopesDashboardReadsNoWholeTable) {
    ExpectNoSeqScan(ReadDashboards(*services_));
}

}  // namespace
}  // namespace houqin
