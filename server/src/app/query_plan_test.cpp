// Issue 15, "Query plans checked": the lists and the dashboard a user opens most, read as each kind of user reads
// them, must not walk a whole table for a page of 20. The pages run through their services on a small county of
// `houqin seed-scale`; every statement they send to SQLite is recorded as it was prepared (with its `?`
// placeholders: SQLite plans a statement when it is prepared, before the values are bound, so that is the plan every
// request gets) and its EXPLAIN QUERY PLAN read. A line "SCAN <table>" without an index is a full scan and fails,
// naming the page, the scope, the statement and the line; a walk along an index passes (a page in the index's order
// stops after its rows), and so do a plain "SELECT COUNT(*) FROM t", the materialised subqueries and the small fixed
// tables below. SQLite runs without ANALYZE in production, so the test does too: without statistics its planner
// chooses the same plan for a statement whatever the number of rows, and a small county shows the plans of the full
// one. What it cannot show is a statement a store writes only for another shape of data (the assessment and proposal
// lists choose between walking their order's index and sorting the scope's range by the scope's share of the table:
// with one town, every scope but a vendor's is the whole table and walks).
//
// The statements are recorded by a trace SQLite calls on every connection the process opens (an auto extension),
// so the services run unchanged with the database they always use: a recording `Connection` could only wrap the store
// functions, and would have to repeat each service's choice of queries and arguments.
#include <gtest/gtest.h>
#include <sqlite3.h>

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
#include <utility>
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

// The statements SQLite was asked to run while a page was being read (none outside a recording).
std::mutex recording_mutex;
std::vector<std::string>* recording = nullptr;

int RecordStatement(unsigned type, void* /*context*/, void* /*statement*/, void* text) {
    if (type != SQLITE_TRACE_STMT || text == nullptr) return 0;
    const std::string sql(static_cast<const char*>(text));
    if (sql.starts_with("--")) return 0;  // a trigger's program, not a statement of its own
    const std::lock_guard lock(recording_mutex);
    if (recording != nullptr) recording->push_back(sql);
    return 0;
}

int TraceConnection(sqlite3* connection, const char** /*error*/, const sqlite3_api_routines* /*api*/) {
    sqlite3_trace_v2(connection, SQLITE_TRACE_STMT, RecordStatement, nullptr);
    return SQLITE_OK;
}

// SQLite's auto extensions take any entry point as void(*)(void) and call it with the right arguments.
void (*const kTraceEntryPoint)() = reinterpret_cast<void (*)()>(&TraceConnection);

// The statements of one page as one user reads it.
struct PageRead {
    std::string page;
    std::string requirement;
    std::string scope;
    std::vector<std::string> statements;
};

// Records from construction to destruction, so a page that throws leaves no recording behind.
class Recording {
  public:
    Recording() { Point(&statements_); }
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;
    ~Recording() { Point(nullptr); }
    std::vector<std::string> Take() {
        Point(nullptr);
        return std::move(statements_);
    }

  private:
    static void Point(std::vector<std::string>* to) {
        const std::lock_guard lock(recording_mutex);
        recording = to;
    }
    std::vector<std::string> statements_;
};

std::vector<std::string> Record(const std::function<void()>& read) {
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

class QueryPlanTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        // Before the database opens its connections: the trace is set on each as it opens.
        ASSERT_EQ(sqlite3_auto_extension(kTraceEntryPoint), SQLITE_OK);
        database_ = std::make_unique<storage::TestDatabase>();
        services_ = std::make_unique<Services>(**database_, Clock());
        services_->staff.InstallPublishedCalendars();
        const auto counts = SeedScale(*services_, kSmallCounty);
        ASSERT_TRUE(counts) << counts.error().message.en;
        auto lease = (*database_)->Acquire();
        for (const auto& row : lease->Query("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
            tables_.insert(row.Str(0));
        }
    }
    static void TearDownTestSuite() {
        services_.reset();
        database_.reset();
        sqlite3_cancel_auto_extension(kTraceEntryPoint);
    }

    void SetUp() override { ASSERT_FALSE(tables_.empty()) << "the county was not seeded"; }

    static Actor As(const std::string& username) { return DemoActor(services_->context, username); }

    // The full scans among the statements of each page: one failure per statement, naming where it was read.
    static void ExpectNoFullScan(const std::vector<PageRead>& reads) {
        struct Finding {
            std::vector<std::string> lines;
            std::set<std::string> where;
        };
        std::map<std::string, Finding> findings;
        std::map<std::string, std::vector<std::string>> plans;  // each statement explained once
        auto lease = (*database_)->Acquire();
        std::size_t checked = 0;
        for (const auto& read : reads) {
            for (const auto& sql : read.statements) {
                if (!IsSelect(sql) || IsPlainCount(sql)) continue;
                auto [plan, added] = plans.try_emplace(sql);
                if (added) {
                    ++checked;
                    for (const auto& row : lease->Query("EXPLAIN QUERY PLAN " + sql)) {
                        plan->second.push_back(row.Str(3));
                    }
                    if (kShowPlans) {
                        std::cerr << read.page << " as " << read.scope << ": " << sql << "\n";
                        for (const auto& line : plan->second) std::cerr << "    " << line << "\n";
                    }
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
                    if (table.empty() || kSmallTables.contains(table)) continue;
                    auto& finding = findings[sql];
                    if (std::find(finding.lines.begin(), finding.lines.end(), line) == finding.lines.end()) {
                        finding.lines.push_back(line + " (" + table + ")");
                    }
                    finding.where.insert(read.page + " (" + read.requirement + ") as " + read.scope);
                }
            }
        }
        EXPECT_GT(checked, 0U);
        for (const auto& [sql, finding] : findings) {
            std::string where;
            for (const auto& page : finding.where) where += "\n  " + page;
            std::string lines;
            for (const auto& line : finding.lines) lines += "\n  " + line;
            ADD_FAILURE() << "A full table scan for a page of 20, read by" << where << "\nplan:" << lines
                          << "\nSQL: " << sql;
        }
    }

    static std::unique_ptr<storage::TestDatabase> database_;
    static std::unique_ptr<Services> services_;
    static std::set<std::string> tables_;
};

std::unique_ptr<storage::TestDatabase> QueryPlanTest::database_;
std::unique_ptr<Services> QueryPlanTest::services_;
std::set<std::string> QueryPlanTest::tables_;

// The county's administrator (everything), a town's office (its town), a department (its town's records it may
// read) and a vendor (its own records).
const std::vector<std::string> kScopes = {"admin", "t01-office", "t01-dept", "v0001"};

// X-7, issue 15: the first page of each list in its default order, as each scope reads it, finds its rows through an
// index (the scope's path prefix, the vendor, the status or the date it is ordered by), not by reading the table.
TEST_F(QueryPlanTest, X7_Issue15_EveryScopesListsReadNoWholeTable) {
    std::vector<PageRead> reads;
    for (const auto& username : kScopes) {
        const auto actor = As(username);
        const auto read = [&](const std::string& page, const std::function<void()>& call) {
            reads.push_back({page, "X-7", username, Record(call)});
        };
        read("contract list", [&] { (void)services_->contracts.List(actor, {}); });
        read("assessment list", [&] { (void)services_->assessments.List(actor, {}); });
        read("proposal list", [&] { (void)services_->policy.List(actor, {}); });
        read("vendor list", [&] { (void)services_->vendors.List(actor, {}); });
        read("audit trail", [&] { (void)services_->audit.List(actor, {}); });
        read("rectification list", [&] { (void)services_->oversight.ListRectifications(actor, {}); });
        read("survey list", [&] { (void)services_->surveys.List(actor, {}); });
        read("meeting list", [&] { (void)services_->oversight.ListMeetings(actor, {}); });
        read("project list", [&] { (void)services_->procurement.List(actor, {}); });
    }
    ExpectNoFullScan(reads);
}

// X-2, X-3, issue 15: the dashboard of each scope (its counts and charts, X-3, and the reminders due, X-2; one call
// reads both) finds its rows through indexes. Read on the county's last day and again on the 28th, when the call
// centre's penalty deadline (CC-4) is among the reminders.
TEST_F(QueryPlanTest, X2_X3_Issue15_EveryScopesDashboardReadsNoWholeTable) {
    std::vector<PageRead> reads;
    const auto last_day = services_->context.clock;
    for (const auto& now : {last_day, Clock(*Instant::ParseIso("2026-12-28T10:00:00+08:00"))}) {
        services_->context.clock = now;
        for (const auto& username : {"admin", "t01-office", "t01-leader", "t01-dept", "v0001"}) {
            const auto actor = As(username);
            reads.push_back({"dashboard on " + now.Today().ToString(), "X-2, X-3", username,
                             Record([&] { (void)services_->dashboards.GetDashboard(actor); })});
        }
    }
    services_->context.clock = last_day;
    ExpectNoFullScan(reads);
}

}  // namespace
}  // namespace houqin
