#pragma once
// Reads binary glTF (GLB) files into plain meshes, decoding Draco-compressed primitives
// (KHR_draco_mesh_compression) as well as plain accessors. Node transforms are applied.

#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry/mesh.h"

namespace myomap {

/// One named node of a GLB file, its primitives merged into one mesh in file units.
struct NamedMesh {
    std::string name;
    Mesh mesh;
};

/// Reads every mesh node of the GLB file at `path`. Throws MeshFileError naming the file
/// when it is missing, truncated, not GLB, or holds data that cannot be decoded: offsets,
/// strides or counts outside the data, malformed transforms, a node reached twice (cycle
/// or shared child). Hostile input gives that error, never a crash or a std::bad_alloc.
std::vector<NamedMesh> readGlbFile(const std::string& path);

/// Same as readGlbFile, from bytes already in memory; `label` names them in errors.
std::vector<NamedMesh> readGlbBytes(const std::vector<std::uint8_t>& bytes, const std::string& label);

/// Writes meshes as an uncompressed GLB (one node per mesh); used by tests to make inputs.
void writeGlbFile(const std::string& path, const std::vector<NamedMesh>& meshes);

}  // namespace myomap
