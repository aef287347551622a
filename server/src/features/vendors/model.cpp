#include "features/vendors/model.h"

#include "core/text_rules.h"
#include "features/vendors/rules/credit_code.h"

namespace houqin {

std::optional<VendorStatus> ParseVendorStatus(std::string_view code) {
    if (code == "active") return VendorStatus::kActive;
    if (code == "suspended") return VendorStatus::kSuspended;
    return std::nullopt;
}

std::string_view VendorStatusCode(VendorStatus status) {
    return status == VendorStatus::kActive ? "active" : "suspended";
}

std::optional<QualificationVerification> ParseQualificationVerification(std::string_view code) {
    if (code == "verified") return QualificationVerification::kVerified;
    if (code == "pending") return QualificationVerification::kPending;
    if (code == "rejected") return QualificationVerification::kRejected;
    return std::nullopt;
}

std::string_view QualificationVerificationCode(QualificationVerification verification) {
    switch (verification) {
        case QualificationVerification::kVerified: return "verified";
        case QualificationVerification::kPending: return "pending";
        case QualificationVerification::kRejected: return "rejected";
    }
    return "pending";
}

Status ValidateVendor(const Vendor& vendor) {
    Validation validation;
    CheckLength(validation, "name", vendor.name, 2, 100, {"单位名称", "Name"});
    switch (CheckCreditCode(vendor.credit_code)) {
        case CreditCodeProblem::kNone: break;
        case CreditCodeProblem::kLength:
            validation.Fail("credit_code",
                            {"统一社会信用代码须为 18 位", "Unified social credit code must have 18 characters"});
            break;
        case CreditCodeProblem::kCharacter:
            validation.Fail("credit_code",
                            {"统一社会信用代码含有不允许的字符(仅数字和大写字母,不含 I、O、S、V、Z)",
                             "Unified social credit code has a character outside 0-9 and A-Y without I, O, S, V, Z"});
            break;
        case CreditCodeProblem::kCheckDigit:
            validation.Fail("credit_code",
                            {"统一社会信用代码校验位错误", "Unified social credit code check digit is wrong"});
            break;
    }
    CheckLength(validation, "legal_representative", vendor.legal_representative, 0, 50,
                {"法定代表人", "Legal representative"});
    CheckLength(validation, "contact_name", vendor.contact_name, 1, 50, {"联系人", "Contact name"});
    if (!IsPhone(vendor.contact_phone)) {
        validation.Fail("contact_phone", {"联系电话须为 7-20 位数字,可含 - 或开头的 +",
                                          "Phone must have 7-20 digits, with '-' or a leading '+'"});
    }
    CheckLength(validation, "address", vendor.address, 1, 200, {"地址", "Address"});
    CheckLength(validation, "bank_account_name", vendor.bank_account_name, 1, 100, {"户名", "Account name"});
    CheckLength(validation, "bank_name", vendor.bank_name, 1, 100, {"开户行", "Bank"});
    if (!IsDigits(vendor.bank_account_no, 6, 32)) {
        validation.Fail("bank_account_no", {"银行账号须为 6-32 位数字", "Bank account number must be 6-32 digits"});
    }
    if (vendor.staff_count < 0 || vendor.staff_count > 100000) {
        validation.Fail("staff_count", {"人员规模须在 0 到 100000 之间", "Staff count must be between 0 and 100000"});
    }
    if (vendor.registered_capital.negative()) {
        validation.Fail("registered_capital", {"注册资本不能为负数", "Registered capital cannot be negative"});
    }
    if (vendor.category_ids.size() > 50) {
        validation.Fail("category_ids", {"服务类别最多 50 个", "At most 50 categories"});
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

Status ValidateQualification(const Qualification& qualification) {
    Validation validation;
    CheckLength(validation, "type", qualification.type, 1, 100, {"资质类型", "Qualification type"});
    CheckLength(validation, "cert_no", qualification.cert_no, 1, 100, {"证书编号", "Certificate number"});
    CheckLength(validation, "issuer", qualification.issuer, 1, 100, {"发证机关", "Issuer"});
    if (qualification.valid_until < qualification.valid_from) {
        validation.Fail("valid_until", {"有效期至不能早于有效期起", "Valid-until cannot be before valid-from"});
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

}  // namespace houqin
