#include "features/staff/document_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text_rules.h"
#include "features/staff/document_store.h"
#include "features/staff/store.h"
#include "features/vendors/attachment_access.h"
#include "features/vendors/store.h"
#include "platform/audit/audit_store.h"
#include "platform/settings/settings.h"
#include "platform/settings/settings_store.h"

namespace houqin {
namespace {

constexpr std::string_view kDocumentSubject = "staff_document";
constexpr std::string_view kPaymentSubject = "staff_insurance";
// One person's social insurance for one month is far below this; more is a typing error, and it keeps a person's total
// (checked anyway) far from overflowing 64 bits of fen.
constexpr std::int64_t kMaxMonthlyPaymentFen = 100'000'000;  // 1,000,000.00 yuan

std::vector<HeldDocument> Held(const std::vector<StaffDocument>& documents) {
    std::vector<HeldDocument> held;
    held.reserve(documents.size());
    for (const auto& document : documents) held.push_back({document.kind, document.issued_on, document.expires_on});
    return held;
}

PersonFlags FlagsOf(const StaffPerson& person, const std::vector<DocumentKind>& required,
                    const std::vector<StaffDocument>& documents, const std::set<std::string>& paid, Date today,
                    std::int64_t warning_days) {
    PersonFlags flags;
    flags.person_id = person.id;
    // Documents matter while the person works here or is about to; insurance months only while they are current.
    const auto status = person.StatusOn(today);
    if (status == PersonStatus::kLeft) return flags;
    flags.documents = JudgeDocuments(required, Held(documents), today, warning_days);
    if (status == PersonStatus::kCurrent) {
        flags.insurance_missing = MissingInsuranceMonths(person.start_date, person.end_date, today, paid);
        if (!flags.insurance_missing.empty()) flags.insurance_text = InsuranceFlagText(flags.insurance_missing.size());
    }
    return flags;
}

}  // namespace

Result<StaffPerson> DocumentService::PersonInScope(storage::Connection& connection, const Actor& actor,
                                                   std::int64_t person_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    auto person = storage::FindPerson(connection, person_id);
    if (!person) return Error::NotFound({"服务人员", "Staff member"});
    HOUQIN_TRY(contract, contracts_.Get(actor, person->contract_id));
    return std::move(*person);
}

Result<StaffPerson> DocumentService::OwnPerson(storage::Connection& connection, const Actor& actor,
                                               std::int64_t person_id) {
    if (auto status = actor.Require(Permission::kStaffWrite); !status) return status.error();
    HOUQIN_TRY(person, PersonInScope(connection, actor, person_id));
    // The vendor keeps its own people's papers, as it keeps its roster.
    if (!actor.vendor_org_id || *actor.vendor_org_id != person->vendor_org_id) return Error::Forbidden();
    return std::move(*person);
}

Result<std::vector<RequirementView>> DocumentService::Requirements(const Actor& actor) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    auto lease = context_.database.Acquire();
    std::map<std::string, Text> names;
    for (const auto& role : storage::ListStaffRoles(*lease)) names[role.code] = role.name;
    std::vector<RequirementView> views;
    for (const auto& requirement : storage::ListDocumentRequirements(*lease)) {
        const auto found = names.find(requirement.role);
        views.push_back({requirement.role,
                         found == names.end() ? Text{requirement.role, requirement.role} : found->second,
                         requirement.kind, requirement.blocks_when_expired});
    }
    return views;
}

Result<RosterFlags> DocumentService::Flags(const Actor& actor, std::int64_t contract_id) {
    if (auto status = actor.Require(Permission::kStaffRead); !status) return status.error();
    HOUQIN_TRY(contract, contracts_.Get(actor, contract_id));
    auto lease = context_.database.Acquire();
    const auto today = context_.clock.Today();
    RosterFlags result;
    result.warning_days = context_.settings.Get(*lease, setting::kStaffDocumentWarningDays);
    const auto required = storage::RequiredKindsByRole(*lease);
    const auto documents = storage::DocumentsOfContract(*lease, contract_id);
    const auto paid = storage::PaidMonthsOfContract(*lease, contract_id);
    static const std::vector<DocumentKind> kNone;
    static const std::vector<StaffDocument> kNoDocuments;
    static const std::set<std::string> kNoMonths;
    for (const auto& person : storage::PeopleOfContract(*lease, contract_id)) {
        const auto kinds = required.find(person.role);
        const auto held = documents.find(person.id);
        const auto months = paid.find(person.id);
        auto flags = FlagsOf(person, kinds == required.end() ? kNone : kinds->second,
                             held == documents.end() ? kNoDocuments : held->second,
                             months == paid.end() ? kNoMonths : months->second, today, result.warning_days);
        if (!flags.documents.empty() || flags.insurance_text) result.people.push_back(std::move(flags));
    }
    return result;
}

Result<PersonDocuments> DocumentService::OfPerson(const Actor& actor, std::int64_t person_id) {
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(person, PersonInScope(*lease, actor, person_id));
    PersonDocuments result;
    result.person_id = person->id;
    result.person_name = person->name;
    result.role = person->role;
    const auto required = storage::RequiredKindsByRole(*lease);
    if (const auto found = required.find(person->role); found != required.end()) result.required = found->second;
    result.documents = storage::DocumentsOfPerson(*lease, person_id);
    result.payments = storage::PaymentsOfPerson(*lease, person_id);
    std::set<std::string> paid;
    for (const auto& payment : result.payments) {
        paid.insert(payment.month);
        // Each payment was checked to keep the total within 64 bits when it was recorded.
        result.paid_total = Money::Add(result.paid_total, payment.amount).value_or(result.paid_total);
    }
    result.flags = FlagsOf(*person, result.required, result.documents, paid, context_.clock.Today(),
                           context_.settings.Get(*lease, setting::kStaffDocumentWarningDays));
    result.can_write =
        actor.Can(Permission::kStaffWrite) && actor.vendor_org_id && *actor.vendor_org_id == person->vendor_org_id;
    return result;
}

Result<StaffDocument> DocumentService::AddDocument(const Actor& actor, std::int64_t person_id,
                                                   const DocumentInput& input) {
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(person, OwnPerson(*lease, actor, person_id));
    Validation validation;
    StaffDocument document;
    const auto kind = ParseDocumentKind(TrimText(input.kind));
    if (!kind) {
        validation.Fail("kind", {"请选择证件类型:健康证、劳动合同、社保证明或学历证明",
                                 "Choose the kind: health certificate, labour contract, social-insurance proof or "
                                 "education proof"});
    } else {
        document.kind = *kind;
    }
    // a document is its scan; without the file there is nothing to check it against.
    if (!input.attachment_id) {
        validation.Fail("attachment_id", {"请上传证件扫描件或照片", "Upload the scan or a photo of the document"});
    } else if (const auto file = AttachmentForUse(*lease, actor, *input.attachment_id, kDocumentSubject); !file) {
        validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                          fmt::format("File {} does not exist", *input.attachment_id)});
    } else {
        document.attachment_id = file->id;
        document.file_name = file->filename;
        document.sha256 = file->sha256;
    }
    const auto today = context_.clock.Today();
    if (!input.issued_on) {
        validation.Fail("issued_on", {"请填写发证日期", "Enter the date it was issued"});
    } else if (*input.issued_on > today) {
        validation.Fail("issued_on", {"发证日期不能晚于今天", "The issue date cannot be after today"});
    } else {
        document.issued_on = *input.issued_on;
    }
    if (input.expires_on && input.issued_on && *input.expires_on < *input.issued_on) {
        validation.Fail("expires_on", {"有效期至不能早于发证日期", "The expiry date cannot be before the issue date"});
    } else if (!input.expires_on && kind == DocumentKind::kHealthCertificate) {
        // D3 §9: a health certificate is valid for a time; its expiry is what the roster watches.
        validation.Fail("expires_on", {"请填写健康证的有效期至", "Enter the date the health certificate expires"});
    }
    document.expires_on = input.expires_on;
    document.note = TrimText(input.note);
    CheckLength(validation, "note", document.note, 0, 500, {"备注", "Note"});
    if (!validation.ok()) return validation.ToError();
    document.person_id = person->id;
    document.contract_id = person->contract_id;
    const auto now = context_.clock.Now();
    document.created_at = now;
    storage::Transaction transaction(*lease);
    document.id = storage::InsertDocument(*lease, document, actor.user_id);
    storage::LinkAttachment(*lease, document.attachment_id, kDocumentSubject, document.id);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "staff_document", document.id, std::nullopt, storage::DocumentSnapshot(document)});
    transaction.Commit();
    return document;
}

Result<InsurancePayment> DocumentService::AddPayment(const Actor& actor, std::int64_t person_id,
                                                     const InsuranceInput& input) {
    auto lease = context_.database.Acquire();
    HOUQIN_TRY(person, OwnPerson(*lease, actor, person_id));
    Validation validation;
    InsurancePayment payment;
    payment.month = TrimText(input.month);
    const auto today = context_.clock.Today();
    const auto month = ParseMonth(payment.month);
    if (!month) {
        validation.Fail("month", {"月份格式应为 YYYY-MM", "The month must be YYYY-MM"});
    } else if (payment.month < MonthCode(person->start_date)) {
        validation.Fail("month",
                        {fmt::format("月份不能早于进场月份 {}", MonthCode(person->start_date)),
                         fmt::format("The month cannot be before the start month {}", MonthCode(person->start_date))});
    } else if (payment.month > MonthCode(today)) {
        validation.Fail("month", {"不能登记以后月份的缴费", "A payment cannot be recorded for a future month"});
    }
    payment.amount = input.amount;
    if (payment.amount.fen() <= 0) {
        validation.Fail("amount", {"缴费金额须大于 0", "The amount must be more than 0"});
    } else if (payment.amount.fen() > kMaxMonthlyPaymentFen) {
        validation.Fail("amount",
                        {"每月缴费金额不能超过 1,000,000.00 元", "A month's payment cannot exceed 1,000,000.00"});
    }
    if (input.attachment_id) {
        const auto file = AttachmentForUse(*lease, actor, *input.attachment_id, kPaymentSubject);
        if (!file) {
            validation.Fail("attachment_id", {fmt::format("附件 {} 不存在", *input.attachment_id),
                                              fmt::format("File {} does not exist", *input.attachment_id)});
        } else {
            payment.attachment_id = file->id;
            payment.file_name = file->filename;
        }
    }
    if (!validation.ok()) return validation.ToError();
    // the person's total stays an exact amount in fen; a payment that would overflow it is refused.
    Money total;
    for (const auto& paid : storage::PaymentsOfPerson(*lease, person_id)) {
        total = Money::Add(total, paid.amount).value_or(total);
    }
    if (!Money::Add(total, payment.amount)) {
        return Error::Invalid("amount", {"缴费金额超出可计算的范围", "The amount is too large to add up"});
    }
    const auto already = Error::Conflict(
        ErrorCode::kAlreadyExists, "month",
        {fmt::format("{} 的 {} 社保缴费已登记", person->name, payment.month),
         fmt::format("The social-insurance payment of {} for {} is already recorded", person->name, payment.month)});
    if (storage::PaymentExists(*lease, person_id, payment.month)) return already;
    payment.person_id = person->id;
    payment.contract_id = person->contract_id;
    const auto now = context_.clock.Now();
    payment.created_at = now;
    storage::Transaction transaction(*lease);
    try {
        payment.id = storage::InsertPayment(*lease, payment, actor.user_id);
    } catch (const storage::DbError& error) {
        // Two records of one month at once both pass the check above; the (person, month) key refuses the second,
        // which is told why, not the generic "record already exists".
        if (error.kind() != storage::DbError::Kind::kUniqueViolation) throw;
        return already;
    }
    if (payment.attachment_id) storage::LinkAttachment(*lease, *payment.attachment_id, kPaymentSubject, payment.id);
    storage::AppendAudit(*lease, &actor, now,
                         {"create", "staff_insurance", payment.id, std::nullopt, storage::PaymentSnapshot(payment)});
    transaction.Commit();
    return payment;
}

bool DocumentService::MayReadDocument(const Actor& actor, std::int64_t document_id) {
    auto lease = context_.database.Acquire();
    const auto document = storage::FindDocument(*lease, document_id);
    return document && PersonInScope(*lease, actor, document->person_id).has_value();
}

bool DocumentService::MayReadPayment(const Actor& actor, std::int64_t payment_id) {
    auto lease = context_.database.Acquire();
    const auto payment = storage::FindPayment(*lease, payment_id);
    return payment && PersonInScope(*lease, actor, payment->person_id).has_value();
}

}  // namespace houqin
