#include "core/clinical/care_plan_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "core/knowledge/side_text.h"
#include "core/support/atomic_file.h"
#include "core/support/errors.h"

namespace myomap {

namespace {

constexpr double kMargin = 50.0;  // points
constexpr double kGap = 6.0;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.12, 0.12, 0.14}, kRed{0.55, 0.12, 0.08}, kGrey{0.35, 0.35, 0.38}, kRule{0.75, 0.75, 0.78};

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

/// Lays text out down the pages: wraps it to the text width, starts a new page when the
/// next block does not fit, and numbers the pages in the footer.
class PageWriter {
public:
    PageWriter(cairo_t* cr, double width, double height) : cr_(cr), width_(width), height_(height), y_(kMargin) {}
    ~PageWriter() {
        for (PangoLayout* layout : layouts_) g_object_unref(layout);
    }
    PageWriter(const PageWriter&) = delete;
    PageWriter& operator=(const PageWriter&) = delete;

    double textWidth() const { return width_ - 2.0 * kMargin; }
    /// The width left for text beside a picture floated right, or the whole width.
    double flowWidth() const { return y_ < floatBottom_ ? textWidth() - floatWidth_ : textWidth(); }
    double left() const { return kMargin; }
    double y() const { return y_; }
    double room() const { return bottom() - y_; }
    void advance(double dy) { y_ += dy; }

    void newPage() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin;
        floatBottom_ = 0.0;
    }
    void ensure(double height) {
        if (y_ + height > bottom() && y_ > kMargin + 1.0) newPage();
    }
    void finish() { footer(); }

    /// A laid-out block of text: its height, and a way to draw it at (x, y).
    PangoLayout* layout(const std::string& text, const char* font, double width) {
        PangoLayout* l = pango_cairo_create_layout(cr_);
        PangoFontDescription* desc = pango_font_description_from_string(font);
        pango_layout_set_font_description(l, desc);
        pango_font_description_free(desc);
        pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(l, text.c_str(), -1);
        layouts_.push_back(l);  // freed with the writer
        return l;
    }
    static double heightOf(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return double(h) / PANGO_SCALE;
    }
    void draw(PangoLayout* l, double x, double y, Rgb color) {
        cairo_set_source_rgb(cr_, color.r, color.g, color.b);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, l);
    }

    /// A paragraph at `indent`, kept whole on one page when it fits on one.
    void paragraph(const std::string& text, const char* font, Rgb color, double indent = 0.0, double after = kGap) {
        if (text.empty()) return;
        PangoLayout* l = layout(text, font, flowWidth() - indent);
        const double h = heightOf(l);
        ensure(h);
        draw(l, left() + indent, y_, color);
        y_ += h + after;
    }
    /// A picture at the right edge with its caption under it; the text that follows runs
    /// beside it until clearFloat().
    void floatRight(const Image& img, const std::string& caption, double w) {
        if (img.rgba.empty()) return;
        const double h = w * img.height / img.width;
        PangoLayout* c = layout(caption, "DejaVu Sans Oblique 8.5", w);
        const double total = h + 3.0 + heightOf(c);
        ensure(total);
        const double x = left() + textWidth() - w;
        image(img, x, y_, w);
        draw(c, x, y_ + h + 3.0, kGrey);
        floatBottom_ = y_ + total + 6.0;
        floatWidth_ = w + 12.0;
    }
    void clearFloat() {
        y_ = std::max(y_, floatBottom_);
        floatBottom_ = 0.0;
    }
    /// A heading kept with at least `keep` points of what follows.
    void heading(const std::string& text, const char* font, Rgb color, double keep = 60.0, bool rule = false) {
        PangoLayout* l = layout(text, font, textWidth());
        const double h = heightOf(l);
        ensure(h + keep);
        draw(l, left(), y_, color);
        y_ += h + 2.0;
        if (rule) {
            cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
            cairo_set_line_width(cr_, 0.7);
            cairo_move_to(cr_, left(), y_);
            cairo_line_to(cr_, left() + textWidth(), y_);
            cairo_stroke(cr_);
        }
        y_ += 4.0;
    }
    /// "1." then the step, with a hanging indent.
    void numbered(int number, const std::string& text, const char* font) {
        PangoLayout* n = layout(std::to_string(number) + ".", font, 20.0);
        PangoLayout* l = layout(text, font, flowWidth() - 22.0);
        const double h = heightOf(l);
        ensure(h);
        draw(n, left(), y_, kInk);
        draw(l, left() + 22.0, y_, kInk);
        y_ += h + 3.0;
    }
    void image(const Image& img, double x, double y, double w) {
        if (img.rgba.empty()) return;
        cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, img.width, img.height);
        unsigned char* data = cairo_image_surface_get_data(s);
        const int stride = cairo_image_surface_get_stride(s);
        cairo_surface_flush(s);
        for (int row = 0; row < img.height; ++row)
            for (int col = 0; col < img.width; ++col) {
                const std::uint8_t* p = img.pixel(col, row);
                auto* q = reinterpret_cast<std::uint32_t*>(data + row * stride) + col;
                *q = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
            }
        cairo_surface_mark_dirty(s);
        const double scale = w / img.width;
        cairo_save(cr_);
        cairo_translate(cr_, x, y);
        cairo_scale(cr_, scale, scale);
        cairo_set_source_surface(cr_, s, 0, 0);
        cairo_paint(cr_);
        cairo_restore(cr_);
        cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
        cairo_set_line_width(cr_, 0.7);
        cairo_rectangle(cr_, x, y, w, img.height * scale);
        cairo_stroke(cr_);
        cairo_surface_destroy(s);
    }
    cairo_t* cr() { return cr_; }

private:
    double bottom() const { return height_ - kMargin - 14.0; }
    void footer() {
        PangoLayout* l = layout("Myomap self-care plan. For learning and self-care, not a diagnosis.  Page " + std::to_string(page_),
                                "DejaVu Sans 8", textWidth());
        draw(l, left(), height_ - kMargin + 4.0, kGrey);
    }

    cairo_t* cr_;
    double width_, height_, y_;
    int page_ = 1;
    double floatBottom_ = 0.0, floatWidth_ = 0.0;
    std::vector<PangoLayout*> layouts_;
};

const CareSection* findSection(const std::vector<CareSection>& sections, const char* id) {
    for (const auto& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

using Pictures = std::vector<std::pair<Image, std::string>>;

/// A section; with `pictures`, each heading (a technique) gets its picture beside its steps.
void writeSection(PageWriter& page, const CareSection& section, const std::string& title, const Pictures* pictures = nullptr) {
    page.heading(title, "DejaVu Sans Bold 13", kRed, 60.0, true);
    constexpr double kPictureWidth = 190.0;
    std::size_t technique = 0;
    for (const auto& item : section.items) {
        switch (item.kind) {
            case CareItem::Kind::Heading: {
                page.clearFloat();
                const Image* picture = pictures && technique < pictures->size() ? &(*pictures)[technique].first : nullptr;
                const bool shown = picture && !picture->rgba.empty();
                // Keep the heading with its picture, or with the first lines of its steps.
                page.heading(item.text, "DejaVu Sans Bold 11", kInk, shown ? kPictureWidth * picture->height / picture->width + 30.0 : 90.0);
                if (shown) page.floatRight(*picture, (*pictures)[technique].second, kPictureWidth);
                ++technique;
                break;
            }
            case CareItem::Kind::Step: page.numbered(item.number, item.text, "DejaVu Sans 10.5"); break;
            case CareItem::Kind::Bullet: page.paragraph("\u2022  " + item.text, "DejaVu Sans 10.5", kInk, 8.0, 3.0); break;
            case CareItem::Kind::Fact: page.paragraph(item.text, "DejaVu Sans Bold 10", kRed, 0.0, 3.0); break;
            case CareItem::Kind::Note: page.paragraph(item.text, "DejaVu Sans Oblique 10", kGrey); break;
            default: page.paragraph(item.text, "DejaVu Sans 10.5", kInk);
        }
    }
    page.clearFloat();
    page.advance(6.0);
}

void writeDoseTable(PageWriter& page, const std::vector<DoseRow>& rows) {
    if (rows.empty()) return;
    // Kept on one page when it fits: a table split across pages is easy to misread.
    page.heading("Your plan at a glance", "DejaVu Sans Bold 13", kRed, 30.0 + 34.0 * static_cast<double>(rows.size() + 1), true);
    const double w = page.textWidth();
    const double cols[4] = {0.40 * w, 0.24 * w, 0.13 * w, 0.23 * w};
    auto row = [&](const std::array<std::string, 4>& cells, bool header) {
        const char* font = header ? "DejaVu Sans Bold 9.5" : "DejaVu Sans 9.5";
        std::array<PangoLayout*, 4> layouts{};
        double h = 0.0;
        for (int c = 0; c < 4; ++c) {
            layouts[c] = page.layout(cells[c], font, cols[c] - 8.0);
            h = std::max(h, PageWriter::heightOf(layouts[c]));
        }
        h += 8.0;
        page.ensure(h);
        double x = page.left();
        cairo_t* cr = page.cr();
        if (header) {
            cairo_set_source_rgb(cr, 0.92, 0.92, 0.93);
            cairo_rectangle(cr, x, page.y(), w, h);
            cairo_fill(cr);
        }
        for (int c = 0; c < 4; ++c) {
            page.draw(layouts[c], x + 4.0, page.y() + 4.0, kInk);
            cairo_set_source_rgb(cr, 0.55, 0.55, 0.58);
            cairo_set_line_width(cr, 0.6);
            cairo_rectangle(cr, x, page.y(), cols[c], h);
            cairo_stroke(cr);
            x += cols[c];
        }
        page.advance(h);
    };
    row({"Technique", "Hold or how long", "Repeat", "How often"}, true);
    for (const auto& r : rows) row({r.technique, r.hold, r.repeat, r.often}, false);
    page.advance(10.0);
}

/// The red flags in a box, so they stand out in print.
void writeRedFlags(PageWriter& page, const CareSection& section) {
    const double w = page.textWidth(), pad = 8.0;
    std::vector<std::pair<PangoLayout*, bool>> lines;  // layout, is a heading
    double total = 0.0;
    PangoLayout* title = page.layout("When to see a clinician", "DejaVu Sans Bold 12", w - 2 * pad);
    total += PageWriter::heightOf(title) + 4.0;
    for (const auto& item : section.items) {
        const bool heading = item.kind == CareItem::Kind::Heading;
        PangoLayout* l = page.layout(heading ? item.text : "\u2022  " + item.text, heading ? "DejaVu Sans Bold 10.5" : "DejaVu Sans 10.5",
                                     w - 2 * pad - (heading ? 0.0 : 6.0));
        lines.emplace_back(l, heading);
        total += PageWriter::heightOf(l) + 3.0;
    }
    total += 2 * pad;
    if (total > page.room()) page.newPage();
    cairo_t* cr = page.cr();
    const double top = page.y();
    cairo_set_source_rgb(cr, 0.99, 0.95, 0.94);
    cairo_rectangle(cr, page.left(), top, w, std::min(total, page.room()));
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, kRed.r, kRed.g, kRed.b);
    cairo_set_line_width(cr, 1.6);
    cairo_stroke(cr);
    double y = top + pad;
    page.draw(title, page.left() + pad, y, kRed);
    y += PageWriter::heightOf(title) + 4.0;
    for (const auto& [l, heading] : lines) {
        page.draw(l, page.left() + pad + (heading ? 0.0 : 6.0), y, kInk);
        y += PageWriter::heightOf(l) + 3.0;
    }
    page.advance(total + 12.0);
}

}  // namespace

std::vector<DoseRow> doseRows(const KnowledgeEntry& entry, Side side) {
    const std::string suffix = side == Side::None ? "" : std::string(" (") + sideName(side) + " side)";
    std::vector<DoseRow> rows;
    for (const auto& t : entry.selfMassage) {
        // "30-60 seconds per spot; 2-3 times a day": how long, then how often.
        const std::string dose = renderForSide(t.dose, side);
        const auto semicolon = dose.rfind(';');
        std::string often = semicolon == std::string::npos ? "" : dose.substr(semicolon + 1);
        while (!often.empty() && often.front() == ' ') often.erase(0, 1);
        rows.push_back({renderForSide(t.name, side) + suffix, semicolon == std::string::npos ? dose : dose.substr(0, semicolon), "", often});
    }
    for (const auto& s : entry.stretches)
        rows.push_back({renderForSide(s.name, side) + suffix, std::to_string(s.holdSeconds) + " seconds",
                        std::to_string(s.repetitions) + " times", renderForSide(s.frequency, side)});
    return rows;
}

std::vector<std::uint8_t> carePlanPdf(const PdfPlan& plan) {
    const double width = plan.paper == PaperSize::A4 ? 595.28 : 612.0;
    const double height = plan.paper == PaperSize::A4 ? 841.89 : 792.0;
    std::vector<std::uint8_t> bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, width, height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Self-care plan");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Myomap");
    cairo_t* cr = cairo_create(surface);
    {
        PageWriter page(cr, width, height);
        std::string names;
        for (std::size_t i = 0; i < plan.muscles.size(); ++i) names += (i ? ", " : "") + plan.muscles[i].title;
        page.paragraph("Self-care plan", "DejaVu Sans Bold 22", kInk, 0.0, 2.0);
        page.paragraph(names, "DejaVu Sans 13", kRed, 0.0, 10.0);
        page.paragraph("Name: ______________________________      Date: ________________", "DejaVu Sans 11", kInk, 0.0, 8.0);
        page.paragraph("From Myomap, an open 3D atlas of muscle knots. This is for learning and self-care, not a diagnosis. If pain "
                       "is strong, new, or not getting better, see a clinician.",
                       "DejaVu Sans Oblique 9.5", kGrey, 0.0, 10.0);
        for (std::size_t m = 0; m < plan.muscles.size(); ++m) {
            const PdfPlanMuscle& muscle = plan.muscles[m];
            if (m > 0) page.newPage();
            page.heading(muscle.title, "DejaVu Sans Bold 16", kInk, 200.0);
            // The chart's two figures, side by side.
            const double w = (page.textWidth() - 12.0) / 2.0;
            double pictureHeight = 0.0;
            for (const auto& [image, caption] : muscle.pictures)
                if (!image.rgba.empty()) pictureHeight = std::max(pictureHeight, w * image.height / image.width);
            if (pictureHeight > 0.0) {
                page.ensure(pictureHeight + 40.0);
                for (std::size_t i = 0; i < muscle.pictures.size() && i < 2; ++i) {
                    const double x = page.left() + static_cast<double>(i) * (w + 12.0);
                    page.image(muscle.pictures[i].first, x, page.y(), w);
                    PangoLayout* caption = page.layout(muscle.pictures[i].second, "DejaVu Sans Bold 9", w);
                    page.draw(caption, x, page.y() + pictureHeight + 3.0, kGrey);
                }
                page.advance(pictureHeight + 18.0);
                page.paragraph("X = knot. Solid red = where the pain is usually felt. Dotted red = where some people also feel it.",
                               "DejaVu Sans 9", kGrey, 0.0, 10.0);
            }
            for (const char* id : {"overview", "knots", "pain", "massage", "stretches"}) {
                const CareSection* s = findSection(muscle.sections, id);
                if (!s || s->items.empty()) continue;
                const std::string title = std::string(id) == "knots" ? "The knot and how to find it" : s->title;
                const std::string sid = id;
                writeSection(page, *s, title,
                             sid == "massage" ? &muscle.massagePictures : sid == "stretches" ? &muscle.stretchPictures : nullptr);
            }
            writeDoseTable(page, muscle.doses);
            if (const CareSection* s = findSection(muscle.sections, "progress")) writeSection(page, *s, s->title);
            if (const CareSection* s = findSection(muscle.sections, "clinician")) writeRedFlags(page, *s);
            if (const CareSection* s = findSection(muscle.sections, "sources")) {
                page.heading("Sources", "DejaVu Sans Bold 10", kGrey, 30.0);
                for (const auto& item : s->items) page.paragraph(item.text, "DejaVu Sans 8", kGrey, 0.0, 2.0);
            }
        }
        page.finish();
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw MyomapError(std::string("could not make the PDF: ") + cairo_status_to_string(status));
    return bytes;
}

void writeCarePlanPdf(const std::string& path, const PdfPlan& plan) { writeFileAtomically(path, carePlanPdf(plan), "the care plan"); }

}  // namespace myomap
