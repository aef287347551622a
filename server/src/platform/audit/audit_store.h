#pragma once
// the audit trail. Each entry's hash covers its own fields and the previous entry's hash, so changing,
// removing or reordering any stored entry breaks the chain at that entry, which VerifyAuditChain names.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/time.h"
#include "platform/audit/audit_model.h"
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

// Appends inside the caller's open transaction, so the record commits or rolls back with the change it describes.
// actor may be null for system actions (migrations, the demo seed, CLI). input.action and input.entity must be names
// from audit_names.h, which the web labels.
void AppendAudit(Connection& connection, const Actor* actor, Instant at, const AuditInput& input);

AuditPage ListAudit(Connection& connection, const AuditFilter& filter);

AuditVerification VerifyAuditChain(Connection& connection);
std::string ComputeAuditHash(const AuditEntry& entry);
std::string Sha256Hex(std::string_view bytes);

}  // namespace houqin::storage

namespace houqin::storage {
// A JSON string literal for text going into an audit snapshot built by hand.
std::string JsonString(std::string_view text);
}  // namespace houqin::storage
