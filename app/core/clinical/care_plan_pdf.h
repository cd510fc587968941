#pragma once
// The self-care plan as a PDF a clinic can print and hand over (Cairo and Pango, real
// fonts): page 1 names the muscles, leaves lines for the patient's name and the date, and
// shows close-ups of each pattern from the front and from behind with the knot and how to
// find it; then each technique with numbered steps, a dose table as a home-exercise program
// prints it, the red flags in a box, and the sources.

#include <cstdint>
#include <string>
#include <vector>

#include "core/clinical/care_sheet.h"
#include "core/clinical/paper_size.h"
#include "core/support/image.h"

namespace myomap {

/// One row of the dose table: a technique and how much of it.
struct DoseRow {
    std::string technique;  ///< as headed in the plan, with the side
    std::string hold;       ///< "30 seconds", or for self-massage how long per spot
    std::string repeat;     ///< "3 times", or empty
    std::string often;      ///< "2-3 times a day"
};

/// The dose table of an entry's techniques, on `side`.
std::vector<DoseRow> doseRows(const KnowledgeEntry& entry, Side side);

struct PdfPlanMuscle {
    std::string title;  ///< "Upper trapezius (left side)"
    std::vector<CareSection> sections;  ///< the patient care sheet for that side
    std::vector<DoseRow> doses;
    /// Close-ups of the pattern from the two sides that show most of it, with captions
    /// ("From the front", "From the right side", "From behind").
    std::vector<std::pair<Image, std::string>> pictures;
    /// A picture of each self-massage technique and each stretch on the body, in the
    /// entry's order, with its caption; an empty image where there is none.
    std::vector<std::pair<Image, std::string>> massagePictures, stretchPictures;
};

struct PdfPlan {
    std::vector<PdfPlanMuscle> muscles;
    PaperSize paper = PaperSize::A4;
};

/// The PDF's bytes. Throws MyomapError when Cairo fails.
std::vector<std::uint8_t> carePlanPdf(const PdfPlan& plan);
/// Writes the PDF atomically (the old file stays on failure). Throws MyomapError.
void writeCarePlanPdf(const std::string& path, const PdfPlan& plan);

}  // namespace myomap
