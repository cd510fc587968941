#pragma once
// Where Myomap's data lives at run time: the anatomy pack, the catalog (models/), the
// shaders and the knowledge base (content/). Nothing is compiled in, so an installed tree
// can be moved. Each path is taken from, in order: its own command-line option, the
// MYOMAP_DATA_DIR folder, a `myomap-paths.txt` file beside the executable (written by the
// build for the development binary), `<exe>/../share/myomap`, then every folder of
// XDG_DATA_DIRS + `/myomap`.

#include <optional>
#include <string>
#include <vector>

namespace myomap {

struct DataPaths {
    std::string pack, models, shaders, content;
};

/// What the lookup reads, so tests can give their own environment.
struct DataPathInputs {
    DataPaths commandLine;         ///< empty members: not given
    std::string executable;        ///< the running program's path
    std::optional<std::string> dataDir;      ///< MYOMAP_DATA_DIR
    std::optional<std::string> xdgDataDirs;  ///< XDG_DATA_DIRS (colon-separated)
};

/// The paths to use. Throws MyomapError naming every place it looked when a data folder
/// cannot be found (each command-line path is taken as given, and checked when read).
DataPaths findDataPaths(const DataPathInputs& in);

/// The inputs of this process: /proc/self/exe and the environment.
DataPathInputs processDataPathInputs(const DataPaths& commandLine);

}  // namespace myomap
