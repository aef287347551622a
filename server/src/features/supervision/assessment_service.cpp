#include "features/supervision/assessment_service.h"

#include <fmt/format.h>

#include "core/text_rules.h"
#include "core/workflow.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

constexpr const char* kAssessmentSubject = "assessment";

Error AssessmentNotFound() { return Error::NotFound({"考核记录不存在", "The assessment does not exist"}); }

Error ContractNotFound() { return Error::NotFound({"合同不存在", "The contract does not exist"}); }

Error NotActive() {
    return Error::Precondition({"只有履行中的合同才能考核", "Only an active contract can be assessed"});
}

struct ContractTerms {
    ContractRecord contract;
    ContractContent content;
    int version_no = 0;
};

// The contract with the version in force (an amendment being drafted does not change how it is assessed).
std::optional<ContractTerms> LoadTerms(storage::Connection& connection, const Actor& actor, std::int64_t id) {
    auto contract = storage::FindContract(connection, id, storage::VendorScope::Of(actor));
    if (!contract) return std::nullopt;
    ContractTerms terms{
        *contract, {}, contract->active_version_no > 0 ? contract->active_version_no : contract->version_no};
    if (auto version = storage::FindContractVersion(connection, id, terms.version_no)) {
        terms.content = storage::ParseContractContent(version->content_json);
    }
    return terms;
}

std::vector<AssessmentItemInput> ItemInputs(const std::vector<AssessmentItemEntry>& entries, Validation& validation,
                                            const std::string& prefix) {
    std::vector<AssessmentItemInput> inputs;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& entry = entries[i];
        if (!entry.lost_tenths) {
            validation.Fail(
                fmt::format("{}[{}].lost", prefix, i),
                {"扣分须为最多一位小数的非负数", "Points lost must be a number >= 0 with at most one decimal"});
        }
        CheckLength(validation, fmt::format("{}[{}].note", prefix, i), entry.note, 0, 1000, {"说明", "Note"});
        inputs.push_back({entry.item, entry.lost_tenths.value_or(0)});
    }
    return inputs;
}

// photos and appeal files must be the caller's own organisation's uploads (or already on this assessment):
// a vendor cannot cite, and so read the name and checksum of, another vendor's file.
void CheckFiles(storage::Connection& connection, const Actor& actor, std::int64_t assessment_id, Validation& validation,
                const std::vector<std::int64_t>& ids, const std::string& field) {
    if (ids.size() > 20) validation.Fail(field, {"附件最多 20 个", "At most 20 files"});
    for (const auto id : ids) {
        if (!AttachmentForUse(connection, actor, id, "assessment", assessment_id)) {
            validation.Fail(field, {fmt::format("附件 {} 不存在", id), fmt::format("File {} does not exist", id)});
        }
    }
}

}  // namespace

AssessmentView AssessmentService::Build(storage::Connection& connection, const Actor& actor, AssessmentRecord record,
                                        bool detail) {
    AssessmentView view;
    const auto today = context_.clock.Today();
    view.can_appeal =
        actor.Can(Permission::kSupervisionRespond) && record.status == "submitted" && today <= record.appeal_deadline;
    if (detail) {
        std::vector<AssessmentItemInput> inputs;
        for (const auto& item : record.items) inputs.push_back({item.item, item.lost_tenths});
        if (auto outcome = ComputeAssessment(record.terms.terms, inputs, record.terms.failed_item_percent)) {
            view.computation = outcome->computation;
        }
        view.appeal = storage::FindAppeal(connection, record.id);
        std::vector<std::int64_t> ids;
        for (const auto& item : record.items) ids.insert(ids.end(), item.photo_ids.begin(), item.photo_ids.end());
        if (view.appeal) ids.insert(ids.end(), view.appeal->attachment_ids.begin(), view.appeal->attachment_ids.end());
        for (const auto id : ids) {
            if (auto file = storage::FindAttachment(connection, id, storage::AttachmentRead::kInfo))
                view.files[id] = file->info;
        }
        view.history = storage::ListWorkflowEvents(connection, kAssessmentSubject, record.id);
    }
    view.record = std::move(record);
    return view;
}

Result<AssessmentForm> AssessmentService::Form(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto terms = LoadTerms(*lease, actor, contract_id);
    if (!terms) return ContractNotFound();
    const auto today = context_.clock.Today();
    if (terms->contract.status != "active" || terms->contract.term_end < today) return NotActive();
    AssessmentForm form;
    form.contract = terms->contract;
    form.version_no = terms->version_no;
    form.terms = terms->content.assessment;
    form.deductions = terms->content.deductions;
    form.failed_item_percent = static_cast<int>(context_.settings.Get(*lease, setting::kAssessmentFailedItemPercent));
    form.appeal_days = static_cast<int>(context_.settings.Get(*lease, setting::kAssessmentAppealDays));
    storage::AssessmentFilter filter;
    filter.scope = {"/", std::nullopt};
    filter.contract_id = contract_id;
    filter.page_size = 0;
    const auto existing = storage::ListAssessments(*lease, filter).items;
    for (const auto& period :
         TermPeriods(terms->contract.term_start, terms->contract.term_end, terms->content.assessment.frequency)) {
        AssessmentPeriodOption option{period, false, period.first > today};
        for (const auto& assessment : existing) {
            if (assessment.period == period.label && assessment.kind == "routine") option.assessed = true;
        }
        form.periods.push_back(option);
    }
    return form;
}

Result<Page<AssessmentView>> AssessmentService::List(const Actor& actor, const AssessmentQuery& query) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    storage::AssessmentFilter filter;
    filter.scope = storage::VendorScope::Of(actor);
    filter.contract_id = query.contract_id;
    filter.vendor_id = query.vendor_id;
    filter.period = query.period;
    filter.passed = query.passed;
    filter.status = query.status;
    filter.sort = query.sort;
    filter.descending = query.descending;
    filter.page = query.page;
    filter.page_size = query.page_size;
    filter.with_items = false;  // the list shows neither items nor terms
    auto [records, total] = storage::ListAssessments(*lease, filter);
    std::vector<AssessmentView> views;
    views.reserve(records.size());
    for (auto& record : records) views.push_back(Build(*lease, actor, std::move(record), false));
    return PageOf(std::move(views), total);
}

Result<AssessmentView> AssessmentService::Get(const Actor& actor, std::int64_t id) {
    if (auto status = actor.Require(Permission::kSupervisionRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    auto record = storage::FindAssessment(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return AssessmentNotFound();
    return Build(*lease, actor, std::move(*record), true);
}

Result<AssessmentView> AssessmentService::Create(const Actor& actor, const AssessmentInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    if (!input.contract_id) return Error::Invalid("contract_id", {"请选择合同", "Choose the contract"});
    auto lease = context_.database.Acquire();
    auto terms = LoadTerms(*lease, actor, *input.contract_id);
    if (!terms) return ContractNotFound();
    const auto today = context_.clock.Today();
    const auto& contract = terms->contract;
    if (contract.status != "active" || contract.term_end < today) return NotActive();

    Validation validation;
    if (input.kind != "routine" && input.kind != "special") {
        validation.Fail("kind", {"类型须为 routine(日常例行)或 special(专项)", "kind must be routine or special"});
    }
    const auto periods = TermPeriods(contract.term_start, contract.term_end, terms->content.assessment.frequency);
    const auto* period = FindTermPeriod(periods, input.period);
    if (!period) {
        validation.Fail("period", {"不是本合同的考核期间", "Not an assessment period of this contract"});
    } else if (period->first > today) {
        validation.Fail("period", {"不能考核尚未开始的期间", "A period that has not started cannot be assessed"});
    }
    if (!input.assessed_on) {
        validation.Fail("assessed_on", {"请填写考核日期", "Enter the assessment date"});
    } else if (*input.assessed_on > today) {
        validation.Fail("assessed_on", {"考核日期不能晚于今天", "The assessment date cannot be in the future"});
    } else if (*input.assessed_on < contract.term_start || (period && *input.assessed_on < period->first)) {
        validation.Fail("assessed_on",
                        {"考核日期不能早于该考核期间的开始", "The assessment date cannot be before the period starts"});
    }
    const auto missing = input.missing_staff_days.value_or(0);
    if (missing < 0 || missing > 372) {
        validation.Fail("missing_staff_days", {"缺岗人天须在 0 到 372 之间", "Missing staff-days must be 0 to 372"});
    }
    CheckLength(validation, "summary", input.summary, 0, 2000, {"考核小结", "Summary"});
    const auto inputs = ItemInputs(input.items, validation, "items");
    for (std::size_t i = 0; i < input.items.size(); ++i) {
        CheckFiles(*lease, actor, 0, validation, input.items[i].photo_ids, fmt::format("items[{}].photo_ids", i));
    }
    const int failed_item_percent =
        static_cast<int>(storage::ReadSetting(*lease, setting::kAssessmentFailedItemPercent));
    std::optional<AssessmentOutcome> outcome;
    if (validation.ok()) {
        auto computed = ComputeAssessment(terms->content.assessment, inputs, failed_item_percent);
        if (!computed) return computed.error();
        outcome = std::move(*computed);
    }
    if (!validation.ok()) return validation.ToError();

    if (storage::AssessmentExists(*lease, contract.id, input.period, input.kind)) {
        return Error::Conflict(
            ErrorCode::kAlreadyExists, "period",
            {"该期间已有此类考核记录,如有异议请走申诉", "This period already has such an assessment"});
    }
    const auto now = context_.clock.Now();
    AssessmentRecord record;
    record.contract_id = contract.id;
    record.contract_code = contract.code;
    record.contract_title = contract.title;
    record.vendor_id = contract.vendor_id;
    record.vendor_name = contract.vendor_name;
    record.vendor_org_id = contract.vendor_org_id;
    record.owner_path = contract.owner_path;
    record.contract_version_no = terms->version_no;
    record.period = input.period;
    record.kind = input.kind;
    record.assessed_on = *input.assessed_on;
    record.inspector = actor.display_name.empty() ? actor.username : actor.display_name;
    for (std::size_t i = 0; i < outcome->items.size(); ++i) {
        const auto& item = outcome->items[i];
        record.items.push_back(
            {item.item, item.points, item.lost_tenths, item.failed, input.items[i].note, input.items[i].photo_ids});
    }
    record.terms = {terms->content.assessment, terms->content.deductions, failed_item_percent};
    record.total_tenths = outcome->total_tenths;
    record.original_total_tenths = outcome->total_tenths;
    record.pass_mark = terms->content.assessment.pass_mark;
    record.passed = outcome->passed;
    record.grade = outcome->grade;
    record.failed_items = outcome->failed_items;
    record.missing_staff_days = static_cast<int>(missing);
    record.summary = input.summary;
    record.status = "submitted";
    // The vendor learns of it when it is recorded, so the appeal window runs from then (or the assessment date,
    // whichever is later).
    record.appeal_deadline =
        std::max(today, record.assessed_on).AddDays(storage::ReadSetting(*lease, setting::kAssessmentAppealDays));
    record.created_by = actor.user_id;
    record.created_at = now;
    record.updated_at = now;

    storage::Transaction transaction(*lease);
    try {
        record.id = storage::InsertAssessment(*lease, record);
    } catch (const storage::DbError& error) {
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return Error::Conflict(ErrorCode::kAlreadyExists, "period",
                               {"该期间已有此类考核记录", "This period already has such an assessment"});
    }
    for (const auto& item : record.items) {
        for (const auto photo : item.photo_ids) storage::LinkAttachment(*lease, photo, "assessment", record.id);
    }
    storage::InsertWorkflowEvent(*lease, kAssessmentSubject, record.id,
                                 {0, 1, "create", "", "submitted", actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), record.summary, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "assessment", record.id, std::nullopt, storage::AssessmentSnapshot(record)});
    policy_.EvaluateContract(*lease, &actor, contract.id);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindAssessment(*lease, record.id, {"/", std::nullopt}), true);
}

Result<AssessmentView> AssessmentService::Appeal(const Actor& actor, std::int64_t id, const AppealInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionRespond); !status) return status.error();
    Validation validation;
    CheckLength(validation, "reason", input.reason, 5, 2000, {"申诉理由", "Reason"});
    auto lease = context_.database.Acquire();
    CheckFiles(*lease, actor, id, validation, input.attachment_ids, "attachment_ids");
    if (!validation.ok()) return validation.ToError();
    storage::Transaction transaction(*lease);
    // Another vendor's assessment is outside the caller's scope: not found.
    auto record = storage::FindAssessment(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return AssessmentNotFound();
    if (record->status != "submitted") {
        return Error::Precondition(
            {"该考核已申诉过,每次考核只能申诉一次", "This assessment has already been appealed"});
    }
    const auto today = context_.clock.Today();
    if (today > record->appeal_deadline) {
        return Error::Precondition({fmt::format("申诉期限已过(截至 {})", record->appeal_deadline.ToString()),
                                    fmt::format("The appeal period ended on {}", record->appeal_deadline.ToString())});
    }
    auto transition = AppealWorkflow().Check(record->status, "appeal", actor.role, input.reason);
    if (!transition) return transition.error();
    const auto now = context_.clock.Now();
    AppealRecord appeal;
    appeal.assessment_id = id;
    appeal.reason = input.reason;
    appeal.attachment_ids = input.attachment_ids;
    appeal.status = "pending";
    appeal.previous_total_tenths = record->total_tenths;
    appeal.created_by = actor.display_name.empty() ? actor.username : actor.display_name;
    appeal.created_at = now;
    const auto before = *record;
    record->status = (*transition)->to;
    record->updated_at = now;
    // Two appeals at once: the conditional update and the one-appeal-per-assessment key let only one through.
    if (!storage::UpdateAssessment(*lease, *record, "submitted")) {
        return Error::Precondition(
            {"该考核已申诉过,每次考核只能申诉一次", "This assessment has already been appealed"});
    }
    try {
        appeal.id = storage::InsertAppeal(*lease, appeal);
    } catch (const storage::DbError& error) {
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return Error::Precondition(
            {"该考核已申诉过,每次考核只能申诉一次", "This assessment has already been appealed"});
    }
    for (const auto file : appeal.attachment_ids) storage::LinkAttachment(*lease, file, "assessment", id);
    storage::InsertWorkflowEvent(*lease, kAssessmentSubject, id,
                                 {0, 1, "appeal", "submitted", record->status, actor.user_id, actor.username,
                                  std::string(RoleCode(actor.role)), input.reason, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"appeal", "assessment", id, std::nullopt, storage::AppealSnapshot(appeal)});
    transaction.Commit();
    return Build(*lease, actor, *storage::FindAssessment(*lease, id, {"/", std::nullopt}), true);
}

Result<AssessmentView> AssessmentService::DecideAppeal(const Actor& actor, std::int64_t id,
                                                       const AppealDecisionInput& input) {
    if (auto status = actor.Require(Permission::kSupervisionWrite); !status) return status.error();
    Validation validation;
    if (input.decision != "upheld" && input.decision != "changed") {
        validation.Fail("decision", {"决定须为 upheld(维持)或 changed(改分)", "decision must be upheld or changed"});
    }
    CheckLength(validation, "reason", input.reason, 2, 2000, {"处理理由", "Reason"});
    const auto inputs = ItemInputs(input.items, validation, "items");
    if (input.decision == "changed" && input.items.empty()) {
        validation.Fail("items", {"改分时须填写各项新的扣分", "Enter the new points lost per item"});
    }
    if (!validation.ok()) return validation.ToError();
    auto lease = context_.database.Acquire();
    storage::Transaction transaction(*lease);
    auto record = storage::FindAssessment(*lease, id, storage::VendorScope::Of(actor));
    if (!record) return AssessmentNotFound();
    auto appeal = storage::FindAppeal(*lease, id);
    if (!appeal || appeal->status != "pending" || record->status != "appealed") {
        return Error::Precondition({"该考核没有待处理的申诉", "This assessment has no pending appeal"});
    }
    auto transition = AppealWorkflow().Check(record->status, input.decision == "changed" ? "change" : "uphold",
                                             actor.role, input.reason);
    if (!transition) return transition.error();
    const auto before = *record;
    const auto now = context_.clock.Now();
    if (input.decision == "changed") {
        auto outcome = ComputeAssessment(record->terms.terms, inputs, record->terms.failed_item_percent);
        if (!outcome) return outcome.error();
        for (std::size_t i = 0; i < record->items.size(); ++i) {
            auto& item = record->items[i];
            item.lost_tenths = outcome->items[i].lost_tenths;
            item.failed = outcome->items[i].failed;
            if (!input.items[i].note.empty()) item.note = input.items[i].note;
        }
        record->total_tenths = outcome->total_tenths;
        record->passed = outcome->passed;
        record->grade = outcome->grade;
        record->failed_items = outcome->failed_items;
    }
    record->status = (*transition)->to;
    record->updated_at = now;
    if (!storage::UpdateAssessment(*lease, *record, "appealed")) {
        return Error::Precondition({"该申诉已被他人处理,请刷新", "Someone else decided this appeal; reload it"});
    }
    appeal->status = input.decision;
    appeal->decision_reason = input.reason;
    appeal->decided_by = actor.display_name.empty() ? actor.username : actor.display_name;
    appeal->decided_at = now;
    storage::UpdateAppeal(*lease, *appeal);
    storage::InsertWorkflowEvent(*lease, kAssessmentSubject, id,
                                 {0, 1, input.decision == "changed" ? "change" : "uphold", "appealed", record->status,
                                  actor.user_id, actor.username, std::string(RoleCode(actor.role)), input.reason, now});
    storage::AppendAudit(*lease, &actor, now,
                         {"appeal_" + input.decision, "assessment", id, storage::AssessmentSnapshot(before),
                          storage::AssessmentSnapshot(*record)});
    // SUP-8 / RP-4: a changed score re-runs the rules (a failure turned into a pass withdraws its proposals).
    if (input.decision == "changed") policy_.EvaluateContract(*lease, &actor, record->contract_id);
    transaction.Commit();
    return Build(*lease, actor, *storage::FindAssessment(*lease, id, {"/", std::nullopt}), true);
}

}  // namespace houqin
