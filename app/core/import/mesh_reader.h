#pragma once
// Source mesh readers, one per file format, chosen by file extension. Each reader returns
// meshes already converted into the pack's frame (metres, +Y up, +Z anterior, the
// subject's right at -X), so the importer never needs to know where a part came from.

#include <memory>
#include <string>
#include <vector>

#include "core/import/glb_reader.h"

namespace myomap {

/// Reads one source file format into the pack's frame.
class MeshReader {
public:
    virtual ~MeshReader() = default;
    /// The file name extension this reader serves, with the dot (".glb").
    virtual std::string extension() const = 0;
    /// A short description for logs and documentation ("DBCLS OBJ via Assimp").
    virtual std::string describe() const = 0;
    /// Reads every mesh of the file at `path`. Throws MissingSourceError when the file is
    /// not there and MeshFileError (naming the file) when it cannot be read.
    virtual std::vector<NamedMesh> read(const std::string& path) const = 0;
};

/// Binary glTF as in the per-part repackaging and the Z-Anatomy export: already metres, +Y up.
std::unique_ptr<MeshReader> makeGlbReader();

/// BodyParts3D's own OBJ download from DBCLS, read through Assimp: millimetres, +Z up,
/// the subject facing -Y, right at -X. Converted by p_pack = 0.001 * (x, z, -y).
std::unique_ptr<MeshReader> makeDbclsObjReader();

/// The folder of BodyParts3D parts, in whichever layout the user has: per-part GLBs in
/// `bodyparts3d/parts/`, or the DBCLS OBJ download unpacked as
/// `bodyparts3d/isa_BP3D_4.0_obj_99/` (or OBJ files in `parts/`). A part `FJ1234M` is the
/// mirrored left-side file of `FJ1234` in both.
class PartFolder {
public:
    /// Throws SourcesError when `bodyparts3dDir` holds neither layout.
    explicit PartFolder(const std::string& bodyparts3dDir);
    ~PartFolder();
    PartFolder(PartFolder&&) noexcept;
    PartFolder& operator=(PartFolder&&) noexcept;

    /// The part's meshes merged. Throws MissingSourceError naming the file looked for, or
    /// MeshFileError when it is there but unreadable.
    Mesh part(const std::string& id) const;
    /// What the folder holds, for the import log ("parts/ (binary glTF)").
    std::string describe() const;

private:
    struct Location;
    std::vector<Location> locations_;
};

/// True when `dir` holds a BodyParts3D part layout PartFolder can read.
bool isBodyParts3DFolder(const std::string& dir);

}  // namespace myomap
