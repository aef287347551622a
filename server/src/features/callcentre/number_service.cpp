#include "features/callcentre/number_service.h"

#include <fmt/format.h>

#include "core/text_rules.h"
#include "features/callcentre/number_store.h"
#include "features/callcentre/rules/numbers.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

constexpr char kNumberSubject[] = "number_request";

Error NumberWrongState(const NumberRequest& request) {
    const auto status = NumberRequestStatusText(request.status);
    return Error::Precondition({fmt::format("该号码申请当前为“{}”,不能再办理", status.zh),
                                fmt::format("This request is already {}; it cannot be answered again", status.en)});
}

// The register's row of `number` that has not been closed, if any.
std::optional<OutboundNumberRow> OpenNumberRowOf(const std::vector<OutboundNumberRow>& rows,
                                                 const std::string& number) {
    for (const auto& row : rows) {
        if (row.number == number && !row.valid_to) return row;
    }
    return std::nullopt;
}

std::vector<NumberPeriod> NumberPeriodsOf(const std::vector<OutboundNumberRow>& rows) {
    std::vector<NumberPeriod> periods;
    periods.reserve(rows.size());
    for (const auto& row : rows) periods.push_back({row.number, row.valid_from, row.valid_to});
    return periods;
}

Error NumberTakenError(const std::string& field, const std::string& number, const NumberPeriod& clash) {
    return Error::Conflict(ErrorCode::kAlreadyExists, field,
                           {fmt::format("号码 {} 自 {} 起已在外呼号码登记中", number, clash.valid_from.ToString()),
                            fmt::format("Number {} is in the register from {}", number, clash.valid_from.ToString())});
}

bool ContractTakesRequests(const ContractView& contract) {
    return contract.status == ContractStatus::kSigned || contract.status == ContractStatus::kActive;
}

}  // namespace

Result<ContractView> NumberService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

NumberRequestView NumberService::ViewOf(storage::Connection& connection, const Actor& actor,
                                        NumberRequest request) const {
    NumberRequestView view;
    if (request.attachment_id) {
        if (const auto file =
                storage::FindAttachment(connection, *request.attachment_id, storage::AttachmentRead::kInfo)) {
            view.attachment_name = file->info.filename;
        }
    }
    const bool own = actor.vendor_org_id && *actor.vendor_org_id == request.vendor_org_id;
    for (auto& name : NumberRequestWorkflow().Allowed(NumberRequestStatusCode(request.status), actor.role)) {
        if (actor.Can(Permission::kStaffWrite) && own) view.allowed_actions.push_back(std::move(name));
    }
    view.events = storage::ListWorkflowEvents(connection, kNumberSubject, request.id);
    view.request = std::move(request);
    return view;
}

Result<NumberRegister> NumberService::List(const Actor& actor, std::int64_t contract_id) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    NumberRegister list;
    list.can_request = actor.Can(Permission::kNumberRequest) && ContractTakesRequests(*contract);
    for (auto& row : storage::OutboundNumbersOfContract(*lease, contract_id)) {
        if (!row.valid_to || today < *row.valid_to) list.current.push_back(row);
        list.history.push_back(std::move(row));
    }
    for (auto& request : storage::NumberRequestsOfContract(*lease, contract_id)) {
        list.items.push_back(ViewOf(*lease, actor, std::move(request)));
    }
    return list;
}

bool NumberService::MayRead(const Actor& actor, std::int64_t id) {
    std::optional<NumberRequest> request;
    {
        auto lease = context_.database.Acquire();
        request = storage::FindNumberRequest(*lease, id);
    }
    return request && ContractOf(actor, request->contract_id).has_value();
}

Result<NumberRequestView> NumberService::Request(const Actor& actor, std::int64_t contract_id,
                                                 const NumberRequestInput& input) {
    if (auto status = actor.Require(Permission::kNumberRequest); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    Validation validation;
    NumberRequest request;
    const auto kind = ParseNumberRequestKind(TrimText(input.kind));
    if (!kind) {
        validation.Fail("kind", {"请选择申请事项:新增、变更或停用外呼号码",
                                 "Choose what to ask for: add, change or withdraw an outbound number"});
    } else {
        request.kind = *kind;
    }
    request.number = TrimText(input.number);
    if (!IsOutboundNumberText(request.number)) {
        validation.Fail("number", {"请填写外呼号码:5 到 20 位数字,可以 + 开头",
                                   "Enter the outbound number: 5 to 20 digits, optionally starting with +"});
    }
    request.new_number = kind == NumberRequestKind::kChange ? TrimText(input.new_number) : std::string();
    if (!request.new_number.empty() && !IsOutboundNumberText(request.new_number)) {
        validation.Fail("new_number", {"新号码须为 5 到 20 位数字,可以 + 开头",
                                       "The new number must be 5 to 20 digits, optionally starting with +"});
    } else if (!request.new_number.empty() && request.new_number == request.number) {
        validation.Fail("new_number", {"新号码与原号码相同", "The new number is the same as the number it replaces"});
    }
    request.label = kind == NumberRequestKind::kWithdraw ? std::string() : TrimText(input.label);
    CheckLength(validation, "label", request.label, 0, 100, {"号码用途", "Purpose"});
    request.reason = TrimText(input.reason);
    CheckLength(validation, "reason", request.reason, 1, 1000, {"申请理由", "Reason"});
    if (input.attachment_id && !AttachmentForUse(*lease, actor, *input.attachment_id, kNumberSubject)) {
        validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                          fmt::format("File {} does not exist", *input.attachment_id)});
    }
    if (!validation.ok()) return validation.ToError();
    if (!ContractTakesRequests(*contract)) {
        return Error::Precondition({"只有已签订或履行中的合同可以申请外呼号码",
                                    "Outbound numbers can be asked for only on a signed or active contract"});
    }
    // The register and open requests are read and the request written under the contract's lock (CC-2): two requests
    // for one number at once make one request.
    storage::Transaction transaction(*lease);
    storage::LockNumbers(*lease, contract_id);
    const auto rows = storage::OutboundNumbersOfContract(*lease, contract_id);
    const auto held = OpenNumberRowOf(rows, request.number);
    // Asking checks the register as it stands open-ended; the vendor's report checks the exact day (a number whose
    // row ends later may be asked for again from that end).
    if (request.kind == NumberRequestKind::kAdd) {
        if (held) return NumberTakenError("number", request.number, {held->number, held->valid_from, held->valid_to});
    } else if (!held) {
        return Error::Invalid("number", {fmt::format("号码 {} 不在本合同的外呼号码登记中", request.number),
                                         fmt::format("Number {} is not in this contract's register", request.number)});
    }
    if (request.kind == NumberRequestKind::kChange) {
        if (request.new_number.empty() && (request.label.empty() || request.label == held->label)) {
            return Error::Invalid("new_number", {"请填写新号码或新的用途", "Enter the new number or a new purpose"});
        }
        if (const auto taken = OpenNumberRowOf(rows, request.new_number); taken && !request.new_number.empty()) {
            return NumberTakenError("new_number", request.new_number,
                                    {taken->number, taken->valid_from, taken->valid_to});
        }
    }
    for (const auto* number : {&request.number, &request.new_number}) {
        if (!number->empty() && storage::HasOpenNumberRequest(*lease, contract_id, *number)) {
            return Error::Conflict(ErrorCode::kAlreadyExists, number == &request.number ? "number" : "new_number",
                                   {fmt::format("号码 {} 已有待乙方办理的申请", *number),
                                    fmt::format("Number {} already has a request awaiting the vendor", *number)});
        }
    }
    const auto now = context_.clock.Now();
    request.contract_id = contract_id;
    request.vendor_org_id = contract->record.vendor_org_id;
    request.attachment_id = input.attachment_id;
    request.requested_on = today;
    request.status = NumberRequestStatus::kRequested;
    request.created_at = now;
    request.updated_at = now;
    request.id = storage::InsertNumberRequest(*lease, request, actor.user_id);
    if (request.attachment_id) storage::LinkAttachment(*lease, *request.attachment_id, kNumberSubject, request.id);
    storage::InsertWorkflowEvent(*lease, kNumberSubject, request.id,
                                 {0, 1, "request", "", "requested", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), request.reason, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"create", kNumberSubject, request.id, std::nullopt, storage::NumberRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

Result<NumberRequestView> NumberService::CarryOut(const Actor& actor, std::int64_t id,
                                                  const NumberCarryOutInput& input) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindNumberRequest(*lease, id);
    if (!found) return Error::NotFound({"外呼号码申请", "Outbound-number request"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto step =
        NumberRequestWorkflow().Check(NumberRequestStatusCode(found->status), "carry_out", actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? NumberWrongState(*found) : step.error();
    const auto& record = contract->record;
    auto request = *found;
    Validation validation;
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
    CheckLength(validation, "note", note, 1, 1000, {"办理说明(准备了哪些数据)", "Note (what data was prepared)"});
    if (!validation.ok()) return validation.ToError();
    // Read, checked and written under the contract's lock: two requests carried out at once cannot give one number
    // twice for the same days.
    storage::Transaction transaction(*lease);
    storage::LockNumbers(*lease, request.contract_id);
    auto rows = storage::OutboundNumbersOfContract(*lease, request.contract_id);
    const auto periods = NumberPeriodsOf(rows);
    const auto now = context_.clock.Now();
    const Date day = *request.effective_on;
    std::optional<OutboundNumberRow> closing;
    std::optional<OutboundNumberRow> opening;
    if (request.kind == NumberRequestKind::kAdd) {
        if (const auto clash = NumberClash(periods, request.number, day)) {
            return NumberTakenError("number", request.number, *clash);
        }
        opening = OutboundNumberRow{0,  request.contract_id, request.vendor_org_id, request.number, request.label, day,
                                    {}, request.id};
    } else {
        closing = OpenNumberRowOf(rows, request.number);
        if (!closing) {
            return Error::Precondition(
                {fmt::format("号码 {} 已不在登记中,该申请无法办理", request.number),
                 fmt::format("Number {} is no longer registered; the request cannot be carried out", request.number)});
        }
        if (!(closing->valid_from < day)) {
            return Error::Invalid("effective_on",
                                  {fmt::format("生效日期须晚于号码 {} 当前登记的启用日期 {}", request.number,
                                               closing->valid_from.ToString()),
                                   fmt::format("The date must be after {}, when number {} took its present form",
                                               closing->valid_from.ToString(), request.number)});
        }
        if (request.kind == NumberRequestKind::kChange) {
            const auto& number = request.new_number.empty() ? request.number : request.new_number;
            if (!request.new_number.empty()) {
                if (const auto clash = NumberClash(periods, request.new_number, day)) {
                    return NumberTakenError("new_number", request.new_number, *clash);
                }
            }
            // A change that names no new purpose keeps the number's purpose.
            const auto& label = request.label.empty() ? closing->label : request.label;
            opening =
                OutboundNumberRow{0, request.contract_id, request.vendor_org_id, number, label, day, {}, request.id};
        }
    }
    request.status = NumberRequestStatus::kCarriedOut;
    request.decision_note = note;
    request.decided_at = now;
    request.updated_at = now;
    if (!storage::DecideNumberRequest(*lease, request, found->status)) {
        const auto stored = storage::FindNumberRequest(*lease, id);
        return NumberWrongState(stored ? *stored : *found);
    }
    if (closing && !storage::CloseOutboundNumber(*lease, closing->id, day)) {
        return Error::Precondition({"号码已被同时停用,请刷新后再试", "The number was withdrawn meanwhile; reload"});
    }
    if (opening) storage::InsertOutboundNumber(*lease, *opening, now);
    storage::InsertWorkflowEvent(*lease, kNumberSubject, request.id,
                                 {0, 1, "carry_out", std::string(NumberRequestStatusCode(found->status)),
                                  std::string(NumberRequestStatusCode(request.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"carry_out", kNumberSubject, request.id, storage::NumberRequestSnapshot(*found),
                          storage::NumberRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

Result<NumberRequestView> NumberService::Decline(const Actor& actor, std::int64_t id, const std::string& reason) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindNumberRequest(*lease, id);
    if (!found) return Error::NotFound({"外呼号码申请", "Outbound-number request"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto step = NumberRequestWorkflow().Check(NumberRequestStatusCode(found->status), "decline", actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? NumberWrongState(*found) : step.error();
    const auto note = TrimText(reason);
    Validation validation;
    CheckLength(validation, "reason", note, 1, 1000, {"不予办理的理由", "Reason for declining"});
    if (!validation.ok()) return validation.ToError();
    auto request = *found;
    const auto now = context_.clock.Now();
    request.status = NumberRequestStatus::kDeclined;
    request.decision_note = note;
    request.decided_at = now;
    request.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::DecideNumberRequest(*lease, request, found->status)) {
        const auto stored = storage::FindNumberRequest(*lease, id);
        return NumberWrongState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(*lease, kNumberSubject, request.id,
                                 {0, 1, "decline", std::string(NumberRequestStatusCode(found->status)),
                                  std::string(NumberRequestStatusCode(request.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"decline", kNumberSubject, request.id, storage::NumberRequestSnapshot(*found),
                          storage::NumberRequestSnapshot(request)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(request));
}

}  // namespace houqin
