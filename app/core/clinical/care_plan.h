#pragma once
// A printable self-care plan: one self-contained HTML page (picture embedded) with the
// patient text of the care sheet, so a clinician can hand it over or a patient can print it.

#include <string>
#include <vector>

#include "core/clinical/care_sheet.h"
#include "core/support/image.h"

namespace myomap {

struct CarePlan {
    std::string title;      ///< e.g. "Upper trapezius (right side)"
    std::vector<CareSection> sections;
    Image picture;          ///< the body with the pattern; may be empty
};

/// The page as HTML text (UTF-8). Text is escaped; the picture is an embedded PNG.
std::string carePlanHtml(const CarePlan& plan);

/// Writes the page atomically (temporary file, then rename). Throws MyomapError.
void writeCarePlan(const std::string& path, const CarePlan& plan);

/// "a &lt; b" for "a < b": text made safe inside HTML.
std::string escapeHtml(const std::string& text);

/// Standard base64 of bytes.
std::string base64(const std::vector<std::uint8_t>& bytes);

}  // namespace myomap
