#include "features/procurement/opening_pdf.h"

#include "platform/documents/pdf_writer.h"

namespace houqin::reports {

std::string WriteOpeningRecordPdf(const OpeningPdf& record) {
    std::string out;
    PdfWriter writer(&out);
    writer.Text(record.generated, 9, Weight::kRegular, PANGO_ALIGN_RIGHT);
    writer.Space(6);
    writer.Text("开标记录", 18, Weight::kBold, PANGO_ALIGN_CENTER);
    writer.Space(6);
    writer.Text(record.title, 12, Weight::kBold, PANGO_ALIGN_CENTER);
    writer.Space(8);
    for (const auto& fact : record.facts) writer.Text(fact, 10.5);
    writer.Heading("开标结果");
    writer.Text(record.summary, 10.5);
    writer.Space(6);
    writer.Table({"排名", "投标单位", "递交时间", "年度报价(元)", "是否有效", "回执核对"}, record.bids,
                 {40, 130, 95, 80, 60, 78});
    if (!record.notes.empty()) {
        writer.Heading("说明");
        for (const auto& note : record.notes) writer.Text("· " + note, 9.5, Weight::kRegular, PANGO_ALIGN_LEFT, 10);
    }
    writer.Space(28);
    writer.Text("开标人(签字):                    见证人(纪检监察,签字):                    ", 10.5);
    writer.Space(20);
    writer.Text("记录人(签字):                    日期:      年    月    日", 10.5);
    writer.Finish();
    return out;
}

}  // namespace houqin::reports
