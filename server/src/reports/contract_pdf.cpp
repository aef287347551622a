#include "reports/contract_pdf.h"

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <stdexcept>
#include <vector>

namespace houqin::reports {
namespace {

constexpr double kPageWidth = 595.0;  // A4 in points
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 56.0;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
// A TrueType-outline CJK font: cairo 1.16 (Debian 12) drops some glyphs (e.g. 如) when it subsets the CFF outlines
// of Noto Sans CJK, so the printed contract would silently miss characters. Noto stays the fallback.
constexpr const char* kFont = "WenQuanYi Micro Hei, Noto Sans CJK SC";
constexpr const char* kSerifFont = kFont;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Lays text out top to bottom, starting a new page when the next block does not fit.
class Writer {
  public:
    explicit Writer(std::string* out) {
        surface_ = cairo_pdf_surface_create_for_stream(AppendToString, out, kPageWidth, kPageHeight);
        cairo_ = cairo_create(surface_);
        y_ = kMargin;
    }
    ~Writer() {
        cairo_destroy(cairo_);
        cairo_surface_destroy(surface_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void Finish() {
        Footer();
        cairo_show_page(cairo_);
        cairo_surface_finish(surface_);
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface_)));
        }
    }

    void Text(const std::string& text, double size, bool bold = false, PangoAlignment align = PANGO_ALIGN_LEFT,
              double indent = 0, double width = kContentWidth, const char* family = kFont) {
        PangoLayout* layout = Layout(text, size, bold, align, width - indent, family);
        const double height = HeightOf(layout);
        if (y_ + height > kPageHeight - kMargin) NewPage();
        cairo_move_to(cairo_, kMargin + indent, y_);
        pango_cairo_show_layout(cairo_, layout);
        g_object_unref(layout);
        y_ += height + size * 0.35;
    }

    void Heading(const std::string& text) {
        Space(6);
        Text(text, 12.5, true);
    }

    void Space(double points) { y_ += points; }

    // A table with a header row; cell text wraps inside its column.
    void Table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<double>& widths) {
        Row(header, widths, true);
        for (const auto& row : rows) Row(row, widths, false);
        Space(6);
    }

  private:
    PangoLayout* Layout(const std::string& text, double size, bool bold, PangoAlignment align, double width,
                        const char* family) {
        PangoLayout* layout = pango_cairo_create_layout(cairo_);
        PangoFontDescription* font = pango_font_description_from_string(family);
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, align);
        pango_layout_set_text(layout, text.c_str(), -1);
        return layout;
    }

    static double HeightOf(PangoLayout* layout) {
        int width = 0, height = 0;
        pango_layout_get_size(layout, &width, &height);
        return static_cast<double>(height) / PANGO_SCALE;
    }

    void Row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool header) {
        constexpr double kPadding = 4;
        constexpr double kSize = 9.5;
        std::vector<PangoLayout*> layouts;
        double height = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            layouts.push_back(Layout(cells[i], kSize, header, PANGO_ALIGN_LEFT, widths[i] - 2 * kPadding, kFont));
            height = std::max(height, HeightOf(layouts.back()));
        }
        height += 2 * kPadding;
        if (y_ + height > kPageHeight - kMargin) NewPage();
        double x = kMargin;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (header) {
                cairo_set_source_rgb(cairo_, 0.90, 0.93, 0.97);
                cairo_rectangle(cairo_, x, y_, widths[i], height);
                cairo_fill(cairo_);
            }
            cairo_set_source_rgb(cairo_, 0.55, 0.55, 0.55);
            cairo_set_line_width(cairo_, 0.5);
            cairo_rectangle(cairo_, x, y_, widths[i], height);
            cairo_stroke(cairo_);
            cairo_set_source_rgb(cairo_, 0, 0, 0);
            cairo_move_to(cairo_, x + kPadding, y_ + kPadding);
            pango_cairo_show_layout(cairo_, layouts[i]);
            g_object_unref(layouts[i]);
            x += widths[i];
        }
        y_ += height;
    }

    void Footer() {
        PangoLayout* layout =
            Layout(fmt::format("第 {} 页", page_), 8.5, false, PANGO_ALIGN_CENTER, kContentWidth, kFont);
        cairo_set_source_rgb(cairo_, 0.4, 0.4, 0.4);
        cairo_move_to(cairo_, kMargin, kPageHeight - kMargin * 0.6);
        pango_cairo_show_layout(cairo_, layout);
        cairo_set_source_rgb(cairo_, 0, 0, 0);
        g_object_unref(layout);
    }

    void NewPage() {
        Footer();
        cairo_show_page(cairo_);
        ++page_;
        y_ = kMargin;
    }

    cairo_surface_t* surface_ = nullptr;
    cairo_t* cairo_ = nullptr;
    double y_ = 0;
    int page_ = 1;
};

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
        Writer writer(&out);
        writer.Text(fmt::format("合同编号:{}    {}", document.code, document.status), 9, false, PANGO_ALIGN_RIGHT);
        writer.Space(8);
        writer.Text(c.title, 18, true, PANGO_ALIGN_CENTER, 0, kContentWidth, kSerifFont);
        writer.Space(10);
        writer.Text(PartyLine("甲方", c.party_a), 10.5);
        writer.Text(PartyLine("乙方", c.party_b), 10.5);
        writer.Text(fmt::format("服务类别:{}    责任部门:{}    责任人:{} {}", document.category_name,
                                document.department_name, c.responsible_person, c.responsible_phone),
                    10.5);
        writer.Text(
            "根据《某某镇后勤服务外包项目监督管理办法》和批准的服务外包项目采购实施方案,甲乙双方经协商一致,"
            "订立本合同。",
            10.5);

        writer.Heading("一、服务项目与收费标准");
        std::vector<std::vector<std::string>> items;
        for (const auto& item : c.service_items)
            items.push_back({item.name, item.scope, item.fee_standard, item.amount.ToString()});
        writer.Table({"服务项目", "服务范围", "收费标准", "金额(元)"}, items, {110, 170, 110, 93});
        writer.Text(
            fmt::format("合同年度金额 {} 元,合同总金额 {} 元。", c.annual_amount.ToString(), c.total_amount.ToString()),
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
                {installment.period, installment.due_date.ToString(), installment.amount.ToString()});
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
            deductions.push_back(
                {DeductionName(clause.kind), clause.amount.ToString(), clause.cap.ToString(), clause.description});
        }
        writer.Table({"情形", "扣款(元)", "每期上限(元)", "说明"}, deductions, {170, 70, 80, 163});

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
