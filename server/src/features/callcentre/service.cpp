#include "features/callcentre/service.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/text_rules.h"
#include "features/callcentre/store.h"
#include "features/staff/store.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

constexpr char kAgentIdSubject[] = "agent_id_request";

Error AgentIdWrongState(const AgentIdRequest& request) {
    const auto status = AgentIdRequestStatusText(request.status);
    return Error::Precondition({fmt::format("该工号申请当前为“{}”,不能再办理", status.zh),
                                fmt::format("This request is already {}; it cannot be answered again", status.en)});
}

// The person's row of this contract that has not been closed, if any (a person holds one agent ID per contract).
std::optional<AgentIdAssignment> OpenRowOf(const std::vector<AgentIdAssignment>& rows, std::int64_t contract_id,
                                           std::int64_t person_id) {
    for (const auto& row : rows) {
        if (row.contract_id == contract_id && row.person_id == person_id && !row.valid_to) return row;
    }
    return std::nullopt;
}

std::string PersonNameOf(storage::Connection& connection, std::int64_t person_id) {
    const auto person = storage::FindPerson(connection, person_id);
    return person ? person->name : std::string();
}

}  // namespace

Result<ContractView> AgentIdService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

AgentIdRequestView AgentIdService::ViewOf(storage::Connection& connection, const Actor& actor,
                                          AgentIdRequest request) const {
    AgentIdRequestView view;
    view.person_name = PersonNameOf(connection, request.person_id);
    if (request.attachment_id) {
        if (const auto file =
                storage::FindAttachment(connection, *request.attachment_id, storage::AttachmentRead::kInfo)) {
            view.attachment_name = file->info.filename;
        }
    }
    const bool own = actor.vendor_org_id && *actor.vendor_org_id == request.vendor_org_id;
    for (auto& name : AgentIdRequestWorkflow().Allowed(AgentIdRequestStatusCode(request.status), actor.role)) {
        if (actor.Can(Permission::kStaffWrite) && own) view.allowed_actions.push_back(std::move(name));
    }
    view.events = storage::ListWorkflowEvents(connection, kAgentIdSubject, request.id);
    view.request = std::move(request);
    return view;
}

Result<AgentIdList> AgentIdService::List(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    AgentIdList list;
    list.can_request = actor.Can(Permission::kAgentIdRequest) &&
                       (contract->status == ContractStatus::kSigned || contract->status == ContractStatus::kActive);
    list.permissions = storage::ListAgentPermissions(*lease);
    std::map<std::int64_t, std::string> names;
    for (const auto& person : storage::PeopleOfContract(*lease, contract_id)) names[person.id] = person.name;
    for (auto& row : storage::AgentIdsOfContract(*lease, contract_id)) {
        AgentIdRowView view{row, names[row.person_id]};
        if (!row.valid_to || today < *row.valid_to) list.current.push_back(view);
        list.history.push_back(std::move(view));
    }
    for (auto& request : storage::AgentIdRequestsOfContract(*lease, contract_id)) {
        list.items.push_back(ViewOf(*lease, actor, std::move(request)));
    }
    return list;
}

bool AgentIdService::MayRead(const Actor& actor, std::int64_t id) {
    std::optional<AgentIdRequest> request;
    {
        auto lease = context_.database.Acquire();
        request = storage::FindAgentIdRequest(*lease, id);
    }
    return request && ContractOf(actor, request->contract_id).has_value();
}

Result<AgentIdRequestView> AgentIdService::Request(const Actor& actor, std::int64_t contract_id,
                                                   const AgentIdRequestInput& input) {
    if (auto status = actor.Require(Permission::kAgentIdRequest); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    Validation validation;
    AgentIdRequest request;
    const auto kind = ParseAgentIdRequestKind(TrimText(input.kind));
    if (!kind) {
        validation.Fail("kind", {"请选择申请事项:开通、变更权限或关闭工号",
                                 "Choose what to ask for: open an agent ID, change its permissions or close it"});
    } else {
        request.kind = *kind;
    }
    std::optional<StaffPerson> person;
    if (input.person_id) person = storage::FindPerson(*lease, *input.person_id);
    if (!person || person->contract_id != contract_id) {
        validation.Fail("person_id",
                        {"请从本合同的人员名单中选择人员", "Choose the person from this contract's roster"});
    } else if (person->StatusOn(today) != PersonStatus::kCurrent &&
               !(kind == AgentIdRequestKind::kClose && person->StatusOn(today) == PersonStatus::kLeft)) {
        // A person who has left may still hold an ID that must be closed; nobody else who is not on duty gets one.
        validation.Fail("person_id", {fmt::format("{} 当前不在岗,不能开通或变更工号", person->name),
                                      fmt::format("{} is not currently on this contract's roster", person->name)});
    }
    if (kind && *kind != AgentIdRequestKind::kClose) {
        const auto known = storage::ListAgentPermissions(*lease);
        std::vector<std::string> asked;
        for (const auto& code : input.permissions) asked.push_back(TrimText(code));
        for (const auto& code : asked) {
            if (std::none_of(known.begin(), known.end(),
                             [&code](const AgentPermission& p) { return p.code == code; })) {
                validation.Fail("permissions", {fmt::format("工号权限“{}”不在权限列表中", code),
                                                fmt::format("\"{}\" is not an agent ID permission", code)});
            }
        }
        // Kept in the setting's order, each once.
        for (const auto& permission : known) {
            if (std::find(asked.begin(), asked.end(), permission.code) != asked.end()) {
                request.permissions.push_back(permission.code);
            }
        }
        if (input.permissions.empty()) {
            validation.Fail("permissions", {"请至少选择一项工号权限", "Choose at least one permission for the ID"});
        }
    }
    request.reason = TrimText(input.reason);
    CheckLength(validation, "reason", request.reason, 1, 1000, {"申请理由", "Reason"});
    if (input.attachment_id && !AttachmentForUse(*lease, actor, *input.attachment_id, kAgentIdSubject)) {
        validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                          fmt::format("File {} does not exist", *input.attachment_id)});
    }
    if (!validation.ok()) return validation.ToError();
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition(
            {"只有已签订或履行中的合同可以申请工号", "Agent IDs can be asked for only on a signed or active contract"});
    }
    // The IDs and open requests are read and the request written under the vendor's lock (CC-1): two requests for one
    // person at once make one request.
    storage::Transaction transaction(*lease);
    storage::LockAgentIds(*lease, contract->record.vendor_org_id);
    const auto rows = storage::AgentIdsOfContract(*lease, contract_id);
    const auto held = OpenRowOf(rows, contract_id, person->id);
    if (request.kind == AgentIdRequestKind::kOpen && held) {
        return Error::Conflict(ErrorCode::kAlreadyExists, "person_id",
                               {fmt::format("{} 已有工号 {}:请申请变更权限或关闭", person->name, held->agent_id),
                                fmt::format("{} already holds agent ID {}: ask for a change or a closure instead",
                                            person->name, held->agent_id)});
    }
    if (request.kind != AgentIdRequestKind::kOpen && !held) {
        return Error::Invalid("person_id", {fmt::format("{} 在本合同没有在用的工号", person->name),
                                            fmt::format("{} holds no agent ID on this contract", person->name)});
    }
    if (request.kind == AgentIdRequestKind::kChange && held->permissions == request.permissions) {
        return Error::Invalid("permissions",
                              {fmt::format("工号 {} 已是这些权限", held->agent_id),
                               fmt::format("Agent ID {} has these permissions already", held->agent_id)});
    }
    if (storage::HasOpenAgentIdRequest(*lease, person->id)) {
        return Error::Conflict(ErrorCode::kAlreadyExists, "person_id",
                               {fmt::format("{} 已有待乙方办理的工号申请", person->name),
                                fmt::format("{} already has an agent-ID request awaiting the vendor", person->name)});
    }
    const auto now = context_.clock.Now();
    request.contract_id = contract_id;
    request.vendor_org_id = contract->record.vendor_org_id;
    request.person_id = person->id;
    if (held) request.agent_id = held->agent_id;
    request.attachment_id = input.attachment_id;
    request.requested_on = today;
    request.status = AgentIdRequestStatus::kRequested;
    request.created_at = now;
    request.updated_at = now;
    request.id = storage::InsertAgentIdRequest(*lease, request, actor.user_id);
    if (request.attachment_id) storage::LinkAttachment(*lease, *request.attachment_id, kAgentIdSubject, request.id);
    storage::InsertWorkflowEvent(*lease, kAgentIdSubject, request.id,
                                 {0, 1, "request", "", "requested", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), request.reason, now});
    storage::AppendAudit(
        *lease, &actor, now,
        {"create", kAgentIdSubject, request.id, std::nullopt, storage::AgentIdRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

Result<AgentIdRequestView> AgentIdService::CarryOut(const Actor& actor, std::int64_t id,
                                                    const AgentIdCarryOutInput& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindAgentIdRequest(*lease, id);
    if (!found) return Error::NotFound({"工号申请", "Agent-ID request"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto step =
        AgentIdRequestWorkflow().Check(AgentIdRequestStatusCode(found->status), "carry_out", actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? AgentIdWrongState(*found) : step.error();
    const auto& record = contract->record;
    auto request = *found;
    Validation validation;
    if (request.kind == AgentIdRequestKind::kOpen) {
        request.agent_id = TrimText(input.agent_id);
        if (!IsAgentIdText(request.agent_id)) {
            validation.Fail("agent_id", {"请填写开通的工号:1 到 20 位字母、数字或连字符",
                                         "Enter the agent ID opened: 1 to 20 letters, digits or hyphens"});
        }
    }
    const auto effective = Date::Parse(TrimText(input.effective_on));
    if (!effective) {
        validation.Fail("effective_on", {"请填写生效日期(年-月-日)", "Enter the date it takes effect (YYYY-MM-DD)"});
    } else if (*effective < request.requested_on) {
        validation.Fail("effective_on",
                        {fmt::format("生效日期不能早于申请日期 {}", request.requested_on.ToString()),
                         fmt::format("The date cannot be before the request of {}", request.requested_on.ToString())});
    } else if (*effective < record.term_start || *effective > record.term_end) {
        validation.Fail("effective_on", {fmt::format("生效日期须在合同期限内({} 至 {})", record.term_start.ToString(),
                                                     record.term_end.ToString()),
                                         fmt::format("The date must lie within the contract ({} to {})",
                                                     record.term_start.ToString(), record.term_end.ToString())});
    } else {
        request.effective_on = *effective;
    }
    const auto note = TrimText(input.note);
    CheckLength(validation, "note", note, 0, 1000, {"办理说明", "Note"});
    if (!validation.ok()) return validation.ToError();
    const auto person = storage::FindPerson(*lease, request.person_id);
    if (request.kind != AgentIdRequestKind::kClose && person && person->end_date &&
        *person->end_date < *request.effective_on) {
        return Error::Invalid("effective_on",
                              {fmt::format("{} 已于 {} 离场", person->name, person->end_date->ToString()),
                               fmt::format("{} left the contract on {}", person->name, person->end_date->ToString())});
    }
    // The vendor's IDs on all its contracts: one ID string belongs to one person on any day (rules/agent_ids.h). Read,
    // checked and written under the vendor's lock: two requests carried out at once cannot give one ID to two people.
    storage::Transaction transaction(*lease);
    storage::LockAgentIds(*lease, request.vendor_org_id);
    auto rows = storage::AgentIdsOfVendor(*lease, request.vendor_org_id);
    HOUQIN_TRY(before, AgentIdHistory::Make(rows));
    const auto now = context_.clock.Now();
    const Date day = *request.effective_on;
    std::optional<AgentIdAssignment> closing;
    std::optional<AgentIdAssignment> opening;
    if (request.kind == AgentIdRequestKind::kOpen) {
        if (OpenRowOf(rows, request.contract_id, request.person_id)) {
            return Error::Precondition({"该人员已有在用的工号:请改为申请变更", "The person already holds an agent ID"});
        }
        if (const auto clash = before->Clash(request.agent_id, day)) {
            const auto holder = PersonNameOf(*lease, clash->person_id);
            return Error::Conflict(
                ErrorCode::kAlreadyExists, "agent_id",
                {fmt::format("工号 {} 自 {} 起已由 {} 使用,同一时间不能重复", request.agent_id,
                             clash->valid_from.ToString(), holder),
                 fmt::format("Agent ID {} is held by {} from {}: one ID belongs to one person at a time",
                             request.agent_id, holder, clash->valid_from.ToString())});
        }
        opening = AgentIdAssignment{0,
                                    request.contract_id,
                                    request.vendor_org_id,
                                    request.agent_id,
                                    request.person_id,
                                    request.permissions,
                                    day,
                                    std::nullopt,
                                    request.id};
    } else {
        closing = OpenRowOf(rows, request.contract_id, request.person_id);
        if (!closing || closing->agent_id != request.agent_id) {
            return Error::Precondition(
                {fmt::format("工号 {} 已不在用,该申请无法办理", request.agent_id),
                 fmt::format("Agent ID {} is no longer open; the request cannot be carried out", request.agent_id)});
        }
        if (!(closing->valid_from < day)) {
            return Error::Invalid("effective_on",
                                  {fmt::format("生效日期须晚于工号 {} 当前权限的启用日期 {}", request.agent_id,
                                               closing->valid_from.ToString()),
                                   fmt::format("The date must be after {}, when agent ID {} took its present form",
                                               closing->valid_from.ToString(), request.agent_id)});
        }
        if (request.kind == AgentIdRequestKind::kChange) {
            opening = AgentIdAssignment{0,
                                        request.contract_id,
                                        request.vendor_org_id,
                                        request.agent_id,
                                        request.person_id,
                                        request.permissions,
                                        day,
                                        std::nullopt,
                                        request.id};
        }
    }
    // The history as it will be, checked once more as a whole before anything is written.
    for (auto& row : rows) {
        if (closing && row.id == closing->id) row.valid_to = day;
    }
    if (opening) rows.push_back(*opening);
    if (auto after = AgentIdHistory::Make(rows); !after) return after.error();
    request.status = AgentIdRequestStatus::kCarriedOut;
    request.decision_note = note;
    request.decided_at = now;
    request.updated_at = now;
    if (!storage::DecideAgentIdRequest(*lease, request, found->status)) {
        const auto stored = storage::FindAgentIdRequest(*lease, id);
        return AgentIdWrongState(stored ? *stored : *found);
    }
    if (closing && !storage::CloseAgentIdAssignment(*lease, closing->id, day)) {
        return Error::Precondition({"工号已被同时关闭,请刷新后再试", "The agent ID was closed meanwhile; reload"});
    }
    if (opening) storage::InsertAgentIdAssignment(*lease, *opening, now);
    storage::InsertWorkflowEvent(*lease, kAgentIdSubject, request.id,
                                 {0, 1, "carry_out", std::string(AgentIdRequestStatusCode(found->status)),
                                  std::string(AgentIdRequestStatusCode(request.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"carry_out", kAgentIdSubject, request.id, storage::AgentIdRequestSnapshot(*found),
                          storage::AgentIdRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

Result<AgentIdRequestView> AgentIdService::Decline(const Actor& actor, std::int64_t id, const std::string& reason) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindAgentIdRequest(*lease, id);
    if (!found) return Error::NotFound({"工号申请", "Agent-ID request"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto step =
        AgentIdRequestWorkflow().Check(AgentIdRequestStatusCode(found->status), "decline", actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? AgentIdWrongState(*found) : step.error();
    const auto note = TrimText(reason);
    Validation validation;
    CheckLength(validation, "reason", note, 1, 1000, {"不予办理的理由", "Reason for declining"});
    if (!validation.ok()) return validation.ToError();
    auto request = *found;
    const auto now = context_.clock.Now();
    request.status = AgentIdRequestStatus::kDeclined;
    request.decision_note = note;
    request.decided_at = now;
    request.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::DecideAgentIdRequest(*lease, request, found->status)) {
        const auto stored = storage::FindAgentIdRequest(*lease, id);
        return AgentIdWrongState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(*lease, kAgentIdSubject, request.id,
                                 {0, 1, "decline", std::string(AgentIdRequestStatusCode(found->status)),
                                  std::string(AgentIdRequestStatusCode(request.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"decline", kAgentIdSubject, request.id, storage::AgentIdRequestSnapshot(*found),
                          storage::AgentIdRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

}  // namespace houqin
