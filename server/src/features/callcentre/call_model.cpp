#include "features/callcentre/call_model.h"

namespace houqin {

std::string_view CallImportStatusCode(CallImportStatus status) {
    switch (status) {
        case CallImportStatus::kQueued: return "queued";
        case CallImportStatus::kRunning: return "running";
        case CallImportStatus::kDone: return "done";
        case CallImportStatus::kFailed: return "failed";
        case CallImportStatus::kCancelled: return "cancelled";
    }
    return "";
}

std::optional<CallImportStatus> ParseCallImportStatus(std::string_view code) {
    for (const auto status : {CallImportStatus::kQueued, CallImportStatus::kRunning, CallImportStatus::kDone,
                              CallImportStatus::kFailed, CallImportStatus::kCancelled}) {
        if (CallImportStatusCode(status) == code) return status;
    }
    return std::nullopt;
}

}  // namespace houqin
