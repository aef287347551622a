#include "features/callcentre/call_upload_service.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/text_rules.h"
#include "platform/service/random_token.h"

namespace houqin {
namespace {

constexpr std::int64_t kStaleAfterMs = 24LL * 3600 * 1000;
// Kept free on the spool's disk beyond the file itself: the import reads it while the database grows.
constexpr std::int64_t kDiskMarginBytes = 512LL * 1024 * 1024;

bool IsToken(const std::string& token) {
    if (token.size() != 32) return false;
    for (const char c : token) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string RequestJson(const CallImportRequest& request) {
    nlohmann::json json = {{"filename", request.filename},
                           {"layout", request.layout},
                           {"encoding", request.encoding},
                           {"clock", request.clock}};
    json["mapping_id"] = request.mapping_id ? nlohmann::json(*request.mapping_id) : nlohmann::json(nullptr);
    return json.dump();
}

CallImportRequest RequestOf(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    CallImportRequest request;
    if (!json.is_object()) return request;
    request.filename = json.value("filename", "");
    request.layout = json.value("layout", "auto");
    request.encoding = json.value("encoding", "auto");
    request.clock = json.value("clock", "shanghai");
    if (json.contains("mapping_id") && json["mapping_id"].is_number_integer()) {
        request.mapping_id = json["mapping_id"].get<std::int64_t>();
    }
    return request;
}

Error UploadNotFound() { return Error::NotFound({"分段上传", "Upload in parts"}); }

}  // namespace

CallUploadService::CallUploadService(ServiceContext& context, CallImportService& imports, ContractService& contracts)
    : context_(context), imports_(imports), contracts_(contracts) {}

Result<CallUploadView> CallUploadService::Begin(const Actor& actor, std::int64_t contract_id,
                                                const CallImportRequest& request, std::int64_t bytes_total) {
    HOUQIN_TRY(checked, imports_.CheckRequest(actor, contract_id, request));
    if (bytes_total <= 0) return Error::Invalid("size", {"文件是空的(0 字节)", "The file is empty (0 bytes)"});
    if (bytes_total > kMaxFileBytes) {
        return Error::Invalid("size", {fmt::format("话单文件最大 4 GB,此文件 {} MB;请按月或按周拆分后分别导入",
                                                   bytes_total / (1024 * 1024)),
                                       fmt::format("A call-record file may be at most 4 GB and this one is {} MB: "
                                                   "split it by month or week and import each part",
                                                   bytes_total / (1024 * 1024))});
    }
    RemoveStale();
    std::error_code failed;
    std::filesystem::create_directories(imports_.spool(), failed);
    const auto space = std::filesystem::space(imports_.spool(), failed);
    if (!failed && static_cast<std::int64_t>(space.available) < bytes_total + kDiskMarginBytes) {
        spdlog::warn("call upload refused: {} MB free in {}, the file needs {} MB", space.available >> 20,
                     imports_.spool().string(), bytes_total >> 20);
        return Error::Precondition({"服务器磁盘空间不足,放不下此文件;请联系系统管理员",
                                    "The server's disk has no room for this file; ask the administrator"});
    }
    const auto now = context_.clock.Now();
    CallUploadRow row;
    row.token = RandomHex(16);
    row.contract_id = contract_id;
    row.request_json = RequestJson(*checked);
    row.bytes_total = bytes_total;
    row.spool_name = fmt::format("call-upload-{}.part", row.token);
    row.created_by = actor.user_id;
    row.created_at = now;
    row.touched_at = now;
    const auto path = imports_.spool() / row.spool_name;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create the call-upload spool file " + path.string());
    ::close(fd);
    {
        auto lease = context_.database.Acquire();
        storage::InsertCallUpload(*lease, row);
    }
    return CallUploadView{row, checked->filename};
}

Result<CallUploadRow> CallUploadService::Find(const Actor& actor, const std::string& token) {
    if (auto status = actor.Require(Permission::kCallImport); !status) return status.error();
    std::optional<CallUploadRow> row;
    if (IsToken(token)) {
        auto lease = context_.database.Acquire();
        row = storage::FindCallUpload(*lease, token);
    }
    if (!row) return UploadNotFound();
    if (auto contract = contracts_.Get(actor, row->contract_id); !contract) {
        return contract.error().code == ErrorCode::kNotFound ? UploadNotFound() : contract.error();
    }
    return *row;
}

Result<CallUploadView> CallUploadService::Get(const Actor& actor, const std::string& token) {
    HOUQIN_TRY(row, Find(actor, token));
    return CallUploadView{*row, RequestOf(row->request_json).filename};
}

Result<CallUploadView> CallUploadService::Part(const Actor& actor, const std::string& token, std::int64_t offset,
                                               std::string_view bytes) {
    HOUQIN_TRY(found, Find(actor, token));
    auto row = *found;
    const auto size = static_cast<std::int64_t>(bytes.size());
    if (bytes.empty()) return Error::Invalid("body", {"这一段是空的", "The part is empty"});
    if (size > kPartBytes) {
        return Error::Invalid("body", {"每段最大 8 MB", "A part may be at most 8 MB"});
    }
    if (offset < 0 || offset + size > row.bytes_total) {
        return Error::Invalid("offset", {fmt::format("这一段超出了文件的 {} 字节", row.bytes_total),
                                         fmt::format("The part goes past the file's {} bytes", row.bytes_total)});
    }
    const auto filename = RequestOf(row.request_json).filename;
    // Sent again after a dropped connection: its bytes are here already.
    if (offset + size <= row.bytes_received) return CallUploadView{row, filename};
    if (offset != row.bytes_received) {
        return Error::Precondition(
            {fmt::format("这一段应从第 {} 字节开始(已收到 {} 字节)", row.bytes_received, row.bytes_received),
             fmt::format("The next part starts at byte {} ({} bytes have come)", row.bytes_received,
                         row.bytes_received)});
    }
    const auto path = imports_.spool() / row.spool_name;
    const int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0) {
        // The spooled file is gone (the folder was emptied): the upload cannot go on.
        auto lease = context_.database.Acquire();
        storage::DeleteCallUpload(*lease, row.token);
        return Error::Precondition({"服务器上的上传文件已丢失,请重新上传",
                                    "The server lost what had come of this upload; upload the file again"});
    }
    std::int64_t written = 0;
    while (written < size) {
        const auto n = ::pwrite(fd, bytes.data() + written, static_cast<std::size_t>(size - written),
                                static_cast<off_t>(offset + written));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const auto reason = std::string(std::strerror(errno));
            ::close(fd);
            throw std::runtime_error("cannot write the call-upload spool file " + path.string() + ": " + reason);
        }
        written += n;
    }
    ::close(fd);
    const auto now = context_.clock.Now();
    {
        auto lease = context_.database.Acquire();
        if (!storage::AdvanceCallUpload(*lease, row.token, row.bytes_received, offset + size, now)) {
            // Another request took the same part first: say where the upload is now.
            if (auto again = storage::FindCallUpload(*lease, row.token)) return CallUploadView{*again, filename};
            return UploadNotFound();
        }
    }
    row.bytes_received = offset + size;
    row.touched_at = now;
    if (offset == 0 && !IsXlsxCallFile(bytes, filename)) {
        // A file of another layout is refused now, not after a gigabyte has come.
        if (auto refusal = imports_.CheckStart(row.contract_id, RequestOf(row.request_json), path)) {
            {
                auto lease = context_.database.Acquire();
                storage::DeleteCallUpload(*lease, row.token);
            }
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
            return *refusal;
        }
    }
    return CallUploadView{row, filename};
}

Result<CallImportView> CallUploadService::Finish(const Actor& actor, const std::string& token) {
    HOUQIN_TRY(row, Find(actor, token));
    if (row->bytes_received < row->bytes_total) {
        return Error::Precondition(
            {fmt::format("文件还有 {} 字节没有上传完", row->bytes_total - row->bytes_received),
             fmt::format("{} bytes of the file have not come yet", row->bytes_total - row->bytes_received)});
    }
    {
        auto lease = context_.database.Acquire();
        // Finished once: a second finish (another tab, a retry) finds the upload gone.
        if (!storage::DeleteCallUpload(*lease, row->token)) return UploadNotFound();
    }
    return imports_.QueueSpooled(actor, row->contract_id, RequestOf(row->request_json),
                                 imports_.spool() / row->spool_name);
}

Status CallUploadService::Abandon(const Actor& actor, const std::string& token) {
    HOUQIN_TRY(row, Find(actor, token));
    {
        auto lease = context_.database.Acquire();
        if (!storage::DeleteCallUpload(*lease, row->token)) return UploadNotFound();
    }
    std::error_code ignored;
    std::filesystem::remove(imports_.spool() / row->spool_name, ignored);
    return Ok();
}

void CallUploadService::RemoveStale() {
    const auto before = Instant{context_.clock.Now().ms - kStaleAfterMs};
    auto lease = context_.database.Acquire();
    for (const auto& row : storage::StaleCallUploads(*lease, before)) {
        if (!storage::DeleteCallUpload(*lease, row.token)) continue;
        std::error_code ignored;
        std::filesystem::remove(imports_.spool() / row.spool_name, ignored);
        spdlog::info("call upload {} removed: no part came for a day", row.token.substr(0, 8));
    }
}

}  // namespace houqin
