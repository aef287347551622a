// houqin: wiring only. Reads the command line, opens the database, builds the services, runs a subcommand.
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "app/daily_job.h"
#include "app/demo_callcentre.h"
#include "app/demo_seed.h"
#include "app/routes.h"
#include "app/scale_seed.h"
#include "app/services.h"
#include "platform/database/maintenance.h"
#include "platform/http/server.h"
#include "platform/service/file_clock.h"

namespace {

// HOUQIN_FAKE_NOW fixes the clock (tests, demos of a given day); HOUQIN_FAKE_NOW_FILE, for the API tests, makes it
// the time written in that file, read again whenever the file changes (a test moves the time of the running server);
// otherwise the system clock.
houqin::Clock MakeClock() {
    if (const char* file = std::getenv("HOUQIN_FAKE_NOW_FILE"); file && *file) {
        if (auto refused = houqin::UseClockFile(file)) {
            spdlog::error("HOUQIN_FAKE_NOW_FILE: {}", *refused);
            std::exit(2);
        }
        spdlog::warn("clock read from {} by HOUQIN_FAKE_NOW_FILE: {}", file, houqin::Clock().Now().ToIso());
        return houqin::Clock();
    }
    if (const char* fake = std::getenv("HOUQIN_FAKE_NOW"); fake && *fake) {
        if (auto instant = houqin::Instant::ParseIso(fake)) {
            spdlog::warn("clock fixed at {} by HOUQIN_FAKE_NOW", instant->ToIso());
            return houqin::Clock(*instant);
        }
        spdlog::error("HOUQIN_FAKE_NOW is not an ISO time with offset: {}", fake);
        std::exit(2);
    }
    return houqin::Clock();
}

void PrintError(const houqin::Error& error) {
    std::cerr << "error: " << error.message.zh << " / " << error.message.en << "\n";
    for (const auto& field : error.fields) {
        std::cerr << "  " << field.field << ": " << field.message.zh << " / " << field.message.en << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        std::cerr << "libsodium failed to start\n";
        return 1;
    }
    CLI::App app{"houqin 后勤外包监管: supervision of outsourced logistics services"};
    app.require_subcommand(1);
    std::string db_url = std::getenv("HOUQIN_DB") ? std::getenv("HOUQIN_DB") : "sqlite:data/houqin.db";
    auto add_db = [&db_url](CLI::App* command) {
        command->add_option("--db", db_url, "sqlite:PATH or postgresql://user@host:port/name (env HOUQIN_DB)");
    };

    auto* serve = app.add_subcommand("serve", "Serve the API and the web UI");
    add_db(serve);
    std::string listen = "127.0.0.1:8080";
    std::string web_dir = "web/dist";
    std::size_t threads = std::max(2u, std::thread::hardware_concurrency());
    std::size_t io_threads = std::min<std::size_t>(2, std::max(1u, std::thread::hardware_concurrency()));
    serve->add_option("--listen", listen, "HOST:PORT to listen on");
    serve->add_option("--web-dir", web_dir, "Folder of the built web UI ('' for API only)");
    serve->add_option("--threads", threads, "Worker threads (database connections)");
    serve->add_option("--io-threads", io_threads, "Socket I/O threads");
    bool behind_tls = false;
    serve->add_flag("--behind-tls", behind_tls,
                    "Served through a proxy that terminates TLS: Secure cookies and HSTS (env HOUQIN_BEHIND_TLS=1)");
    std::vector<std::string> trusted_proxies;
    serve->add_option("--trusted-proxy", trusted_proxies,
                      "Address of a proxy whose X-Forwarded-For names the client (repeatable), e.g. 127.0.0.1 for "
                      "nginx on the same machine");
    std::vector<std::string> metrics_from = {"127.0.0.1", "::1"};
    serve->add_option("--metrics-from", metrics_from,
                      "Client addresses /metrics answers (repeatable; default this machine only)");
    bool daily_job_enabled = true;
    serve->add_option("--daily-job", daily_job_enabled,
                      "Run the rules over every active contract at start-up and daily at 02:00 (default true)");

    auto* migrate = app.add_subcommand("migrate", "Apply database migrations");
    add_db(migrate);
    auto* seed = app.add_subcommand("seed-demo", "Migrate and fill an empty database with demo data");
    add_db(seed);
    bool seed_call_centre = false;
    seed->add_flag("--call-centre", seed_call_centre,
                   "Also a call centre in force for four months: agents, IDs, calls, scored months (make run)");
    std::size_t seed_agents = 6;
    seed->add_option("--agents", seed_agents,
                     "With --call-centre: how many agents (default 6; the import benchmark 200)");

    // Issue 15: a county's five years, to measure on (docs/performance.md, "County data set").
    auto* seed_scale =
        app.add_subcommand("seed-scale", "Migrate and fill an empty database with a county's five years");
    add_db(seed_scale);
    houqin::ScaleSeedOptions scale_options;
    seed_scale->add_option("--seed", scale_options.seed, "The same seed gives the same data (default 1)");
    seed_scale->add_option("--scale", scale_options.scale, "1: 30 towns, 600 vendors, 1,500 contracts; 0.02 small");
    seed_scale->add_option("--years", scale_options.years, "Years of history, 1 to 5 (default 5)");

    auto* user = app.add_subcommand("user", "Manage users");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Create a user (the first administrator of a new database)");
    add_db(user_add);
    std::string username, password, role = "admin", display_name;
    std::optional<std::int64_t> org_id;
    user_add->add_option("--username", username)->required();
    user_add->add_option("--password", password, "At least 8 characters with letters and digits (env HOUQIN_PASSWORD)");
    user_add->add_option("--role", role,
                         "admin, office, leadership, discipline, judicial, party_office, department, vendor");
    user_add->add_option("--display-name", display_name);
    user_add->add_option("--org-id", org_id, "Organisation; default the root (created when the database has none)");

    auto* audit = app.add_subcommand("audit", "Audit trail");
    audit->require_subcommand(1);
    auto* audit_verify = audit->add_subcommand("verify", "Check the hash chain; exit 1 naming the first bad entry");
    add_db(audit_verify);

    auto* jobs = app.add_subcommand("jobs", "Scheduled jobs");
    jobs->require_subcommand(1);
    auto* run_daily = jobs->add_subcommand("run-daily", "Run the daily rules job once (RP-4) and print what it did");
    add_db(run_daily);

    // CC-8: the same import the API queues, in the foreground (large files, the import benchmark).
    auto* import_calls =
        app.add_subcommand("import-calls", "Import a call-record file into a contract and print its report");
    add_db(import_calls);
    std::int64_t import_contract = 0;
    houqin::CallImportRequest import_request;
    std::string import_file;
    import_calls->add_option("--contract", import_contract, "Contract id")->required();
    import_calls->add_option("--layout", import_request.layout, "auto, asterisk, freeswitch, houqin or mapped");
    import_calls->add_option("--mapping", import_request.mapping_id, "A saved column mapping's id");
    import_calls->add_option("--encoding", import_request.encoding, "auto, utf-8 or gb18030");
    import_calls->add_option("--clock", import_request.clock, "shanghai or utc: the clock of the file's times");
    import_calls->add_option("--file", import_file, "The CSV or .xlsx file")->required();

    // CC-3: the month's agent scores, as 计算 on the ranking page, after a large import from the command line.
    auto* score_calls = app.add_subcommand("score-calls", "Compute a month's agent scores and print the ranking");
    add_db(score_calls);
    std::int64_t score_contract = 0;
    std::string score_month;
    std::string score_as;
    score_calls->add_option("--contract", score_contract, "Contract id")->required();
    score_calls->add_option("--month", score_month, "YYYY-MM")->required();
    score_calls->add_option("--as", score_as, "The user who computes it, recorded in the audit trail (e.g. office)")
        ->required();

    auto* backup = app.add_subcommand("backup", "Write a consistent copy of the database");
    add_db(backup);
    std::string out_path;
    backup->add_option("--out", out_path, "Target file")->required();
    auto* restore = app.add_subcommand("restore", "Fill an empty database from a backup (of either engine)");
    add_db(restore);
    std::string from_path;
    restore->add_option("--from", from_path, "Backup file written by `houqin backup`")->required();

    auto* openapi = app.add_subcommand(
        "openapi", "Print the API's OpenAPI document without serving (scripts/gen-api-types.mjs reads it)");

    CLI11_PARSE(app, argc, argv);

    if (openapi->parsed()) {
        try {
            // The route table needs the services, not their data: an empty database in memory stands behind them.
            auto database = houqin::storage::Database::Open("sqlite::memory:", 1);
            houqin::Services services(*database, houqin::Clock());
            houqin::http::Router router;
            houqin::AddRoutes(router, services);  // refuses a schema name or $ref that resolves to nothing
            std::cout << houqin::http::OpenApiDocument(router) << "\n";
            return 0;
        } catch (const std::exception& error) {
            std::cerr << "error: " << error.what() << "\n";
            return 1;
        }
    }

    try {
        // One more connection than workers when serving: the password worker (log-ins) has its own. A command runs
        // the same services, some of which read a record on a second lease while holding the first: two.
        const std::size_t pool = serve->parsed() ? threads + 1 : 2;
        auto database = houqin::storage::Database::Open(db_url, pool);
        houqin::Services services(*database, MakeClock());

        if (migrate->parsed()) {
            const int applied = houqin::RunMigrations(*database);
            services.staff.InstallPublishedCalendars();
            std::cout << "migrations applied: " << applied << "\n";
            return 0;
        }
        houqin::RunMigrations(*database);
        if (serve->parsed()) {
            // STF-6: the published holiday arrangements (2025, 2026) come filled in (not before a restore, which
            // fills an empty database with the backup's own years).
            services.staff.InstallPublishedCalendars();
            houqin::http::ServerOptions options;
            const auto colon = listen.rfind(':');
            if (colon == std::string::npos) {
                std::cerr << "--listen must be HOST:PORT\n";
                return 2;
            }
            options.host = listen.substr(0, colon);
            options.port = static_cast<std::uint16_t>(std::stoi(listen.substr(colon + 1)));
            options.workers = threads;
            options.io_threads = io_threads;
            options.web_dir = web_dir;
            const char* tls_env = std::getenv("HOUQIN_BEHIND_TLS");
            options.behind_tls = behind_tls || (tls_env && std::string(tls_env) == "1");
            options.trusted_proxies = trusted_proxies;
            services.call_imports.Start();  // CC-8: the worker that imports uploaded call-record files
            houqin::DailyJob daily_job(services.policy);
            if (daily_job_enabled) daily_job.Start();
            houqin::http::Dispatcher dispatcher(
                [&services](const std::string& token, const houqin::RequestOrigin& origin) {
                    return services.auth.Authenticate(token, origin);
                },
                options.web_dir);
            houqin::AddRoutes(dispatcher.router(), services);
            dispatcher.AllowMetricsFrom(metrics_from);
            houqin::http::Serve(dispatcher, services.context.database.pool_size(), options);
            daily_job.Stop();
            services.call_imports.Stop();
            return 0;
        }
        if (seed->parsed()) {
            services.staff.InstallPublishedCalendars();
            auto status = houqin::SeedDemo(services.context);
            if (!status) {
                PrintError(status.error());
                return 1;
            }
            if (seed_call_centre) {
                if (auto call_centre = houqin::SeedDemoCallCentre(services, seed_agents); !call_centre) {
                    PrintError(call_centre.error());
                    return 1;
                }
            }
            std::cout << "demo data written\n";
            return 0;
        }
        if (seed_scale->parsed()) {
            services.staff.InstallPublishedCalendars();
            auto counts = houqin::SeedScale(services, scale_options);
            if (!counts) {
                PrintError(counts.error());
                return 1;
            }
            std::cout << "county written: " << houqin::ScaleSeedCountsText(*counts) << "\n";
            return 0;
        }
        if (user_add->parsed()) {
            if (password.empty() && std::getenv("HOUQIN_PASSWORD")) password = std::getenv("HOUQIN_PASSWORD");
            auto created = services.accounts.CreateUser(
                nullptr, {username, display_name.empty() ? username : display_name, password, role, org_id});
            if (!created) {
                PrintError(created.error());
                return 1;
            }
            std::cout << "user " << created->username << " created (id " << created->id << ", org " << created->org_id
                      << ")\n";
            return 0;
        }
        if (audit_verify->parsed()) {
            const auto result = houqin::VerifyAudit(*database);
            if (result.ok) {
                std::cout << "audit chain intact: " << result.checked << " entries\n";
                return 0;
            }
            std::cout << "audit chain broken at seq " << *result.first_bad_seq << ": " << result.reason.en << " / "
                      << result.reason.zh << "\n";
            return 1;
        }
        if (run_daily->parsed()) {
            const auto run = services.policy.RunDaily();
            std::cout << "contracts evaluated: " << run.evaluated << ", proposed: " << run.proposed.size()
                      << ", withdrawn: " << run.withdrawn.size() << ", came into force: " << run.came_into_force.size()
                      << "\n";
            return 0;
        }
        if (import_calls->parsed()) {
            if (import_request.mapping_id && import_request.layout == "auto") import_request.layout = "mapped";
            auto imported = services.call_imports.RunNow(import_contract, import_request, import_file);
            if (!imported) {
                PrintError(imported.error());
                return 1;
            }
            std::cout << houqin::CallImportReportText(*imported);
            return imported->status == houqin::CallImportStatus::kDone ? 0 : 1;
        }
        if (score_calls->parsed()) {
            const auto actor = houqin::UserActor(services.context, score_as);
            if (!actor) {
                PrintError(actor.error());
                return 1;
            }
            auto scored = services.agent_scores.Compute(*actor, score_contract, score_month);
            if (!scored) {
                PrintError(scored.error());
                return 1;
            }
            std::cout << houqin::ScoreMonthText(*scored);
            return 0;
        }
        if (backup->parsed() || restore->parsed()) {
            auto counts =
                backup->parsed() ? houqin::Backup(*database, out_path) : houqin::Restore(*database, from_path);
            if (!counts) {
                PrintError(counts.error());
                return 1;
            }
            std::int64_t rows = 0;
            for (const auto& table : *counts) rows += table.rows;
            std::cout << (backup->parsed() ? "backup written to " + out_path : "restored from " + from_path) << ": "
                      << counts->size() << " tables, " << rows << " rows\n";
            return 0;
        }
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
