#pragma once
// Which triangles of the body can be seen from outside it. Most of the muscles' triangles
// lie under other muscles; with them left out, a whole-body frame costs a software renderer
// a fraction of the time. Found at import, per level of detail, with the muscles and bones
// all shown (the default view); any other layer state draws whole objects.

#include <cstdint>
#include <vector>

#include "core/geometry/mesh.h"

namespace myomap {

struct ShellOptions {
    int directions = 64;       ///< view directions tried, evenly spread over the sphere
    int levelDirections = 36;  ///< and level ones, evenly spread around the vertical axis
    int grow = 1;         ///< rings of neighbouring triangles kept around each one seen
    /// Also try points near each corner when the centre is covered: for big triangles (a
    /// decimated mesh), which grow would widen too much. Four times the work for hidden ones.
    bool cornerSamples = false;
    int threads = 0;      ///< 0: one per core
};

/// For each mesh, one flag per triangle: 1 when from some direction a ray from the
/// triangle's centre (or, with cornerSamples, a point near a corner), on its front side,
/// leaves all the meshes without meeting any of them; then grown by `grow` rings of
/// triangles sharing a vertex, so a triangle whose corner peeks out beside its covered
/// centre is kept.
std::vector<std::vector<std::uint8_t>> findVisibleShell(const std::vector<const Mesh*>& meshes, const ShellOptions& options = {});

/// Moves the flagged triangles to the front of the mesh's index list (keeping their order
/// and the others'); returns how many indices they take.
std::uint32_t putShellFirst(Mesh& mesh, const std::vector<std::uint8_t>& visible);

}  // namespace myomap
