#include "features/supervision/oversight_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text_rules.h"
#include "features/accounts/store.h"
#include "features/supervision/rules/rectification.h"
#include "features/vendors/attachment_access.h"
#include "platform/audit/audit_store.h"

namespace houqin {
namespace {

const storage::VendorScope kEverything{"/", std::nullopt};

Error MeetingNotFound() { return Error::NotFound({"会议不存在", "The meeting does not exist"}); }
Error RectificationNotFound() { return Error::NotFound({"整改事项不存在", "The rectification does not exist"}); }

bool InForce(const ContractRecord& contract, Date today) {
    return contract.status == "active" && contract.term_end >= today;
}

// Attachments named in a request must be the caller's own organisation's uploads, or already on this record:
// a vendor can only cite its own files, the office its own.
std::vector<AttachmentInfo> CheckAttachments(storage::Connection& connection, const Actor& actor,
                                             const std::vector<std::int64_t>& ids, std::string_view kind,
                                             std::int64_t record_id, const std::string& field, Validation& validation) {
    std::vector<AttachmentInfo> found;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto name = fmt::format("{}[{}]", field, i);
        if (!seen.insert(ids[i]).second) {
            validation.Fail(name, {"附件重复", "The attachment is listed twice"});
            continue;
        }
        const auto attachment = AttachmentForUse(connection, actor, ids[i], kind, record_id);
        if (!attachment) {
            validation.Fail(name, {"附件不存在", "The attachment does not exist"});
            continue;
        }
        found.push_back(*attachment);
    }
    return found;
}

std::vector<AttachmentInfo> AttachmentsOf(storage::Connection& connection, const std::vector<std::int64_t>& ids) {
    std::vector<AttachmentInfo> result;
    for (const auto id : ids) {
        if (auto attachment = storage::FindAttachment(connection, id, storage::AttachmentRead::kInfo))
            result.push_back(attachment->info);
    }
    return result;
}

Error NotInForce() {
    return Error::Conflict(ErrorCode::kFailedPrecondition, "contract_id",
                           {"只有履行中的合同才能进行此操作", "Only an active contract allows this"});
}

}  // namespace

void OversightService::RecordStep(storage::Connection& connection, const Actor& actor, const std::string& subject,
                                  std::int64_t id, const std::string& action, const std::string& from,
                                  const std::string& to, const std::string& comment, Instant now) {
    storage::InsertWorkflowEvent(
        connection, subject, id,
        {0, 1, action, from, to, actor.user_id, actor.username, std::string(RoleCode(actor.role)), comment, now});
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings (SUP-1)

MeetingView OversightService::BuildMeeting(storage::Connection& connection, const Actor& actor, Meeting meeting,
                                           bool full) {
    MeetingView view;
    for (const auto id : meeting.vendor_ids) {
        const auto vendor = storage::FindVendor(connection, id, kEverything);
        view.vendors.push_back({id, vendor ? vendor->name : ""});
    }
    for (const auto id : meeting.attendee_org_ids) {
        const auto org = storage::FindOrg(connection, id);
        view.attendees.push_back({id, org ? org->name : ""});
    }
    const bool office = actor.Can(Permission::kSupervisionWrite);
    if (meeting.status != "cancelled" && (office || actor.Can(Permission::kOpinionWrite))) {
        view.allowed_actions.emplace_back("opinion");
    }
    if (office && meeting.status != "cancelled") view.allowed_actions.emplace_back("minutes");
    if (office && meeting.status == "scheduled") view.allowed_actions.emplace_back("cancel");
    if (full) {
        view.opinions = storage::ListOpinions(connection, meeting.id);
        // Opinions are the departments'; a vendor reads what was said and by which department, not by whom.
        if (actor.vendor_org_id) {
            for (auto& opinion : view.opinions) opinion.author.clear();
        }
        storage::RectificationFilter filter;
        filter.scope = storage::VendorScope::Of(actor);
        filter.today = context_.clock.Today();
        filter.meeting_id = meeting.id;
        filter.page_size = 0;
        for (auto& record : storage::ListRectifications(connection, filter).items) {
            view.rectifications.push_back(BuildRectification(connection, actor, std::move(record), false));
        }
        view.history = storage::ListWorkflowEvents(connection, "meeting", meeting.id);
        // The same in the history, whose opinion and suggestion steps carry the text beside the name: the role, no
        // name.
        if (actor.vendor_org_id) {
            for (auto& event : view.history) {
                if (event.action == "opinion" || event.action == "suggestion") {
                    event.actor_id.reset();
                    event.actor_name.clear();
                    event.actor_display_name.clear();
                }
            }
        }
    }
    view.record = std::move(meeting);
    return view;
}

Result<Page<MeetingView>> OversightService::ListMeetings(const Actor& actor, const MeetingQuery& query) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::MeetingFilter filter{
        storage::VendorScope::Of(actor), query.status, query.from, query.to, query.page, query.page_size};
    auto [meetings, total] = storage::ListMeetings(*lease, filter);
    std::vector<MeetingView> views;
    views.reserve(meetings.size());
    for (auto& meeting : meetings) views.push_back(BuildMeeting(*lease, actor, std::move(meeting), false));
    return PageOf(std::move(views), total);
}

Result<MeetingView> OversightService::GetMeeting(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto meeting = storage::FindMeeting(*lease, id, storage::VendorScope::Of(actor));
    if (!meeting) return MeetingNotFound();
    return BuildMeeting(*lease, actor, std::move(*meeting), true);
}

Result<MeetingView> OversightService::CreateMeeting(const Actor& actor, const MeetingInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    CheckLength(validation, "title", input.title, 2, 200, {"会议名称", "Title"});
    if (!input.scheduled_at) validation.Fail("scheduled_at", {"请填写会议时间", "Enter the meeting time"});
    CheckLength(validation, "location", input.location, 0, 200, {"会议地点", "Location"});
    CheckLength(validation, "agenda", input.agenda, 0, 5000, {"会议议程", "Agenda"});
    auto lease = context_.database.Acquire();
    const auto scope = storage::VendorScope::Of(actor);
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < input.vendor_ids.size(); ++i) {
        const auto field = fmt::format("vendor_ids[{}]", i);
        if (!seen.insert(input.vendor_ids[i]).second) {
            validation.Fail(field, {"外包单位重复", "The vendor is listed twice"});
        } else if (!storage::FindVendor(*lease, input.vendor_ids[i], scope)) {
            validation.Fail(field, {"外包单位不存在", "The vendor does not exist"});
        }
    }
    seen.clear();
    for (std::size_t i = 0; i < input.attendee_org_ids.size(); ++i) {
        const auto field = fmt::format("attendee_org_ids[{}]", i);
        const auto org = storage::FindOrg(*lease, input.attendee_org_ids[i]);
        if (!seen.insert(input.attendee_org_ids[i]).second) {
            validation.Fail(field, {"参会部门重复", "The department is listed twice"});
        } else if (!org || org->kind != OrgKind::kDepartment || org->path.rfind(actor.scope_path, 0) != 0) {
            validation.Fail(field, {"参会部门须为本辖区内的部门", "Attendees must be departments in your area"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    const auto owner = storage::FindOrg(*lease, OrgIdOfPath(actor.scope_path));
    if (!owner) return Error::Forbidden();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    Meeting meeting;
    meeting.owner_org_id = owner->id;
    meeting.owner_path = owner->path;
    meeting.title = input.title;
    meeting.scheduled_at = *input.scheduled_at;
    meeting.location = input.location;
    meeting.vendor_ids = input.vendor_ids;
    meeting.attendee_org_ids = input.attendee_org_ids;
    meeting.agenda = input.agenda;
    meeting.created_by = actor.user_id;
    meeting.created_at = now;
    meeting.updated_at = now;
    meeting.id = storage::InsertMeeting(*lease, meeting);
    RecordStep(*lease, actor, "meeting", meeting.id, "create", "", "scheduled", "", now);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "meeting", meeting.id, std::nullopt, storage::MeetingSnapshot(meeting)});
    transaction.Commit();
    return BuildMeeting(*lease, actor, *storage::FindMeeting(*lease, meeting.id, kEverything), true);
}

Result<MeetingOpinion> OversightService::AddOpinion(const Actor& actor, std::int64_t meeting_id,
                                                    const OpinionInput& input) {
    if (!actor.Can(Permission::kOpinionWrite) && !actor.Can(Permission::kSupervisionWrite)) {
        return Error::Forbidden();
    }
    Validation validation;
    if (input.kind != "opinion" && input.kind != "suggestion") {
        validation.Fail("kind", {"类型须为 opinion(意见)或 suggestion(建议)", "kind must be opinion or suggestion"});
    }
    CheckLength(validation, "content", input.content, 2, 2000, {"内容", "Content"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::LockMeeting(*lease, meeting_id);  // checked below against a locked row: a cancellation cannot overtake it
    const auto meeting = storage::FindMeeting(*lease, meeting_id, storage::VendorScope::Of(actor));
    if (!meeting) return MeetingNotFound();
    if (meeting->status == "cancelled") {
        return Error::Precondition(
            {"会议已取消,不能再提交意见建议", "The meeting was cancelled; opinions can no longer be submitted"});
    }
    const auto now = context_.clock.Now();
    MeetingOpinion opinion;
    opinion.meeting_id = meeting_id;
    opinion.kind = input.kind;
    opinion.content = input.content;
    opinion.org_id = actor.org_id;
    opinion.org_name = actor.org_name;
    opinion.author = actor.display_name.empty() ? actor.username : actor.display_name;
    opinion.created_at = now;
    opinion.id = storage::InsertOpinion(*lease, opinion);
    RecordStep(*lease, actor, "meeting", meeting_id, input.kind, meeting->status, meeting->status, input.content, now);
    storage::AppendAudit(*lease, &actor, now,
                         {"opinion", "meeting", meeting_id, std::nullopt, storage::OpinionSnapshot(opinion)});
    transaction.Commit();
    return opinion;
}

Result<MeetingView> OversightService::RecordMinutes(const Actor& actor, std::int64_t meeting_id,
                                                    const MinutesInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    CheckLength(validation, "minutes", input.minutes, 2, 20000, {"会议纪要", "Minutes"});
    CheckLength(validation, "attendees_present", input.attendees_present, 0, 2000, {"实到人员", "Attendees present"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::LockMeeting(*lease, meeting_id);  // the state checked below stays true until the change is written
    auto meeting = storage::FindMeeting(*lease, meeting_id, storage::VendorScope::Of(actor));
    if (!meeting) return MeetingNotFound();
    if (meeting->status == "cancelled") {
        return Error::Precondition({"会议已取消,不能记录纪要", "The meeting was cancelled; it has no minutes"});
    }
    const auto today = context_.clock.Today();
    if (meeting->scheduled_at.ShanghaiDate() > today) {
        return Error::Precondition({"会议尚未召开,不能记录纪要", "The meeting has not been held yet"});
    }
    const auto before = *meeting;
    const auto now = context_.clock.Now();
    // A held meeting's minutes can be corrected; the audit trail keeps the earlier text.
    meeting->minutes = input.minutes;
    meeting->attendees_present = input.attendees_present;
    meeting->status = "held";
    meeting->updated_at = now;
    storage::UpdateMeeting(*lease, *meeting);
    RecordStep(*lease, actor, "meeting", meeting_id, "minutes", before.status, "held", "", now);
    storage::AppendAudit(
        *lease, &actor, now,
        {"minutes", "meeting", meeting_id, storage::MeetingSnapshot(before), storage::MeetingSnapshot(*meeting)});
    transaction.Commit();
    return BuildMeeting(*lease, actor, *storage::FindMeeting(*lease, meeting_id, kEverything), true);
}

Result<MeetingView> OversightService::CancelMeeting(const Actor& actor, std::int64_t meeting_id,
                                                    const std::string& reason) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    CheckLength(validation, "reason", reason, 2, 1000, {"取消原因", "Reason"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::LockMeeting(*lease, meeting_id);  // the state checked below stays true until the change is written
    auto meeting = storage::FindMeeting(*lease, meeting_id, storage::VendorScope::Of(actor));
    if (!meeting) return MeetingNotFound();
    if (meeting->status != "scheduled") {
        return Error::Precondition({"只有尚未召开的会议才能取消", "Only a scheduled meeting can be cancelled"});
    }
    const auto before = *meeting;
    const auto now = context_.clock.Now();
    meeting->status = "cancelled";
    meeting->cancel_reason = reason;
    meeting->updated_at = now;
    storage::UpdateMeeting(*lease, *meeting);
    RecordStep(*lease, actor, "meeting", meeting_id, "cancel", "scheduled", "cancelled", reason, now);
    storage::AppendAudit(
        *lease, &actor, now,
        {"cancel", "meeting", meeting_id, storage::MeetingSnapshot(before), storage::MeetingSnapshot(*meeting)});
    transaction.Commit();
    return BuildMeeting(*lease, actor, *storage::FindMeeting(*lease, meeting_id, kEverything), true);
}

// ---------------------------------------------------------------------------------------------------------------
// Rectifications (SUP-2)

RectificationView OversightService::BuildRectification(storage::Connection& connection, const Actor& actor,
                                                       Rectification record, bool full) {
    RectificationView view;
    const auto today = context_.clock.Today();
    view.overdue = IsOverdue(record, today);
    view.days_overdue = DaysOverdue(record, today);
    view.evidence = AttachmentsOf(connection, record.evidence_ids);
    for (const auto& name : RectificationWorkflow().Allowed(record.status, actor.role)) {
        if (name == "report" && actor.Can(Permission::kSupervisionRespond)) view.allowed_actions.emplace_back("report");
        if (name == "accept" && actor.Can(Permission::kSupervisionWrite)) view.allowed_actions.emplace_back("verify");
    }
    if (full) view.history = storage::ListWorkflowEvents(connection, "rectification", record.id);
    view.record = std::move(record);
    return view;
}

Result<Page<RectificationView>> OversightService::ListRectifications(const Actor& actor,
                                                                     const RectificationQuery& query) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::RectificationFilter filter;
    filter.scope = storage::VendorScope::Of(actor);
    filter.status = query.status;
    filter.overdue = query.overdue;
    filter.today = context_.clock.Today();
    filter.vendor_id = query.vendor_id;
    filter.contract_id = query.contract_id;
    filter.meeting_id = query.meeting_id;
    filter.assessment_id = query.assessment_id;
    filter.page = query.page;
    filter.page_size = query.page_size;
    auto [records, total] = storage::ListRectifications(*lease, filter);
    std::vector<RectificationView> views;
    views.reserve(records.size());
    for (auto& record : records) views.push_back(BuildRectification(*lease, actor, std::move(record), false));
    return PageOf(std::move(views), total);
}

Result<RectificationView> OversightService::GetRectification(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto record = storage::FindRectification(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return RectificationNotFound();
    return BuildRectification(*lease, actor, std::move(*record), true);
}

Result<RectificationView> OversightService::CreateRectification(const Actor& actor, const RectificationInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    const auto today = context_.clock.Today();
    if (!input.contract_id) validation.Fail("contract_id", {"请选择合同", "Choose a contract"});
    CheckLength(validation, "title", input.title, 2, 200, {"整改事项", "Title"});
    CheckLength(validation, "requirement", input.requirement, 2, 5000, {"整改要求", "Requirement"});
    CheckLength(validation, "owner", input.owner, 1, 100, {"整改责任人", "Owner"});
    if (!input.deadline) {
        validation.Fail("deadline", {"请填写整改期限", "Enter the deadline"});
    } else if (*input.deadline < today) {
        validation.Fail("deadline", {"整改期限不能早于今天", "The deadline cannot be in the past"});
    }
    auto lease = context_.database.Acquire();
    const auto scope = storage::VendorScope::Of(actor);
    std::optional<ContractRecord> contract;
    if (input.contract_id) {
        contract = storage::FindContract(*lease, *input.contract_id, scope);
        if (!contract) validation.Fail("contract_id", {"合同不存在", "The contract does not exist"});
    }
    if (input.meeting_id) {
        const auto meeting = storage::FindMeeting(*lease, *input.meeting_id, scope);
        if (!meeting) {
            validation.Fail("meeting_id", {"会议不存在", "The meeting does not exist"});
        } else if (meeting->status == "cancelled") {
            validation.Fail("meeting_id", {"会议已取消", "The meeting was cancelled"});
        }
    }
    if (input.assessment_id) {
        const auto owner = storage::AssessmentContractId(*lease, *input.assessment_id);
        if (!owner || (input.contract_id && *owner != *input.contract_id)) {
            validation.Fail("assessment_id", {"该合同没有这次考核", "The contract has no such assessment"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    if (!InForce(*contract, today)) return NotInForce();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    Rectification record;
    record.contract_id = contract->id;
    record.vendor_id = contract->vendor_id;
    record.vendor_org_id = contract->vendor_org_id;
    record.owner_path = contract->owner_path;
    record.meeting_id = input.meeting_id;
    record.assessment_id = input.assessment_id;
    record.title = input.title;
    record.requirement = input.requirement;
    record.owner = input.owner;
    record.deadline = *input.deadline;
    record.created_by = actor.user_id;
    record.created_at = now;
    record.updated_at = now;
    record.id = storage::InsertRectification(*lease, record);
    RecordStep(*lease, actor, "rectification", record.id, "create", "", "open", input.requirement, now);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "rectification", record.id, std::nullopt, storage::RectificationSnapshot(record)});
    transaction.Commit();
    return BuildRectification(*lease, actor, *storage::FindRectification(*lease, record.id, kEverything), true);
}

Result<RectificationView> OversightService::ReportRectification(const Actor& actor, std::int64_t id,
                                                                const ReportInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionRespond); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    storage::LockRectification(*lease, id);  // the state checked below stays true until the change is written
    // A vendor sees only its own rectifications, so another vendor's is "not found".
    auto record = storage::FindRectification(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return RectificationNotFound();
    if (auto check = RectificationWorkflow().Check(record->status, "report", actor.role, ""); !check) {
        if (check.error().code == ErrorCode::kFailedPrecondition) {
            return Error::Precondition({"只有待整改的事项才能报告完成", "Only an open rectification can be reported"});
        }
        return check.error();
    }
    Validation validation;
    CheckLength(validation, "completion", input.completion, 2, 5000, {"整改完成情况", "Completion"});
    if (input.evidence_ids.empty()) {
        validation.Fail("evidence_ids", {"请至少上传一份整改佐证材料", "Attach at least one piece of evidence"});
    }
    CheckAttachments(*lease, actor, input.evidence_ids, "rectification", id, "evidence_ids", validation);
    if (!validation.ok()) return validation.ToError();
    const auto before = *record;
    const auto now = context_.clock.Now();
    record->status = "reported";
    record->completion = input.completion;
    record->evidence_ids = input.evidence_ids;
    record->reported_at = now;
    record->updated_at = now;
    storage::UpdateRectification(*lease, *record);
    for (const auto file : record->evidence_ids) storage::LinkAttachment(*lease, file, "rectification", id);
    RecordStep(*lease, actor, "rectification", id, "report", before.status, "reported", input.completion, now);
    storage::AppendAudit(*lease, &actor, now,
                         {"report", "rectification", id, storage::RectificationSnapshot(before),
                          storage::RectificationSnapshot(*record)});
    transaction.Commit();
    return BuildRectification(*lease, actor, *storage::FindRectification(*lease, id, kEverything), true);
}

Result<RectificationView> OversightService::VerifyRectification(const Actor& actor, std::int64_t id,
                                                                const VerifyInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    if (input.result != "accepted" && input.result != "rejected") {
        validation.Fail("result",
                        {"验收结论须为 accepted(通过)或 rejected(不通过)", "result must be accepted or rejected"});
    }
    if (input.result == "accepted" && input.effect != "effective" && input.effect != "partly_effective" &&
        input.effect != "ineffective") {
        validation.Fail("effect", {"请评价整改效果:effective(有效)、partly_effective(部分有效)或 ineffective(无效)",
                                   "Evaluate the effect: effective, partly_effective or ineffective"});
    }
    if (input.result == "rejected" && !input.effect.empty()) {
        validation.Fail("effect", {"验收不通过时不评价整改效果", "A rejected rectification has no effect to evaluate"});
    }
    CheckLength(validation, "comment", input.comment, 0, 2000, {"验收意见", "Comment"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    // Two verdicts at once (accept and reject): the row is locked first, so the second sees the first's result.
    storage::LockRectification(*lease, id);
    auto record = storage::FindRectification(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return RectificationNotFound();
    const std::string action = input.result == "accepted" ? "accept" : "reject";
    auto check = RectificationWorkflow().Check(record->status, action, actor.role, input.comment);
    if (!check) {
        if (check.error().code == ErrorCode::kFailedPrecondition) {
            return Error::Precondition(
                {"只有已报告完成的整改才能验收", "Only a reported rectification can be verified"});
        }
        if (check.error().code == ErrorCode::kInvalidArgument) {
            return Error::Invalid("comment", {"验收不通过须填写意见", "A rejection needs a comment"});
        }
        return check.error();
    }
    const auto before = *record;
    const auto now = context_.clock.Now();
    record->status = (*check)->to;
    record->result = input.result;
    record->effect = input.result == "accepted" ? input.effect : "";
    record->comment = input.comment;
    record->verified_by = actor.display_name.empty() ? actor.username : actor.display_name;
    record->verified_at = now;
    record->updated_at = now;
    storage::UpdateRectification(*lease, *record);
    const std::string comment =
        input.result == "accepted"
            ? fmt::format("{}{}{}", record->effect, input.comment.empty() ? "" : ": ", input.comment)
            : input.comment;
    RecordStep(*lease, actor, "rectification", id, action, before.status, record->status, comment, now);
    storage::AppendAudit(
        *lease, &actor, now,
        {action, "rectification", id, storage::RectificationSnapshot(before), storage::RectificationSnapshot(*record)});
    transaction.Commit();
    return BuildRectification(*lease, actor, *storage::FindRectification(*lease, id, kEverything), true);
}

// ---------------------------------------------------------------------------------------------------------------
// Communication log (SUP-6)

Result<Page<Communication>> OversightService::ListCommunications(const Actor& actor, const CommunicationQuery& query) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::CommunicationFilter filter{storage::VendorScope::Of(actor), query.vendor_id, query.contract_id, query.page,
                                        query.page_size};
    return storage::ListCommunications(*lease, filter);
}

Result<Communication> OversightService::CreateCommunication(const Actor& actor, const CommunicationInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    const auto now = context_.clock.Now();
    if (!input.vendor_id) validation.Fail("vendor_id", {"请选择外包单位", "Choose a vendor"});
    if (!input.occurred_at) {
        validation.Fail("occurred_at", {"请填写沟通时间", "Enter when it happened"});
    } else if (*input.occurred_at > now) {
        validation.Fail("occurred_at", {"沟通时间不能晚于现在", "It cannot have happened in the future"});
    }
    if (!IsCommunicationChannel(input.channel)) {
        validation.Fail("channel", {"方式须为 phone、meeting、visit、letter、email、message 或 other",
                                    "channel must be phone, meeting, visit, letter, email, message or other"});
    }
    CheckLength(validation, "counterpart", input.counterpart, 1, 100, {"对方人员", "Counterpart"});
    CheckLength(validation, "summary", input.summary, 2, 5000, {"沟通内容", "Summary"});
    auto lease = context_.database.Acquire();
    const auto scope = storage::VendorScope::Of(actor);
    std::optional<Vendor> vendor;
    if (input.vendor_id) {
        vendor = storage::FindVendor(*lease, *input.vendor_id, scope);
        if (!vendor) validation.Fail("vendor_id", {"外包单位不存在", "The vendor does not exist"});
    }
    std::optional<ContractRecord> contract;
    if (input.contract_id) {
        contract = storage::FindContract(*lease, *input.contract_id, scope);
        if (!contract || (vendor && contract->vendor_id != vendor->id)) {
            validation.Fail("contract_id", {"该外包单位没有这份合同", "The vendor has no such contract"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    Communication record;
    record.vendor_id = vendor->id;
    record.vendor_org_id = vendor->org_id;
    record.owner_path = contract ? contract->owner_path : vendor->owner_path;
    record.contract_id = input.contract_id;
    record.occurred_at = *input.occurred_at;
    record.channel = input.channel;
    record.counterpart = input.counterpart;
    record.summary = input.summary;
    record.created_by = actor.user_id;
    record.created_by_name = actor.display_name.empty() ? actor.username : actor.display_name;
    record.created_at = now;
    record.id = storage::InsertCommunication(*lease, record);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "communication", record.id, std::nullopt, storage::CommunicationSnapshot(record)});
    transaction.Commit();
    return *storage::FindCommunication(*lease, record.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Energy-saving records (RP-1)

Result<EnergySavingList> OversightService::ListEnergySavings(const Actor& actor, const EnergySavingQuery& query) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::EnergySavingFilter filter{
        storage::VendorScope::Of(actor), query.vendor_id, query.contract_id, query.year, query.page, query.page_size};
    auto page = storage::ListEnergySavings(*lease, filter);
    EnergySavingList list;
    list.total = page.total;
    list.saving = page.saving;
    list.saving_kwh = page.saving_kwh;
    for (auto& record : page.items) {
        auto evidence = AttachmentsOf(*lease, record.evidence_ids);
        list.items.push_back({std::move(record), std::move(evidence)});
    }
    return list;
}

Result<EnergySavingView> OversightService::CreateEnergySaving(const Actor& actor, const EnergySavingInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    const auto today = context_.clock.Today();
    if (!input.contract_id) validation.Fail("contract_id", {"请选择合同", "Choose a contract"});
    if (!input.recorded_on) {
        validation.Fail("recorded_on", {"请填写记录日期", "Enter the date"});
    } else if (*input.recorded_on > today) {
        validation.Fail("recorded_on", {"记录日期不能晚于今天", "The date cannot be in the future"});
    }
    CheckLength(validation, "measure", input.measure, 2, 1000, {"节能措施", "Measure"});
    const auto saving = input.saving.value_or(Money{});
    const auto kwh = input.saving_kwh.value_or(0);
    if (saving.negative()) validation.Fail("saving", {"节约金额不能为负数", "The saving cannot be negative"});
    if (kwh < 0) validation.Fail("saving_kwh", {"节约电量不能为负数", "The kWh saved cannot be negative"});
    if (saving.fen() == 0 && kwh == 0) {
        validation.Fail("saving", {"节约金额和节约电量不能都为 0", "Enter a saving in money, in kWh or both"});
    }
    auto lease = context_.database.Acquire();
    std::optional<ContractRecord> contract;
    if (input.contract_id) {
        contract = storage::FindContract(*lease, *input.contract_id, storage::VendorScope::Of(actor));
        if (!contract) validation.Fail("contract_id", {"合同不存在", "The contract does not exist"});
    }
    auto evidence = CheckAttachments(*lease, actor, input.evidence_ids, "energy_saving", 0, "evidence_ids", validation);
    if (!validation.ok()) return validation.ToError();
    // Savings are weighed for the year-end reward (RP-1), which may be decided just after the term: a signed contract
    // that was not terminated, and a date within its term.
    if (contract->status != "active") return NotInForce();
    if (*input.recorded_on < contract->term_start || *input.recorded_on > contract->term_end) {
        return Error::Invalid("recorded_on",
                              {"记录日期须在合同期限内", "The date must lie within the contract's term"});
    }
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    EnergySaving record;
    record.contract_id = contract->id;
    record.vendor_id = contract->vendor_id;
    record.vendor_org_id = contract->vendor_org_id;
    record.owner_path = contract->owner_path;
    record.recorded_on = *input.recorded_on;
    record.measure = input.measure;
    record.saving = saving;
    record.saving_kwh = kwh;
    record.evidence_ids = input.evidence_ids;
    record.created_by = actor.user_id;
    record.created_by_name = actor.display_name.empty() ? actor.username : actor.display_name;
    record.created_at = now;
    record.id = storage::InsertEnergySaving(*lease, record);
    for (const auto file : record.evidence_ids) storage::LinkAttachment(*lease, file, "energy_saving", record.id);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "energy_saving", record.id, std::nullopt, storage::EnergySavingSnapshot(record)});
    // RP-4: a new fact re-runs the rules, in this transaction.
    policy_.EvaluateContract(*lease, &actor, contract->id);
    transaction.Commit();
    return EnergySavingView{*storage::FindEnergySaving(*lease, record.id), std::move(evidence)};
}

bool OversightService::MayReadEnergySaving(const Actor& actor, std::int64_t id) {
    if (!actor.Can(Permission::kSupervisionRead)) return false;
    auto lease = context_.database.Acquire();
    const auto record = storage::FindEnergySaving(*lease, id);
    if (!record) return false;
    if (actor.vendor_org_id) return record->vendor_org_id == *actor.vendor_org_id;
    return record->owner_path.rfind(actor.scope_path, 0) == 0;
}

}  // namespace houqin
