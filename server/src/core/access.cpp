#include "core/access.h"

#include <algorithm>

namespace houqin {

const std::vector<RoleInfo>& AllRoles() {
    static const std::vector<RoleInfo> kRoles = {
        {Role::kAdmin, "admin", "ROLE-1", {"系统管理员", "System administrator"}},
        {Role::kOffice, "office", "ROLE-2", {"机关事务办", "Office-affairs office"}},
        {Role::kLeadership, "leadership", "ROLE-3", {"党委/政府领导", "Leadership"}},
        {Role::kDiscipline, "discipline", "ROLE-4", {"纪委", "Discipline inspection"}},
        {Role::kJudicial, "judicial", "ROLE-5", {"司法所", "Judicial office"}},
        {Role::kPartyOffice, "party_office", "ROLE-6", {"党政办", "Party-government office"}},
        {Role::kDepartment, "department", "ROLE-7", {"部门用户", "Department user"}},
        {Role::kVendor, "vendor", "ROLE-8", {"外包单位(乙方)", "Vendor user"}},
    };
    return kRoles;
}

std::optional<Role> ParseRole(std::string_view code) {
    for (const auto& info : AllRoles()) {
        if (info.code == code) return info.role;
    }
    return std::nullopt;
}

const RoleInfo& InfoOf(Role role) {
    for (const auto& info : AllRoles()) {
        if (info.role == role) return info;
    }
    return AllRoles().front();
}

std::string_view RoleCode(Role role) { return InfoOf(role).code; }

const std::vector<Permission>& AllPermissions() {
    static const std::vector<Permission> kAll = {
        Permission::kCatalogueRead,    Permission::kCatalogueWrite,      Permission::kVendorRead,
        Permission::kVendorWrite,      Permission::kVendorWriteOwn,      Permission::kAuditRead,
        Permission::kUserManage,       Permission::kOrgManage,           Permission::kSettingsManage,
        Permission::kDashboardRead,    Permission::kContractRead,        Permission::kContractWrite,
        Permission::kContractReview,   Permission::kPaymentWrite,        Permission::kSupervisionRead,
        Permission::kSupervisionWrite, Permission::kSupervisionRespond,  Permission::kSurveyAnswer,
        Permission::kOpinionWrite,     Permission::kProposalDecide,      Permission::kProjectRead,
        Permission::kProjectWrite,     Permission::kProjectApprove,      Permission::kBidSubmit,
        Permission::kProcurementRules, Permission::kProjectWitness,      Permission::kInternalReportRead,
        Permission::kStaffRead,        Permission::kStaffWrite,          Permission::kAttendanceWrite,
        Permission::kStaffReveal,      Permission::kStaffReplaceRequest, Permission::kTrainingWrite,
        Permission::kIncidentWrite,    Permission::kStaffingRequest,     Permission::kRosterReadServed,
        Permission::kAgentIdRequest,   Permission::kNumberRequest,       Permission::kCallImport,
        Permission::kCcMethodDraft,    Permission::kCcMethodApprove,     Permission::kCcSuggestionWrite,
        Permission::kCcRewardWrite,    Permission::kDataExport,
    };
    return kAll;
}

std::string_view PermissionCode(Permission permission) {
    switch (permission) {
        case Permission::kCatalogueRead: return "catalogue:read";
        case Permission::kCatalogueWrite: return "catalogue:write";
        case Permission::kVendorRead: return "vendor:read";
        case Permission::kVendorWrite: return "vendor:write";
        case Permission::kVendorWriteOwn: return "vendor:write_own";
        case Permission::kAuditRead: return "audit:read";
        case Permission::kUserManage: return "user:manage";
        case Permission::kOrgManage: return "org:manage";
        case Permission::kSettingsManage: return "settings:manage";
        case Permission::kDashboardRead: return "dashboard:read";
        case Permission::kContractRead: return "contract:read";
        case Permission::kContractWrite: return "contract:write";
        case Permission::kContractReview: return "contract:review";
        case Permission::kPaymentWrite: return "payment:write";
        case Permission::kSupervisionRead: return "supervision:read";
        case Permission::kSupervisionWrite: return "supervision:write";
        case Permission::kSupervisionRespond: return "supervision:respond";
        case Permission::kSurveyAnswer: return "survey:answer";
        case Permission::kOpinionWrite: return "opinion:write";
        case Permission::kProposalDecide: return "proposal:decide";
        case Permission::kProjectRead: return "project:read";
        case Permission::kProjectWrite: return "project:write";
        case Permission::kProjectApprove: return "project:approve";
        case Permission::kBidSubmit: return "bid:submit";
        case Permission::kProcurementRules: return "procurement:rules";
        case Permission::kProjectWitness: return "project:witness";
        case Permission::kInternalReportRead: return "report:internal";
        case Permission::kStaffRead: return "staff:read";
        case Permission::kStaffWrite: return "staff:write";
        case Permission::kAttendanceWrite: return "attendance:write";
        case Permission::kStaffReveal: return "staff:reveal";
        case Permission::kStaffReplaceRequest: return "staff:replace_request";
        case Permission::kTrainingWrite: return "training:write";
        case Permission::kIncidentWrite: return "incident:write";
        case Permission::kStaffingRequest: return "staffing:request";
        case Permission::kRosterReadServed: return "roster:read_served";
        case Permission::kAgentIdRequest: return "agent_id:request";
        case Permission::kNumberRequest: return "number:request";
        case Permission::kCallImport: return "calls:import";
        case Permission::kCcMethodDraft: return "cc_method:draft";
        case Permission::kCcMethodApprove: return "cc_method:approve";
        case Permission::kCcSuggestionWrite: return "cc_suggestion:write";
        case Permission::kCcRewardWrite: return "cc_reward:write";
        case Permission::kDataExport: return "data:export";
    }
    return "";
}

std::vector<Permission> PermissionsOf(Role role) {
    using P = Permission;
    switch (role) {
        // The administrator runs the system but does not speak for a department or a vendor, nor decide for
        // leadership, nor witness for discipline inspection; nor keep a vendor's people or read their full ID numbers.
        case Role::kAdmin: {
            std::vector<Permission> all;
            for (const auto permission : AllPermissions()) {
                if (permission != P::kSurveyAnswer && permission != P::kOpinionWrite &&
                    permission != P::kSupervisionRespond && permission != P::kProposalDecide &&
                    permission != P::kProjectApprove && permission != P::kBidSubmit &&
                    permission != P::kProjectWitness && permission != P::kStaffWrite &&
                    permission != P::kAttendanceWrite && permission != P::kStaffReveal &&
                    permission != P::kStaffReplaceRequest && permission != P::kTrainingWrite &&
                    permission != P::kIncidentWrite && permission != P::kStaffingRequest &&
                    permission != P::kRosterReadServed && permission != P::kAgentIdRequest &&
                    permission != P::kNumberRequest && permission != P::kCallImport &&
                    permission != P::kCcMethodDraft && permission != P::kCcMethodApprove &&
                    permission != P::kCcSuggestionWrite && permission != P::kCcRewardWrite) {
                    all.push_back(permission);
                }
            }
            return all;
        }
        case Role::kOffice:
            return {P::kCatalogueRead,       P::kCatalogueWrite,   P::kVendorRead,      P::kVendorWrite,
                    P::kDashboardRead,       P::kContractRead,     P::kContractWrite,   P::kPaymentWrite,
                    P::kSupervisionRead,     P::kSupervisionWrite, P::kProjectRead,     P::kProjectWrite,
                    P::kInternalReportRead,  P::kStaffRead,        P::kAttendanceWrite, P::kStaffReveal,
                    P::kStaffReplaceRequest, P::kTrainingWrite,    P::kIncidentWrite,   P::kStaffingRequest,
                    P::kAgentIdRequest,      P::kNumberRequest,    P::kCallImport,      P::kCcMethodApprove,
                    P::kCcSuggestionWrite,   P::kCcRewardWrite,    P::kDataExport};
        case Role::kLeadership:
            return {P::kCatalogueRead,      P::kVendorRead,     P::kDashboardRead, P::kContractRead,
                    P::kSupervisionRead,    P::kProposalDecide, P::kProjectRead,   P::kProjectApprove,
                    P::kInternalReportRead, P::kStaffRead,      P::kDataExport};
        // D1 Art.4: discipline inspection supervises; it reads everything and changes nothing, and witnesses the
        // sealed bidding (its consent is not a change of the project: the office acts on it).
        case Role::kDiscipline:
            return {P::kCatalogueRead,      P::kVendorRead,      P::kAuditRead,   P::kDashboardRead,
                    P::kContractRead,       P::kSupervisionRead, P::kProjectRead, P::kProjectWitness,
                    P::kInternalReportRead, P::kStaffRead,       P::kDataExport};
        // D1 Art.6: the judicial office reviews the law, the party-government office the text, of every contract.
        case Role::kJudicial:
        case Role::kPartyOffice: return {P::kCatalogueRead, P::kVendorRead, P::kContractRead, P::kContractReview};
        case Role::kDepartment:
            return {P::kCatalogueRead, P::kDashboardRead, P::kSupervisionRead,
                    P::kSurveyAnswer,  P::kOpinionWrite,  P::kRosterReadServed};
        case Role::kVendor:
            return {P::kCatalogueRead,      P::kVendorRead,  P::kVendorWriteOwn, P::kContractRead,  P::kSupervisionRead,
                    P::kSupervisionRespond, P::kProjectRead, P::kBidSubmit,      P::kStaffRead,     P::kStaffWrite,
                    P::kAttendanceWrite,    P::kStaffReveal, P::kTrainingWrite,  P::kIncidentWrite, P::kCallImport,
                    P::kCcMethodDraft,      P::kDataExport};
    }
    return {};
}

bool HasPermission(Role role, Permission permission) {
    const auto granted = PermissionsOf(role);
    return std::find(granted.begin(), granted.end(), permission) != granted.end();
}

std::optional<OrgKind> ParseOrgKind(std::string_view code) {
    if (code == "county") return OrgKind::kCounty;
    if (code == "town") return OrgKind::kTown;
    if (code == "department") return OrgKind::kDepartment;
    if (code == "vendor") return OrgKind::kVendor;
    return std::nullopt;
}

std::string_view OrgKindCode(OrgKind kind) {
    switch (kind) {
        case OrgKind::kCounty: return "county";
        case OrgKind::kTown: return "town";
        case OrgKind::kDepartment: return "department";
        case OrgKind::kVendor: return "vendor";
    }
    return "town";
}

std::int64_t OrgIdOfPath(const std::string& path) {
    if (path.size() < 2) return 0;
    const auto end = path.size() - 1;
    const auto start = path.rfind('/', end - 1) + 1;
    return std::stoll(path.substr(start, end - start));
}

Status Actor::Require(Permission permission) const {
    if (!Can(permission)) return Error::Forbidden();
    return Ok();
}

}  // namespace houqin
