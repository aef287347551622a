#pragma once
// CC-8: a call-record file sent from the browser in parts. A month of a large centre is over a gigabyte, far above
// what one request may carry, so the browser starts an upload (the file's name, size and the import's choices), sends
// the file in parts of at most kPartBytes in order, and finishes it; finishing queues the spooled file as an import
// exactly as a single-request upload does (CallImportService::QueueSpooled), imported whole or not at all.
//
// A part repeated after a dropped connection is taken once (its bytes are already there); a part out of order is
// refused with the offset to send next. The first part of a text file is checked at once, so a file of another layout
// is refused before the rest is sent. How far an upload has come is a row in call_uploads, so instances sharing the
// database and the spool folder (HOUQIN_SPOOL_DIR) take parts for each other. An upload no part has come to for a day
// is removed with its file. Who may send or finish an upload: whoever may import into its contract.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/access.h"
#include "features/callcentre/call_import_service.h"
#include "features/callcentre/call_upload_store.h"
#include "features/contracts/service.h"
#include "platform/service/context.h"

namespace houqin {

struct CallUploadView {
    CallUploadRow row;
    std::string filename;
};

class CallUploadService {
  public:
    static constexpr std::int64_t kPartBytes = 8 * 1024 * 1024;
    static constexpr std::int64_t kMaxFileBytes = 4LL * 1024 * 1024 * 1024;

    CallUploadService(ServiceContext& context, CallImportService& imports, ContractService& contracts);

    // Starts an upload of a file of `bytes_total` bytes into the contract.
    Result<CallUploadView> Begin(const Actor& actor, std::int64_t contract_id, const CallImportRequest& request,
                                 std::int64_t bytes_total);
    Result<CallUploadView> Get(const Actor& actor, const std::string& token);
    // Writes the part at `offset`; the answer says how many bytes have come.
    Result<CallUploadView> Part(const Actor& actor, const std::string& token, std::int64_t offset,
                                std::string_view bytes);
    // Every byte has come: the file is queued as an import (202 with it); the upload is gone.
    Result<CallImportView> Finish(const Actor& actor, const std::string& token);
    // Abandons the upload and removes what came of it.
    Status Abandon(const Actor& actor, const std::string& token);
    // Removes the uploads no part has come to for a day, with their files.
    void RemoveStale();

  private:
    Result<CallUploadRow> Find(const Actor& actor, const std::string& token);

    ServiceContext& context_;
    CallImportService& imports_;
    ContractService& contracts_;
};

}  // namespace houqin
