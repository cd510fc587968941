#include "core/import/mesh_reader.h"

#include <filesystem>

#include "core/support/errors.h"

namespace myomap {
namespace fs = std::filesystem;

namespace {

class GlbReader final : public MeshReader {
public:
    std::string extension() const override { return ".glb"; }
    std::string describe() const override { return "binary glTF (Draco or plain accessors)"; }
    std::vector<NamedMesh> read(const std::string& path) const override {
        if (!fs::exists(path)) throw MissingSourceError(path + ": the file does not exist");
        return readGlbFile(path);
    }
};

/// The subfolders that may hold parts, and which extensions to look for in each.
struct Layout {
    const char* folder;
    bool glb;
    bool obj;
};
constexpr Layout kLayouts[] = {{"parts", true, true}, {"isa_BP3D_4.0_obj_99", false, true}};

bool hasFileWith(const fs::path& dir, const std::string& extension) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == extension) return true;
    return false;
}

}  // namespace

std::unique_ptr<MeshReader> makeGlbReader() {
    return std::make_unique<GlbReader>();
}

struct PartFolder::Location {
    fs::path folder;
    std::shared_ptr<MeshReader> reader;
};

PartFolder::PartFolder(const std::string& bodyparts3dDir) {
    const std::shared_ptr<MeshReader> glb = makeGlbReader(), obj = makeDbclsObjReader();
    for (const auto& layout : kLayouts) {
        const fs::path dir = fs::path(bodyparts3dDir) / layout.folder;
        if (layout.glb && hasFileWith(dir, glb->extension())) locations_.push_back({dir, glb});
        if (layout.obj && hasFileWith(dir, obj->extension())) locations_.push_back({dir, obj});
    }
    if (locations_.empty())
        throw SourcesError("'" + bodyparts3dDir +
                           "' holds no BodyParts3D parts: expected GLB files in parts/ or the DBCLS OBJ download "
                           "unpacked as isa_BP3D_4.0_obj_99/");
}

PartFolder::~PartFolder() = default;
PartFolder::PartFolder(PartFolder&&) noexcept = default;
PartFolder& PartFolder::operator=(PartFolder&&) noexcept = default;

Mesh PartFolder::part(const std::string& id) const {
    std::string lookedFor;
    for (const auto& location : locations_) {
        const fs::path path = location.folder / (id + location.reader->extension());
        if (!fs::exists(path)) {
            lookedFor += (lookedFor.empty() ? "" : " or ") + path.string();
            continue;
        }
        Mesh merged;
        for (const auto& nm : location.reader->read(path.string())) merged.append(nm.mesh);
        return merged;
    }
    throw MissingSourceError(lookedFor + ": the part file does not exist");
}

std::string PartFolder::describe() const {
    std::string out;
    for (const auto& location : locations_)
        out +=
            (out.empty() ? "" : "; ") + location.folder.filename().string() + "/ (" + location.reader->describe() + ")";
    return out;
}

bool isBodyParts3DFolder(const std::string& dir) {
    for (const auto& layout : kLayouts) {
        const fs::path sub = fs::path(dir) / layout.folder;
        if ((layout.glb && hasFileWith(sub, ".glb")) || (layout.obj && hasFileWith(sub, ".obj"))) return true;
    }
    return false;
}

}  // namespace myomap
