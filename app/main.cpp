// Myomap entry point: parse arguments, build the viewer, report errors. All wiring.

#include <chrono>
#include <filesystem>
#include <iostream>

#include "core/cli/author_commands.h"
#include "core/cli/cli.h"
#include "core/cli/query_commands.h"
#include "core/support/errors.h"
#include "viewer/viewer.h"

int main(int argc, char** argv) {
    const auto processStart = std::chrono::steady_clock::now();
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        // GL-free subcommands run without opening a window.
        if (!args.empty() && args[0] == "query") {
            const myomap::Pack pack = myomap::Pack::read(MYOMAP_DEFAULT_PACK);
            const myomap::Catalog catalog = myomap::Catalog::load(std::string(MYOMAP_DEFAULT_MODELS) + "/muscles.tsv");
            const myomap::KnowledgeBase kb = myomap::KnowledgeBase::load(MYOMAP_DEFAULT_CONTENT, catalog);
            for (const auto& err : kb.errors()) std::cerr << "myomap: content: " << err << "\n";
            const std::string areasFile = std::string(MYOMAP_DEFAULT_CONTENT) + "/areas.yaml";
            const auto areas = std::filesystem::exists(areasFile) ? myomap::loadBodyAreas(areasFile) : std::vector<myomap::BodyArea>{};
            myomap::runQueryCommand(std::vector<std::string>(args.begin() + 1, args.end()), {pack, catalog, kb, areas}, std::cout);
            return 0;
        }
        if (!args.empty() && args[0] == "author") {
            const myomap::Pack pack = myomap::Pack::read(MYOMAP_DEFAULT_PACK);
            myomap::runAuthorCommand(std::vector<std::string>(args.begin() + 1, args.end()), pack, std::cout);
            return 0;
        }
        const myomap::CliOptions options = myomap::parseCli(args);
        if (options.help) {
            std::cout << myomap::cliUsage();
            return 0;
        }
        if (options.version) {
            std::cout << "myomap " << MYOMAP_VERSION << "\n";
            return 0;
        }
        myomap::ViewerPaths paths;
        paths.pack = options.packPath.empty() ? MYOMAP_DEFAULT_PACK : options.packPath;
        paths.models = options.modelsDir.empty() ? MYOMAP_DEFAULT_MODELS : options.modelsDir;
        paths.shaders = options.shadersDir.empty() ? MYOMAP_DEFAULT_SHADERS : options.shadersDir;
        paths.content = options.contentDir.empty() ? MYOMAP_DEFAULT_CONTENT : options.contentDir;
        myomap::Viewer viewer(options, paths, processStart);
        if (options.benchmarkFrames) return viewer.runBenchmark(*options.benchmarkFrames);
        if (options.carePlan) return viewer.writeCarePlanAndExit(*options.carePlan);
        if (options.screenshot) return viewer.takeScreenshot(*options.screenshot);
        return viewer.runInteractive();
    } catch (const myomap::ArgumentError& e) {
        std::cerr << "myomap: " << e.what() << "\n";
        return 2;
    } catch (const myomap::MyomapError& e) {
        std::cerr << "myomap: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "myomap: unexpected error: " << e.what() << "\n";
        return 1;
    }
}
