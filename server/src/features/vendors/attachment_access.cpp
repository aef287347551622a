#include "features/vendors/attachment_access.h"

#include "features/vendors/store.h"

namespace houqin {

std::optional<AttachmentInfo> AttachmentForUse(storage::Connection& connection, const Actor& actor, std::int64_t id,
                                               std::string_view kind, std::int64_t record_id) {
    const auto attachment = storage::FindAttachment(connection, id, storage::AttachmentRead::kInfo);
    if (!attachment) return std::nullopt;
    // A vendor must not cite another vendor's upload, nor a department the office's: only one's own organisation's
    // files, which a colleague may have uploaded.
    const bool own = attachment->uploaded_by == actor.user_id ||
                     (attachment->uploader_org_id != 0 && attachment->uploader_org_id == actor.org_id);
    if (own) return attachment->info;
    if (record_id > 0 && storage::IsAttachmentLinked(connection, id, kind, record_id)) return attachment->info;
    return std::nullopt;
}

}  // namespace houqin
