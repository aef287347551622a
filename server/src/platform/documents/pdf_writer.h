#pragma once
// A4 pages of flowing text and tables for the printed documents (the contract, CON-5; the renewal basis, RP-5; the
// period reports, SUP-7): cairo + pango, so Chinese text is shaped, selectable and searchable.
#include <pango/pangocairo.h>

#include <string>
#include <vector>

namespace houqin::reports {

constexpr double kPageWidth = 595.0;  // A4 in points
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 56.0;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
// A TrueType-outline CJK font: cairo 1.16 (Debian 12) drops some glyphs (e.g. 如) when it subsets the CFF outlines
// of Noto Sans CJK, so the printed text would silently miss characters. Noto stays the fallback.
constexpr const char* kFont = "WenQuanYi Micro Hei, Noto Sans CJK SC";

// Lays text out top to bottom into `out`, starting a new page when the next block does not fit; every page has
// its number in the footer. Finish() must be called once, at the end.
// A line of text's weight, and a table row's kind (the header's cells are bold on a grey ground).
enum class Weight { kRegular, kBold };
enum class TableRow { kHeader, kBody };

class PdfWriter {
  public:
    explicit PdfWriter(std::string* out);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    void Finish();
    void Text(const std::string& text, double size, Weight weight = Weight::kRegular,
              PangoAlignment align = PANGO_ALIGN_LEFT, double indent = 0, double width = kContentWidth,
              const char* family = kFont);
    void Heading(const std::string& text);
    void Space(double points);
    // A table with a header row; cell text wraps inside its column (widths in points, summing to kContentWidth).
    void Table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               const std::vector<double>& widths);

  private:
    PangoLayout* Layout(const std::string& text, double size, Weight weight, PangoAlignment align, double width,
                        const char* family);
    static double HeightOf(PangoLayout* layout);
    void Row(const std::vector<std::string>& cells, const std::vector<double>& widths, TableRow kind);
    void Footer();
    void NewPage();

    cairo_surface_t* surface_ = nullptr;
    cairo_t* cairo_ = nullptr;
    double y_ = 0;
    int page_ = 1;
};

}  // namespace houqin::reports
