#include "features/contracts/service.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/text_rules.h"
#include "core/workflow.h"
#include "features/accounts/store.h"
#include "features/catalogue/store.h"
#include "features/contracts/rules/contract_text.h"
#include "features/vendors/attachment_access.h"
#include "platform/audit/audit_store.h"
#include "platform/audit/export_audit.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

constexpr const char* kSubject = "contract";

Error ContractNotFound() { return Error::NotFound({"合同不存在", "The contract does not exist"}); }

bool IsOffice(const Actor& actor) { return actor.Can(Permission::kContractWrite); }

Error NeedsAmendment() {
    return Error::Precondition({"合同已生效,修改须先记录协商并发起合同变更",
                                "The contract is in force; record a consultation and start an amendment to change it"});
}

Error NotActive() {
    return Error::Precondition({"只有履行中的合同才能进行此操作", "Only an active contract allows this"});
}

// CON-3: signed before its term begins, a contract is not yet in force; it may still be consulted on, amended or
// terminated (a vendor that withdraws before the start), but not assessed, paid or charged.
bool SignedOrActive(ContractStatus status) {
    return status == ContractStatus::kActive || status == ContractStatus::kSigned;
}

// A step no user took (the daily job) is recorded as "system" with no user id, as the rules' proposals are.
constexpr const char* kByTheSystem = "system";
constexpr const char* kTakeEffectComment = "合同期限开始,自动生效 / The term began; in force automatically";

// The review decisions of one version, from the workflow events.
std::vector<Approval> ApprovalsOf(const std::vector<WorkflowEvent>& events, int version_no) {
    std::vector<Approval> approvals;
    for (const auto& event : events) {
        if (event.version_no == version_no && event.action == "approve") {
            if (auto role = ParseRole(event.role)) approvals.push_back({*role, version_no});
        }
    }
    return approvals;
}

std::optional<ContractReviewDecision> DecisionOf(const std::vector<WorkflowEvent>& events, int version_no, Role role) {
    std::optional<ContractReviewDecision> decision;
    for (const auto& event : events) {
        if (event.version_no == version_no && (event.action == "approve" || event.action == "return") &&
            event.role == RoleCode(role)) {
            decision = ContractReviewDecision{event.action, event.comment, event.actor_name, event.actor_display_name,
                                              role,         event.at};
        }
    }
    return decision;
}

}  // namespace

void ContractService::Record(storage::Connection& connection, const Actor& actor, const ContractRecord& before,
                             const ContractRecord& after, int version_no, const std::string& action,
                             const std::string& from_state, const std::string& to_state, const std::string& comment) {
    const auto now = context_.clock.Now();
    storage::InsertWorkflowEvent(connection, kSubject, after.id,
                                 {0, version_no, action, from_state, to_state, actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), comment, now});
    std::string after_snapshot = storage::ContractSnapshot(after);
    if (!comment.empty()) {
        after_snapshot.insert(after_snapshot.size() - 1, ",\"comment\":" + storage::JsonString(comment));
    }
    storage::AppendAudit(
        connection, &actor, now,
        {action, "contract", after.id,
         before.id == 0 ? std::optional<std::string>() : storage::ContractSnapshot(before), after_snapshot});
}

Result<ContractRecord> ContractService::Load(storage::Connection& connection, const Actor& actor, std::int64_t id) {
    auto record = storage::FindContract(connection, id, storage::VendorScope::Of(actor));
    if (!record) return ContractNotFound();
    return *record;
}

Result<ContractRecord> ContractService::LoadForWrite(storage::Connection& connection, const Actor& actor,
                                                     std::int64_t id) {
    storage::LockContract(connection, id);
    return Load(connection, actor, id);
}

ContractView ContractService::Build(storage::Connection& connection, const Actor& actor, ContractRecord record,
                                    bool with_content) {
    std::optional<ContractContent> content;
    if (with_content) {
        if (const auto latest = storage::FindContractVersion(connection, record.id, record.version_no)) {
            content = storage::ParseContractContent(latest->content_json);
        }
    }
    const auto events = storage::ListWorkflowEvents(connection, kSubject, record.id);
    std::optional<AttachmentInfo> scan;
    if (record.signing && record.signing->attachment_id > 0) {
        if (auto attachment =
                storage::FindAttachment(connection, record.signing->attachment_id, storage::AttachmentRead::kInfo)) {
            scan = attachment->info;
        }
    }
    auto view = BuildFrom(actor, std::move(record), events, std::move(scan));
    if (content) view.content = std::move(*content);
    return view;
}

ContractView ContractService::BuildFrom(const Actor& actor, ContractRecord record,
                                        const std::vector<WorkflowEvent>& events,
                                        std::optional<AttachmentInfo> signed_scan) {
    ContractView view;
    const auto today = context_.clock.Today();
    view.status = ParseContractStatus(record.status).value_or(ContractStatus::kDraft);
    if (view.status == ContractStatus::kActive) {
        view.days_to_expiry = record.term_end.days() - today.days();
        if (record.term_end < today)
            view.status = record.successor_id ? ContractStatus::kRenewed : ContractStatus::kExpired;
    }
    for (const auto& event : events) {
        if (event.action == "submit") view.review_version_no = event.version_no;
    }
    if (view.review_version_no > 0) {
        view.legal = DecisionOf(events, view.review_version_no, Role::kJudicial);
        view.text = DecisionOf(events, view.review_version_no, Role::kPartyOffice);
    }
    view.signed_scan = std::move(signed_scan);
    // What this user may do now (the UI shows exactly these buttons).
    const auto& workflow = ContractReviewWorkflow();
    const bool effective_active = view.status == ContractStatus::kActive;
    const bool in_force = record.status == "active";
    const bool not_yet_in_force = view.status == ContractStatus::kSigned;
    for (const auto& name : workflow.Allowed(record.review_state, actor.role)) {
        if (name == "approve") {
            const auto mine = DecisionOf(events, record.version_no, actor.role);
            if (!mine) view.allowed_actions.emplace_back("review");
        } else if (name != "return") {
            view.allowed_actions.push_back(name);
        }
    }
    if (IsOffice(actor) && (in_force || not_yet_in_force)) {
        const bool changeable = effective_active || not_yet_in_force;
        if (changeable && !record.amendment) view.allowed_actions.emplace_back("amend");
        if (changeable) view.allowed_actions.emplace_back("consult");
        if (in_force && !record.successor_id) view.allowed_actions.emplace_back("renew");
        if (changeable) view.allowed_actions.emplace_back("terminate");
    }
    if (effective_active && actor.Can(Permission::kPaymentWrite)) view.allowed_actions.emplace_back("pay");
    view.record = std::move(record);
    return view;
}

Result<Page<ContractView>> ContractService::List(const Actor& actor, const ContractQuery& query) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::ContractFilter filter;
    filter.scope = storage::VendorScope::Of(actor);
    filter.q = query.q;
    filter.status = query.status;
    filter.vendor_id = query.vendor_id;
    filter.today = context_.clock.Today();
    filter.sort = query.sort;
    filter.descending = query.descending;
    filter.page = query.page;
    filter.page_size = query.page_size;
    auto [records, total] = storage::ListContracts(*lease, filter);
    // The page's latest reviews and signed scans in one query each (BuildFrom reads the latest submission's decisions
    // and, for a reviewer, their own on the current version: nothing earlier).
    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> scan_ids;
    for (const auto& record : records) {
        ids.push_back(record.id);
        if (record.signing && record.signing->attachment_id > 0) scan_ids.push_back(record.signing->attachment_id);
    }
    const auto events = storage::ListLatestReviewEventsOf(*lease, kSubject, ids);
    const auto scans = storage::FindAttachmentInfos(*lease, scan_ids);
    const std::vector<WorkflowEvent> none;
    std::vector<ContractView> views;
    for (auto& record : records) {
        const auto found = events.find(record.id);
        std::optional<AttachmentInfo> scan;
        if (record.signing && record.signing->attachment_id > 0) {
            if (const auto file = scans.find(record.signing->attachment_id); file != scans.end()) scan = file->second;
        }
        views.push_back(
            BuildFrom(actor, std::move(record), found == events.end() ? none : found->second, std::move(scan)));
    }
    return PageOf(std::move(views), total);
}

Result<ContractView> ContractService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto record = Load(*lease, actor, id);
    if (!record) return record.error();
    return Build(*lease, actor, std::move(*record));
}

Status ContractService::CheckReferences(storage::Connection& connection, const Actor& actor, ContractContent& content) {
    Validation validation;
    const auto vendor = storage::FindVendor(connection, content.vendor_id, storage::VendorScope::Of(actor));
    if (content.vendor_id > 0 && !vendor) validation.Fail("vendor_id", {"外包单位不存在", "The vendor does not exist"});
    const auto category = storage::FindCategory(connection, content.category_id);
    if (content.category_id > 0 && !category) {
        validation.Fail("category_id", {"服务类别不存在", "The category does not exist"});
    }
    const auto department = storage::FindOrg(connection, content.responsible_department_id);
    if (content.responsible_department_id > 0 && (!department || department->kind == OrgKind::kVendor)) {
        validation.Fail("responsible_department_id", {"责任部门不存在", "The responsible department does not exist"});
    }
    if (!validation.ok()) return validation.ToError();
    // CAT-2: an empty checklist takes the category's default.
    if (category && content.assessment.checklist.empty()) content.assessment.checklist = category->checklist;
    return Ok();
}

Result<ContractView> ContractService::Create(const Actor& actor, ContractContent content) {
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    if (auto status = CheckReferences(*lease, actor, content); !status) return status.error();
    if (auto status = ValidateContractContent(content); !status) return status.error();
    const auto vendor = storage::FindVendor(*lease, content.vendor_id, storage::VendorScope::Of(actor));
    const auto owner = storage::FindOrg(*lease, OrgIdOfPath(actor.scope_path));
    if (!owner) return Error::Forbidden();
    storage::Transaction transaction(*lease);
    const auto id = InsertDraft(*lease, actor, content, *owner, *vendor);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

std::int64_t ContractService::InsertDraft(storage::Connection& connection, const Actor& actor,
                                          const ContractContent& content, const Organisation& owner,
                                          const Vendor& vendor) {
    const auto now = context_.clock.Now();
    ContractRecord record;
    record.code = storage::NextContractCode(connection,
                                            static_cast<int>(std::chrono::year_month_day{
                                                std::chrono::sys_days{std::chrono::days{context_.clock.Today().days()}}}
                                                                 .year()));
    record.title = content.title;
    record.vendor_id = content.vendor_id;
    record.vendor_org_id = vendor.org_id;
    record.owner_org_id = owner.id;
    record.owner_path = owner.path;
    record.category_id = content.category_id;
    record.status = "draft";
    record.review_state = "draft";
    record.version_no = 1;
    record.term_start = content.term_start;
    record.term_end = content.term_end;
    record.total_amount = content.total_amount;
    record.id = storage::InsertContract(connection, record, now);
    storage::InsertContractVersion(
        connection,
        {0, record.id, 1, "original", "draft", storage::SerializeContractContent(content), actor.username, now, {}});
    Record(connection, actor, {}, record, 1, "create", "", "draft", "");
    return record.id;
}

Result<ContractView> ContractService::Update(const Actor& actor, std::int64_t id, ContractContent content) {
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    if ((record.status == "active" || record.status == "signed") && !record.amendment) return NeedsAmendment();
    if (record.status == "terminated") return NotActive();
    if (auto check = ContractReviewWorkflow().Check(record.review_state, "edit", actor.role, ""); !check) {
        if (record.review_state == "in_review") {
            return Error::Precondition(
                {"合同正在审查中,不能修改", "The contract is under review and cannot be edited"});
        }
        return check.error();
    }
    if (auto status = CheckReferences(*lease, actor, content); !status) return status.error();
    if (auto status = ValidateContractContent(content); !status) return status.error();
    if (record.amendment && content.vendor_id != record.vendor_id) {
        return Error::Invalid("vendor_id", {"合同变更不能更换外包单位", "An amendment cannot change the vendor"});
    }
    const auto vendor = storage::FindVendor(*lease, content.vendor_id, storage::VendorScope::Of(actor));
    const auto before = record;
    const auto now = context_.clock.Now();
    auto latest = *storage::FindContractVersion(*lease, id, record.version_no);
    if (latest.status == "draft") {
        latest.content_json = storage::SerializeContractContent(content);
        storage::UpdateContractVersion(*lease, latest);
    } else {
        // A returned version stays as the reviewers saw it; the revision is a new version (CON-2: every version kept).
        record.version_no += 1;
        storage::InsertContractVersion(*lease, {0,
                                                id,
                                                record.version_no,
                                                latest.kind,
                                                "draft",
                                                storage::SerializeContractContent(content),
                                                actor.username,
                                                now,
                                                {}});
    }
    record.review_state = "draft";
    if (!record.amendment) {
        record.status = "draft";
        record.title = content.title;
        record.vendor_id = content.vendor_id;
        record.vendor_org_id = vendor->org_id;
        record.category_id = content.category_id;
        record.term_start = content.term_start;
        record.term_end = content.term_end;
        record.total_amount = content.total_amount;
    }
    storage::UpdateContract(*lease, record, now);
    Record(*lease, actor, before, record, record.version_no, "update", before.review_state, "draft", "");
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

Result<ContractView> ContractService::Submit(const Actor& actor, std::int64_t id) {
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    if (auto check = ContractReviewWorkflow().Check(record.review_state, "submit", actor.role, ""); !check) {
        return check.error();
    }
    const auto before = record;
    const auto now = context_.clock.Now();
    auto latest = *storage::FindContractVersion(*lease, id, record.version_no);
    if (latest.status != "draft") {
        // Resubmitting a returned version unchanged still makes a new version, so reviews never mix versions.
        record.version_no += 1;
        latest.version_no = record.version_no;
        latest.created_by = actor.username;
        latest.created_at = now;
        storage::InsertContractVersion(*lease, latest);
    }
    // CON-1: the text under review cites the rules' title in force now; reviewed and signed texts keep it.
    auto content = storage::ParseContractContent(latest.content_json);
    const auto rules = storage::ReadTextSetting(*lease, setting::kOrganisationRulesTitle);
    content.rules_title = rules.text;
    content.rules_settings_version = rules.version;
    latest.content_json = storage::SerializeContractContent(content);
    latest.status = "in_review";
    latest.submitted_at = now;
    storage::UpdateContractVersion(*lease, latest);
    record.review_state = "in_review";
    if (!record.amendment) record.status = "in_review";
    storage::UpdateContract(*lease, record, now);
    Record(*lease, actor, before, record, record.version_no, "submit", before.review_state, "in_review", "");
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

Result<ContractView> ContractService::Review(const Actor& actor, std::int64_t id, int version_no,
                                             const std::string& decision, const std::string& comment) {
    if (auto status = actor.Require(Permission::kContractReview); !status) return status.error();
    if (decision != "approve" && decision != "return") {
        return Error::Invalid("decision",
                              {"审查结论须为 approve(通过)或 return(退回)", "decision must be approve or return"});
    }
    Validation validation;
    CheckLength(validation, "comment", comment, 0, 2000, {"审查意见", "Comment"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    const auto& workflow = ContractReviewWorkflow();
    auto check = workflow.Check(record.review_state, decision, actor.role, comment);
    if (!check) return check.error();
    if (version_no != record.version_no) {
        return Error::Conflict(
            ErrorCode::kFailedPrecondition, "version_no",
            {fmt::format("审查的是第 {} 版,当前送审的是第 {} 版", version_no, record.version_no),
             fmt::format("You reviewed version {}, but version {} is under review", version_no, record.version_no)});
    }
    auto events = storage::ListWorkflowEvents(*lease, kSubject, id);
    if (DecisionOf(events, version_no, actor.role)) {
        return Error::Precondition({"您已对该版本作出审查结论", "You have already decided on this version"});
    }
    const auto before = record;
    const auto now = context_.clock.Now();
    auto version = *storage::FindContractVersion(*lease, id, version_no);
    std::string to_state = record.review_state;
    if (decision == "return") {
        to_state = "returned";
    } else {
        auto approvals = ApprovalsOf(events, version_no);
        approvals.push_back({actor.role, version_no});
        if (workflow.FullyApproved(approvals, version_no)) to_state = workflow.approved_state;
    }
    if (to_state != record.review_state) {
        version.status = to_state;
        storage::UpdateContractVersion(*lease, version);
        record.review_state = to_state;
        if (!record.amendment) record.status = to_state;
        storage::UpdateContract(*lease, record, now);
    }
    Record(*lease, actor, before, record, version_no, decision, before.review_state, to_state, comment);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

Result<ContractView> ContractService::Sign(const Actor& actor, std::int64_t id, const SignInput& input) {
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    if (auto check = ContractReviewWorkflow().Check(record.review_state, "sign", actor.role, ""); !check) {
        if (check.error().code == ErrorCode::kFailedPrecondition) {
            return Error::Precondition({"须经司法所法律审查和党政办文字把关均通过同一版本后才能签订",
                                        "Both the legal review and the text review must approve the same version "
                                        "before signing"});
        }
        return check.error();
    }
    Validation validation;
    if (!input.signed_on) validation.Fail("signed_on", {"请填写签订日期", "Enter the signing date"});
    CheckLength(validation, "party_a_signatory", input.party_a_signatory, 1, 50, {"甲方签字人", "Party A signatory"});
    CheckLength(validation, "party_b_signatory", input.party_b_signatory, 1, 50, {"乙方签字人", "Party B signatory"});
    if (!input.attachment_id) {
        validation.Fail("attachment_id", {"请上传签字盖章的合同扫描件", "Upload the signed scan"});
    } else {
        // X-5: the office's own upload (or one already on this contract), never a file of someone else's.
        if (!AttachmentForUse(*lease, actor, *input.attachment_id, "contract", id)) {
            validation.Fail("attachment_id", {"附件不存在", "The attachment does not exist"});
        }
    }
    if (!validation.ok()) return validation.ToError();
    auto version = *storage::FindContractVersion(*lease, id, record.version_no);
    const auto content = storage::ParseContractContent(version.content_json);
    // A contract is signed only with both parties' contacts and bank details filled in (CON-1); nothing is written.
    if (auto complete = ValidateContentForSigning(content); !complete) return complete.error();
    const auto before = record;
    const auto now = context_.clock.Now();
    if (record.active_version_no > 0) {
        if (auto previous = storage::FindContractVersion(*lease, id, record.active_version_no)) {
            previous->status = "superseded";
            storage::UpdateContractVersion(*lease, *previous);
        }
    }
    version.status = "signed";
    storage::UpdateContractVersion(*lease, version);
    record.active_version_no = record.version_no;
    // CON-3: a contract whose term has not begun is signed, not yet in force; the daily job puts it in force on its
    // start date. An amendment of a contract in force keeps it in force.
    record.status = before.status == "active" || content.term_start <= context_.clock.Today() ? "active" : "signed";
    record.review_state = "none";
    record.amendment.reset();
    record.title = content.title;
    record.term_start = content.term_start;
    record.term_end = content.term_end;
    record.total_amount = content.total_amount;
    record.signing = SigningRecord{*input.signed_on,     input.party_a_signatory, input.party_b_signatory,
                                   *input.attachment_id, record.version_no,       actor.username};
    storage::UpdateContract(*lease, record, now);
    storage::LinkAttachment(*lease, *input.attachment_id, "contract", id);
    Record(*lease, actor, before, record, record.version_no, "sign", before.review_state, "signed",
           fmt::format("甲方 {} / 乙方 {} / {}", input.party_a_signatory, input.party_b_signatory,
                       input.signed_on->ToString()));
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

Result<std::vector<ContractVersion>> ContractService::Versions(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    if (auto record = Load(*lease, actor, id); !record) return record.error();
    return storage::ListContractVersions(*lease, id);
}

Result<std::vector<WorkflowEvent>> ContractService::History(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    if (auto record = Load(*lease, actor, id); !record) return record.error();
    return storage::ListWorkflowEvents(*lease, kSubject, id);
}

Result<ContractService::Document> ContractService::DocumentData(const Actor& actor, std::int64_t id, int version_no) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto record = Load(*lease, actor, id);
    if (!record) return record.error();
    const int wanted = version_no > 0 ? version_no : record->version_no;
    const auto version = storage::FindContractVersion(*lease, id, wanted);
    if (!version) return Error::NotFound({"合同版本不存在", "The contract version does not exist"});
    auto view = Build(*lease, actor, std::move(*record));
    auto content = storage::ParseContractContent(version->content_json);
    content.rules_title = RulesTitleOfVersion(version->status, content,
                                              storage::ReadTextSetting(*lease, setting::kOrganisationRulesTitle).text);
    auto status = ContractVersionStatusName(version->status, view.status);
    return Document{std::move(view), std::move(content), version->version_no, std::move(status)};
}

Result<Consultation> ContractService::AddConsultation(const Actor& actor, std::int64_t id,
                                                      const ConsultationInput& input) {
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    Validation validation;
    if (!input.held_on) validation.Fail("held_on", {"请填写协商日期", "Enter the date of the consultation"});
    CheckLength(validation, "participants", input.participants, 2, 500, {"参加人员", "Participants"});
    CheckLength(validation, "summary", input.summary, 2, 5000, {"协商内容", "Summary"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    auto record = Load(*lease, actor, id);
    if (!record) return record.error();
    storage::Transaction transaction(*lease);
    const auto now = context_.clock.Now();
    Consultation consultation{0, id, *input.held_on, input.participants, input.summary, actor.username, now};
    consultation.id = storage::InsertConsultation(*lease, consultation);
    storage::AppendAudit(
        *lease, &actor, now,
        {"consultation", "contract", id, std::nullopt,
         fmt::format(R"({{"consultation_id":{},"held_on":"{}","participants":{},"summary":{}}})", consultation.id,
                     consultation.held_on.ToString(), storage::JsonString(consultation.participants),
                     storage::JsonString(consultation.summary))});
    transaction.Commit();
    return consultation;
}

Result<std::vector<Consultation>> ContractService::Consultations(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    if (auto record = Load(*lease, actor, id); !record) return record.error();
    return storage::ListConsultations(*lease, id);
}

Result<ContractView> ContractService::StartAmendment(const Actor& actor, std::int64_t id,
                                                     std::optional<std::int64_t> consultation_id,
                                                     const std::string& reason) {
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    const auto view = Build(*lease, actor, record);
    if (!SignedOrActive(view.status)) return NotActive();
    if (record.amendment) {
        return Error::Precondition({"该合同已有进行中的变更", "An amendment of this contract is already in progress"});
    }
    Validation validation;
    // D5.6: amendments follow a recorded consultation with the vendor.
    if (!consultation_id || !storage::FindConsultation(*lease, id, *consultation_id)) {
        validation.Fail("consultation_id", {"请选择本合同的协商记录", "Choose a consultation record of this contract"});
    }
    CheckLength(validation, "reason", reason, 2, 1000, {"变更原因", "Reason"});
    if (!validation.ok()) return validation.ToError();
    const auto before = record;
    const auto now = context_.clock.Now();
    const auto active = *storage::FindContractVersion(*lease, id, record.active_version_no);
    record.version_no += 1;
    storage::InsertContractVersion(
        *lease, {0, id, record.version_no, "amendment", "draft", active.content_json, actor.username, now, {}});
    record.review_state = "draft";
    record.amendment = AmendmentRecord{*consultation_id, reason};
    storage::UpdateContract(*lease, record, now);
    Record(*lease, actor, before, record, record.version_no, "amend", "none", "draft", reason);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

Result<ContractView> ContractService::Terminate(const Actor& actor, std::int64_t id, const TerminationInput& input) {
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    Validation validation;
    CheckLength(validation, "reason", input.reason, 2, 2000, {"终止原因", "Reason"});
    CheckLength(validation, "breach_liability", input.breach_liability, 0, 5000, {"违约责任", "Breach liability"});
    if (!input.effective_on) validation.Fail("effective_on", {"请填写终止日期", "Enter the effective date"});
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    if (!SignedOrActive(Build(*lease, actor, record).status)) return NotActive();
    if (*input.effective_on < record.term_start) {
        return Error::Invalid("effective_on",
                              {"终止日期不能早于合同开始日期", "The contract cannot end before it started"});
    }
    ApplyTermination(*lease, actor, record, input.reason, input.breach_liability, *input.effective_on);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, id, {"/", std::nullopt}));
}

void ContractService::ApplyTermination(storage::Connection& connection, const Actor& actor, ContractRecord record,
                                       const std::string& reason, const std::string& breach_liability,
                                       Date effective_on) {
    const auto before = record;
    const auto now = context_.clock.Now();
    record.status = "terminated";
    record.review_state = "none";
    record.amendment.reset();  // an amendment in progress ends with the contract
    record.termination = TerminationRecord{reason, breach_liability, effective_on, actor.username, now};
    storage::UpdateContract(connection, record, now);
    Record(connection, actor, before, record, record.version_no, "terminate", before.status, "terminated", reason);
}

Result<ContractView> ContractService::Renew(const Actor& actor, std::int64_t id, const RenewalInput& input) {
    if (auto status = actor.Require(Permission::kContractWrite); !status) return status.error();
    Validation validation;
    CheckLength(validation, "reason", input.reason, 2, 2000, {"续签理由", "Reason"});
    if (!input.term_start) validation.Fail("term_start", {"请填写新合同开始日期", "Enter the new term's start"});
    if (!input.term_end) validation.Fail("term_end", {"请填写新合同终止日期", "Enter the new term's end"});
    if (input.term_start && input.term_end && *input.term_end <= *input.term_start) {
        validation.Fail("term_end", {"合同终止日期须晚于起始日期", "The term must end after it starts"});
    }
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto loaded = LoadForWrite(*lease, actor, id);
    if (!loaded) return loaded.error();
    auto record = *loaded;
    const auto status = Build(*lease, actor, record).status;
    if (record.status != "active" || (status != ContractStatus::kActive && status != ContractStatus::kExpired)) {
        return NotActive();
    }
    if (record.successor_id) {
        return Error::Precondition({"该合同已续签", "This contract has already been renewed"});
    }
    if (*input.term_start <= record.term_start) {
        return Error::Invalid("term_start",
                              {"续签合同须晚于原合同开始", "The renewal must start after the current term starts"});
    }
    const auto before = record;
    const auto now = context_.clock.Now();
    auto content =
        storage::ParseContractContent(storage::FindContractVersion(*lease, id, record.active_version_no)->content_json);
    content.term_start = *input.term_start;
    content.term_end = *input.term_end;
    content.payment.installments =
        GenerateSchedule(content.term_start, content.term_end, content.payment.frequency, content.total_amount);
    ContractRecord successor = record;
    successor.id = 0;
    successor.code = storage::NextContractCode(
        *lease,
        static_cast<int>(
            std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{content.term_start.days()}}}.year()));
    successor.status = "draft";
    successor.review_state = "draft";
    successor.version_no = 1;
    successor.active_version_no = 0;
    successor.term_start = content.term_start;
    successor.term_end = content.term_end;
    successor.predecessor_id = id;
    successor.successor_id.reset();
    successor.signing.reset();
    successor.termination.reset();
    successor.amendment.reset();
    successor.id = storage::InsertContract(*lease, successor, now);
    storage::InsertContractVersion(
        *lease,
        {0, successor.id, 1, "original", "draft", storage::SerializeContractContent(content), actor.username, now, {}});
    Record(*lease, actor, {}, successor, 1, "create", "", "draft", fmt::format("续签自 {}", record.code));
    // CON-6: the current contract stays in force until its term ends, then reads as renewed.
    record.successor_id = successor.id;
    storage::UpdateContract(*lease, record, now);
    Record(*lease, actor, before, record, record.version_no, "renew", "active", "active", input.reason);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindContract(*lease, successor.id, {"/", std::nullopt}));
}

std::vector<std::int64_t> ContractService::BringIntoForce() {
    std::vector<std::int64_t> started;
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    for (const auto id : storage::ContractsStartingBy(*lease, today)) {
        try {
            storage::Transaction transaction(*lease);
            storage::LockContract(*lease, id);
            auto record = storage::FindContract(*lease, id, {"/", std::nullopt});
            // Read again inside the transaction: the list may be stale (another run, a termination meanwhile).
            if (!record || record->status != "signed" || today < record->term_start) continue;
            const auto before = *record;
            const auto now = context_.clock.Now();
            record->status = "active";
            storage::UpdateContract(*lease, *record, now);
            storage::InsertWorkflowEvent(*lease, kSubject, id,
                                         {0, record->active_version_no, "take_effect", "signed", "active", std::nullopt,
                                          kByTheSystem, kByTheSystem, kTakeEffectComment, now});
            std::string after = storage::ContractSnapshot(*record);
            after.insert(after.size() - 1, ",\"comment\":" + storage::JsonString(kTakeEffectComment));
            storage::AppendAudit(*lease, nullptr, now,
                                 {"take_effect", "contract", id, storage::ContractSnapshot(before), after});
            transaction.Commit();
            started.push_back(id);
        } catch (const std::exception& error) {
            // One contract's failure must not stop the others; it is retried on the next run.
            spdlog::error("daily job: contract {} could not come into force: {}", id, error.what());
        }
    }
    return started;
}

ContractLedger ContractService::ComputeLedgerFor(storage::Connection& connection, const ContractRecord& record) {
    ContractLedger ledger;
    const int version_no = record.active_version_no > 0 ? record.active_version_no : record.version_no;
    const auto content =
        storage::ParseContractContent(storage::FindContractVersion(connection, record.id, version_no)->content_json);
    ledger.entries = storage::ListLedgerEntries(connection, record.id);
    ledger.payments = storage::ListPayments(connection, record.id);
    std::vector<LedgerMovement> deductions, rewards, payments;
    for (const auto& entry : ledger.entries) {
        (entry.kind == "deduction" ? deductions : rewards).push_back({entry.period, entry.amount});
    }
    for (const auto& payment : ledger.payments) payments.push_back({payment.period, payment.amount});
    ledger.statement = ComputeLedger(content.payment.installments, deductions, rewards, payments);
    return ledger;
}

LedgerStatement ContractService::ComputeStatementFor(storage::Connection& connection, const ContractRecord& record) {
    const int version_no = record.active_version_no > 0 ? record.active_version_no : record.version_no;
    const auto content =
        storage::ParseContractContent(storage::FindContractVersion(connection, record.id, version_no)->content_json);
    const auto sums = storage::SumLedger(connection, record.id);
    return ComputeLedger(content.payment.installments, sums.deductions, sums.rewards, sums.payments);
}

Result<ContractLedger> ContractService::Ledger(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kContractRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto record = Load(*lease, actor, id);
    if (!record) return record.error();
    return ComputeLedgerFor(*lease, *record);
}

Result<LedgerEntry> ContractService::AddLedgerEntry(const Actor& actor, std::int64_t id, const LedgerInput& input) {
    if (auto status = actor.Require(Permission::kPaymentWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto record = LoadForWrite(*lease, actor, id);
    if (!record) return record.error();
    if (Build(*lease, actor, *record).status != ContractStatus::kActive) return NotActive();
    const auto statement = ComputeStatementFor(*lease, *record);
    Validation validation;
    if (input.kind != "deduction" && input.kind != "reward") {
        validation.Fail("kind", {"类型须为 deduction(扣款)或 reward(奖励)", "kind must be deduction or reward"});
    }
    const bool known_period = std::any_of(statement.periods.begin(), statement.periods.end(),
                                          [&](const PeriodStatement& period) { return period.period == input.period; });
    if (!known_period) validation.Fail("period", {"付款计划中没有该期间", "The payment schedule has no such period"});
    if (!input.amount || input.amount->fen() <= 0) {
        validation.Fail("amount", {"金额须大于 0", "The amount must be greater than 0"});
    }
    CheckLength(validation, "reason", input.reason, 2, 1000, {"事由", "Reason"});
    if (!validation.ok()) return validation.ToError();
    const auto now = context_.clock.Now();
    LedgerEntry entry{0, id, input.kind, input.period, *input.amount, input.reason, "manual", actor.username, now};
    entry.id = storage::InsertLedgerEntry(*lease, entry);
    storage::AppendAudit(*lease, &actor, now,
                         {"ledger_" + input.kind, "contract", id, std::nullopt,
                          fmt::format(R"({{"entry_id":{},"period":"{}","amount":"{}","reason":{}}})", entry.id,
                                      entry.period, entry.amount.ToString(), storage::JsonString(entry.reason))});
    transaction.Commit();
    return entry;
}

Result<PaymentRecord> ContractService::AddPayment(const Actor& actor, std::int64_t id, const PaymentInput& input) {
    if (auto status = actor.Require(Permission::kPaymentWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);  // the checks below and the change, against a locked row
    auto record = LoadForWrite(*lease, actor, id);
    if (!record) return record.error();
    if (Build(*lease, actor, *record).status != ContractStatus::kActive) return NotActive();
    const auto statement = ComputeStatementFor(*lease, *record);
    Validation validation;
    const PeriodStatement* period = nullptr;
    for (const auto& candidate : statement.periods) {
        if (candidate.period == input.period) period = &candidate;
    }
    if (!period) validation.Fail("period", {"付款计划中没有该期间", "The payment schedule has no such period"});
    if (!input.amount || input.amount->fen() <= 0) {
        validation.Fail("amount", {"金额须大于 0", "The amount must be greater than 0"});
    } else if (period && *input.amount > period->balance) {
        validation.Fail("amount", {fmt::format("超过该期应付余额 {} 元", period->balance.ToString()),
                                   fmt::format("More than the period's balance of {}", period->balance.ToString())});
    }
    if (!input.paid_on) validation.Fail("paid_on", {"请填写付款日期", "Enter the payment date"});
    CheckLength(validation, "reference", input.reference, 0, 100, {"凭证号", "Reference"});
    CheckLength(validation, "note", input.note, 0, 1000, {"备注", "Note"});
    if (!validation.ok()) return validation.ToError();
    const auto now = context_.clock.Now();
    PaymentRecord payment{
        0, id, input.period, *input.amount, *input.paid_on, input.reference, input.note, actor.username, now};
    payment.id = storage::InsertPayment(*lease, payment);
    storage::AppendAudit(*lease, &actor, now,
                         {"payment", "contract", id, std::nullopt,
                          fmt::format(R"({{"payment_id":{},"period":"{}","amount":"{}","paid_on":"{}"}})", payment.id,
                                      payment.period, payment.amount.ToString(), payment.paid_on.ToString())});
    transaction.Commit();
    return payment;
}

Status ContractService::RecordDocumentRead(const Actor& actor, std::int64_t id, const Document& document) {
    storage::ExportRecord record{
        "contract_document",
        "pdf",
        "contract",
        id,
        {{"contract", document.view.record.code}, {"version", std::to_string(document.version_no)}},
        1};
    return storage::RecordExport(context_.database, actor, context_.clock.Now(), record, false);
}

}  // namespace houqin
