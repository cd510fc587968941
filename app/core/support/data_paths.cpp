#include "core/support/data_paths.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/support/errors.h"
#include "core/support/key_value.h"

namespace myomap {
namespace fs = std::filesystem;

namespace {

/// A data folder holds all four parts in the installed layout.
std::optional<DataPaths> fromDataDir(const fs::path& dir) {
    const DataPaths p{(dir / "pack" / "anatomy.pack").string(), (dir / "models").string(), (dir / "shaders").string(),
                      (dir / "content").string()};
    if (fs::is_regular_file(p.pack) && fs::is_directory(p.models) && fs::is_directory(p.shaders) && fs::is_directory(p.content))
        return p;
    return std::nullopt;
}

/// `key = path` lines, as the build writes them for the development binary.
std::optional<DataPaths> fromPathsFile(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    DataPaths p;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const KeyValueLine kv = parseKeyValueLine(line);
        if (kv.kind == KeyValueLine::Kind::Skip) continue;
        if (kv.kind == KeyValueLine::Kind::Malformed)
            throw MyomapError(file.string() + ":" + std::to_string(lineNo) + ": expected 'name = path'");
        const std::string& key = kv.key;
        const std::string& value = kv.value;
        if (key == "pack") p.pack = value;
        else if (key == "models") p.models = value;
        else if (key == "shaders") p.shaders = value;
        else if (key == "content") p.content = value;
        else throw MyomapError(file.string() + ":" + std::to_string(lineNo) + ": unknown name '" + key + "' (pack, models, shaders, content)");
    }
    return p;
}

}  // namespace

DataPaths findDataPaths(const DataPathInputs& in) {
    std::vector<std::string> tried;
    std::optional<DataPaths> found;
    if (in.dataDir && !in.dataDir->empty()) {
        tried.push_back("MYOMAP_DATA_DIR=" + *in.dataDir);
        found = fromDataDir(*in.dataDir);
        if (!found) throw MyomapError("MYOMAP_DATA_DIR '" + *in.dataDir + "' does not hold pack/anatomy.pack, models/, shaders/ and content/");
    }
    const fs::path exeDir = in.executable.empty() ? fs::path() : fs::path(in.executable).parent_path();
    if (!found && !exeDir.empty()) {
        tried.push_back((exeDir / "myomap-paths.txt").string());
        found = fromPathsFile(exeDir / "myomap-paths.txt");
    }
    if (!found && !exeDir.empty()) {
        tried.push_back((exeDir.parent_path() / "share" / "myomap").string());
        found = fromDataDir(exeDir.parent_path() / "share" / "myomap");
    }
    if (!found) {
        std::stringstream dirs(in.xdgDataDirs && !in.xdgDataDirs->empty() ? *in.xdgDataDirs : "/usr/local/share:/usr/share");
        for (std::string d; !found && std::getline(dirs, d, ':');) {
            if (d.empty()) continue;
            tried.push_back(d + "/myomap");
            found = fromDataDir(fs::path(d) / "myomap");
        }
    }
    DataPaths p = found.value_or(DataPaths{});
    const DataPaths& cli = in.commandLine;
    if (!cli.pack.empty()) p.pack = cli.pack;
    if (!cli.models.empty()) p.models = cli.models;
    if (!cli.shaders.empty()) p.shaders = cli.shaders;
    if (!cli.content.empty()) p.content = cli.content;
    if (p.pack.empty() || p.models.empty() || p.shaders.empty() || p.content.empty()) {
        std::string list;
        for (const auto& t : tried) list += "\n  " + t;
        throw MyomapError("cannot find Myomap's data (the anatomy pack, models, shaders and content). Looked in:" + list +
                          "\nSet MYOMAP_DATA_DIR to the installed share/myomap folder, or give --pack, --models, --shaders and --content.");
    }
    return p;
}

DataPathInputs processDataPathInputs(const DataPaths& commandLine) {
    DataPathInputs in;
    in.commandLine = commandLine;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) in.executable = exe.string();
    if (const char* d = std::getenv("MYOMAP_DATA_DIR")) in.dataDir = d;
    if (const char* x = std::getenv("XDG_DATA_DIRS")) in.xdgDataDirs = x;
    return in;
}

}  // namespace myomap
