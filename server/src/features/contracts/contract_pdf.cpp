#include "features/contracts/contract_pdf.h"

#include <fmt/format.h>

#include <vector>

#include "features/contracts/rules/contract_text.h"
#include "platform/documents/pdf_writer.h"

namespace houqin::reports {
namespace {

const char* DayTypeName(DayType type) {
    switch (type) {
        case DayType::kWorkday: return "工作日";
        case DayType::kWeekend: return "周末";
        case DayType::kHoliday: return "节假日";
    }
    return "";
}

const char* FrequencyName(Frequency frequency) {
    switch (frequency) {
        case Frequency::kMonthly: return "按月";
        case Frequency::kQuarterly: return "按季度";
        case Frequency::kSemiannual: return "按半年";
        case Frequency::kAnnual: return "按年";
    }
    return "";
}

const char* DeductionName(DeductionKind kind) {
    switch (kind) {
        case DeductionKind::kPerPointBelowPass: return "考核得分低于合格分,每低 1 分扣款";
        case DeductionKind::kPerMissingStaffDay: return "人员缺岗,每缺 1 人日扣款";
        case DeductionKind::kPerFailedItem: return "考核项目不合格,每项扣款";
        case DeductionKind::kPercentOfFeePerPointBelowPass: return "考核得分低于合格分,每低 1 分按当期服务费比例扣款";
    }
    return "";
}

std::string PartyLine(const char* label, const Party& party) {
    return fmt::format("{}:{}\n负责人:{}    电话:{}\n地址:{}\n户名:{}    开户行:{}    账号:{}", label, party.name,
                       party.representative, party.phone, party.address, party.bank_account_name, party.bank_name,
                       party.bank_account_no);
}

}  // namespace

std::string WriteContractPdf(const ContractDocument& document) {
    std::string out;
    const auto& c = document.content;
    {
        PdfWriter writer(&out);
        writer.Text(fmt::format("合同编号:{}    {}", document.code, document.status), 9, Weight::kRegular,
                    PANGO_ALIGN_RIGHT);
        writer.Space(8);
        writer.Text(c.title, 18, Weight::kBold, PANGO_ALIGN_CENTER, 0, kContentWidth, kFont);
        writer.Space(10);
        writer.Text(PartyLine("甲方", c.party_a), 10.5);
        writer.Text(PartyLine("乙方", c.party_b), 10.5);
        writer.Text(fmt::format("服务类别:{}    责任部门:{}    责任人:{} {}", document.category_name,
                                document.department_name, c.responsible_person, c.responsible_phone),
                    10.5);
        writer.Text(ContractBasisSentence(document.rules_title), 10.5);

        writer.Heading("一、服务项目与收费标准");
        std::vector<std::vector<std::string>> items;
        for (const auto& item : c.service_items)
            items.push_back({item.name, item.scope, item.fee_standard, item.amount.ToDisplayString()});
        writer.Table({"服务项目", "服务范围", "收费标准", "金额(元)"}, items, {110, 170, 110, 93});
        writer.Text(fmt::format("合同年度金额 {} 元,合同总金额 {} 元。", c.annual_amount.ToDisplayString(),
                                c.total_amount.ToDisplayString()),
                    10.5);

        writer.Heading("二、合同期限");
        writer.Text(fmt::format("自 {} 起至 {} 止。", c.term_start.ToString(), c.term_end.ToString()), 10.5);

        writer.Heading("三、付款方式");
        writer.Text(
            fmt::format("付款方式:{};付款周期:{}。付款计划如下:", c.payment.method, FrequencyName(c.payment.frequency)),
            10.5);
        std::vector<std::vector<std::string>> installments;
        for (const auto& installment : c.payment.installments) {
            installments.push_back(
                {installment.period, installment.due_date.ToString(), installment.amount.ToDisplayString()});
        }
        writer.Table({"期间", "付款日期", "金额(元)"}, installments, {160, 160, 163});

        writer.Heading("四、质量考核");
        std::string bands;
        for (const auto& band : c.assessment.bands) bands += fmt::format("{} ≥ {} 分;", band.name, band.min);
        writer.Text(fmt::format("考核周期:{};合格分:{} 分;等级:{}考核得分低于合格分为不合格。",
                                FrequencyName(c.assessment.frequency), c.assessment.pass_mark, bands),
                    10.5);
        std::vector<std::vector<std::string>> checklist;
        for (const auto& item : c.assessment.checklist) checklist.push_back({item.item, std::to_string(item.points)});
        writer.Table({"考核项目", "分值"}, checklist, {400, 83});

        writer.Heading("五、人员配置");
        std::vector<std::vector<std::string>> staffing;
        for (const auto& row : c.staffing) {
            staffing.push_back(
                {DayTypeName(row.day_type), row.role, std::to_string(row.people), std::to_string(row.hours)});
        }
        writer.Table({"日期类型", "岗位", "每日人数", "每人每日工时"}, staffing, {110, 173, 100, 100});
        writer.Text("日期类型以甲方公布的年度节假日安排(含调休)为准。", 9.5);

        writer.Heading("六、扣款条款");
        std::vector<std::vector<std::string>> deductions;
        for (const auto& clause : c.deductions) {
            if (clause.kind == DeductionKind::kPercentOfFeePerPointBelowPass) {
                deductions.push_back(
                    {DeductionName(clause.kind), "当期服务费的 " + BasisPointsPercent(clause.rate_basis_points),
                     "当期服务费的 " + BasisPointsPercent(clause.cap_basis_points), clause.description});
            } else {
                deductions.push_back({DeductionName(clause.kind), clause.amount.ToDisplayString() + " 元",
                                      clause.cap.ToDisplayString() + " 元", clause.description});
            }
        }
        writer.Table({"情形", "扣款标准", "每期上限", "说明"}, deductions, {170, 70, 80, 163});

        writer.Heading("七、保密条款");
        writer.Text(c.confidentiality.empty() ? "(无)" : c.confidentiality, 10.5);
        writer.Heading("八、违约责任");
        writer.Text(c.breach_liability.empty() ? "(无)" : c.breach_liability, 10.5);
        writer.Text(
            "一年内日常例行监督考核累计三次不合格或满意度测评低于60%的,甲方可提出终止合同并要求乙方承担违约责任。",
            10.5);

        writer.Space(24);
        const std::string date = document.signed_on ? document.signed_on->ToString() : "      年    月    日";
        writer.Text(fmt::format("甲方(盖章):{}\n负责人/授权人签字:{}\n日期:{}", c.party_a.name,
                                document.party_a_signatory, date),
                    10.5);
        writer.Space(12);
        writer.Text(fmt::format("乙方(盖章):{}\n法定代表人/授权人签字:{}\n日期:{}", c.party_b.name,
                                document.party_b_signatory, date),
                    10.5);
        writer.Finish();
    }
    return out;
}

}  // namespace houqin::reports
