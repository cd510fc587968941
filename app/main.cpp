// Myomap entry point: parse arguments, find the data, build the viewer or run a
// subcommand, report errors. All wiring.

#include <chrono>
#include <iostream>

#include "core/cli/author_commands.h"
#include "core/cli/cli.h"
#include "core/cli/query_commands.h"
#include "core/support/data_paths.h"
#include "core/support/errors.h"
#include "viewer/viewer.h"

namespace {

/// Takes --pack, --models, --shaders and --content (with their values) out of a
/// subcommand's arguments, so `query` and `author` honour them like the viewer does.
myomap::DataPaths takeDataOptions(std::vector<std::string>& args) {
    myomap::DataPaths p;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string* slot = args[i] == "--pack" ? &p.pack : args[i] == "--models" ? &p.models
                          : args[i] == "--shaders" ? &p.shaders : args[i] == "--content" ? &p.content : nullptr;
        if (!slot) {
            rest.push_back(args[i]);
            continue;
        }
        if (i + 1 >= args.size()) throw myomap::ArgumentError(args[i] + " needs a value");
        *slot = args[++i];
    }
    args = rest;
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    const auto processStart = std::chrono::steady_clock::now();
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        // GL-free subcommands run without opening a window.
        if (!args.empty() && (args[0] == "query" || args[0] == "author")) {
            const std::string command = args[0];
            args.erase(args.begin());
            const myomap::DataPaths paths = myomap::findDataPaths(myomap::processDataPathInputs(takeDataOptions(args)));
            if (command == "query") {
                if (args.empty()) {
                    std::cerr << myomap::queryUsage();
                    return 2;
                }
                if (args[0] == "--help") {
                    std::cout << myomap::queryUsage();
                    return 0;
                }
                const myomap::Pack pack = myomap::Pack::read(paths.pack);
                const myomap::Catalog catalog = myomap::Catalog::load(paths.models + "/muscles.tsv");
                const myomap::KnowledgeBase kb = myomap::KnowledgeBase::load(paths.content, catalog);
                for (const auto& err : kb.errors()) std::cerr << "myomap: content: " << err << "\n";
                myomap::runQueryCommand(args, {pack, catalog, kb, kb.areas()}, std::cout);
            } else {
                const myomap::Pack pack = myomap::Pack::read(paths.pack);
                myomap::runAuthorCommand(args, pack, std::cout);
            }
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
        const myomap::DataPaths found = myomap::findDataPaths(
            myomap::processDataPathInputs({options.packPath, options.modelsDir, options.shadersDir, options.contentDir}));
        const myomap::ViewerPaths paths{found.pack, found.models, found.shaders, found.content};
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
