#pragma once
// A pain drawing, as clinics record pain on a body map: strokes painted on the skin (a
// click is a stroke of one dab, a named area a stroke of one large dab, an eraser stroke
// takes paint away), and the answers to "does pressing here bring on your familiar pain?".
// Stored as points in the pack's frame, not vertex numbers, so a drawing stays valid when
// the pack is rebuilt. Saved as JSON (docs/pain-drawing.schema.json), written atomically.

#include <cstdint>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/anatomy/catalog.h"

namespace myomap {

class SkinMap;

/// One touch of the brush: a disc on the skin.
struct Dab {
    glm::vec3 point{0.0f};
    float radius = 0.015f;
};

struct Stroke {
    std::string label;  ///< "Painted area 2", "Temple (right)", "Spot 3"
    bool erase = false;
    std::vector<Dab> dabs;
};

enum class PressAnswer { Yes, No, NotSure };

/// The answer for one candidate (an entry on one side).
struct PressCheck {
    std::string entry;
    Side side = Side::Right;
    PressAnswer answer = PressAnswer::NotSure;
};

struct PainDrawing {
    std::vector<Stroke> strokes;
    std::vector<PressCheck> answers;
    std::string created;  ///< ISO 8601 date-time, set when first saved

    bool empty() const { return strokes.empty(); }
    /// The answer recorded for `entry` on `side`, if any.
    const PressCheck* answerFor(const std::string& entry, Side side) const;
    /// Records (or replaces) an answer.
    void setAnswer(const std::string& entry, Side side, PressAnswer answer);
};

/// The skin map vertices the drawing covers, sorted: strokes applied in order, erasers
/// removing what earlier strokes painted.
std::vector<std::uint32_t> drawnVertices(const SkinMap& map, const PainDrawing& drawing);
/// Area in square metres of a vertex set of the skin map.
double drawnArea(const SkinMap& map, const std::vector<std::uint32_t>& vertices);

/// The JSON text of a drawing.
std::string painDrawingJson(const PainDrawing& drawing);
/// Parses a drawing; throws ContentError naming `label` and what is wrong.
PainDrawing parsePainDrawing(const std::string& text, const std::string& label);
/// Reads a drawing file; throws ContentError naming the file.
PainDrawing loadPainDrawing(const std::string& path);
/// Writes atomically; throws MyomapError naming the path. The old file stays on failure.
void savePainDrawing(const std::string& path, const PainDrawing& drawing);

const char* pressAnswerName(PressAnswer answer);

}  // namespace myomap
