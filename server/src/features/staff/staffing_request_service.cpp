#include "features/staff/staffing_request_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text_rules.h"
#include "features/staff/staffing_request_store.h"
#include "features/staff/store.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

constexpr char kSubject[] = "staffing_request";

Error WrongState(const StaffingRequest& request) {
    const auto status = StaffingRequestStatusText(request.status);
    return Error::Precondition({fmt::format("该增配要求当前为“{}”,不能再答复", status.zh),
                                fmt::format("This request is already {}; it cannot be answered again", status.en)});
}

Text RoleName(storage::Connection& connection, const std::string& code) {
    for (auto& role : storage::ListStaffRoles(connection)) {
        if (role.code == code) return role.name;
    }
    return {code, code};
}

}  // namespace

Result<ContractView> StaffingRequestService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

StaffingRequestView StaffingRequestService::ViewOf(storage::Connection& connection, const Actor& actor,
                                                   StaffingRequest request) const {
    StaffingRequestView view;
    if (request.attachment_id) {
        if (const auto file =
                storage::FindAttachment(connection, *request.attachment_id, storage::AttachmentRead::kInfo)) {
            view.attachment_name = file->info.filename;
        }
    }
    const bool own = actor.vendor_org_id && *actor.vendor_org_id == request.vendor_org_id;
    for (auto& name : StaffingRequestWorkflow().Allowed(StaffingRequestStatusCode(request.status), actor.role)) {
        if (actor.Can(Permission::kStaffWrite) && own) view.allowed_actions.push_back(std::move(name));
    }
    view.events = storage::ListWorkflowEvents(connection, kSubject, request.id);
    view.request = std::move(request);
    return view;
}

Result<StaffingRequestList> StaffingRequestService::List(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    StaffingRequestList list;
    list.can_request = actor.Can(Permission::kStaffingRequest) &&
                       (contract->status == ContractStatus::kSigned || contract->status == ContractStatus::kActive);
    std::vector<StaffingChange> changes;
    for (const auto& request : storage::ConsentedStaffingRequests(*lease, contract_id)) {
        changes.push_back(request.Change());
    }
    list.history = RequirementHistory(contract->content.staffing, contract->record.term_start, changes, &list.warnings);
    for (auto& request : storage::StaffingRequestsOfContract(*lease, contract_id)) {
        list.items.push_back(ViewOf(*lease, actor, std::move(request)));
    }
    return list;
}

bool StaffingRequestService::MayRead(const Actor& actor, std::int64_t id) {
    std::optional<StaffingRequest> request;
    {
        auto lease = context_.database.Acquire();
        request = storage::FindStaffingRequest(*lease, id);
    }
    return request && ContractOf(actor, request->contract_id).has_value();
}

Result<StaffingRequestView> StaffingRequestService::Request(const Actor& actor, std::int64_t contract_id,
                                                            const StaffingRequestInput& input) {
    if (auto status = actor.Require(Permission::kStaffingRequest); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    const auto& record = contract->record;
    Validation validation;
    StaffingRequest request;
    request.role = TrimText(input.role);
    if (!IsExtraManagerRole(request.role)) {
        validation.Fail("role", {"请选择要增配的岗位:值班经理或质检员",
                                 "Choose what to add: a duty manager or a quality inspector"});
    }
    request.post = TrimText(input.post);
    if (request.post.empty() && IsExtraManagerRole(request.role)) request.post = RoleName(*lease, request.role).zh;
    CheckLength(validation, "post", request.post, 1, 50, {"岗位名称", "Post"});
    for (const auto& code : input.day_types) {
        const auto type = ParseDayType(code);
        if (!type) {
            validation.Fail("day_types", {fmt::format("日期类型“{}”无效:须为工作日、休息日或法定节假日", code),
                                          fmt::format("\"{}\" is not a day type: working day, rest day or public "
                                                      "holiday",
                                                      code)});
        } else if (std::find(request.day_types.begin(), request.day_types.end(), *type) == request.day_types.end()) {
            request.day_types.push_back(*type);
        }
    }
    if (input.day_types.empty()) {
        validation.Fail("day_types", {"请至少选择一种日期类型(工作日、休息日或法定节假日)",
                                      "Choose at least one day type (working days, rest days or public holidays)"});
    }
    if (!input.people || *input.people < 1 || *input.people > 100) {
        validation.Fail("people", {"增配人数须为 1 到 100 人", "The number of people must be 1 to 100"});
    } else {
        request.people = static_cast<int>(*input.people);
    }
    if (!input.hours || *input.hours < 1 || *input.hours > 24) {
        validation.Fail("hours", {"每人每日工时须为 1 到 24 小时", "Hours a day must be 1 to 24"});
    } else {
        request.hours = static_cast<int>(*input.hours);
    }
    const auto effective = Date::Parse(TrimText(input.effective_from));
    if (!effective) {
        validation.Fail("effective_from", {"请填写生效日期(年-月-日)", "Enter the date it takes effect (YYYY-MM-DD)"});
    } else if (*effective < today) {
        validation.Fail("effective_from", {"生效日期不能早于今天:人员配置的变更只对以后生效",
                                           "The date cannot be before today: a staffing change applies from now on"});
    } else if (*effective > record.term_end) {
        validation.Fail("effective_from",
                        {fmt::format("生效日期须在合同期限内(至 {})", record.term_end.ToString()),
                         fmt::format("The date must lie within the contract (until {})", record.term_end.ToString())});
    } else {
        request.effective_from = *effective;
    }
    request.reason = TrimText(input.reason);
    CheckLength(validation, "reason", request.reason, 1, 1000, {"增配理由", "Reason"});
    if (input.attachment_id && !AttachmentForUse(*lease, actor, *input.attachment_id, kSubject)) {
        validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                          fmt::format("File {} does not exist", *input.attachment_id)});
    }
    if (!validation.ok()) return validation.ToError();
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition({"只有已签订或履行中的合同可以要求增配人员",
                                    "Extra staff can be asked for only on a signed or active contract"});
    }
    // The change must fit the requirement in force on its date (the same post cannot carry two shift lengths).
    std::vector<StaffingChange> consented;
    for (const auto& other : storage::ConsentedStaffingRequests(*lease, contract_id)) {
        consented.push_back(other.Change());
    }
    const auto history = RequirementHistory(contract->content.staffing, record.term_start, consented);
    request.id = 0;
    const auto applied = ApplyChange(RequirementOn(history, request.effective_from), request.Change());
    if (!applied.staffing) return Error::Invalid("hours", applied.refusal);
    const auto now = context_.clock.Now();
    request.contract_id = contract_id;
    request.vendor_org_id = record.vendor_org_id;
    request.attachment_id = input.attachment_id;
    request.requested_on = today;
    request.status = StaffingRequestStatus::kRequested;
    request.created_at = now;
    request.updated_at = now;
    storage::Transaction transaction(*lease);
    request.id = storage::InsertStaffingRequest(*lease, request, actor.user_id);
    if (request.attachment_id) storage::LinkAttachment(*lease, *request.attachment_id, kSubject, request.id);
    storage::InsertWorkflowEvent(*lease, kSubject, request.id,
                                 {0, 1, "request", "", "requested", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), request.reason, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"create", kSubject, request.id, std::nullopt, storage::StaffingRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

Result<StaffingRequestView> StaffingRequestService::Consent(const Actor& actor, std::int64_t id,
                                                            const std::string& comment) {
    return Decide(actor, id, true, comment);
}

Result<StaffingRequestView> StaffingRequestService::Decline(const Actor& actor, std::int64_t id,
                                                            const std::string& reason) {
    return Decide(actor, id, false, reason);
}

Result<StaffingRequestView> StaffingRequestService::Decide(const Actor& actor, std::int64_t id, bool consent,
                                                           const std::string& text) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindStaffingRequest(*lease, id);
    if (!found) return Error::NotFound({"增配人员要求", "Request for extra staff"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const char* action = consent ? "consent" : "decline";
    const auto step = StaffingRequestWorkflow().Check(StaffingRequestStatusCode(found->status), action, actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? WrongState(*found) : step.error();
    const auto note = TrimText(text);
    Validation validation;
    if (consent) {
        CheckLength(validation, "comment", note, 0, 1000, {"答复意见", "Comment"});
    } else {
        CheckLength(validation, "reason", note, 1, 1000, {"不同意的理由", "Reason for declining"});
    }
    if (!validation.ok()) return validation.ToError();
    auto request = *found;
    const auto now = context_.clock.Now();
    const auto today = context_.clock.Today();
    request.status = consent ? StaffingRequestStatus::kConsented : StaffingRequestStatus::kDeclined;
    request.decision_note = note;
    request.decided_at = now;
    request.updated_at = now;
    storage::Transaction transaction(*lease);
    if (consent) {
        // A vendor is held to the new level from the day it agreed, at the earliest.
        request.effective_on = std::max(request.effective_from, today);
        if (*request.effective_on > contract->record.term_end) {
            return Error::Precondition(
                {"合同已到期,增配要求不再适用", "The contract has ended; the request no longer applies"});
        }
        std::vector<StaffingChange> consented;
        for (const auto& other : storage::ConsentedStaffingRequests(*lease, request.contract_id)) {
            consented.push_back(other.Change());
        }
        const auto history = RequirementHistory(contract->content.staffing, contract->record.term_start, consented);
        const auto applied = ApplyChange(RequirementOn(history, *request.effective_on), request.Change());
        if (!applied.staffing) return Error::Precondition(applied.refusal);
    }
    if (!storage::DecideStaffingRequest(*lease, request, found->status)) {
        const auto stored = storage::FindStaffingRequest(*lease, id);
        return WrongState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(*lease, kSubject, request.id,
                                 {0, 1, action, std::string(StaffingRequestStatusCode(found->status)),
                                  std::string(StaffingRequestStatusCode(request.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {consent ? "consent" : "decline", kSubject, request.id,
                          storage::StaffingRequestSnapshot(*found), storage::StaffingRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

}  // namespace houqin
