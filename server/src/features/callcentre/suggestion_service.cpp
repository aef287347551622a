#include "features/callcentre/suggestion_service.h"

#include <fmt/format.h>

#include "core/text_rules.h"
#include "features/callcentre/method_store.h"
#include "features/staff/store.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

constexpr char kSuggestionSubject[] = "cc_penalty_suggestion";

Error SuggestionWrongState(const PenaltySuggestion& suggestion) {
    const auto status = SuggestionStatusText(suggestion.status);
    return Error::Precondition({fmt::format("该处罚建议当前为“{}”,不能再处理", status.zh),
                                fmt::format("This suggestion is already {}; it cannot be answered again", status.en)});
}

}  // namespace

Result<ContractView> PenaltySuggestionService::ContractOf(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    return contracts_.Get(actor, contract_id);
}

PenaltySuggestionView PenaltySuggestionService::ViewOf(storage::Connection& connection, const Actor& actor,
                                                       PenaltySuggestion suggestion) const {
    PenaltySuggestionView view;
    if (const auto person = storage::FindPerson(connection, suggestion.person_id)) view.person_name = person->name;
    if (suggestion.attachment_id) {
        if (const auto file =
                storage::FindAttachment(connection, *suggestion.attachment_id, storage::AttachmentRead::kInfo)) {
            view.attachment_name = file->info.filename;
        }
    }
    view.deadline = CheckPenaltyDeadline(suggestion.month, suggestion.submitted_at);
    const bool own = actor.vendor_org_id && *actor.vendor_org_id == suggestion.vendor_org_id;
    for (auto& name : PenaltySuggestionWorkflow().Allowed(SuggestionStatusCode(suggestion.status), actor.role)) {
        if (actor.Can(Permission::kStaffWrite) && own) view.allowed_actions.push_back(std::move(name));
    }
    view.events = storage::ListWorkflowEvents(connection, kSuggestionSubject, suggestion.id);
    view.suggestion = std::move(suggestion);
    return view;
}

Result<PenaltySuggestionList> PenaltySuggestionService::List(const Actor& actor, std::int64_t contract_id,
                                                             const std::string& month_filter) {
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    PenaltySuggestionList list;
    if (const auto text = TrimText(month_filter); !text.empty()) {
        list.month = AssessmentMonth::Parse(text);
        if (!list.month) return Error::Invalid("month", {"月份须为 年-月(如 2026-11)", "The month is YYYY-MM"});
    }
    const auto now = context_.clock.Now();
    list.open_month = OldestOpenPenaltyMonth(now);
    list.open_deadline = PenaltyDeadline(list.open_month);
    list.can_submit = actor.Can(Permission::kCcSuggestionWrite) &&
                      (contract->status == ContractStatus::kSigned || contract->status == ContractStatus::kActive);
    auto lease = context_.database.Acquire();
    for (const auto& person : storage::PeopleOfContract(*lease, contract_id)) {
        list.agents.push_back({person.id, person.name});
    }
    for (auto& suggestion : storage::PenaltySuggestionsOfContract(*lease, contract_id, list.month)) {
        list.items.push_back(ViewOf(*lease, actor, std::move(suggestion)));
    }
    return list;
}

bool PenaltySuggestionService::MayRead(const Actor& actor, std::int64_t id) {
    std::optional<PenaltySuggestion> suggestion;
    {
        auto lease = context_.database.Acquire();
        suggestion = storage::FindPenaltySuggestion(*lease, id);
    }
    return suggestion && ContractOf(actor, suggestion->contract_id).has_value();
}

Result<PenaltySuggestionView> PenaltySuggestionService::Submit(const Actor& actor, std::int64_t contract_id,
                                                               const PenaltySuggestionInput& input) {
    if (auto status = actor.Require(Permission::kCcSuggestionWrite); !status) return status.error();
    HOUQIN_TRY(contract, ContractOf(actor, contract_id));
    auto lease = context_.database.Acquire();
    // submitted_at is the server's clock, never the caller's: the deadline is checked against it.
    const auto now = context_.clock.Now();
    const auto this_month = AssessmentMonth::Of(now.ShanghaiDate());
    Validation validation;
    PenaltySuggestion suggestion;
    std::optional<AssessmentMonth> month;
    if (const auto text = TrimText(input.month); text.empty()) {
        month = OldestOpenPenaltyMonth(now);
    } else {
        month = AssessmentMonth::Parse(text);
        if (!month) {
            validation.Fail("month", {"请填写建议针对的月份(年-月)", "Enter the month it concerns (YYYY-MM)"});
        } else if (this_month < *month) {
            validation.Fail("month", {fmt::format("不能为尚未到来的月份 {} 提出处罚建议", month->ToString()),
                                      fmt::format("{} has not begun: a suggestion concerns this month or an "
                                                  "earlier one",
                                                  month->ToString())});
            month.reset();
        }
    }
    std::optional<StaffPerson> person;
    if (input.person_id) person = storage::FindPerson(*lease, *input.person_id);
    if (!person || person->contract_id != contract_id) {
        validation.Fail("person_id",
                        {"请从本合同的人员名单中选择坐席人员", "Choose the agent from this contract's roster"});
    } else if (month &&
               (month->LastDay() < person->start_date || (person->end_date && *person->end_date < month->FirstDay()))) {
        validation.Fail("person_id",
                        {fmt::format("{} 在 {} 不在本合同的人员名单上", person->name, month->ToString()),
                         fmt::format("{} was not on this contract's roster in {}", person->name, month->ToString())});
    }
    suggestion.recording_ref = TrimText(input.recording_ref);
    suggestion.supervision_note = TrimText(input.supervision_note);
    CheckLength(validation, "recording_ref", suggestion.recording_ref, 0, 200, {"录音编号", "Recording reference"});
    CheckLength(validation, "supervision_note", suggestion.supervision_note, 0, 2000, {"督导记录", "Supervision note"});
    if (suggestion.recording_ref.empty() && suggestion.supervision_note.empty()) {
        const Text missing{"须有书面依据:请填写录音编号或督导记录(至少一项)",
                           "Written evidence is required: give a recording reference or a supervision note (at least "
                           "one)"};
        validation.Fail("recording_ref", missing);
        validation.Fail("supervision_note", missing);
    }
    if (input.attachment_id && !AttachmentForUse(*lease, actor, *input.attachment_id, kSuggestionSubject)) {
        validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                          fmt::format("File {} does not exist", *input.attachment_id)});
    }
    if (!validation.ok()) return validation.ToError();
    if (contract->status != ContractStatus::kSigned && contract->status != ContractStatus::kActive) {
        return Error::Precondition({"只有已签订或履行中的合同可以提出处罚建议",
                                    "Penalty suggestions can be made only on a signed or active contract"});
    }
    // CC-4: at or after 00:00 Asia/Shanghai on the 2nd of the following month it no longer counts: refused, with
    // the rule's reason naming the month, the time of submission and the deadline.
    const auto deadline = CheckPenaltyDeadline(*month, now);
    if (deadline.timing == PenaltyTiming::kTooLate) return Error::Invalid("month", deadline.reason);
    suggestion.contract_id = contract_id;
    suggestion.vendor_org_id = contract->record.vendor_org_id;
    suggestion.person_id = person->id;
    suggestion.month = *month;
    suggestion.attachment_id = input.attachment_id;
    suggestion.submitted_at = now;
    suggestion.status = SuggestionStatus::kSubmitted;
    suggestion.created_at = now;
    suggestion.updated_at = now;
    storage::Transaction transaction(*lease);
    suggestion.id = storage::InsertPenaltySuggestion(*lease, suggestion, actor.user_id);
    if (suggestion.attachment_id) {
        storage::LinkAttachment(*lease, *suggestion.attachment_id, kSuggestionSubject, suggestion.id);
    }
    storage::InsertWorkflowEvent(
        *lease, kSuggestionSubject, suggestion.id,
        {0, 1, "submit", "", "submitted", actor.user_id, actor.username, std::string(RoleCode(actor.role)), "", now});
    storage::AppendAudit(
        *lease, &actor, now,
        {"create", kSuggestionSubject, suggestion.id, std::nullopt, storage::PenaltySuggestionSnapshot(suggestion)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(suggestion));
}

Result<PenaltySuggestionView> PenaltySuggestionService::Decide(const Actor& actor, std::int64_t id,
                                                               const std::string& action, const std::string& comment) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    const auto found = storage::FindPenaltySuggestion(*lease, id);
    if (!found) return Error::NotFound({"处罚建议", "Penalty suggestion"});
    HOUQIN_TRY(contract, ContractOf(actor, found->contract_id));
    if (!actor.vendor_org_id || *actor.vendor_org_id != found->vendor_org_id) return Error::Forbidden();
    const auto step = PenaltySuggestionWorkflow().Check(SuggestionStatusCode(found->status), action, actor.role, "");
    if (!step) return step.error().code == ErrorCode::kFailedPrecondition ? SuggestionWrongState(*found) : step.error();
    const auto note = TrimText(comment);
    Validation validation;
    if (action == "reject") {
        CheckLength(validation, "reason", note, 1, 1000, {"不予采纳的理由", "Reason for rejecting"});
    } else {
        CheckLength(validation, "note", note, 0, 1000, {"核实说明", "Note"});
    }
    if (!validation.ok()) return validation.ToError();
    auto suggestion = *found;
    const auto now = context_.clock.Now();
    suggestion.status = *ParseSuggestionStatus((*step)->to);
    suggestion.decision_note = note;
    suggestion.decided_at = now;
    suggestion.decided_by = actor.user_id;
    suggestion.updated_at = now;
    storage::Transaction transaction(*lease);
    if (!storage::DecidePenaltySuggestion(*lease, suggestion, found->status)) {
        const auto stored = storage::FindPenaltySuggestion(*lease, id);
        return SuggestionWrongState(stored ? *stored : *found);
    }
    storage::InsertWorkflowEvent(*lease, kSuggestionSubject, suggestion.id,
                                 {0, 1, action, std::string(SuggestionStatusCode(found->status)),
                                  std::string(SuggestionStatusCode(suggestion.status)), actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), note, now});
    storage::AppendAudit(*lease, &actor, now,
                         {action, kSuggestionSubject, suggestion.id, storage::PenaltySuggestionSnapshot(*found),
                          storage::PenaltySuggestionSnapshot(suggestion)});
    transaction.Commit();
    return ViewOf(*lease, actor, std::move(suggestion));
}

Result<PenaltySuggestionView> PenaltySuggestionService::Accept(const Actor& actor, std::int64_t id,
                                                               const std::string& note) {
    return Decide(actor, id, "accept", note);
}

Result<PenaltySuggestionView> PenaltySuggestionService::Reject(const Actor& actor, std::int64_t id,
                                                               const std::string& reason) {
    return Decide(actor, id, "reject", reason);
}

}  // namespace houqin
