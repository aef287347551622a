#pragma once
// CC-8: importing call-record files. An upload is spooled to a file and queued (202 with the import's id); one worker
// thread owned by this service reads each file (rules/call_records.h parses the rows) and writes its calls in ONE
// transaction: the keys of every counted call (call_keys, so a re-import or overlapping rows add nothing twice and a
// call's legs count once across files), each agent ID's day totals (call_agent_days, which the monthly scoring
// reads), the import's report and its audit entry. A file with any bad row imports nothing and its report names each
// error by row and column; a cancelled import rolls back. `houqin import-calls` runs the same import in the
// foreground (RunNow). Within one import, a second thread reads, parses and checks the file while the worker writes
// what it has checked (the two halves take about as long: make bench-import).
//
// Limits: on SQLite the import's transaction holds the database's write lock while it writes (a month of a large
// centre: tens of seconds), so other writes wait for it (up to the busy timeout). Progress while running is kept in
// memory by the instance running the import. An import a stopped server left unfinished is marked failed when a
// server starts (on PostgreSQL, where several instances may share the database, once it is a day old).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/access.h"
#include "features/callcentre/call_store.h"
#include "features/callcentre/rules/call_records.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"

namespace houqin {

// What an upload asks for. layout: auto, asterisk, freeswitch, houqin; or a saved mapping's id.
struct CallImportRequest {
    std::string filename;
    std::string layout = "auto";
    std::optional<std::int64_t> mapping_id;
    std::string encoding = "auto";   // auto, utf-8, gb18030
    std::string clock = "shanghai";  // shanghai, utc: which wall clock the file's times are on
};

struct CallImportView {
    CallImportRow row;
    bool can_cancel = false;
};

struct CallImportList {
    std::vector<CallImportView> items;  // newest first
    bool can_import = false;
    std::vector<CallMappingRow> mappings;  // the vendor's saved mappings
};

// A column mapping as the API gives it: 1-based column numbers per field code (agent_id, called_number, ...).
struct CallMappingInput {
    std::string name;
    bool header = true;
    std::map<std::string, std::int64_t> columns;
};

// Whether a call-record file is an .xlsx (by its name or its first bytes): its rows can be read only once the whole
// file is there (a zip keeps its directory at the end).
bool IsXlsxCallFile(std::string_view head, std::string_view name);

// The finished import as lines of text for the command line: status, counts, per-agent totals, errors.
std::string CallImportReportText(const CallImportRow& row);

class CallImportService {
  public:
    // Files above this are refused when sent in one request (the HTTP server's own limit is near); larger files come
    // in parts through CallUploadService, and the CLI reads any size.
    static constexpr std::int64_t kMaxUploadBytes = 15 * 1024 * 1024;

    CallImportService(ServiceContext& context, ContractService& contracts);
    ~CallImportService();
    CallImportService(const CallImportService&) = delete;
    CallImportService& operator=(const CallImportService&) = delete;

    // Starts the worker and fails the imports a previous run left unfinished (serve only).
    void Start();
    void Stop();

    // Spools the bytes, checks the first row's layout (a file of another layout or an empty one is refused at once)
    // and queues the import.
    Result<CallImportView> Upload(const Actor& actor, std::int64_t contract_id, const CallImportRequest& request,
                                  std::string_view bytes);
    // The request as an upload would run it (layout and mapping settled), once the actor may import into the
    // contract and the choices are valid.
    Result<CallImportRequest> CheckRequest(const Actor& actor, std::int64_t contract_id,
                                           const CallImportRequest& request);
    // Why the file at `path` (whole or its beginning) would be refused at once: empty, unreadable or of another
    // layout; nullopt when its first row is of the layout asked for.
    std::optional<Error> CheckStart(std::int64_t contract_id, const CallImportRequest& request,
                                    const std::filesystem::path& path);
    // Queues the spooled file at `path` (the service owns it from now: it is removed once imported or refused) after
    // checking its first row, as Upload does. `request` comes from CheckRequest.
    Result<CallImportView> QueueSpooled(const Actor& actor, std::int64_t contract_id, const CallImportRequest& request,
                                        const std::filesystem::path& path);
    // Where spooled files are kept (HOUQIN_SPOOL_DIR; several instances must share it).
    const std::filesystem::path& spool() const { return spool_; }
    Result<CallImportView> Get(const Actor& actor, std::int64_t id);
    Result<CallImportList> List(const Actor& actor, std::int64_t contract_id);
    Result<CallImportView> Cancel(const Actor& actor, std::int64_t id);

    Result<std::vector<CallMappingRow>> Mappings(const Actor& actor, std::int64_t contract_id);
    Result<CallMappingRow> SaveMapping(const Actor& actor, std::int64_t contract_id, const CallMappingInput& input);

    // The CLI: imports `path` into the contract now, as the system (no actor), and returns the finished import.
    Result<CallImportRow> RunNow(std::int64_t contract_id, const CallImportRequest& request,
                                 const std::filesystem::path& path);

  private:
    struct Job;
    struct Prepared {
        std::int64_t vendor_org_id = 0;
        CallImportOptions options;
    };
    Result<Prepared> Prepare(std::int64_t contract_id, const CallImportRequest& request);
    std::optional<Error> CheckFirstRow(const CallImportRequest& request, const CallImportOptions& options,
                                       const std::filesystem::path& path);
    Result<ContractView> ContractOf(const Actor& actor, std::int64_t contract_id);
    Result<CallImportOptions> OptionsOf(storage::Connection& connection, std::int64_t vendor_org_id,
                                        const CallImportRequest& request);
    CallImportView ViewOf(const Actor& actor, CallImportRow row);
    void Loop();
    // Reads and writes one import; returns the row as finished (done, failed or cancelled).
    CallImportRow Run(storage::Database& database, Job& job);

    ServiceContext& context_;
    ContractService& contracts_;
    std::filesystem::path spool_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Job>> queue_;
    std::map<std::int64_t, std::shared_ptr<Job>> jobs_;  // queued or running, by import id
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace houqin
