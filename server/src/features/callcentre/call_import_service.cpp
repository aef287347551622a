#include "features/callcentre/call_import_service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <unordered_set>

#include "core/text_rules.h"
#include "features/callcentre/number_store.h"
#include "features/callcentre/rules/agent_ids.h"
#include "features/callcentre/rules/numbers.h"
#include "features/callcentre/store.h"
#include "features/staff/store.h"
#include "platform/audit/audit_store.h"
#include "platform/imports/tabular.h"

namespace houqin {
namespace {

constexpr char kCallImportSubject[] = "call_import";
constexpr char kCallMappingSubject[] = "call_mapping";

// CSV is read in pieces of this size cut at a record boundary, so a 1.2 GB month never sits in memory at once; the
// progress a browser polls moves on at each piece.
constexpr std::size_t kCallImportChunkBytes = 1024 * 1024;
// A record longer than this (an unclosed quote swallowing the file) is refused instead of read on.
constexpr std::size_t kCallImportMaxRecordBytes = 64 * 1024 * 1024;
// Keys are written in batches of this many (multi-row INSERTs of prepared statements), each sorted as the key table is
// (day, then the fingerprint as a signed 64-bit number): inserted in order they land on neighbouring pages, which on
// SQLite took 5 million keys from 21 s in arrival order to 6 s (a standalone measurement, 2026-12-07).
constexpr std::size_t kCallImportKeyBatch = 32768;

void InsertCallKeysSorted(storage::Connection& connection, std::int64_t contract_id, std::int64_t import_id,
                          std::vector<storage::CallKey>& keys) {
    std::sort(keys.begin(), keys.end(), [](const storage::CallKey& a, const storage::CallKey& b) {
        return std::pair(a.day, static_cast<std::int64_t>(a.hash)) <
               std::pair(b.day, static_cast<std::int64_t>(b.hash));
    });
    storage::InsertCallKeys(connection, contract_id, import_id, keys);
    keys.clear();
}
// The report lists this many numbers not in the register (all are counted).
constexpr std::size_t kCallImportMaxNumbersListed = 100;

// One checked call as the reading thread hands it to the writing thread: what counting it needs, nothing more.
struct CallItem {
    std::int64_t row = 0;
    std::int64_t day = 0;  // the Shanghai day of its start
    CallKeyFingerprints keys;
    std::string agent_id;
    std::string calling_number;
    std::int64_t talk_seconds = 0;
    bool answered = false;
    bool successful = false;
};

// Calls pass from the thread that reads and checks the file to the one that writes them in batches of this many;
// at most kCallBatchesAhead batches wait, so memory stays bounded when writing is the slower half.
constexpr std::size_t kCallBatchItems = 8192;
constexpr std::size_t kCallBatchesAhead = 4;

// A bounded hand-over between the reading thread and the writing thread of one import.
class CallBatchQueue {
  public:
    // Blocks while kCallBatchesAhead batches wait; false once the writer has stopped (the reader then stops too).
    bool Push(std::vector<CallItem> batch) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [this] { return stopped_ || batches_.size() < kCallBatchesAhead; });
        if (stopped_) return false;
        batches_.push_back(std::move(batch));
        ready_.notify_one();
        return true;
    }
    // The next batch; nullopt once the reader has closed the queue and every batch is taken.
    std::optional<std::vector<CallItem>> Pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) return std::nullopt;
        auto batch = std::move(batches_.front());
        batches_.pop_front();
        room_.notify_one();
        return batch;
    }
    void Close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        ready_.notify_all();
    }
    void Stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        room_.notify_all();
    }
    [[nodiscard]] bool stopped() {
        std::lock_guard lock(mutex_);
        return stopped_;
    }

  private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<std::vector<CallItem>> batches_;
    bool closed_ = false;
    bool stopped_ = false;
};

using CallRowSink = std::function<Status(std::int64_t row, const std::vector<std::string>& cells)>;

// What the sink returns to stop reading on purpose (cancel, or the first row is enough).
Error CallImportStop() { return Error{ErrorCode::kInternal, {"已停止", "Stopped"}, {}, "call-import-stop"}; }
bool IsCallImportStop(const Error& error) {
    return error.code == ErrorCode::kInternal && error.detail == "call-import-stop";
}

Text CallLayoutText(std::string_view code) {
    if (code == "asterisk") return {"Asterisk Master.csv", "Asterisk Master.csv"};
    if (code == "freeswitch") return {"FreeSWITCH cdr_csv", "FreeSWITCH cdr_csv"};
    if (code == "houqin") return {"后勤话单模板", "the houqin call-record template"};
    if (code == "mapped") return {"已保存的列对应", "a saved column mapping"};
    return {"自动识别", "detected from the file"};
}

bool IsCompoundOrXls(std::string_view head, std::string_view name) {
    std::string lower(name);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.ends_with(".xls") || lower.ends_with(".et") || head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

bool IsXlsx(std::string_view head, std::string_view name) {
    std::string lower(name);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || head.starts_with("PK\x03\x04");
}

// Reads a spooled call-record file row by row (X-4 readers): .xlsx whole (it is compressed; the sheet is streamed),
// CSV in pieces cut where a record ends (a newline outside quotes), with each piece's row numbers moved on by the
// records before it. `progress` gets the bytes read so far.
Status ReadCallFile(const std::filesystem::path& path, std::string_view name, TextEncoding encoding,
                    const CallRowSink& sink, const std::function<void(std::int64_t)>& progress) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::Invalid("file", {"上传的文件已不存在", "The uploaded file is gone"});
    std::string head(8, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    const auto forward = [&sink](std::int64_t offset) {
        return [&sink, offset](const TabularRow& row) { return sink(offset + row.number, row.cells); };
    };
    if (IsCompoundOrXls(head, name) || IsXlsx(head, name)) {
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto read = ReadTabular(bytes, name, encoding, forward(0));
        if (!read) return read.error();
        progress(static_cast<std::int64_t>(bytes.size()));
        return Ok();
    }
    std::string buffer;
    std::int64_t offset = 0;  // records in the pieces already read
    std::int64_t bytes_read = 0;
    bool first = true;
    bool end = false;
    TextEncoding piece_encoding = encoding;
    while (!end) {
        const std::size_t kept = buffer.size();
        buffer.resize(kept + kCallImportChunkBytes);
        in.read(buffer.data() + kept, static_cast<std::streamsize>(kCallImportChunkBytes));
        const auto got = static_cast<std::size_t>(in.gcount());
        buffer.resize(kept + got);
        bytes_read += static_cast<std::int64_t>(got);
        end = got < kCallImportChunkBytes;
        // The last newline outside quotes ("" inside a quoted cell counts twice, so the parity holds).
        std::size_t cut = std::string::npos;
        std::int64_t records = 0;
        std::int64_t records_to_cut = 0;
        bool quoted = false;
        for (std::size_t i = 0; i < buffer.size(); ++i) {
            const char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                ++records;
                cut = i + 1;
                records_to_cut = records;
            }
        }
        std::string_view piece;
        if (end) {
            piece = buffer;
        } else if (cut == std::string::npos) {
            if (buffer.size() > kCallImportMaxRecordBytes) {
                return Error::Invalid("file",
                                      {fmt::format("第 {} 行超过 64 MB 仍未结束(引号未闭合?)", offset + 1),
                                       fmt::format("Row {} runs on past 64 MB (an unclosed quote?)", offset + 1)});
            }
            continue;
        } else {
            piece = std::string_view(buffer).substr(0, cut);
        }
        if (!piece.empty()) {
            auto read = ReadCsv(piece, piece_encoding, forward(offset));
            if (!read) return read.error();
            // The first piece decides GB18030 for the rest; UTF-8 (or plain ASCII so far) is checked piece by piece.
            if (first && read->encoding == TextEncoding::kGb18030) piece_encoding = TextEncoding::kGb18030;
            first = false;
        }
        progress(bytes_read);
        if (end) break;
        offset += records_to_cut;
        buffer.erase(0, cut);
    }
    return Ok();
}

// The per-agent day totals an import adds, and what its report lists per agent.
struct CallImportDay {
    std::int64_t calls = 0;
    std::int64_t answered = 0;
    std::int64_t successful = 0;
    std::int64_t talk_seconds = 0;
};

struct CallImportNumber {
    std::int64_t calls = 0;
    std::int64_t first_row = 0;
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
};

struct CallImportTally {
    std::int64_t rows = 0;
    std::int64_t calls_added = 0;
    std::int64_t duplicates = 0;
    std::int64_t legs_merged = 0;
    std::int64_t unregistered_calls = 0;
    std::optional<std::int64_t> first_day;
    std::optional<std::int64_t> last_day;
    std::map<std::string, std::map<std::int64_t, CallImportDay>, std::less<>> agents;
    std::map<std::string, CallImportNumber, std::less<>> numbers;
};

nlohmann::json CallTextJson(const Text& text) { return {{"zh-CN", text.zh}, {"en", text.en}}; }

nlohmann::json CallErrorsJson(const std::vector<FieldError>& fields) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& field : fields) {
        // row.<n>.<column>, or file / row.<n>.columns
        std::int64_t row = 0;
        std::string column;
        if (field.field.rfind("row.", 0) == 0) {
            const auto dot = field.field.find('.', 4);
            row = std::stoll(field.field.substr(4, dot - 4));
            if (dot != std::string::npos) column = field.field.substr(dot + 1);
        }
        errors.push_back({{"field", field.field},
                          {"row", row == 0 ? nlohmann::json() : nlohmann::json(row)},
                          {"column", column},
                          {"message", CallTextJson(field.message)}});
    }
    return errors;
}

std::string CallFailureReport(const Error& error, std::int64_t rows, std::int64_t error_count, std::int64_t bad_rows) {
    nlohmann::json report = {{"rows", rows},
                             {"calls_added", 0},
                             {"message", CallTextJson(error.message)},
                             {"errors", CallErrorsJson(error.fields)},
                             {"error_count", error_count},
                             {"bad_rows", bad_rows}};
    return report.dump();
}

std::string RandomSpoolName(std::int64_t id) {
    std::random_device device;
    return fmt::format("call-import-{}-{:016x}.upload", id,
                       (static_cast<std::uint64_t>(device()) << 32) | static_cast<std::uint64_t>(device()));
}

}  // namespace

bool IsXlsxCallFile(std::string_view head, std::string_view name) { return IsXlsx(head, name); }

std::string CallImportReportText(const CallImportRow& row) {
    const auto report = nlohmann::json::parse(row.report_json.empty() ? "{}" : row.report_json, nullptr, false);
    const auto number = [&report](const char* key) -> std::int64_t {
        return report.is_object() && report.contains(key) && report[key].is_number_integer()
                   ? report[key].get<std::int64_t>()
                   : 0;
    };
    std::string out = fmt::format(
        "call import {}: {} ({}), rows={} calls_added={} duplicates={} legs_merged={} "
        "unregistered_calls={} unmatched_calls={}\n",
        row.id, CallImportStatusCode(row.status), row.filename, number("rows"), number("calls_added"),
        number("duplicates"), number("legs_merged"), number("unregistered_calls"), number("unmatched_calls"));
    if (!report.is_object()) return out;
    if (report.contains("message") && report["message"].is_object()) {
        out += fmt::format("  {} / {}\n", report["message"].value("zh-CN", ""), report["message"].value("en", ""));
    }
    if (report.contains("errors")) {
        for (const auto& error : report["errors"]) {
            out += fmt::format("  {}: {}\n", error.value("field", ""), error["message"].value("en", ""));
        }
    }
    if (report.contains("agents")) {
        for (const auto& agent : report["agents"]) {
            out += fmt::format("agent {}: calls={} answered={} successful={} talk_seconds={}\n",
                               agent.value("agent_id", ""), agent.value("calls", 0), agent.value("answered", 0),
                               agent.value("successful", 0), agent.value("talk_seconds", 0));
        }
    }
    return out;
}

struct CallImportService::Job {
    CallImportRow row;
    CallImportRequest request;
    CallImportOptions options;
    std::filesystem::path path;
    std::optional<Actor> actor;  // who uploaded it; none for the CLI
    std::atomic<std::int64_t> bytes_read{0};
    std::atomic<std::int64_t> rows_read{0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> running{false};
    std::optional<Actor> cancelled_by;  // guarded by the service's mutex
};

CallImportService::CallImportService(ServiceContext& context, ContractService& contracts)
    : context_(context), contracts_(contracts) {
    const char* spool = std::getenv("HOUQIN_SPOOL_DIR");
    spool_ = spool && *spool ? std::filesystem::path(spool)
                             : std::filesystem::temp_directory_path() / fmt::format("houqin-spool-{}", getuid());
}

CallImportService::~CallImportService() { Stop(); }

void CallImportService::Start() {
    std::error_code ignored;
    std::filesystem::create_directories(spool_, ignored);
    {
        // An import a stopped server left queued or running can no longer finish: its spooled file went with it. On
        // PostgreSQL other instances may be importing right now, so only imports older than a day are swept there.
        auto lease = context_.database.Acquire();
        const auto now = context_.clock.Now();
        const bool shared = lease->engine() == storage::Engine::kPostgres;
        for (auto row : storage::UnfinishedCallImports(*lease)) {
            if (shared && now.ms - row.created_at.ms < 24LL * 3600 * 1000) continue;
            const auto from = row.status;
            row.status = CallImportStatus::kFailed;
            row.finished_at = now;
            row.report_json = CallFailureReport(
                Error::Precondition({"服务器在导入完成前重启,未导入任何话单;请重新上传",
                                     "The server restarted before the import finished; nothing was imported. Upload "
                                     "the file again"}),
                row.rows_read, 0, 0);
            storage::SetCallImportStatus(*lease, row, from);
        }
    }
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) return;
    stopping_ = false;
    worker_ = std::thread([this] { Loop(); });
}

void CallImportService::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (auto& [id, job] : jobs_) job->cancel = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

Result<ContractView> CallImportService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) {
        if (auto other = actor.Require(Permission::kCallImport); !other) return status.error();
    }
    return contracts_.Get(actor, contract_id);
}

Result<CallImportOptions> CallImportService::OptionsOf(storage::Connection& connection, std::int64_t vendor_org_id,
                                                       const CallImportRequest& request) {
    CallImportOptions options;
    Validation validation;
    const auto layout = TrimText(request.layout);
    if (layout != "auto" && layout != "asterisk" && layout != "freeswitch" && layout != "houqin" &&
        layout != "mapped") {
        validation.Fail("layout", {"格式须为自动识别、Asterisk、FreeSWITCH、后勤话单模板或已保存的列对应",
                                   "The layout must be auto, asterisk, freeswitch, houqin or a saved mapping"});
    }
    if (layout == "mapped" && !request.mapping_id) {
        validation.Fail("mapping_id", {"请选择已保存的列对应", "Choose a saved column mapping"});
    }
    const auto clock = TrimText(request.clock);
    if (clock == "utc") {
        options.clock = CallClock::kUtc;
    } else if (!clock.empty() && clock != "shanghai") {
        validation.Fail("clock", {"时间须为北京时间或 UTC", "Times must be Shanghai time or UTC"});
    }
    if (!ParseTextEncoding(request.encoding)) {
        validation.Fail("encoding", {"编码须为自动、UTF-8 或 GB18030", "The encoding must be auto, utf-8 or gb18030"});
    }
    if (request.mapping_id) {
        const auto mapping = storage::FindCallMapping(connection, *request.mapping_id);
        if (!mapping || mapping->vendor_org_id != vendor_org_id) {
            validation.Fail("mapping_id", {"所选列对应不存在或不属于本合同的乙方",
                                           "The column mapping does not exist or is not this vendor's"});
        } else {
            const auto json = nlohmann::json::parse(mapping->mapping_json, nullptr, false);
            CallColumnMapping columns;
            columns.header = json.value("header", true) ? HeaderRow::kPresent : HeaderRow::kAbsent;
            const auto column = [&json](const char* field) -> std::optional<std::size_t> {
                const auto& all = json.contains("columns") ? json["columns"] : nlohmann::json::object();
                if (!all.contains(field) || !all[field].is_number_integer()) return std::nullopt;
                return static_cast<std::size_t>(all[field].get<std::int64_t>() - 1);
            };
            columns.agent_id = column("agent_id");
            columns.calling_number = column("calling_number");
            columns.called_number = column("called_number");
            columns.start = column("start");
            columns.answer = column("answer");
            columns.end = column("end");
            columns.talk_seconds = column("talk_seconds");
            columns.result = column("result");
            columns.call_id = column("call_id");
            options.mapping = columns;
        }
    }
    if (!validation.ok()) return validation.ToError();
    return options;
}

CallImportView CallImportService::ViewOf(const Actor& actor, CallImportRow row) {
    CallImportView view;
    {
        std::lock_guard lock(mutex_);
        if (const auto found = jobs_.find(row.id); found != jobs_.end() && found->second->running) {
            row.bytes_read = found->second->bytes_read;
            row.rows_read = found->second->rows_read;
        }
    }
    const bool own = !actor.vendor_org_id || *actor.vendor_org_id == row.vendor_org_id;
    view.can_cancel = actor.Can(Permission::kCallImport) && own &&
                      (row.status == CallImportStatus::kQueued || row.status == CallImportStatus::kRunning);
    view.row = std::move(row);
    return view;
}

Result<CallImportView> CallImportService::Upload(const Actor& actor, std::int64_t contract_id,
                                                 const CallImportRequest& request, std::string_view bytes) {
    if (bytes.empty()) {
        if (auto status = actor.Require(Permission::kCallImport); !status) return status.error();
        HOUQIN_TRY(contract, contracts_.Get(actor, contract_id));
        return Error::Invalid("file", {"文件是空的(0 字节)", "The file is empty (0 bytes)"});
    }
    if (static_cast<std::int64_t>(bytes.size()) > kMaxUploadBytes) {
        if (auto status = actor.Require(Permission::kCallImport); !status) return status.error();
        HOUQIN_TRY(contract, contracts_.Get(actor, contract_id));
        return Error::Invalid("file", {"一次上传的话单文件最大 15 MB;更大的文件请在网页上选择文件(分段上传)",
                                       "A file sent in one request may be at most 15 MB; choose larger files in the "
                                       "browser, which sends them in parts"});
    }
    HOUQIN_TRY(checked, CheckRequest(actor, contract_id, request));
    std::error_code failed;
    std::filesystem::create_directories(spool_, failed);
    const auto path = spool_ / RandomSpoolName(0);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::filesystem::remove(path, failed);
            throw std::runtime_error("cannot write the call-import spool file " + path.string());
        }
    }
    return QueueSpooled(actor, contract_id, *checked, path);
}

Result<CallImportRequest> CallImportService::CheckRequest(const Actor& actor, std::int64_t contract_id,
                                                          const CallImportRequest& request) {
    if (auto status = actor.Require(Permission::kCallImport); !status) return status.error();
    HOUQIN_TRY(contract, contracts_.Get(actor, contract_id));
    auto checked = request;
    checked.layout = TrimText(request.layout).empty() ? "auto" : TrimText(request.layout);
    if (checked.mapping_id && checked.layout == "auto") checked.layout = "mapped";
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(options, OptionsOf(*lease, contract->record.vendor_org_id, checked));
    return checked;
}

Result<CallImportService::Prepared> CallImportService::Prepare(std::int64_t contract_id,
                                                               const CallImportRequest& request) {
    auto lease = context_.database.Acquire();
    const auto contract = lease->QueryOne("SELECT vendor_org_id FROM contracts WHERE id = ?", {contract_id});
    if (!contract) return Error::NotFound({"合同", "Contract"});
    Prepared prepared;
    prepared.vendor_org_id = contract->Int(0);
    HOUQIN_TRY(options, OptionsOf(*lease, prepared.vendor_org_id, request));
    prepared.options = *options;
    return prepared;
}

std::optional<Error> CallImportService::CheckStart(std::int64_t contract_id, const CallImportRequest& request,
                                                   const std::filesystem::path& path) {
    auto prepared = Prepare(contract_id, request);
    if (!prepared) return prepared.error();
    return CheckFirstRow(request, prepared->options, path);
}

std::optional<Error> CallImportService::CheckFirstRow(const CallImportRequest& request,
                                                      const CallImportOptions& options,
                                                      const std::filesystem::path& path) {
    // The first row decides the layout: an empty file or one of another layout is refused now, writing nothing.
    std::vector<std::string> first_row;
    const auto encoding = ParseTextEncoding(request.encoding).value_or(TextEncoding::kAuto);
    const auto read = ReadCallFile(
        path, request.filename, encoding,
        [&first_row](std::int64_t, const std::vector<std::string>& cells) -> Status {
            first_row = cells;
            return CallImportStop();
        },
        [](std::int64_t) {});
    std::optional<Error> refusal;
    if (!read && !IsCallImportStop(read.error())) {
        refusal = read.error();
    } else if (first_row.empty()) {
        refusal = Error::Invalid("file", {"文件中没有任何行", "The file has no rows"});
    } else if (auto layout = DetectCallLayout(first_row, options); !layout) {
        refusal = layout.error();
    } else if (const auto detected = CallLayoutCode(layout->layout);
               request.layout != "auto" && request.layout != detected) {
        const auto asked = CallLayoutText(request.layout);
        const auto seen = CallLayoutText(detected);
        refusal =
            Error::Invalid("layout", {fmt::format("所选格式是{},但文件是{}", asked.zh, seen.zh),
                                      fmt::format("The layout chosen is {}, but the file is {}", asked.en, seen.en)});
    }
    // The reason is all a person needs to read: it is the message too.
    if (refusal && refusal->fields.size() == 1) refusal->message = refusal->fields[0].message;
    return refusal;
}

Result<CallImportView> CallImportService::QueueSpooled(const Actor& actor, std::int64_t contract_id,
                                                       const CallImportRequest& request,
                                                       const std::filesystem::path& path) {
    std::error_code failed;
    const auto size = std::filesystem::file_size(path, failed);
    if (failed || size == 0) {
        std::filesystem::remove(path, failed);
        return Error::Invalid("file", {"文件是空的(0 字节)", "The file is empty (0 bytes)"});
    }
    auto prepared = Prepare(contract_id, request);
    std::optional<Error> refusal;
    if (!prepared) {
        refusal = prepared.error();
    } else {
        refusal = CheckFirstRow(request, prepared->options, path);
    }
    if (refusal) {
        std::filesystem::remove(path, failed);
        return *refusal;
    }
    auto job = std::make_shared<Job>();
    job->request = request;
    job->path = path;
    job->options = prepared->options;
    const auto encoding = ParseTextEncoding(request.encoding).value_or(TextEncoding::kAuto);
    const auto now = context_.clock.Now();
    auto& row = job->row;
    row.vendor_org_id = prepared->vendor_org_id;
    row.contract_id = contract_id;
    row.filename = TrimText(request.filename).empty() ? "calls.csv" : TrimText(request.filename);
    row.layout = request.layout;
    row.mapping_id = request.mapping_id;
    row.encoding = std::string(TextEncodingCode(encoding));
    row.status = CallImportStatus::kQueued;
    row.bytes_total = static_cast<std::int64_t>(size);
    row.created_by = actor.user_id;
    row.created_by_name = actor.display_name;
    row.created_at = now;
    job->actor = actor;
    {
        auto lease = context_.database.Acquire();
        storage::Transaction transaction(*lease);
        row.id = storage::InsertCallImport(*lease, row);
        storage::AppendAudit(*lease, &actor, now,
                             {"create", kCallImportSubject, row.id, std::nullopt,
                              nlohmann::json{{"contract_id", contract_id},
                                             {"filename", row.filename},
                                             {"layout", row.layout},
                                             {"bytes", row.bytes_total}}
                                  .dump()});
        transaction.Commit();
    }
    {
        std::lock_guard lock(mutex_);
        jobs_[row.id] = job;
        queue_.push_back(job);
    }
    wake_.notify_one();
    return ViewOf(actor, row);
}

Result<CallImportView> CallImportService::Get(const Actor& actor, std::int64_t id) {
    std::optional<CallImportRow> row;
    {
        auto lease = context_.database.Acquire();
        row = storage::FindCallImport(*lease, id);
    }
    if (!row) return Error::NotFound({"话单导入", "Call-record import"});
    if (auto contract = ContractOf(actor, row->contract_id); !contract) {
        return contract.error().code == ErrorCode::kNotFound ? Error::NotFound({"话单导入", "Call-record import"})
                                                             : contract.error();
    }
    return ViewOf(actor, std::move(*row));
}

Result<CallImportList> CallImportService::List(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    std::vector<CallImportRow> rows;
    CallImportList list;
    {
        auto lease = context_.database.Acquire();
        rows = storage::CallImportsOfContract(*lease, contract_id);
        list.mappings = storage::CallMappingsOfVendor(*lease, contract->record.vendor_org_id);
    }
    list.can_import = actor.Can(Permission::kCallImport);
    for (auto& row : rows) list.items.push_back(ViewOf(actor, std::move(row)));
    return list;
}

Result<CallImportView> CallImportService::Cancel(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kCallImport); !status) return status.error();
    HOUQIN_TRY(view, Get(actor, id));
    auto row = view->row;
    if (row.status != CallImportStatus::kQueued && row.status != CallImportStatus::kRunning) {
        return Error::Precondition({"该导入已结束,不能取消", "This import has finished; it cannot be cancelled"});
    }
    std::shared_ptr<Job> job;
    {
        std::lock_guard lock(mutex_);
        if (const auto found = jobs_.find(id); found != jobs_.end()) job = found->second;
        if (job) {
            job->cancel = true;
            if (!job->cancelled_by) job->cancelled_by = actor;
        }
    }
    if (job && job->running) {
        // The worker rolls the import back and records the cancellation with this actor.
        return ViewOf(actor, std::move(row));
    }
    // Still queued: the worker will find it cancelled and skip it.
    const auto now = context_.clock.Now();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto cancelled = row;
    cancelled.status = CallImportStatus::kCancelled;
    cancelled.finished_at = now;
    cancelled.report_json = CallFailureReport(
        Error::Precondition({"导入已取消,未导入任何话单", "The import was cancelled; nothing was imported"}), 0, 0, 0);
    if (!storage::SetCallImportStatus(*lease, cancelled, CallImportStatus::kQueued)) {
        // The worker took it meanwhile: the flag set above stops it.
        return ViewOf(actor, std::move(row));
    }
    const auto queued = nlohmann::json{{"status", "queued"}}.dump();
    const auto cancelled_snapshot = nlohmann::json{{"status", "cancelled"}}.dump();
    storage::AppendAudit(*lease, &actor, now, {"cancel", kCallImportSubject, id, queued, cancelled_snapshot});
    transaction.Commit();
    return ViewOf(actor, std::move(cancelled));
}

Result<std::vector<CallMappingRow>> CallImportService::Mappings(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    return storage::CallMappingsOfVendor(*lease, contract->record.vendor_org_id);
}

Result<CallMappingRow> CallImportService::SaveMapping(const Actor& actor, std::int64_t contract_id,
                                                      const CallMappingInput& input) {
    if (auto status = actor.Require(Permission::kCallImport); !status) return status.error();
    HOUQIN_TRY(contract, contracts_.Get(actor, contract_id));
    Validation validation;
    const auto name = TrimText(input.name);
    CheckLength(validation, "name", name, 1, 100, {"列对应名称", "Mapping name"});
    static const std::vector<std::string> kFields = {"agent_id", "calling_number", "called_number", "start",  "answer",
                                                     "end",      "talk_seconds",   "result",        "call_id"};
    nlohmann::json columns = nlohmann::json::object();
    for (const auto& [field, number] : input.columns) {
        if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) {
            validation.Fail("columns." + field, {fmt::format("“{}”不是话单字段", field),
                                                 fmt::format("\"{}\" is not a call-record field", field)});
        } else if (number < 1 || number > 200) {
            validation.Fail("columns." + field, {"列号须为 1 到 200 之间的整数", "A column number is 1 to 200"});
        } else {
            columns[field] = number;
        }
    }
    for (const auto* required : {"agent_id", "called_number", "start", "end", "talk_seconds"}) {
        if (!columns.contains(required)) {
            validation.Fail(std::string("columns.") + required,
                            {"工号、被叫号码、开始时间、结束时间和通话秒数的列必须指定",
                             "The agent ID, number called, start, end and talk seconds columns are required"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    CallMappingRow row;
    row.vendor_org_id = contract->record.vendor_org_id;
    row.name = name;
    row.mapping_json = nlohmann::json{{"header", input.header}, {"columns", columns}}.dump();
    row.created_at = context_.clock.Now();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    row.id = storage::InsertCallMapping(*lease, row, actor.user_id);
    storage::AppendAudit(*lease, &actor, row.created_at,
                         {"create", kCallMappingSubject, row.id, std::nullopt,
                          nlohmann::json{{"vendor_org_id", row.vendor_org_id},
                                         {"name", row.name},
                                         {"mapping", nlohmann::json::parse(row.mapping_json)}}
                              .dump()});
    transaction.Commit();
    return row;
}

void CallImportService::Loop() {
    std::unique_ptr<storage::Database> database;
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            job = queue_.front();
            queue_.pop_front();
        }
        try {
            // The worker's own connection, so a long import never takes one from the request workers.
            if (!database) {
                const auto& url = context_.database.url();
                database = storage::Database::Open(
                    url.engine == storage::Engine::kSqlite ? "sqlite:" + url.target : url.target, 1);
            }
            Run(*database, *job);
        } catch (const std::exception& error) {
            spdlog::error("call import {} failed: {}", job->row.id, error.what());
            try {
                auto lease = context_.database.Acquire();
                auto row = job->row;
                const auto from = row.status;
                row.status = CallImportStatus::kFailed;
                row.finished_at = context_.clock.Now();
                row.report_json = CallFailureReport(Error::Precondition({"导入时数据库出错,未导入任何话单",
                                                                         "The database failed during the import; "
                                                                         "nothing was imported"}),
                                                    job->rows_read, 0, 0);
                storage::SetCallImportStatus(*lease, row, from);
            } catch (const std::exception& again) {
                spdlog::error("call import {}: recording the failure failed: {}", job->row.id, again.what());
            }
        }
        std::error_code ignored;
        std::filesystem::remove(job->path, ignored);
        std::lock_guard lock(mutex_);
        jobs_.erase(job->row.id);
    }
}

Result<CallImportRow> CallImportService::RunNow(std::int64_t contract_id, const CallImportRequest& request,
                                                const std::filesystem::path& path) {
    Job job;
    job.request = request;
    job.path = path;
    std::error_code failed;
    const auto size = std::filesystem::file_size(path, failed);
    if (failed) return Error::Invalid("file", {"读不到该文件", "Cannot read the file"});
    if (size == 0) return Error::Invalid("file", {"文件是空的(0 字节)", "The file is empty (0 bytes)"});
    const auto now = context_.clock.Now();
    {
        auto lease = context_.database.Acquire();
        const auto contract = lease->QueryOne("SELECT vendor_org_id FROM contracts WHERE id = ?", {contract_id});
        if (!contract) return Error::NotFound({"合同", "Contract"});
        HOUQIN_TRY(options, OptionsOf(*lease, contract->Int(0), request));
        job.options = *options;
        auto& row = job.row;
        row.contract_id = contract_id;
        row.vendor_org_id = contract->Int(0);
        row.filename = path.filename().string();
        row.layout = request.layout;
        row.mapping_id = request.mapping_id;
        row.encoding = request.encoding;
        row.status = CallImportStatus::kQueued;
        row.bytes_total = static_cast<std::int64_t>(size);
        row.created_at = now;
        storage::Transaction transaction(*lease);
        row.id = storage::InsertCallImport(*lease, row);
        storage::AppendAudit(*lease, nullptr, now,
                             {"create", kCallImportSubject, row.id, std::nullopt,
                              nlohmann::json{{"contract_id", contract_id},
                                             {"filename", row.filename},
                                             {"layout", row.layout},
                                             {"bytes", row.bytes_total}}
                                  .dump()});
        transaction.Commit();
    }
    return Run(context_.database, job);
}

CallImportRow CallImportService::Run(storage::Database& database, Job& job) {
    auto lease = database.Acquire();
    auto& connection = *lease;
    auto row = job.row;
    row.status = CallImportStatus::kRunning;
    row.started_at = context_.clock.Now();
    if (!storage::SetCallImportStatus(connection, row, CallImportStatus::kQueued)) {
        return storage::FindCallImport(connection, row.id).value_or(row);  // cancelled while queued
    }
    job.running = true;

    // What matching and flagging need, read once: the vendor's agent-ID history (CC-1), the contract's people, the
    // outbound-number register (CC-2).
    std::optional<AgentIdHistory> history;
    if (auto made = AgentIdHistory::Make(storage::AgentIdsOfVendor(connection, row.vendor_org_id))) {
        history = std::move(*made);
    }
    std::map<std::int64_t, std::string> names;
    for (const auto& person : storage::PeopleOfContract(connection, row.contract_id)) names[person.id] = person.name;
    const auto periods = storage::LoadNumberPeriods(connection, row.contract_id);

    CallRecordReader reader(job.options);
    CallImportTally tally;
    CallKeySet known;
    std::unordered_set<std::int64_t> days_loaded;
    std::vector<storage::CallKey> pending;
    pending.reserve(kCallImportKeyBatch);

    std::optional<storage::Transaction> transaction;
    transaction.emplace(connection);
    storage::LockCallKeys(connection, row.contract_id);
    const auto load_day = [&](std::int64_t day) {
        if (!days_loaded.insert(day).second) return;
        for (const auto key : storage::CallKeysOfDay(connection, row.contract_id, day)) known.Insert(key);
    };
    const auto add_key = [&](std::int64_t day, std::uint64_t key) {
        if (known.Contains(key)) return;
        known.Insert(key);
        pending.push_back({day, key});
    };
    // Counts one checked call: the writing half, on this thread, which alone uses the connection.
    const auto count = [&](const CallItem& item) {
        const auto day = item.day;
        const auto& keys = item.keys;
        load_day(day);
        const bool has_legs = keys.leg != keys.dedup || keys.other != 0;
        if (has_legs) load_day(day - 1);  // another leg of a call that began before midnight
        if (known.Contains(keys.dedup)) {
            ++tally.duplicates;
            return;
        }
        const bool other_leg =
            (keys.leg != keys.dedup && known.Contains(keys.leg)) || (keys.other != 0 && known.Contains(keys.other));
        add_key(day, keys.dedup);
        if (keys.leg != keys.dedup) add_key(day, keys.leg);
        if (keys.other != 0) add_key(day, keys.other);
        if (pending.size() >= kCallImportKeyBatch) {
            InsertCallKeysSorted(connection, row.contract_id, row.id, pending);
        }
        if (other_leg) {
            ++tally.legs_merged;
            return;
        }
        ++tally.calls_added;
        auto agent = tally.agents.find(item.agent_id);
        if (agent == tally.agents.end())
            agent = tally.agents.emplace(item.agent_id, std::map<std::int64_t, CallImportDay>{}).first;
        auto& totals = agent->second[day];
        ++totals.calls;
        if (item.answered) ++totals.answered;
        if (item.successful) ++totals.successful;
        totals.talk_seconds += item.talk_seconds;
        if (!tally.first_day || day < *tally.first_day) tally.first_day = day;
        if (!tally.last_day || day > *tally.last_day) tally.last_day = day;
        // CC-2: a call from a number not in the register on its day is flagged, not refused.
        if (!item.calling_number.empty() && !NumberRegisteredOn(periods, item.calling_number, Date::FromDays(day))) {
            ++tally.unregistered_calls;
            auto found = tally.numbers.find(item.calling_number);
            if (found == tally.numbers.end()) {
                if (tally.numbers.size() >= kCallImportMaxNumbersListed) return;
                found = tally.numbers.emplace(item.calling_number, CallImportNumber{0, item.row, day, day}).first;
            }
            ++found->second.calls;
            found->second.first_day = std::min(found->second.first_day, day);
            found->second.last_day = std::max(found->second.last_day, day);
        }
    };

    // The reading half runs on a thread of its own: reading, parsing and checking the file take about as long as
    // writing its keys, so on two cores the two overlap (make bench-import). It stops at a cancel, at the writer's
    // stop, or at the file's end; after a bad row it goes on reading only for the errors and hands nothing over.
    CallBatchQueue queue;
    std::int64_t rows = 0;
    bool layout_checked = false;
    Status read = Ok();
    std::exception_ptr reader_failed;
    std::thread reading([&] {
        try {
            std::vector<CallItem> batch;
            batch.reserve(kCallBatchItems);
            const auto sink = [&](std::int64_t number, const std::vector<std::string>& cells) -> Status {
                ++rows;
                if ((rows & 1023) == 0) {
                    job.rows_read = rows;
                    if (job.cancel || queue.stopped()) return CallImportStop();
                }
                auto checked = reader.Read(number, cells);
                if (!checked) return checked.error();
                if (!layout_checked && reader.layout()) {
                    layout_checked = true;
                    const auto detected = CallLayoutCode(reader.layout()->layout);
                    if (job.request.layout != "auto" && job.request.layout != detected) {
                        const auto asked = CallLayoutText(job.request.layout);
                        const auto seen = CallLayoutText(detected);
                        return Error::Invalid(
                            "layout", {fmt::format("所选格式是{},但文件是{}", asked.zh, seen.zh),
                                       fmt::format("The layout chosen is {}, but the file is {}", asked.en, seen.en)});
                    }
                }
                // A bad row anywhere means nothing is imported: the rest is only read for its errors.
                if (*checked == nullptr || reader.bad_rows() > 0) return Ok();
                const CallRecord& record = **checked;
                CallItem item;
                item.row = number;
                item.day = record.start.ShanghaiDate().days();
                item.keys = FingerprintCallKeys(record);
                item.agent_id.assign(record.agent_id);
                item.calling_number.assign(record.calling_number);
                item.talk_seconds = record.talk_seconds;
                item.answered = record.outcome == CallOutcome::kAnswered;
                item.successful = record.successful_visit;
                batch.push_back(std::move(item));
                if (batch.size() >= kCallBatchItems) {
                    if (!queue.Push(std::move(batch))) return CallImportStop();
                    batch = {};
                    batch.reserve(kCallBatchItems);
                }
                return Ok();
            };
            const auto encoding = ParseTextEncoding(job.request.encoding).value_or(TextEncoding::kAuto);
            read = ReadCallFile(job.path, row.filename, encoding, sink,
                                [&job](std::int64_t bytes) { job.bytes_read = bytes; });
            if (read && !batch.empty()) queue.Push(std::move(batch));
        } catch (...) {
            reader_failed = std::current_exception();
        }
        queue.Close();
    });
    try {
        while (auto batch = queue.Pop()) {
            for (const auto& item : *batch) count(item);
        }
    } catch (...) {
        queue.Stop();
        reading.join();
        throw;
    }
    reading.join();
    if (reader_failed) std::rethrow_exception(reader_failed);
    tally.rows = rows;
    job.rows_read = tally.rows;
    row.rows_read = tally.rows;
    row.bytes_read = job.bytes_read;
    const auto now = context_.clock.Now();
    row.finished_at = now;

    const bool cancelled = job.cancel || (!read && IsCallImportStop(read.error()));
    std::optional<Error> failure;
    if (!cancelled) {
        if (!read) {
            failure = read.error();
        } else if (auto finished = reader.Finish(); !finished) {
            failure = finished.error();
        }
    }
    if (cancelled || failure) {
        transaction.reset();  // rolled back: nothing of the file stays
        transaction.emplace(connection);
        std::optional<Actor> by;
        {
            std::lock_guard lock(mutex_);
            by = job.cancelled_by;
        }
        if (cancelled) {
            row.status = CallImportStatus::kCancelled;
            row.report_json = CallFailureReport(
                Error::Precondition({"导入已取消,未导入任何话单", "The import was cancelled; nothing was imported"}),
                tally.rows, 0, 0);
        } else {
            auto error = *failure;
            if (error.message.zh.empty() && !error.fields.empty()) error.message = error.fields.front().message;
            row.status = CallImportStatus::kFailed;
            row.report_json =
                CallFailureReport(error, tally.rows, static_cast<std::int64_t>(error.fields.size()), reader.bad_rows());
        }
        storage::SetCallImportStatus(connection, row, CallImportStatus::kRunning);
        const Actor* actor = cancelled ? (by ? &*by : nullptr) : (job.actor ? &*job.actor : nullptr);
        const auto running = nlohmann::json{{"status", "running"}}.dump();
        const auto ended =
            nlohmann::json{{"status", std::string(CallImportStatusCode(row.status))}, {"rows", tally.rows}}.dump();
        storage::AppendAudit(connection, actor, now,
                             {cancelled ? "cancel" : "import", kCallImportSubject, row.id, running, ended});
        transaction->Commit();
        job.running = false;
        return row;
    }

    InsertCallKeysSorted(connection, row.contract_id, row.id, pending);
    std::vector<storage::AgentDayTotals> days;
    nlohmann::json agents = nlohmann::json::array();
    CallImportDay all;
    std::int64_t unmatched_total = 0;
    for (const auto& [agent_id, by_day] : tally.agents) {
        CallImportDay sum;
        std::int64_t unmatched = 0;
        std::vector<std::string> people;
        for (const auto& [day, totals] : by_day) {
            storage::AgentDayTotals day_totals{agent_id, Date::FromDays(day), totals.calls, totals.successful,
                                               totals.talk_seconds};
            day_totals.answered = totals.answered;
            days.push_back(std::move(day_totals));
            sum.calls += totals.calls;
            sum.answered += totals.answered;
            sum.successful += totals.successful;
            sum.talk_seconds += totals.talk_seconds;
            // CC-1: the person who held the agent ID on the call's day, on this contract.
            const auto holder = history ? history->HolderOn(agent_id, Date::FromDays(day)) : std::nullopt;
            if (!holder || holder->contract_id != row.contract_id) {
                unmatched += totals.calls;
            } else if (const auto& name = names[holder->person_id];
                       std::find(people.begin(), people.end(), name) == people.end()) {
                people.push_back(name);
            }
        }
        unmatched_total += unmatched;
        all.calls += sum.calls;
        all.answered += sum.answered;
        all.successful += sum.successful;
        all.talk_seconds += sum.talk_seconds;
        agents.push_back({{"agent_id", agent_id},
                          {"people", people},
                          {"calls", sum.calls},
                          {"answered", sum.answered},
                          {"successful", sum.successful},
                          {"talk_seconds", sum.talk_seconds},
                          {"unmatched_calls", unmatched}});
    }
    storage::AddAgentDays(connection, row.contract_id, days);
    nlohmann::json numbers = nlohmann::json::array();
    for (const auto& [number, flagged] : tally.numbers) {
        numbers.push_back({{"number", number},
                           {"calls", flagged.calls},
                           {"first_row", flagged.first_row},
                           {"first_day", Date::FromDays(flagged.first_day).ToString()},
                           {"last_day", Date::FromDays(flagged.last_day).ToString()}});
    }
    const auto day_json = [](const std::optional<std::int64_t>& day) {
        return day ? nlohmann::json(Date::FromDays(*day).ToString()) : nlohmann::json();
    };
    const auto layout_code = reader.layout() ? std::string(CallLayoutCode(reader.layout()->layout)) : std::string();
    nlohmann::json report = {{"layout", layout_code},
                             {"rows", tally.rows},
                             {"records", reader.records()},
                             {"calls_added", tally.calls_added},
                             {"duplicates", tally.duplicates},
                             {"legs_merged", tally.legs_merged},
                             {"first_day", day_json(tally.first_day)},
                             {"last_day", day_json(tally.last_day)},
                             {"totals",
                              {{"calls", all.calls},
                               {"answered", all.answered},
                               {"successful", all.successful},
                               {"talk_seconds", all.talk_seconds}}},
                             {"agents", std::move(agents)},
                             {"unmatched_calls", unmatched_total},
                             {"unregistered_calls", tally.unregistered_calls},
                             {"unregistered", std::move(numbers)},
                             {"message", nullptr},
                             {"errors", nlohmann::json::array()},
                             {"error_count", 0},
                             {"bad_rows", 0}};
    row.status = CallImportStatus::kDone;
    row.report_json = report.dump();
    if (!storage::SetCallImportStatus(connection, row, CallImportStatus::kRunning)) {
        // Someone else closed the import meanwhile (another instance's start-up sweep): its calls are not kept.
        transaction.reset();
        job.running = false;
        return storage::FindCallImport(connection, row.id).value_or(row);
    }
    const auto running = nlohmann::json{{"status", "running"}}.dump();
    const auto done = nlohmann::json{{"status", "done"},
                                     {"rows", tally.rows},
                                     {"calls_added", tally.calls_added},
                                     {"duplicates", tally.duplicates},
                                     {"legs_merged", tally.legs_merged}}
                          .dump();
    storage::AppendAudit(connection, job.actor ? &*job.actor : nullptr, now,
                         {"import", kCallImportSubject, row.id, running, done});
    transaction->Commit();
    job.running = false;
    return row;
}

}  // namespace houqin
