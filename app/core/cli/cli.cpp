#include "core/cli/cli.h"

#include <cmath>
#include <cstdio>

#include "core/support/errors.h"

namespace myomap {

namespace {
int positiveNumber(const std::string& arg, const std::string& v, const char* what) {
    int n = 0;
    char extra;
    if (std::sscanf(v.c_str(), "%d%c", &n, &extra) != 1 || n < 1) throw ArgumentError(arg + " '" + v + "' must be " + what);
    return n;
}
}  // namespace

std::string cliUsage() {
    return "usage: myomap [options]\n"
           "  --screenshot FILE.png   render one frame exactly as the window would, save it, exit\n"
           "  --size WxH              window or screenshot size (default 1280x800)\n"
           "  --view front|back|left|right   start from this view (default front)\n"
           "  --select MUSCLE_ID[:left|right] select a muscle (side defaults to right)\n"
           "  --no-ui                 leave the panels out of the picture\n"
           "  --knot N                show only knot N of the selected muscle (1 = first)\n"
           "  --pain-point X,Y,Z      open \"Where does it hurt?\" with a spot at this point (repeatable)\n"
           "  --pain-area NAME        the same with a named body area, e.g. temple (repeatable)\n"
           "  --focus knot|pain       turn the camera to the knot or to where its pain is felt\n"
           "  --clinician             clinical text in the panel (default: plain language)\n"
           "  --care-plan FILE.html   write a printable self-care plan for --select (picture included), exit\n"
           "  --author                each click prints the muscle surface and skin points under it\n"
           "                          (right-side coordinates for content files)\n"
           "  --skin OPACITY          show the skin layer, 0.1 (x-ray) to 1 (opaque)\n"
           "  --pack FILE             anatomy pack to load (default: the build's pack)\n"
           "  --models DIR            folder with muscles.tsv (default: the source tree's models/)\n"
           "  --shaders DIR           folder with the GLSL files (default: the source tree's shaders/)\n"
           "  --content DIR           knowledge base folder (default: the source tree's content/)\n"
           "  --click-at X,Y          click this pixel before taking the screenshot (testing)\n"
           "  --print-selection FILE  write the selection after --click-at to FILE (testing)\n"
           "  --interactive-lod       draw the decimated meshes\n"
           "  --benchmark-frames N    render N frames orbiting, print timings, exit\n"
           "  --help, --version\n"
           "Mouse: left-drag orbits, right- or middle-drag pans, wheel zooms, click selects, click on\n"
           "empty space clears. Keys: arrows orbit, +/- zoom, 1-4 front/back/left/right, F frames all,\n"
           "Esc clears the selection.\n";
}

CliOptions parseCli(const std::vector<std::string>& args) {
    CliOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw ArgumentError("argument " + a + " needs a value (see --help)");
            return args[++i];
        };
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--version") o.version = true;
        else if (a == "--screenshot") o.screenshot = value();
        else if (a == "--size") {
            const std::string& v = value();
            int w = 0, h = 0;
            char x = 0, extra = 0;
            if (std::sscanf(v.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 64 || h < 64 ||
                w > 8192 || h > 8192)
                throw ArgumentError("--size '" + v + "' must be WIDTHxHEIGHT between 64 and 8192, e.g. 1280x800");
            o.width = w;
            o.height = h;
        } else if (a == "--view") {
            const std::string& v = value();
            o.view = parseViewPreset(v);
            if (!o.view) throw ArgumentError("--view '" + v + "' must be front, back, left or right");
        } else if (a == "--select") o.select = value();
        else if (a == "--no-ui") o.noUi = true;
        else if (a == "--pain-point") o.painPoints.push_back(value());
        else if (a == "--clinician") o.clinician = true;
        else if (a == "--author") o.author = true;
        else if (a == "--care-plan") o.carePlan = value();
        else if (a == "--pain-area") o.painAreas.push_back(value());
        else if (a == "--knot") o.knot = positiveNumber(a, value(), "a knot number (1, 2, ...)");
        else if (a == "--focus") {
            const std::string& v = value();
            if (v != "knot" && v != "pain") throw ArgumentError("--focus '" + v + "' must be knot or pain");
            o.focus = v;
        }
        else if (a == "--skin") {
            const std::string& v = value();
            float f = 0;
            char extra;
            if (std::sscanf(v.c_str(), "%f%c", &f, &extra) != 1 || f < 0.1f || f > 1.0f)
                throw ArgumentError("--skin '" + v + "' must be an opacity between 0.1 and 1");
            o.skinOpacity = f;
        }
        else if (a == "--interactive-lod") o.interactiveLod = true;
        else if (a == "--pack") o.packPath = value();
        else if (a == "--models") o.modelsDir = value();
        else if (a == "--shaders") o.shadersDir = value();
        else if (a == "--content") o.contentDir = value();
        else if (a == "--click-at") {
            const std::string& v = value();
            parsePixel(v);  // a typo is reported before any window opens
            o.clickAt = v;
        } else if (a == "--print-selection") o.printSelection = value();
        else if (a == "--benchmark-frames") o.benchmarkFrames = positiveNumber(a, value(), "a positive number");
        else throw ArgumentError("unknown argument '" + a + "' (see --help)");
    }
    return o;
}

glm::vec2 parsePixel(const std::string& text) {
    float x = 0, y = 0;
    char extra;
    if (std::sscanf(text.c_str(), "%f,%f%c", &x, &y, &extra) != 2 || !std::isfinite(x) || !std::isfinite(y) || x < 0 || y < 0 ||
        x > 100000 || y > 100000)
        throw ArgumentError("--click-at '" + text + "' must be X,Y in window pixels (two finite, non-negative numbers)");
    return {x, y};
}

}  // namespace myomap
