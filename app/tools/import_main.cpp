// myomap-import: builds the runtime anatomy pack from the sources folder.
// usage: myomap-import --sources DIR --models DIR --out FILE [--ratio R] [--quiet]

#include <chrono>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include "core/cli/numbers.h"
#include "core/support/errors.h"
#include "core/import/importer.h"

namespace {

/// The attachment layer's summary: always printed, since a missing insertions.glb does not
/// stop the build and would otherwise go unnoticed.
void printAttachments(const myomap::AttachmentReport& a) {
    if (!a.unavailable.empty()) {
        std::cout << "myomap-import: no muscle attachments in the pack: " << a.unavailable << "\n";
        return;
    }
    std::cout << "myomap-import: attachments: " << a.patches << " patches in insertions.glb, " << a.registered
              << " registered (" << a.pieces << " pieces, " << a.objects << " objects), " << a.leftCopies
              << " left-side copies covered by the mirror, " << a.skipped.size() << " skipped by the table, "
              << a.unmapped.size() << " with no row, " << a.allStray << " with every piece off the bones ("
              << a.strays.size() << " pieces left out in all); " << a.laidVertices << " of " << a.vertices
              << " vertices laid on the drawn bones\n";
    for (const auto& name : a.unmapped) std::cout << "myomap-import:   no row in attachments.tsv: " << name << "\n";
    std::cout << "myomap-import: attachment distance to the skeleton as registered (mm), median / 95th percentile:";
    std::ostringstream line;
    line << std::fixed << std::setprecision(1);
    for (const auto& d : a.boneDistance) line << " " << d.region << " " << d.medianMm << "/" << d.p95Mm;
    std::cout << line.str() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    myomap::ImportOptions options;
    std::string out;
    bool quiet = false;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw myomap::ArgumentError("argument " + arg + " needs a value");
                return argv[++i];
            };
            if (arg == "--sources") options.sourcesDir = value();
            else if (arg == "--models") options.modelsDir = value();
            else if (arg == "--out") out = value();
            else if (arg == "--ratio") options.interactiveRatio = static_cast<float>(myomap::parseReal(value(), 0.01, 1.0, "--ratio"));
            else if (arg == "--quiet") quiet = true;
            else throw myomap::ArgumentError("unknown argument '" + arg + "' (expected --sources, --models, --out, --ratio, --quiet)");
        }
        if (options.modelsDir.empty() || out.empty()) throw myomap::ArgumentError("--models and --out are required");
        if (!quiet) options.log = [](const std::string& line) { std::cout << "myomap-import: " << line << "\n"; };
        const auto start = std::chrono::steady_clock::now();
        myomap::ImportReport report;
        const myomap::Pack pack = myomap::importPack(options, &report);
        pack.write(out);
        std::size_t full = 0, interactive = 0;
        for (const auto& o : pack.objects) {
            full += o.mesh(myomap::Lod::Full).triangleCount();
            interactive += o.mesh(myomap::Lod::Interactive).triangleCount();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "myomap-import: wrote " << out << ": " << pack.objects.size() << " objects, " << full
                  << " triangles full, " << interactive << " interactive, in " << seconds << " s\n";
        printAttachments(report.attachments);
        return 0;
    } catch (const myomap::ArgumentError& e) {
        std::cerr << "myomap-import: " << e.what() << "\n";
        return 2;
    } catch (const myomap::MyomapError& e) {
        std::cerr << "myomap-import: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "myomap-import: unexpected error: " << e.what() << "\n";
        return 1;
    }
}
