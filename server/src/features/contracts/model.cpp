#include "features/contracts/model.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>

#include "core/text_rules.h"

namespace houqin {

std::optional<Frequency> ParseFrequency(std::string_view code) {
    if (code == "monthly") return Frequency::kMonthly;
    if (code == "quarterly") return Frequency::kQuarterly;
    if (code == "semiannual") return Frequency::kSemiannual;
    if (code == "annual") return Frequency::kAnnual;
    return std::nullopt;
}

std::string_view FrequencyCode(Frequency frequency) {
    switch (frequency) {
        case Frequency::kMonthly: return "monthly";
        case Frequency::kQuarterly: return "quarterly";
        case Frequency::kSemiannual: return "semiannual";
        case Frequency::kAnnual: return "annual";
    }
    return "monthly";
}

int MonthsOf(Frequency frequency) {
    switch (frequency) {
        case Frequency::kMonthly: return 1;
        case Frequency::kQuarterly: return 3;
        case Frequency::kSemiannual: return 6;
        case Frequency::kAnnual: return 12;
    }
    return 1;
}

std::optional<DayType> ParseDayType(std::string_view code) {
    if (code == "workday") return DayType::kWorkday;
    if (code == "weekend") return DayType::kWeekend;
    if (code == "holiday") return DayType::kHoliday;
    return std::nullopt;
}

std::string_view DayTypeCode(DayType type) {
    switch (type) {
        case DayType::kWorkday: return "workday";
        case DayType::kWeekend: return "weekend";
        case DayType::kHoliday: return "holiday";
    }
    return "workday";
}

std::optional<DeductionKind> ParseDeductionKind(std::string_view code) {
    if (code == "per_point_below_pass") return DeductionKind::kPerPointBelowPass;
    if (code == "per_missing_staff_day") return DeductionKind::kPerMissingStaffDay;
    if (code == "per_failed_item") return DeductionKind::kPerFailedItem;
    if (code == "percent_of_fee_per_point_below_pass") return DeductionKind::kPercentOfFeePerPointBelowPass;
    return std::nullopt;
}

std::string_view DeductionKindCode(DeductionKind kind) {
    switch (kind) {
        case DeductionKind::kPerPointBelowPass: return "per_point_below_pass";
        case DeductionKind::kPerMissingStaffDay: return "per_missing_staff_day";
        case DeductionKind::kPerFailedItem: return "per_failed_item";
        case DeductionKind::kPercentOfFeePerPointBelowPass: return "percent_of_fee_per_point_below_pass";
    }
    return "per_point_below_pass";
}

std::string BasisPointsPercent(int basis_points) {
    const std::string sign = basis_points < 0 ? "-" : "";
    const auto magnitude = std::abs(static_cast<std::int64_t>(basis_points));
    return fmt::format("{}{}.{:02d}%", sign, magnitude / 100, magnitude % 100);
}

std::optional<ContractStatus> ParseContractStatus(std::string_view code) {
    for (auto status : {ContractStatus::kDraft, ContractStatus::kInReview, ContractStatus::kReturned,
                        ContractStatus::kApproved, ContractStatus::kSigned, ContractStatus::kActive,
                        ContractStatus::kExpired, ContractStatus::kTerminated, ContractStatus::kRenewed}) {
        if (ContractStatusCode(status) == code) return status;
    }
    return std::nullopt;
}

std::string_view ContractStatusCode(ContractStatus status) {
    switch (status) {
        case ContractStatus::kDraft: return "draft";
        case ContractStatus::kInReview: return "in_review";
        case ContractStatus::kReturned: return "returned";
        case ContractStatus::kApproved: return "approved";
        case ContractStatus::kSigned: return "signed";
        case ContractStatus::kActive: return "active";
        case ContractStatus::kExpired: return "expired";
        case ContractStatus::kTerminated: return "terminated";
        case ContractStatus::kRenewed: return "renewed";
    }
    return "draft";
}

Text ContractStatusName(ContractStatus status) {
    switch (status) {
        case ContractStatus::kDraft: return {"草稿", "Draft"};
        case ContractStatus::kInReview: return {"审查中", "In review"};
        case ContractStatus::kReturned: return {"已退回", "Returned"};
        case ContractStatus::kApproved: return {"审查通过", "Approved"};
        case ContractStatus::kSigned: return {"已签订/待履行", "Signed, not yet in force"};
        case ContractStatus::kActive: return {"履行中", "Active"};
        case ContractStatus::kExpired: return {"已到期", "Expired"};
        case ContractStatus::kTerminated: return {"已终止", "Terminated"};
        case ContractStatus::kRenewed: return {"已续签", "Renewed"};
    }
    return {"", ""};
}

namespace {

void CheckParty(Validation& validation, const std::string& prefix, const Party& party) {
    CheckLength(validation, prefix + ".name", party.name, 2, 100, {"名称", "Name"});
    CheckLength(validation, prefix + ".representative", party.representative, 0, 50, {"负责人", "Representative"});
    if (!party.phone.empty() && !IsPhone(party.phone)) {
        validation.Fail(prefix + ".phone", {"电话须为 7-20 位数字,可含 - 或开头的 +",
                                            "Phone must have 7-20 digits, with '-' or a leading '+'"});
    }
    CheckLength(validation, prefix + ".address", party.address, 0, 200, {"地址", "Address"});
    CheckLength(validation, prefix + ".bank_account_name", party.bank_account_name, 0, 100, {"户名", "Account name"});
    CheckLength(validation, prefix + ".bank_name", party.bank_name, 0, 100, {"开户行", "Bank"});
    if (!party.bank_account_no.empty() && !IsDigits(party.bank_account_no, 6, 32)) {
        validation.Fail(prefix + ".bank_account_no",
                        {"银行账号须为 6-32 位数字", "Bank account number must be 6-32 digits"});
    }
}

void CheckMoney(Validation& validation, const std::string& field, Money value, bool positive) {
    if (value.negative() || (positive && value.fen() == 0)) {
        validation.Fail(field, positive ? Text{"金额须大于 0", "The amount must be greater than 0"}
                                        : Text{"金额不能为负数", "The amount cannot be negative"});
    }
}

}  // namespace

Status ValidateContractContent(const ContractContent& content) {
    Validation validation;
    CheckLength(validation, "title", content.title, 2, 200, {"合同名称", "Title"});
    if (content.vendor_id <= 0) validation.Fail("vendor_id", {"请选择外包单位", "Choose the vendor"});
    if (content.category_id <= 0) validation.Fail("category_id", {"请选择服务类别", "Choose the service category"});
    CheckParty(validation, "party_a", content.party_a);
    CheckParty(validation, "party_b", content.party_b);
    if (content.term_end <= content.term_start) {
        validation.Fail("term_end", {"合同终止日期须晚于起始日期", "The term must end after it starts"});
    }
    CheckMoney(validation, "annual_amount", content.annual_amount, true);
    CheckMoney(validation, "total_amount", content.total_amount, true);

    if (content.service_items.empty())
        validation.Fail("service_items", {"至少需要一项服务内容", "Add at least one service item"});
    Money items_total;
    bool items_overflow = false;
    for (std::size_t i = 0; i < content.service_items.size(); ++i) {
        const auto& item = content.service_items[i];
        const auto prefix = fmt::format("service_items[{}]", i);
        CheckLength(validation, prefix + ".name", item.name, 1, 100, {"服务项目", "Service item"});
        CheckLength(validation, prefix + ".scope", item.scope, 0, 500, {"服务范围", "Scope"});
        CheckLength(validation, prefix + ".fee_standard", item.fee_standard, 0, 200, {"收费标准", "Fee standard"});
        CheckMoney(validation, prefix + ".amount", item.amount, false);
        if (const auto sum = Money::Add(items_total, item.amount)) {
            items_total = *sum;
        } else {
            items_overflow = true;
        }
    }
    if (items_overflow) {
        validation.Fail("service_items",
                        {"服务项目金额合计过大,无法计算", "The service items add up to more than can be computed"});
    } else if (!content.service_items.empty() && items_total != content.total_amount) {
        validation.Fail("service_items", {fmt::format("服务项目金额合计 {} 元,与合同总金额 {} 元不符",
                                                      items_total.ToString(), content.total_amount.ToString()),
                                          fmt::format("Service items add up to {}, not the total {}",
                                                      items_total.ToString(), content.total_amount.ToString())});
    }

    CheckLength(validation, "payment.method", content.payment.method, 1, 50, {"付款方式", "Payment method"});
    const auto& installments = content.payment.installments;
    if (installments.empty() || installments.size() > 120) {
        validation.Fail("payment.installments",
                        {"付款计划须有 1-120 期", "The payment schedule needs 1-120 installments"});
    }
    Money schedule_total;
    bool schedule_overflow = false;
    std::set<std::string> periods;
    for (std::size_t i = 0; i < installments.size(); ++i) {
        const auto& installment = installments[i];
        const auto prefix = fmt::format("payment.installments[{}]", i);
        CheckLength(validation, prefix + ".period", installment.period, 1, 20, {"期间", "Period"});
        if (!periods.insert(installment.period).second) {
            validation.Fail(prefix + ".period", {"付款期间重复", "The period appears twice"});
        }
        CheckMoney(validation, prefix + ".amount", installment.amount, true);
        if (installment.due_date < content.term_start || installment.due_date > content.term_end.AddDays(90)) {
            validation.Fail(prefix + ".due_date", {"付款日期须在合同期内(可延后 90 天)",
                                                   "The due date must fall within the term (or up to 90 days after)"});
        }
        if (const auto sum = Money::Add(schedule_total, installment.amount)) {
            schedule_total = *sum;
        } else {
            schedule_overflow = true;
        }
    }
    if (schedule_overflow) {
        validation.Fail("payment.installments",
                        {"付款计划金额合计过大,无法计算", "The schedule adds up to more than can be computed"});
    } else if (!installments.empty() && schedule_total != content.total_amount) {
        validation.Fail("payment.installments",
                        {fmt::format("付款计划合计 {} 元,与合同总金额 {} 元不符", schedule_total.ToString(),
                                     content.total_amount.ToString()),
                         fmt::format("The schedule adds up to {}, not the total {}", schedule_total.ToString(),
                                     content.total_amount.ToString())});
    }

    const auto& assessment = content.assessment;
    if (assessment.pass_mark < 1 || assessment.pass_mark > 100) {
        validation.Fail("assessment.pass_mark",
                        {"合格分须在 1 到 100 之间", "The pass mark must be between 1 and 100"});
    }
    int checklist_total = 0;
    for (std::size_t i = 0; i < assessment.checklist.size(); ++i) {
        const auto& item = assessment.checklist[i];
        const auto prefix = fmt::format("assessment.checklist[{}]", i);
        CheckLength(validation, prefix + ".item", item.item, 1, 200, {"考核项目", "Checklist item"});
        if (item.points < 1 || item.points > 100) {
            validation.Fail(prefix + ".points",
                            {"分值须为 1 到 100 的整数", "Points must be a whole number from 1 to 100"});
        }
        checklist_total += item.points;
    }
    if (checklist_total != 100) {
        validation.Fail("assessment.checklist",
                        {fmt::format("考核项目分值合计须为 100 分,当前为 {} 分", checklist_total),
                         fmt::format("Checklist points must sum to 100; they sum to {}", checklist_total)});
    }
    for (std::size_t i = 0; i < assessment.bands.size(); ++i) {
        const auto& band = assessment.bands[i];
        const auto prefix = fmt::format("assessment.bands[{}]", i);
        CheckLength(validation, prefix + ".name", band.name, 1, 20, {"等级名称", "Grade name"});
        if (band.min < assessment.pass_mark || band.min > 100) {
            validation.Fail(prefix + ".min", {"等级分数线须在合格分与 100 之间",
                                              "A grade's threshold must be between the pass mark and 100"});
        }
        if (i > 0 && band.min >= assessment.bands[i - 1].min) {
            validation.Fail(prefix + ".min", {"等级分数线须从高到低排列", "Grade thresholds must go from high to low"});
        }
    }

    for (std::size_t i = 0; i < content.staffing.size(); ++i) {
        const auto& staffing = content.staffing[i];
        const auto prefix = fmt::format("staffing[{}]", i);
        CheckLength(validation, prefix + ".role", staffing.role, 1, 50, {"岗位", "Role"});
        if (staffing.people < 1 || staffing.people > 1000) {
            validation.Fail(prefix + ".people", {"人数须在 1 到 1000 之间", "People must be between 1 and 1000"});
        }
        if (staffing.hours < 1 || staffing.hours > 24) {
            validation.Fail(prefix + ".hours",
                            {"每日工时须在 1 到 24 小时之间", "Hours per day must be between 1 and 24"});
        }
    }

    for (std::size_t i = 0; i < content.deductions.size(); ++i) {
        const auto& clause = content.deductions[i];
        const auto prefix = fmt::format("deductions[{}]", i);
        if (clause.kind == DeductionKind::kPercentOfFeePerPointBelowPass) {
            if (clause.rate_basis_points < 1 || clause.rate_basis_points > kBasisPointsPerWhole) {
                validation.Fail(
                    prefix + ".rate_basis_points",
                    {"每分扣款比例须在 0.01% 到 100% 之间", "The percentage per point must be between 0.01% and 100%"});
            }
            if (clause.cap_basis_points < 1 || clause.cap_basis_points > kBasisPointsPerWhole) {
                validation.Fail(prefix + ".cap_basis_points",
                                {"扣款上限比例须在 0.01% 到 100% 之间", "The cap must be between 0.01% and 100%"});
            } else if (clause.cap_basis_points < clause.rate_basis_points) {
                validation.Fail(prefix + ".cap_basis_points", {"扣款上限比例不能低于每分扣款比例",
                                                               "The cap cannot be below the percentage per point"});
            }
            if (clause.amount.fen() != 0 || clause.cap.fen() != 0) {
                validation.Fail(prefix + ".amount", {"按服务费比例扣款的条款不填固定金额",
                                                     "A clause in percent of the fee has no fixed amount"});
            }
        } else {
            CheckMoney(validation, prefix + ".amount", clause.amount, true);
            if (clause.cap < clause.amount) {
                validation.Fail(prefix + ".cap", {"扣款上限不能低于单次扣款额", "The cap cannot be below the amount"});
            }
            if (clause.rate_basis_points != 0 || clause.cap_basis_points != 0) {
                validation.Fail(prefix + ".rate_basis_points",
                                {"固定金额扣款的条款不填比例", "A clause with a fixed amount has no percentage"});
            }
        }
        CheckLength(validation, prefix + ".description", clause.description, 0, 500, {"说明", "Description"});
    }
    CheckLength(validation, "confidentiality", content.confidentiality, 0, 5000, {"保密条款", "Confidentiality"});
    CheckLength(validation, "breach_liability", content.breach_liability, 0, 5000, {"违约责任", "Breach liability"});
    if (content.responsible_department_id <= 0) {
        validation.Fail("responsible_department_id", {"请选择责任部门", "Choose the responsible department"});
    }
    CheckLength(validation, "responsible_person", content.responsible_person, 1, 50, {"责任人", "Responsible person"});
    if (!content.responsible_phone.empty() && !IsPhone(content.responsible_phone)) {
        validation.Fail("responsible_phone", {"电话须为 7-20 位数字", "Phone must have 7-20 digits"});
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

namespace {

Date AddMonthsClamped(int year, int month, unsigned day, int months) {
    const int index = year * 12 + (month - 1) + months;
    const int result_year = index / 12;
    const auto result_month = static_cast<unsigned>(index % 12 + 1);
    const std::chrono::year_month_day_last last{std::chrono::year{result_year} / std::chrono::month{result_month} /
                                                std::chrono::last};
    return Date::FromYmd(result_year, result_month, std::min(day, static_cast<unsigned>(last.day())));
}

}  // namespace

Status ValidateContentForSigning(const ContractContent& content) {
    Validation validation;
    struct Required {
        const char* field;
        const std::string Party::*member;
        Text name;
    };
    const Required required[] = {
        {"representative", &Party::representative, {"负责人", "representative"}},
        {"phone", &Party::phone, {"电话", "phone"}},
        {"address", &Party::address, {"地址", "address"}},
        {"bank_account_name", &Party::bank_account_name, {"户名", "bank account name"}},
        {"bank_name", &Party::bank_name, {"开户行", "bank"}},
        {"bank_account_no", &Party::bank_account_no, {"银行账号", "bank account number"}},
    };
    const struct {
        const char* prefix;
        const Party* party;
        Text name;
    } parties[] = {{"party_a", &content.party_a, {"甲方", "Party A"}},
                   {"party_b", &content.party_b, {"乙方", "Party B"}}};
    for (const auto& side : parties) {
        for (const auto& field : required) {
            if (!((*side.party).*field.member).empty()) continue;
            validation.Fail(fmt::format("{}.{}", side.prefix, field.field),
                            {fmt::format("签订前须填写{}{}", side.name.zh, field.name.zh),
                             fmt::format("{}'s {} is required before signing", side.name.en, field.name.en)});
        }
    }
    if (!validation.ok()) return validation.ToError();
    return Ok();
}

std::vector<TermPeriod> TermPeriods(Date term_start, Date term_end, Frequency frequency) {
    std::vector<TermPeriod> periods;
    if (term_end < term_start) return periods;
    const std::chrono::year_month_day start{std::chrono::sys_days{std::chrono::days{term_start.days()}}};
    const int step = MonthsOf(frequency);
    const int start_year = static_cast<int>(start.year());
    const int start_month = static_cast<int>(static_cast<unsigned>(start.month()));
    const auto start_day = static_cast<unsigned>(start.day());
    // The contract's own periods (CON-8): period k starts k x step months after the term's start, on the start's day
    // of the month (or that month's last day when it is shorter: a term from 01-31 has periods from 02-28, 03-31 ...),
    // and ends the day before the next one starts; the last is clipped to the term's end. A term from 2027-03-15 paid
    // monthly has 2027-03-15..2027-04-14 as its first month, not a 17-day March.
    for (int index = 0; periods.size() < 120; ++index) {
        const Date first = AddMonthsClamped(start_year, start_month, start_day, index * step);
        if (first > term_end) break;
        const Date last = AddMonthsClamped(start_year, start_month, start_day, (index + 1) * step).AddDays(-1);
        // Labelled by the calendar month (quarter, half, year) the period starts in: the starts are `step` months
        // apart, so no two periods share a label.
        const std::chrono::year_month_day begins{std::chrono::sys_days{std::chrono::days{first.days()}}};
        const int year = static_cast<int>(begins.year());
        const int month = static_cast<int>(static_cast<unsigned>(begins.month()));
        std::string label;
        switch (frequency) {
            case Frequency::kMonthly: label = fmt::format("{:04d}-{:02d}", year, month); break;
            case Frequency::kQuarterly: label = fmt::format("{:04d}-Q{}", year, (month - 1) / 3 + 1); break;
            case Frequency::kSemiannual: label = fmt::format("{:04d}-H{}", year, month <= 6 ? 1 : 2); break;
            case Frequency::kAnnual: label = fmt::format("{:04d}", year); break;
        }
        periods.push_back({label, first, std::min(last, term_end)});
    }
    return periods;
}

const TermPeriod* FindTermPeriod(const std::vector<TermPeriod>& periods, std::string_view label) {
    for (const auto& period : periods) {
        if (period.label == label) return &period;
    }
    return nullptr;
}

std::vector<Installment> GenerateSchedule(Date term_start, Date term_end, Frequency frequency, Money total) {
    std::vector<Installment> installments;
    const auto periods = TermPeriods(term_start, term_end, frequency);
    if (periods.empty() || total.negative()) return installments;
    // Every whole period gets the same amount whatever its days (February pays as much as March); only a last
    // period cut short by the term's end is prorated by its days against the whole period it is part of (CON-8).
    const auto& tail = periods.back();
    const std::int64_t tail_days = tail.last.days() - tail.first.days() + 1;
    std::int64_t whole_days = tail_days;
    {
        // The uncut length of the last period: from its first day to the day before the next period would start.
        const auto extended = TermPeriods(term_start, tail.first.AddDays(400), frequency);
        const auto* uncut = FindTermPeriod(extended, tail.label);
        if (uncut != nullptr) whole_days = uncut->last.days() - uncut->first.days() + 1;
    }
    const auto count = static_cast<std::int64_t>(periods.size());
    // Units: whole_days per whole period, tail_days for the last. Shares are floored; q * w + r * w / units is the
    // exact floor of total * w / units without a product that could leave 64 bits (w <= units).
    const std::int64_t units = (count - 1) * whole_days + tail_days;
    const std::int64_t quotient = total.fen() / units;
    const std::int64_t rest = total.fen() % units;
    const auto share = [&](std::int64_t weight) { return quotient * weight + rest * weight / units; };
    std::vector<std::int64_t> amounts;
    std::int64_t allotted = 0;
    for (std::int64_t i = 0; i < count; ++i) {
        amounts.push_back(share(i + 1 == count ? tail_days : whole_days));
        allotted += amounts.back();
    }
    // The fen the floors left over (fewer than the number of periods) go one each to the first installments, so the
    // schedule adds up to the total exactly and the same contract always gets the same schedule.
    for (std::int64_t i = 0; allotted < total.fen(); ++i, ++allotted) ++amounts[static_cast<std::size_t>(i % count)];
    for (std::size_t i = 0; i < periods.size(); ++i) {
        // Due on the last day of the period (the term's end for the last one).
        installments.push_back({periods[i].label, periods[i].last, Money::FromFen(amounts[i])});
    }
    return installments;
}

}  // namespace houqin
