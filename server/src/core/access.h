#pragma once
// Roles ROLE-1..8 and what each may do. Permissions are fixed in code: they follow the rules' division of duties
// (D1 Art.4, Art.6), which an administrator should not be able to blur by configuration.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace houqin {

enum class Role { kAdmin, kOffice, kLeadership, kDiscipline, kJudicial, kPartyOffice, kDepartment, kVendor };

enum class Permission {
    kCatalogueRead,
    kCatalogueWrite,
    kVendorRead,
    kVendorWrite,
    kVendorWriteOwn,
    kAuditRead,
    kUserManage,
    kOrgManage,
    kSettingsManage,
    kDashboardRead,
    kContractRead,
    kContractWrite,
    kContractReview,
    kPaymentWrite,
    kSupervisionRead,      // assessments, surveys, meetings, rectifications, proposals (in scope)
    kSupervisionWrite,     // the office's supervision work and the first step of proposals
    kSupervisionRespond,   // a vendor's appeals and rectification reports
    kSurveyAnswer,         // ROLE-7 answers satisfaction surveys
    kOpinionWrite,         // ROLE-7 submits opinions and suggestions for work meetings
    kProposalDecide,       // ROLE-3 decides reward, deduction and termination proposals
    kProjectRead,          // projects and their procurement (vendor users: the biddings open to them)
    kProjectWrite,         // the office runs projects, bidding, the opening and the award
    kProjectApprove,       // ROLE-3 approves projects before purchase (PRJ-2) and sets ceiling prices (PRJ-6)
    kBidSubmit,            // a vendor registers for a bidding and submits its one sealed quote (PRJ-7)
    kProcurementRules,     // the yearly government procurement catalogue and threshold (PRJ-3)
    kProjectWitness,       // ROLE-4 consents, from its own session, to witness a seal's creation and an opening (PRJ-7)
    kInternalReportRead,   // SUP-7 internal audit report: the organisation's ledger, proposals and audit-chain check
    kStaffRead,            // STF-1 the rosters, attendance and staffing compliance of contracts in scope
    kStaffWrite,           // STF-1 the vendor maintains its own people on its contracts
    kAttendanceWrite,      // STF-6 attendance entered or imported (the office, or the vendor for its own contracts)
    kStaffReveal,          // STF-1 the full resident ID number, on an explicit reveal that is audited
    kStaffReplaceRequest,  // STF-4 the office asks in writing for a person to be replaced, and confirms or returns
    kTrainingWrite,        // STF-3/STF-8 training sessions and qualification tests (office and vendor)
    kIncidentWrite,        // STF-7 incidents: disputes, injuries, damage, violations and data leaks, to their closure
    kStaffingRequest,      // STF-9 the office asks in writing for an extra duty manager or QA
    kRosterReadServed,     // STF-1 a served department reads the rosters of the contracts that serve it
    kAgentIdRequest,       // CC-1 the office asks in writing for an agent ID to be opened, changed or closed
    kNumberRequest,        // CC-2 the office asks in writing for an outbound number to be added, changed or withdrawn
    kCallImport,           // CC-8 call-record files imported (the office, or the vendor for its own centre)
    kCcMethodDraft,        // CC-3 the vendor drafts the agent scoring method and the monthly targets
    kCcMethodApprove,      // CC-3 the office approves or returns the vendor's scoring method
    kCcSuggestionWrite,    // CC-4 the office suggests a penalty for a named agent, with written evidence
    kCcRewardWrite,        // CC-5 the office records an extra reward for named staff
    kDataExport,           // CC-7 exports data as Excel, PDF or CSV files (every export is audited)
};

struct RoleInfo {
    Role role;
    std::string_view code;
    std::string_view requirement;
    Text name;
};

const std::vector<RoleInfo>& AllRoles();
std::optional<Role> ParseRole(std::string_view code);
std::string_view RoleCode(Role role);
const RoleInfo& InfoOf(Role role);
std::string_view PermissionCode(Permission permission);
const std::vector<Permission>& AllPermissions();
std::vector<Permission> PermissionsOf(Role role);
bool HasPermission(Role role, Permission permission);

enum class OrgKind { kCounty, kTown, kDepartment, kVendor };
std::optional<OrgKind> ParseOrgKind(std::string_view code);
std::string_view OrgKindCode(OrgKind kind);

// The organisation id at the end of a tree path such as "/1/4/" (0 for "/").
std::int64_t OrgIdOfPath(const std::string& path);

struct Organisation {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent_id;
    std::string name;
    OrgKind kind = OrgKind::kTown;
    std::string path;  // "/1/4/9/": ids from the root, for subtree queries
};

// Who is asking, with the scope of records they may see: the subtree of their nearest town or county,
// or exactly their own vendor organisation.
struct Actor {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::kDepartment;
    std::int64_t org_id = 0;
    std::string org_name;
    std::string scope_path;                     // owner_path prefix of visible records
    std::optional<std::int64_t> vendor_org_id;  // set for vendor users
    std::string request_id;
    std::string ip;

    [[nodiscard]] bool Can(Permission permission) const { return HasPermission(role, permission); }
    Status Require(Permission permission) const;
};

}  // namespace houqin
