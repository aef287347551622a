#include "features/callcentre/method_service.h"

#include <fmt/format.h>

#include "core/text_rules.h"
#include "features/callcentre/method_store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

constexpr char kMethodSubject[] = "cc_scoring_method";

Error MethodWrongState(const ScoringMethodRecord& record) {
    const auto status = MethodStatusText(record.status);
    return Error::Precondition(
        {fmt::format("该考核方法版本当前为“{}”,不能执行此操作", status.zh),
         fmt::format("This version of the scoring method is {}; that is not possible now", status.en)});
}

bool MethodEditable(MethodStatus status) { return status == MethodStatus::kDraft || status == MethodStatus::kReturned; }

bool MethodOwnVendor(const Actor& actor, std::int64_t vendor_org_id) {
    return actor.vendor_org_id && *actor.vendor_org_id == vendor_org_id;
}

// The permission a step needs besides the workflow's role: the vendor's steps need cc_method:draft on its own
// contract, the office's cc_method:approve.
bool MayFireMethodStep(const Actor& actor, const std::string& action, std::int64_t vendor_org_id) {
    if (action == "submit" || action == "edit") {
        return actor.Can(Permission::kCcMethodDraft) && MethodOwnVendor(actor, vendor_org_id);
    }
    return actor.Can(Permission::kCcMethodApprove);
}

}  // namespace

Result<ContractView> ScoringMethodService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

ScoringMethodView ScoringMethodService::ViewOf(storage::Connection& connection, const Actor& actor,
                                               ScoringMethodRecord record) const {
    ScoringMethodView view;
    const auto state = MethodStatusCode(record.status);
    if (MethodEditable(record.status) && actor.role == Role::kVendor &&
        MayFireMethodStep(actor, "edit", record.vendor_org_id)) {
        view.allowed_actions.emplace_back("edit");
    }
    for (auto& name : ScoringMethodWorkflow().Allowed(state, actor.role)) {
        if (MayFireMethodStep(actor, name, record.vendor_org_id)) view.allowed_actions.push_back(std::move(name));
    }
    view.events = storage::ListWorkflowEvents(connection, kMethodSubject, record.id);
    view.record = std::move(record);
    return view;
}

Result<ScoringMethod> ScoringMethodService::CheckInput(storage::Connection& connection, const ContractRecord& contract,
                                                       const ScoringMethodInput& input, std::string& note) const {
    Validation validation;
    ScoringMethod method = input.values;
    const auto month = AssessmentMonth::Parse(TrimText(input.effective_from));
    const auto first = AssessmentMonth::Of(contract.term_start);
    const auto last = AssessmentMonth::Of(contract.term_end);
    if (!month) {
        validation.Fail("effective_from",
                        {"请填写开始适用的月份(年-月)", "Enter the first month it applies to (YYYY-MM)"});
    } else if (*month < first || last < *month) {
        validation.Fail("effective_from",
                        {fmt::format("开始适用的月份须在合同期限内({} 至 {})", first.ToString(), last.ToString()),
                         fmt::format("The first month must lie within the contract ({} to {})", first.ToString(),
                                     last.ToString())});
    } else {
        method.effective_from = *month;
        // Versions follow one another: a later version cannot start before an approved one.
        for (const auto& approved : storage::LoadApprovedMethods(connection, contract.id)) {
            if (*month < approved.effective_from) {
                validation.Fail("effective_from",
                                {fmt::format("开始适用的月份不能早于已批准的第 {} 版({} 起)", approved.version,
                                             approved.effective_from.ToString()),
                                 fmt::format("The first month cannot be before approved version {} (from {})",
                                             approved.version, approved.effective_from.ToString())});
                break;
            }
        }
    }
    // The rule checks the values; the version number is given only at approval, so it is checked as if it were 1.
    ScoringMethod candidate = method;
    candidate.version = 1;
    if (auto checked = ValidateScoringMethod(candidate); !checked) {
        for (const auto& field : checked.error().fields) validation.Fail(field.field, field.message);
    }
    note = TrimText(input.note);
    CheckLength(validation, "note", note, 0, 1000, {"说明", "Note"});
    if (!validation.ok()) return validation.ToError();
    method.version = 0;
    return method;
}

Result<ScoringMethodList> ScoringMethodService::List(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    ScoringMethodList list;
    list.can_draft = actor.Can(Permission::kCcMethodDraft) && MethodOwnVendor(actor, contract->record.vendor_org_id) &&
                     (contract->status == ContractStatus::kSigned || contract->status == ContractStatus::kActive) &&
                     !storage::HasOpenScoringMethod(*lease, contract_id);
    if (const auto in_force = MethodForMonth(storage::LoadApprovedMethods(*lease, contract_id),
                                             AssessmentMonth::Of(context_.clock.Today()))) {
        list.in_force_version = in_force->version;
    }
    list.defaults.effective_from = AssessmentMonth::Of(context_.clock.Today());
    for (auto& record : storage::ScoringMethodsOfContract(*lease, contract_id)) {
        list.items.push_back(ViewOf(*lease, actor, std::move(record)));
    }
    return list;
}

Result<ScoringMethodView> ScoringMethodService::Get(const Actor& actor, std::int64_t id) {
    auto lease = context_.database.Acquire();
    auto found = storage::FindScoringMethod(*lease, id);
    if (!found) return Error::NotFound({"考核方法", "Scoring method"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    return ViewOf(*lease, actor, std::move(*found));
}

Result<ScoringMethodView> ScoringMethodService::Draft(const Actor& actor, std::int64_t contract_id,
                                                      const ScoringMethodInput& input) {
    if (auto status = actor.Require(Permission::kCcMethodDraft); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    if (!MethodOwnVendor(actor, contract->record.vendor_org_id)) return Error::Forbidden();
    auto lease = context_.database.Acquire();
    std::string note;
    HOUQIN_TRY(method, CheckInput(*lease, contract->record, input, note));
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition({"只有已签订或履行中的合同可以草拟考核方法",
                                    "A scoring method can be drafted only for a signed or active contract"});
    }
    // Checked and written under the contract's lock: two drafts at once make one open version.
    storage::Transaction transaction(*lease);
    storage::LockScoringMethods(*lease, contract_id);
    if (storage::HasOpenScoringMethod(*lease, contract_id)) {
        return Error::Precondition({"本合同已有尚未批准的考核方法版本:请修改该版本后提交",
                                    "This contract already has a version awaiting approval or in draft: edit and "
                                    "submit that one"});
    }
    const auto now = context_.clock.Now();
    ScoringMethodRecord record;
    record.contract_id = contract_id;
    record.vendor_org_id = contract->record.vendor_org_id;
    record.status = MethodStatus::kDraft;
    record.method = *method;
    record.note = note;
    record.drafted_by = actor.user_id;
    record.created_at = now;
    record.updated_at = now;
    record.id = storage::InsertScoringMethod(*lease, record);
    storage::InsertWorkflowEvent(
        *lease, kMethodSubject, record.id,
        {0, 1, "draft", "", "draft", actor.user_id, actor.username, std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"create", kMethodSubject, record.id, std::nullopt, storage::ScoringMethodSnapshot(record)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(record));
}

Result<ScoringMethodView> ScoringMethodService::Edit(const Actor& actor, std::int64_t id,
                                                     const ScoringMethodInput& input) {
    if (auto status = actor.Require(Permission::kCcMethodDraft); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindScoringMethod(*lease, id);
    if (!found) return Error::NotFound({"考核方法", "Scoring method"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!MethodOwnVendor(actor, found->vendor_org_id)) return Error::Forbidden();
    if (!MethodEditable(found->status)) return MethodWrongState(*found);
    std::string note;
    HOUQIN_TRY(method, CheckInput(*lease, contract->record, input, note));
    const auto now = context_.clock.Now();
    auto record = *found;
    record.method = *method;
    record.note = note;
    record.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::UpdateScoringMethod(*lease, record, found->status)) {
        const auto stored = storage::FindScoringMethod(*lease, id);
        return MethodWrongState(stored ? *stored : *found);
    }
    const auto state = std::string(MethodStatusCode(record.status));
    storage::InsertWorkflowEvent(
        *lease, kMethodSubject, record.id,
        {0, 1, "edit", state, state, actor.user_id, actor.username, std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"update", kMethodSubject, record.id, storage::ScoringMethodSnapshot(*found),
                          storage::ScoringMethodSnapshot(record)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(record));
}

Result<ScoringMethodView> ScoringMethodService::Step(const Actor& actor, std::int64_t id, const std::string& action,
                                                     const std::string& comment) {
    const Permission needed = action == "submit" ? Permission::kCcMethodDraft : Permission::kCcMethodApprove;
    if (auto status = actor.Require(needed); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindScoringMethod(*lease, id);
    if (!found) return Error::NotFound({"考核方法", "Scoring method"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (action == "submit" && !MethodOwnVendor(actor, found->vendor_org_id)) return Error::Forbidden();
    const auto step = ScoringMethodWorkflow().Check(MethodStatusCode(found->status), action, actor.role, comment);
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? MethodWrongState(*found) : step.error();
    const auto text = TrimText(comment);
    Validation validation;
    if (action == "return") {
        CheckLength(validation, "reason", text, 1, 1000, {"退回理由", "Reason for returning"});
    } else {
        CheckLength(validation, "note", text, 0, 1000, {"意见", "Note"});
    }
    if (!validation.ok()) return validation.ToError();
    auto record = *found;
    const auto now = context_.clock.Now();
    record.status = *ParseMethodStatus((*step)->to);
    record.updated_at = now;
    storage::Transaction transaction(*lease);
    if (action == "submit") {
        record.submitted_at = now;
    } else if (action == "return") {
        record.return_reason = text;
    } else {
        // The values as approved are checked once more: an approved version must always score (ScoreMonth).
        for (const auto& approved : storage::LoadApprovedMethods(*lease, record.contract_id)) {
            if (record.method.effective_from < approved.effective_from) {
                return Error::Invalid(
                    "effective_from",
                    {fmt::format("开始适用的月份 {} 早于已批准的第 {} 版({} 起):请退回乙方修改",
                                 record.method.effective_from.ToString(), approved.version,
                                 approved.effective_from.ToString()),
                     fmt::format("The first month {} is before approved version {} (from {}): return it to the vendor",
                                 record.method.effective_from.ToString(), approved.version,
                                 approved.effective_from.ToString())});
            }
        }
        record.method.version = storage::NextScoringMethodVersion(*lease, record.contract_id);
        if (auto checked = ValidateScoringMethod(record.method); !checked) return checked.error();
        record.approved_by = actor.user_id;
        record.approved_at = now;
    }
    if (!storage::UpdateScoringMethod(*lease, record, found->status)) {
        const auto stored = storage::FindScoringMethod(*lease, id);
        return MethodWrongState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(
        *lease, kMethodSubject, record.id,
        {0, 1, action, std::string(MethodStatusCode(found->status)), std::string(MethodStatusCode(record.status)),
         actor.user_id, actor.username, std::string(RoleCode(actor.role)), text, now});
    storage::AppendAudit(*lease, &actor, now,
                         {action, kMethodSubject, record.id, storage::ScoringMethodSnapshot(*found),
                          storage::ScoringMethodSnapshot(record)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(record));
}

Result<ScoringMethodView> ScoringMethodService::Submit(const Actor& actor, std::int64_t id, const std::string& note) {
    return Step(actor, id, "submit", note);
}

Result<ScoringMethodView> ScoringMethodService::Approve(const Actor& actor, std::int64_t id, const std::string& note) {
    return Step(actor, id, "approve", note);
}

Result<ScoringMethodView> ScoringMethodService::Return(const Actor& actor, std::int64_t id, const std::string& reason) {
    return Step(actor, id, "return", reason);
}

}  // namespace houqin
