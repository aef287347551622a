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

// One uploaded call-record file (CC-8). report_json is what the import found, as the API shows it.
struct CallImportRow {
    std::int64_t id = 0;
    std::int64_t contract_id = 0;
    std::int64_t vendor_org_id = 0;
    std::string filename;
    std::string layout;  // what was asked: auto, asterisk, freeswitch, houqin, mapped
    std::optional<std::int64_t> mapping_id;
    std::string encoding;  // auto, utf-8, gb18030
    CallImportStatus status = CallImportStatus::kQueued;
    std::int64_t bytes_total = 0;
    std::int64_t bytes_read = 0;
    std::int64_t rows_read = 0;
    std::string report_json;
    std::optional<std::int64_t> created_by;
    std::string created_by_name;
    Instant created_at;
    std::optional<Instant> started_at;
    std::optional<Instant> finished_at;
};

struct CallUploadRow {
    std::string token;  // random, 32 hex digits: the upload's id in the API
    std::int64_t contract_id = 0;
    std::string request_json;  // filename, layout, mapping_id, encoding, clock
    std::int64_t bytes_total = 0;
    std::int64_t bytes_received = 0;
    std::string spool_name;  // the file in the spool folder
    std::optional<std::int64_t> created_by;
    Instant created_at;
    Instant touched_at;  // when the last part came
};

}  // namespace houqin
