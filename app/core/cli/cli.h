#pragma once
// Command-line options of the viewer. Parsing is GL-free so tests can check every error.

#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/clinical/paper_size.h"
#include "core/geometry/camera.h"

namespace myomap {

struct CliOptions {
    bool help = false;
    bool version = false;
    std::optional<std::string> screenshot;  ///< render one frame to this PNG and exit
    int width = 1280, height = 800;
    bool sizeGiven = false;                 ///< --size was given (it wins over the saved window size)
    std::optional<ViewPreset> view;
    std::optional<std::string> select;      ///< MUSCLE_ID[:left|right], checked against the catalog later
    std::vector<std::string> alsoSelect;    ///< further --select values: more muscles for the care plan
    std::optional<PaperSize> paper;         ///< --paper for the PDF plan
    std::optional<float> textScale;         ///< --text-size PERCENT / 100
    bool present = false;                   ///< --present: presentation mode
    bool frontAndBack = false;
    bool study = false;                     ///< --study: study mode, a quiz
    std::optional<std::string> quizKind;    ///< --quiz name|find|refers|paint
    std::optional<std::uint32_t> seed;      ///< --seed N for the quiz (the same seed, the same quiz)              ///< --view front+back: two views side by side, like a chart
    std::optional<std::string> showTechnique;  ///< --show massage:N|stretch:N, checked against the entry later
    bool transparent = false;               ///< --transparent: screenshots without a background
    bool noUi = false;
    std::optional<int> knot;                ///< 1-based knot of the selected muscle to show alone
    std::optional<std::string> focus;       ///< "knot" or "pain": where the camera turns
    bool clinician = false;                 ///< clinical text in the panel instead of plain language
    bool author = false;                    ///< authoring: each click prints the muscle and skin points under it
    std::optional<std::string> carePlan;    ///< write a printable self-care plan (.pdf or .html) for --select and exit
    std::optional<float> skinOpacity;       ///< show the skin layer at this opacity (0.1-1)
    bool attachments = false;               ///< show the muscles' attachments on the bones
    std::vector<std::string> painPoints;    ///< --pain-point X,Y,Z: open "Where does it hurt?" with these spots
    std::vector<std::string> painAreas;     ///< --pain-area NAME: the same with named areas (right side)
    std::optional<std::string> drawing;     ///< --drawing FILE: a saved pain drawing to open
    std::optional<std::string> compareDrawing;  ///< --compare-drawing FILE: an earlier drawing to show with it
    bool interactiveLod = false;            ///< render the decimated meshes (benchmarks)
    bool drawAll = false;                   ///< draw hidden triangles too (to check the visible shells)
    std::optional<std::string> clickAt;     ///< "X,Y" pixel to click before the screenshot (tests)
    std::string packPath;                   ///< empty: the build's pack
    std::string modelsDir;                  ///< empty: the source tree's models/
    std::string shadersDir;                 ///< empty: the source tree's shaders/
    std::string contentDir;                 ///< empty: the source tree's content/
    std::optional<std::string> printSelection;  ///< write the selection after --click-at to this file
    std::optional<int> benchmarkFrames;     ///< render N orbit frames and print timings
};

/// Parses argv; throws ArgumentError naming the offending argument.
CliOptions parseCli(const std::vector<std::string>& args);

/// "X,Y" window pixels (--click-at); throws ArgumentError naming the text.
glm::vec2 parsePixel(const std::string& text);
/// The --help text.
std::string cliUsage();

}  // namespace myomap
