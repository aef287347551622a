#pragma once
// CC-8: the call-record imports' plain values that the import service hands to its routes and its store reads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace houqin {

enum class CallImportStatus { kQueued, kRunning, kDone, kFailed, kCancelled };
std::string_view CallImportStatusCode(CallImportStatus status);
std::optional<CallImportStatus> ParseCallImportStatus(std::string_view code);

// A vendor's saved column mapping (CC-8): mapping_json is the API's {header, columns:{field: column number}}.
struct CallMappingRow {
    std::int64_t id = 0;
    std::int64_t vendor_org_id = 0;
    std::string name;
    std::string mapping_json;
    Instant created_at;
};

}  // namespace houqin
