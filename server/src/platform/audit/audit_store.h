#pragma once
// the audit trail. Each entry's hash covers its own fields and the previous entry's hash, so changing,
// removing or reordering any stored entry breaks the chain at that entry, which VerifyAuditChain names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/time.h"
#include "platform/database/database.h"

namespace houqin {

// What the audit feature's routes ask of the trail: a service-level type, which the store below reads.
struct AuditFilter {
    std::string actor;  // username or display name contains
    std::string entity;
    std::string action;
    std::optional<std::int64_t> entity_id;
    std::optional<Instant> from;
    std::optional<Instant> to;  // exclusive
    std::int64_t page = 1;
    std::int64_t page_size = 20;
};

}  // namespace houqin

namespace houqin::storage {

struct AuditInput {
    std::string action;  // create, update, delete, login, login_failed, logout, password_change, ...
    std::string entity;  // vendor, category, user, ...
    std::optional<std::int64_t> entity_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
};

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

// Appends inside the caller's open transaction, so the record commits or rolls back with the change it describes.
// actor may be null for system actions (migrations, the demo seed, CLI). input.action and input.entity must be names
// from audit_names.h, which the web labels.
void AppendAudit(Connection& connection, const Actor* actor, Instant at, const AuditInput& input);

struct AuditPage {
    std::vector<AuditEntry> items;
    std::int64_t total = 0;
};

AuditPage ListAudit(Connection& connection, const AuditFilter& filter);

struct AuditVerification {
    bool ok = true;
    std::int64_t checked = 0;
    std::optional<std::int64_t> first_bad_seq;
    Text reason;
};

AuditVerification VerifyAuditChain(Connection& connection);
std::string ComputeAuditHash(const AuditEntry& entry);
std::string Sha256Hex(std::string_view bytes);

}  // namespace houqin::storage

namespace houqin::storage {
// A JSON string literal for text going into an audit snapshot built by hand.
std::string JsonString(std::string_view text);
}  // namespace houqin::storage
