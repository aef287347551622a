#include "features/reports/documents.h"

#include <fmt/format.h>

#include "platform/documents/pdf_writer.h"

namespace houqin::reports {
namespace {

std::string KindName(const std::string& kind) {
    if (kind == "routine") return "日常";
    if (kind == "special") return "专项";
    if (kind == "termination") return "终止合同";
    if (kind == "deduction") return "扣款";
    if (kind == "reward") return "奖励";
    return kind;
}

std::string StatusName(const std::string& status) {
    if (status == "open") return "待整改";
    if (status == "reported") return "待验收";
    if (status == "closed") return "已关闭";
    if (status == "pending_office") return "待机关事务办审核";
    if (status == "pending_leadership") return "待领导审批";
    if (status == "approved") return "已批准";
    if (status == "rejected") return "已驳回";
    if (status == "withdrawn") return "已撤回";
    return status;
}

std::string EffectName(const std::string& effect) {
    if (effect == "effective") return "有效";
    if (effect == "partly_effective") return "部分有效";
    if (effect == "ineffective") return "无效";
    return "";
}

std::string EventName(const std::string& action) {
    if (action == "amend") return "发起合同变更";
    if (action == "sign") return "变更签订生效";
    if (action == "renew") return "续签";
    if (action == "terminate") return "终止合同";
    return action;
}

std::string ContractLine(const ReportContract& contract) {
    return fmt::format("{} {}\n外包单位:{}    合同期限:{} 至 {}    状态:{}    合同金额:{} 元", contract.code,
                       contract.title, contract.vendor_name, contract.term_start.ToString(),
                       contract.term_end.ToString(), contract.status_name.zh, contract.total_amount.ToString());
}

std::string MoneyOrDash(const std::optional<Money>& money) { return money ? money->ToString() : "-"; }

// SUP-7: a contract's incidents in the period, by type, the open ones and the compensation, in one line.
std::string IncidentLine(const IncidentTally& tally) {
    if (tally.total == 0) return "本期无事件。";
    std::string types;
    for (const auto& entry : tally.by_type) {
        if (entry.count == 0) continue;
        types += fmt::format("{}{} {} 起", types.empty() ? "" : "、", entry.name.zh, entry.count);
    }
    return fmt::format("本期事件 {} 起({}),处理中 {} 起;赔偿合计 {} 元,其中乙方责任 {} 起、{} 元。", tally.total, types,
                       tally.open, tally.compensation.ToString(), tally.party_b, tally.party_b_compensation.ToString());
}

std::string Generated(const Instant& at, const std::string& by) {
    return fmt::format("生成时间:{}    生成人:{}", at.ToIso().substr(0, 16), by);
}

void SignOff(PdfWriter& writer) {
    writer.Space(24);
    writer.Text("经办人(签字):                        日期:      年    月    日", 10.5);
    writer.Space(10);
    writer.Text("审核人(签字):                        日期:      年    月    日", 10.5);
    writer.Space(10);
    writer.Text("机关事务办(盖章)", 10.5);
}

std::vector<std::string> AssessmentRow(const ReportAssessment& a) {
    return {a.period,
            KindName(a.kind),
            a.assessed_on.ToString(),
            ScoreText(a.total_tenths),
            a.grade,
            a.passed ? "合格" : "不合格"};
}

}  // namespace

std::string WriteRenewalBasisPdf(const RenewalBasis& basis) {
    std::string out;
    PdfWriter writer(&out);
    writer.Text(Generated(basis.generated_at, basis.generated_by), 9, Weight::kRegular, PANGO_ALIGN_RIGHT);
    writer.Space(6);
    writer.Text("合同续签依据", 18, Weight::kBold, PANGO_ALIGN_CENTER);
    writer.Space(8);
    writer.Text(ContractLine(basis.contract), 10.5);

    writer.Heading(fmt::format("结论:{}", basis.recommendation_name.zh));
    for (const auto& reason : basis.reasons)
        writer.Text("· " + reason.text.zh, 10.5, Weight::kRegular, PANGO_ALIGN_LEFT, 10);
    std::string thresholds;
    for (const auto& threshold : basis.thresholds) {
        thresholds += fmt::format("{} = {};", threshold.name, threshold.value);
    }
    writer.Text("依据的设置值:" + thresholds, 9);

    writer.Heading("一、考核情况");
    writer.Text(fmt::format("合同期内考核 {} 次,不合格 {} 次(其中日常考核 {} 次);日常考核平均分 {}。",
                            basis.assessments.size(), basis.failures, basis.routine_failures,
                            basis.average_tenths ? ScoreText(*basis.average_tenths) : "-"),
                10.5);
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : basis.assessments) rows.push_back(AssessmentRow(a));
    if (!rows.empty())
        writer.Table({"期间", "类型", "考核日期", "得分", "等级", "结果"}, rows, {80, 60, 90, 70, 93, 90});

    writer.Heading("二、满意度测评");
    writer.Text(fmt::format("总体满意率:{}", basis.satisfaction.value_or("无有效答卷")), 10.5);
    rows.clear();
    for (const auto& s : basis.surveys) {
        rows.push_back(
            {s.period, s.title, std::to_string(s.valid), std::to_string(s.satisfied_count), s.rate.value_or("-")});
    }
    if (!rows.empty()) writer.Table({"期间", "测评", "有效答卷", "满意", "满意率"}, rows, {70, 193, 70, 70, 80});

    writer.Heading("三、整改、扣款与奖励");
    const auto& r = basis.rectifications;
    writer.Text(fmt::format("整改事项 {} 项:已关闭 {},待整改 {},待验收 {},逾期 {}。", r.total, r.closed, r.open,
                            r.reported, r.overdue),
                10.5);
    writer.Text(fmt::format("扣款 {} 笔,合计 {} 元(其中按审批建议 {} 笔);奖励 {} 笔,合计 {} 元。",
                            basis.deductions.count, basis.deductions.amount.ToString(), basis.deductions.from_proposals,
                            basis.rewards.count, basis.rewards.amount.ToString()),
                10.5);
    writer.Text(fmt::format("节能降耗记录 {} 条,节约金额 {} 元,节约电量 {} 千瓦时。", basis.energy_records,
                            basis.energy_saving.ToString(), basis.energy_saving_kwh),
                10.5);

    const auto& incidents = basis.incidents;
    writer.Text(fmt::format("合同期内事件 {} 起(处理中 {} 起),其中乙方责任 {} 起,乙方赔偿 {} 元;赔偿合计 {} 元。",
                            incidents.total, incidents.open, incidents.party_b,
                            incidents.party_b_compensation.ToString(), incidents.compensation.ToString()),
                10.5);

    writer.Heading("四、奖惩及终止建议");
    rows.clear();
    for (const auto& p : basis.proposals) {
        rows.push_back({KindName(p.kind), p.rule, StatusName(p.status),
                        MoneyOrDash(p.approved_amount ? p.approved_amount : p.amount), p.explanation.zh});
    }
    if (rows.empty()) {
        writer.Text("无。", 10.5);
    } else {
        writer.Table({"类型", "规则", "状态", "金额(元)", "说明"}, rows, {60, 80, 80, 70, 193});
    }
    SignOff(writer);
    writer.Finish();
    return out;
}

std::string WriteQualityReportPdf(const QualityReport& report) {
    std::string out;
    PdfWriter writer(&out);
    writer.Text(Generated(report.generated_at, report.generated_by), 9, Weight::kRegular, PANGO_ALIGN_RIGHT);
    writer.Space(6);
    writer.Text(fmt::format("{} 服务质量和安全考核报告", report.period.label), 18, Weight::kBold, PANGO_ALIGN_CENTER);
    writer.Space(8);
    writer.Text(fmt::format("期间:{} 至 {}。合同 {} 份,考核 {} 次,合格 {} 次,不合格 {} 次,平均分 {};"
                            "总体满意率 {};整改 {} 项(已关闭 {},逾期 {})。",
                            report.period.first.ToString(), report.period.last.ToString(), report.sections.size(),
                            report.assessments, report.passed, report.failed,
                            report.average_tenths ? ScoreText(*report.average_tenths) : "-",
                            report.satisfaction.value_or("无有效答卷"), report.rectifications.total,
                            report.rectifications.closed, report.rectifications.overdue),
                10.5);
    for (const auto& section : report.sections) {
        writer.Heading(fmt::format("{} {}", section.contract.code, section.contract.title));
        writer.Text(fmt::format("外包单位:{}", section.contract.vendor_name), 10);
        if (section.assessments.empty()) writer.Text("本期未考核(未考核不视为不合格)。", 10);
        for (const auto& a : section.assessments) {
            writer.Text(fmt::format("{} {}考核,{},得分 {},{}({}),不合格项 {} 项", a.period, KindName(a.kind),
                                    a.assessed_on.ToString(), ScoreText(a.total_tenths), a.grade,
                                    a.passed ? "合格" : "不合格", a.failed_items),
                        10);
            std::vector<std::vector<std::string>> rows;
            for (const auto& item : a.items) {
                rows.push_back({item.item, std::to_string(item.points), ScoreText(item.lost_tenths),
                                ScoreText(item.points * 10 - item.lost_tenths), item.failed ? "不合格" : ""});
            }
            if (!rows.empty()) writer.Table({"考核项目", "分值", "扣分", "得分", ""}, rows, {243, 60, 60, 60, 60});
        }
        for (const auto& s : section.surveys) {
            writer.Text(fmt::format("满意度测评 {}「{}」:有效答卷 {},满意 {},满意率 {}", s.period, s.title, s.valid,
                                    s.satisfied_count, s.rate.value_or("-")),
                        10);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : section.rectifications) {
            rows.push_back({r.title, r.deadline.ToString(), StatusName(r.status) + (r.overdue ? "(逾期)" : ""),
                            EffectName(r.effect)});
        }
        if (!rows.empty()) writer.Table({"整改事项", "期限", "状态", "整改效果"}, rows, {223, 80, 100, 80});
        writer.Text(IncidentLine(section.incidents), 10);
    }
    SignOff(writer);
    writer.Finish();
    return out;
}

std::vector<Sheet> QualityReportSheets(const QualityReport& report) {
    Sheet assessments;
    assessments.name = "考核";
    assessments.columns = {{"合同编号", 16}, {"合同名称", 32}, {"外包单位", 28},  {"期间", 10},
                           {"类型", 8},      {"考核日期", 12}, {"得分", 8},       {"合格分", 8},
                           {"等级", 10},     {"结果", 8},      {"不合格项数", 10}};
    assessments.numeric = {false, false, false, false, false, false, true, true, false, false, true};
    Sheet items;
    items.name = "考核明细";
    items.columns = {{"合同编号", 16}, {"期间", 10}, {"考核项目", 36}, {"分值", 8},
                     {"扣分", 8},      {"得分", 8},  {"不合格", 8}};
    items.numeric = {false, false, false, true, true, true, false};
    Sheet surveys;
    surveys.name = "满意度";
    surveys.columns = {{"合同编号", 16}, {"外包单位", 28}, {"期间", 10},  {"测评", 28},
                       {"有效答卷", 10}, {"满意", 8},      {"满意率", 10}};
    surveys.numeric = {false, false, false, false, true, true, false};
    Sheet rectifications;
    rectifications.name = "整改";
    rectifications.columns = {{"合同编号", 16}, {"外包单位", 28}, {"整改事项", 32}, {"期限", 12},
                              {"状态", 10},     {"逾期", 8},      {"整改效果", 10}};
    for (const auto& section : report.sections) {
        const auto& c = section.contract;
        for (const auto& a : section.assessments) {
            assessments.rows.push_back({c.code, c.title, c.vendor_name, a.period, KindName(a.kind),
                                        a.assessed_on.ToString(), ScoreText(a.total_tenths),
                                        std::to_string(a.pass_mark), a.grade, a.passed ? "合格" : "不合格",
                                        std::to_string(a.failed_items)});
            for (const auto& item : a.items) {
                items.rows.push_back({c.code, a.period, item.item, std::to_string(item.points),
                                      ScoreText(item.lost_tenths), ScoreText(item.points * 10 - item.lost_tenths),
                                      item.failed ? "是" : ""});
            }
        }
        for (const auto& s : section.surveys) {
            surveys.rows.push_back({c.code, c.vendor_name, s.period, s.title, std::to_string(s.valid),
                                    std::to_string(s.satisfied_count), s.rate.value_or("")});
        }
        for (const auto& r : section.rectifications) {
            rectifications.rows.push_back({c.code, c.vendor_name, r.title, r.deadline.ToString(), StatusName(r.status),
                                           r.overdue ? "是" : "", EffectName(r.effect)});
        }
    }
    Sheet incidents;
    incidents.name = "事件";
    incidents.columns = {{"合同编号", 16}, {"外包单位", 28}, {"事件类型", 16}, {"起数", 8}};
    incidents.numeric = {false, false, false, true};
    for (const auto& section : report.sections) {
        const auto& c = section.contract;
        for (const auto& entry : section.incidents.by_type) {
            if (entry.count > 0)
                incidents.rows.push_back({c.code, c.vendor_name, entry.name.zh, std::to_string(entry.count)});
        }
    }
    return {assessments, items, surveys, rectifications, incidents};
}

std::string WriteInternalAuditPdf(const InternalAuditReport& report) {
    std::string out;
    PdfWriter writer(&out);
    writer.Text(Generated(report.generated_at, report.generated_by), 9, Weight::kRegular, PANGO_ALIGN_RIGHT);
    writer.Space(6);
    writer.Text("后勤服务外包内部审计报告", 18, Weight::kBold, PANGO_ALIGN_CENTER);
    writer.Space(8);
    writer.Text(
        fmt::format("期间:{} 至 {}(按到期日在期间内的付款期统计)", report.from.ToString(), report.to.ToString()), 10.5);
    writer.Text(fmt::format("合同 {} 份;应付 {} 元,扣款 {} 元,实际应付 {} 元,已付 {} 元,未付 {} 元;奖励 {} 元。",
                            report.sections.size(), report.amount.ToString(), report.deductions.ToString(),
                            report.due.ToString(), report.paid.ToString(), report.balance.ToString(),
                            report.rewards.ToString()),
                10.5);
    writer.Text(report.chain.ok ? fmt::format("审计日志校验:完整,共校验 {} 条记录。", report.chain.checked)
                                : fmt::format("审计日志校验:发现异常,第 {} 条记录:{}",
                                              report.chain.first_bad_seq.value_or(0), report.chain.reason.zh),
                10.5, Weight::kBold);
    for (const auto& section : report.sections) {
        writer.Heading(fmt::format("{} {}", section.contract.code, section.contract.title));
        writer.Text(fmt::format("外包单位:{}", section.contract.vendor_name), 10);
        writer.Table({"应付", "扣款", "奖励", "实际应付", "已付", "未付"},
                     {{section.amount.ToString(), section.deductions.ToString(), section.rewards.ToString(),
                       section.due.ToString(), section.paid.ToString(), section.balance.ToString()}},
                     {80, 80, 80, 81, 81, 81});
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : section.entries) {
            rows.push_back({KindName(e.kind), e.period, e.amount.ToString(), e.reason,
                            e.proposal_id ? fmt::format("建议 #{}", *e.proposal_id) : "手工录入"});
        }
        if (!rows.empty()) writer.Table({"类型", "期间", "金额(元)", "事由", "来源"}, rows, {50, 70, 80, 203, 80});
        rows.clear();
        for (const auto& p : section.proposals) {
            rows.push_back({fmt::format("#{}", p.id), KindName(p.kind), StatusName(p.status),
                            MoneyOrDash(p.approved_amount ? p.approved_amount : p.amount), p.explanation.zh});
        }
        if (!rows.empty()) writer.Table({"建议", "类型", "结果", "金额(元)", "说明"}, rows, {50, 60, 70, 70, 233});
        rows.clear();
        for (const auto& event : section.events) {
            rows.push_back({event.at.ToIso().substr(0, 10), EventName(event.action), event.actor_name, event.comment});
        }
        if (!rows.empty()) writer.Table({"日期", "事项", "经办人", "说明"}, rows, {80, 90, 80, 233});
    }
    SignOff(writer);
    writer.Finish();
    return out;
}

std::vector<Sheet> InternalAuditSheets(const InternalAuditReport& report) {
    Sheet summary;
    summary.name = "汇总";
    summary.columns = {{"合同编号", 16}, {"合同名称", 32},     {"外包单位", 28}, {"应付(元)", 14}, {"扣款(元)", 14},
                       {"奖励(元)", 14}, {"实际应付(元)", 14}, {"已付(元)", 14}, {"未付(元)", 14}};
    summary.money = {false, false, false, true, true, true, true, true, true};
    for (const auto& section : report.sections) {
        const auto& c = section.contract;
        summary.rows.push_back({c.code, c.title, c.vendor_name, section.amount.ToString(),
                                section.deductions.ToString(), section.rewards.ToString(), section.due.ToString(),
                                section.paid.ToString(), section.balance.ToString()});
    }
    summary.rows.push_back({"合计", "", "", report.amount.ToString(), report.deductions.ToString(),
                            report.rewards.ToString(), report.due.ToString(), report.paid.ToString(),
                            report.balance.ToString()});
    Sheet entries;
    entries.name = "扣款与奖励";
    entries.columns = {{"合同编号", 16}, {"类型", 8},  {"期间", 10},     {"金额(元)", 14},
                       {"事由", 36},     {"来源", 10}, {"建议编号", 10}, {"录入人", 12}};
    entries.money = {false, false, false, true, false, false, false, false};
    entries.numeric = {false, false, false, false, false, false, true, false};
    Sheet proposals;
    proposals.name = "建议审批";
    proposals.columns = {{"合同编号", 16}, {"建议编号", 10}, {"类型", 10}, {"规则", 16},
                         {"结果", 10},     {"金额(元)", 14}, {"说明", 48}};
    proposals.numeric = {false, true, false, false, false, false, false};
    proposals.money = {false, false, false, false, false, true, false};
    Sheet events;
    events.name = "变更与终止";
    events.columns = {{"合同编号", 16}, {"时间", 20}, {"事项", 14}, {"版本", 8}, {"经办人", 12}, {"说明", 40}};
    events.numeric = {false, false, false, true, false, false};
    for (const auto& section : report.sections) {
        const auto& code = section.contract.code;
        for (const auto& e : section.entries) {
            entries.rows.push_back({code, KindName(e.kind), e.period, e.amount.ToString(), e.reason,
                                    e.source == "proposal" ? "审批建议" : "手工录入",
                                    e.proposal_id ? std::to_string(*e.proposal_id) : "", e.created_by});
        }
        for (const auto& p : section.proposals) {
            const auto amount = p.approved_amount ? p.approved_amount : p.amount;
            proposals.rows.push_back({code, std::to_string(p.id), KindName(p.kind), p.rule, StatusName(p.status),
                                      amount ? amount->ToString() : "", p.explanation.zh});
        }
        for (const auto& event : section.events) {
            events.rows.push_back({code, event.at.ToIso().substr(0, 19), EventName(event.action),
                                   std::to_string(event.version_no), event.actor_name, event.comment});
        }
    }
    Sheet chain;
    chain.name = "审计日志校验";
    chain.columns = {{"结果", 10}, {"已校验记录数", 14}, {"首条异常序号", 14}, {"说明", 48}};
    chain.numeric = {false, true, true, false};
    chain.rows.push_back({report.chain.ok ? "完整" : "异常", std::to_string(report.chain.checked),
                          report.chain.first_bad_seq ? std::to_string(*report.chain.first_bad_seq) : "",
                          report.chain.reason.zh});
    return {summary, entries, proposals, events, chain};
}

}  // namespace houqin::reports
