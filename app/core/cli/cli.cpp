#include "core/cli/cli.h"

#include "core/study/quiz.h"

#include <cmath>
#include <cstdio>

#include "core/anatomy/catalog.h"
#include "core/cli/numbers.h"
#include "core/support/errors.h"

namespace myomap {

namespace {
int positiveNumber(const std::string& arg, const std::string& v, long long max) {
    return static_cast<int>(parseInteger(v, 1, max, arg));
}
}  // namespace

std::string cliUsage() {
    return "usage: myomap [options]\n"
           "  --screenshot FILE.png   render one frame exactly as the window would, save it, exit\n"
           "  --size WxH              window or screenshot size (default 1280x800)\n"
           "  --view front|back|left|right|front+back   start from this view (default front); front+back shows\n"
           "                          the pattern from the front and from behind side by side, like a chart\n"
           "  --study                 study mode: a quiz on the body (--quiz name|find|refers|paint, --seed N)\n"
           "  --show massage:N|stretch:N  show technique N of the selected muscle on the body (1 = first)\n"
           "  --select MUSCLE_ID[:left|right] select a muscle (side defaults to right)\n"
           "  --no-ui                 leave the panels out of the picture\n"
           "  --knot N                show only knot N of the selected muscle (1 = first)\n"
           "  --pain-point X,Y,Z      open \"Where does it hurt?\" with a spot at this point (repeatable)\n"
           "  --pain-area NAME        the same with a named body area, e.g. temple (repeatable)\n"
           "  --drawing FILE.json     open \"Where does it hurt?\" with a saved pain drawing\n"
           "  --compare-drawing FILE.json  show an earlier drawing with it, outlined in orange\n"
           "  --focus knot|pain       turn the camera to the knot or to where its pain is felt\n"
           "  --clinician             clinical text in the panel (default: plain language)\n"
           "  --care-plan FILE.pdf    write a printable self-care plan for --select and exit (.pdf, or .html for a\n"
           "                          web page); repeat --select for a plan of several muscles\n"
           "  --transparent           with --screenshot: no background, the PNG keeps alpha (pictures for slides)\n"
           "  --present               presentation mode: full screen, large type, a patient's panel; PageDown and\n"
           "                          PageUp (or N and P) step through the knots, ] and [ through the --select list,\n"
           "                          R turns back to the pattern\n"
           "  --text-size PERCENT     panel text size, 100 to 200 (saved from the panel's slider otherwise)\n"
           "  --paper a4|letter       the PDF's paper (default from the locale: letter in the US and Canada)\n"
           "  --author                each click prints the muscle surface and skin points under it\n"
           "                          (right-side coordinates for content files)\n"
           "  --skin OPACITY          show the skin layer, 0.1 (x-ray) to 1 (opaque)\n"
           "  --attachments           show where muscles attach on the bones (origins red, insertions blue)\n"
           "  --pack FILE             anatomy pack to load (default: the build's pack)\n"
           "  --models DIR            folder with muscles.tsv (default: the source tree's models/)\n"
           "  --shaders DIR           folder with the GLSL files (default: the source tree's shaders/)\n"
           "  --content DIR           knowledge base folder (default: the source tree's content/)\n"
           "  --click-at X,Y          click this pixel before taking the screenshot (testing)\n"
           "  --print-selection FILE  write the selection after --click-at to FILE (testing)\n"
           "  --interactive-lod       draw the decimated meshes\n"
           "  --draw-all              draw every triangle, also those the body hides (slower; to check that\n"
           "                          leaving them out changes nothing)\n"
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
            const auto x = v.find_first_of("xX");
            try {
                if (x == std::string::npos) throw ArgumentError("");
                o.width = static_cast<int>(parseInteger(v.substr(0, x), 64, 8192, "--size"));
                o.height = static_cast<int>(parseInteger(v.substr(x + 1), 64, 8192, "--size"));
                o.sizeGiven = true;
            } catch (const ArgumentError&) {
                throw ArgumentError("--size '" + v + "' must be WIDTHxHEIGHT between 64 and 8192, e.g. 1280x800");
            }
        } else if (a == "--view") {
            const std::string& v = value();
            if (v == "front+back") {
                o.frontAndBack = true;
                o.view = ViewPreset::Front;
            } else {
                o.view = parseViewPreset(v);
                if (!o.view) throw ArgumentError("--view '" + v + "' must be front, back, left, right or front+back");
            }
        } else if (a == "--show") {
            const std::string& v = value();
            const auto colon = v.find(':');
            const std::string kind = v.substr(0, colon);
            if (colon == std::string::npos || (kind != "massage" && kind != "stretch"))
                throw ArgumentError("--show '" + v + "' must be massage:N or stretch:N, e.g. stretch:1");
            positiveNumber(a, v.substr(colon + 1), 50);
            o.showTechnique = v;
        } else if (a == "--select") {
            // Repeated for a care plan of several muscles; the first is the one the viewer shows.
            if (o.select) o.alsoSelect.push_back(value());
            else o.select = value();
        }
        else if (a == "--present") o.present = true;
        else if (a == "--study") o.study = true;
        else if (a == "--quiz") {
            const std::string& v = value();
            if (!parseQuizKind(v)) throw ArgumentError("--quiz '" + v + "' must be name, find, refers or paint");
            o.quizKind = v;
        } else if (a == "--seed") o.seed = static_cast<std::uint32_t>(parseInteger(value(), 0, 4294967295LL, "--seed"));
        else if (a == "--transparent") o.transparent = true;
        else if (a == "--paper") o.paper = parsePaperSize(value());
        else if (a == "--text-size") o.textScale = static_cast<float>(parseInteger(value(), 100, 200, "--text-size (percent)")) / 100.0f;
        else if (a == "--no-ui") o.noUi = true;
        else if (a == "--attachments") o.attachments = true;
        else if (a == "--pain-point") o.painPoints.push_back(value());
        else if (a == "--clinician") o.clinician = true;
        else if (a == "--author") o.author = true;
        else if (a == "--care-plan") {
            const std::string& v = value();
            const auto dot = v.rfind('.');
            const std::string ext = dot == std::string::npos ? "" : toLower(v.substr(dot));
            if (ext != ".html" && ext != ".htm" && ext != ".pdf") throw ArgumentError("--care-plan '" + v + "' must end in .pdf or .html");
            o.carePlan = v;
        }
        else if (a == "--pain-area") o.painAreas.push_back(value());
        else if (a == "--drawing") o.drawing = value();
        else if (a == "--compare-drawing") o.compareDrawing = value();
        else if (a == "--knot") o.knot = positiveNumber(a, value(), 100);
        else if (a == "--focus") {
            const std::string& v = value();
            if (v != "knot" && v != "pain") throw ArgumentError("--focus '" + v + "' must be knot or pain");
            o.focus = v;
        }
        else if (a == "--skin") {
            const std::string& v = value();
            o.skinOpacity = static_cast<float>(parseReal(v, 0.1, 1.0, "--skin"));
        }
        else if (a == "--interactive-lod") o.interactiveLod = true;
        else if (a == "--draw-all") o.drawAll = true;
        else if (a == "--pack") o.packPath = value();
        else if (a == "--models") o.modelsDir = value();
        else if (a == "--shaders") o.shadersDir = value();
        else if (a == "--content") o.contentDir = value();
        else if (a == "--click-at") {
            const std::string& v = value();
            parsePixel(v);  // a typo is reported before any window opens
            o.clickAt = v;
        } else if (a == "--print-selection") o.printSelection = value();
        else if (a == "--benchmark-frames") o.benchmarkFrames = positiveNumber(a, value(), 100000);
        else throw ArgumentError("unknown argument '" + a + "' (see --help)");
    }
    return o;
}

glm::vec2 parsePixel(const std::string& text) {
    const auto comma = text.find(',');
    try {
        if (comma == std::string::npos) throw ArgumentError("");
        return {float(parseReal(text.substr(0, comma), 0, 100000, "--click-at")), float(parseReal(text.substr(comma + 1), 0, 100000, "--click-at"))};
    } catch (const ArgumentError&) {
        throw ArgumentError("--click-at '" + text + "' must be X,Y in window pixels (two finite, non-negative numbers)");
    }
}

}  // namespace myomap
