#pragma once
// the audit trail's entries as services and routes see them; audit_store.h reads and appends them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace houqin {

struct AuditEntry {
    std::int64_t seq = 0;
    Instant at;
    std::optional<std::int64_t> actor_id;
    std::string actor_name;
    // Read from the account at listing time, outside the hash: the name and role the trail shows.
    std::string actor_display_name;
    std::string actor_role;
    std::string action;
    std::string entity;
    std::optional<std::int64_t> entity_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::string request_id;
    std::string ip;
    std::string prev_hash;
    std::string hash;
};

struct AuditPage {
    std::vector<AuditEntry> items;
    std::int64_t total = 0;
};

struct AuditVerification {
    bool ok = true;
    std::int64_t checked = 0;
    std::optional<std::int64_t> first_bad_seq;
    Text reason;
};

}  // namespace houqin
