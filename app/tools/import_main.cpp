// myomap-import: builds the runtime anatomy pack from the sources folder.
// usage: myomap-import --sources DIR --models DIR --out FILE [--ratio R] [--quiet]

#include <chrono>
#include <cstring>
#include <iostream>
#include <string>

#include "core/cli/numbers.h"
#include "core/support/errors.h"
#include "core/import/importer.h"

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
        const myomap::Pack pack = myomap::importPack(options);
        pack.write(out);
        std::size_t full = 0, interactive = 0;
        for (const auto& o : pack.objects) {
            full += o.mesh(myomap::Lod::Full).triangleCount();
            interactive += o.mesh(myomap::Lod::Interactive).triangleCount();
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << "myomap-import: wrote " << out << ": " << pack.objects.size() << " objects, " << full
                  << " triangles full, " << interactive << " interactive, in " << seconds << " s\n";
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
