#pragma once
// who may name a stored file in a record. Reading is decided by VendorService::DownloadAttachment: the uploader,
// and whoever may read a record the file belongs to.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/access.h"
#include "features/vendors/model.h"
#include "platform/database/database.h"

namespace houqin {

// The attachment `id`, when `actor` may name it in the record (kind, record_id; 0 for a record not yet written): it
// must be the caller's own upload or its organisation's, or already belong to that very record (a record saved again
// keeps its files). Anything else is answered as a file that does not exist, so ids reveal nothing. The caller links
// the file to the record (storage::LinkAttachment) in the transaction that writes the record.
std::optional<AttachmentInfo> AttachmentForUse(storage::Connection& connection, const Actor& actor, std::int64_t id,
                                               std::string_view kind, std::int64_t record_id = 0);

}  // namespace houqin
