// parsePainDrawing (a saved pain drawing, user data that may come from anywhere) on
// arbitrary text: only ContentError naming the file, never a crash or another exception.

#include <cstdint>
#include <string>

#include "core/clinical/pain_drawing.h"
#include "core/support/errors.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const myomap::PainDrawing drawing = myomap::parsePainDrawing(text, "visit.json");
        // What was read writes back and reads again the same.
        const myomap::PainDrawing again = myomap::parsePainDrawing(myomap::painDrawingJson(drawing), "again.json");
        if (again.strokes.size() != drawing.strokes.size() || again.answers.size() != drawing.answers.size()) __builtin_trap();
    } catch (const myomap::ContentError& e) {
        myomap::fuzz::requireNamed(e.what(), "visit.json");
    }
    return 0;
}
