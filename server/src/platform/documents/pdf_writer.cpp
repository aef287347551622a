#include "platform/documents/pdf_writer.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace houqin::reports {
namespace {

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfWriter::PdfWriter(std::string* out) {
    surface_ = cairo_pdf_surface_create_for_stream(AppendToString, out, kPageWidth, kPageHeight);
    cairo_ = cairo_create(surface_);
    y_ = kMargin;
}

PdfWriter::~PdfWriter() {
    cairo_destroy(cairo_);
    cairo_surface_destroy(surface_);
}

void PdfWriter::Finish() {
    Footer();
    cairo_show_page(cairo_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface_)));
    }
}

void PdfWriter::Text(const std::string& text, double size, Weight weight, PangoAlignment align, double indent,
                     double width, const char* family) {
    PangoLayout* layout = Layout(text, size, weight, align, width - indent, family);
    const double height = HeightOf(layout);
    if (y_ + height > kPageHeight - kMargin) NewPage();
    cairo_move_to(cairo_, kMargin + indent, y_);
    pango_cairo_show_layout(cairo_, layout);
    g_object_unref(layout);
    y_ += height + size * 0.35;
}

void PdfWriter::Heading(const std::string& text) {
    Space(6);
    Text(text, 12.5, Weight::kBold);
}

void PdfWriter::Space(double points) { y_ += points; }

void PdfWriter::Table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<double>& widths) {
    Row(header, widths, TableRow::kHeader);
    for (const auto& row : rows) Row(row, widths, TableRow::kBody);
    Space(6);
}

PangoLayout* PdfWriter::Layout(const std::string& text, double size, Weight weight, PangoAlignment align, double width,
                               const char* family) {
    PangoLayout* layout = pango_cairo_create_layout(cairo_);
    PangoFontDescription* font = pango_font_description_from_string(family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, weight == Weight::kBold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, text.c_str(), -1);
    return layout;
}

double PdfWriter::HeightOf(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
}

void PdfWriter::Row(const std::vector<std::string>& cells, const std::vector<double>& widths, TableRow kind) {
    constexpr double kPadding = 4;
    constexpr double kSize = 9.5;
    std::vector<PangoLayout*> layouts;
    double height = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        layouts.push_back(Layout(cells[i], kSize, kind == TableRow::kHeader ? Weight::kBold : Weight::kRegular,
                                 PANGO_ALIGN_LEFT, widths[i] - 2 * kPadding, kFont));
        height = std::max(height, HeightOf(layouts.back()));
    }
    height += 2 * kPadding;
    if (y_ + height > kPageHeight - kMargin) NewPage();
    double x = kMargin;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (kind == TableRow::kHeader) {
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

void PdfWriter::Footer() {
    PangoLayout* layout =
        Layout(fmt::format("第 {} 页", page_), 8.5, Weight::kRegular, PANGO_ALIGN_CENTER, kContentWidth, kFont);
    cairo_set_source_rgb(cairo_, 0.4, 0.4, 0.4);
    cairo_move_to(cairo_, kMargin, kPageHeight - kMargin * 0.6);
    pango_cairo_show_layout(cairo_, layout);
    cairo_set_source_rgb(cairo_, 0, 0, 0);
    g_object_unref(layout);
}

void PdfWriter::NewPage() {
    Footer();
    cairo_show_page(cairo_);
    ++page_;
    y_ = kMargin;
}

}  // namespace houqin::reports
