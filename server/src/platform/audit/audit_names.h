#pragma once
// every operation and object name the server writes to the audit trail. The web shows each as words in
// zh-CN and English; web/src/views/audit/trail/names.test.ts reads these two lists and fails when a name has no
// label in either language, and AppendAudit asserts that it is given only names from here (so a new call site that
// forgets to add its name fails the sanitized debug build's tests instead of showing a code on screen).
#include <array>
#include <string_view>

namespace houqin::storage {

inline constexpr std::array<std::string_view, 50> kAuditActions = {
    // records
    "create", "update", "delete", "export",
    // accounts
    "login", "login_failed", "lockout", "logout", "password_change", "password_change_failed",
    // qualifications, rectifications, proposals (decisions)
    "verify", "reject", "accept", "approve", "return",
    // contracts
    "submit", "sign", "take_effect", "amend", "terminate", "renew", "consultation", "payment", "ledger_deduction",
    "ledger_reward",
    // proposals
    "propose", "withdraw",
    // assessments and surveys
    "appeal", "appeal_upheld", "appeal_changed", "answer", "close",
    // meetings and rectifications
    "opinion", "minutes", "cancel", "report",
    // procurement
    "record_government", "set_ceiling", "open_bidding", "register", "bid", "witness_consent", "open_failed", "open",
    "award",
    // staff (STF-1, STF-6)
    "reveal_id", "import",
    // staffing requests (STF-9)
    "consent", "decline",
    // agent IDs by written request (CC-1)
    "carry_out"};

inline constexpr std::array<std::string_view, 38> kAuditEntities = {"org",
                                                                    "user",
                                                                    "setting",
                                                                    "category",
                                                                    "vendor",
                                                                    "qualification",
                                                                    "attachment",
                                                                    "contract",
                                                                    "proposal",
                                                                    "assessment",
                                                                    "survey",
                                                                    "meeting",
                                                                    "rectification",
                                                                    "communication",
                                                                    "energy_saving",
                                                                    "project",
                                                                    "procurement_rules",
                                                                    "staff_person",
                                                                    "attendance",
                                                                    "holiday_calendar",
                                                                    "staff_equipment",
                                                                    "staff_replacement",
                                                                    "training_session",
                                                                    "qualification_test",
                                                                    "staffing_request",
                                                                    "staff_incident",
                                                                    "staff_document",
                                                                    "staff_insurance",
                                                                    "staff_role",
                                                                    "agent_id_request",
                                                                    "cc_score_month",
                                                                    "cc_scoring_method",
                                                                    "cc_penalty_suggestion",
                                                                    "number_request",
                                                                    "cc_reward",
                                                                    "call_import",
                                                                    "call_mapping",
                                                                    "report"};

constexpr bool IsAuditAction(std::string_view name) {
    for (auto action : kAuditActions) {
        if (action == name) return true;
    }
    return false;
}

constexpr bool IsAuditEntity(std::string_view name) {
    for (auto entity : kAuditEntities) {
        if (entity == name) return true;
    }
    return false;
}

}  // namespace houqin::storage
