#pragma once
// Domain values to the JSON shapes of docs/api.md, and back.
#include "domain/access.h"
#include "domain/catalogue.h"
#include "domain/vendor.h"
#include "http/json_io.h"
#include "services/services.h"

namespace houqin::http {

Json UserJson(const Actor& actor);
Json UserRecordJson(const storage::UserRecord& user);
Json OrgJson(const Organisation& org);
Json CategoryJson(const Category& category);
Category CategoryFromJson(const Json& body, Validation& validation);
Json VendorJson(const VendorView& view, bool with_qualifications);
Vendor VendorFromJson(const Json& body, Validation& validation);
Json QualificationJson(const QualificationView& view);
Qualification QualificationFromJson(const Json& body, Validation& validation);
Json AttachmentJson(const AttachmentInfo& info);
Json AuditEntryJson(const storage::AuditEntry& entry);
// One step of any workflow (contract review, appeal, proposal, rectification): {at, actor_name, role, role_name,
// action, from_state, to_state, version_no, comment}.
// The role's name in both languages for a stored role code; null for a system action or an unknown code.
Json RoleNameJson(const std::string& code);
Json WorkflowEventJson(const storage::WorkflowEvent& event);

}  // namespace houqin::http
