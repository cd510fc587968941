#pragma once
// Splits a big mesh into pieces of neighbouring triangles, each with its own bounds, so a
// renderer can leave out the pieces outside the view (the skin is one object the size of
// the body; a close-up of the shoulder sees a fraction of it).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/geometry/mesh.h"

namespace myomap {

struct MeshPiece {
    std::size_t firstIndex = 0;  ///< into the mesh's reordered index list
    std::size_t indexCount = 0;
    Bounds bounds;
};

/// Reorders `mesh`'s triangles so that each piece's are together (split in half at the
/// median triangle centre along the longest side, again and again, down to `maxTriangles`)
/// and returns the pieces in index order; within a piece the triangles keep their order.
/// Vertices are not touched, so anything indexed by vertex (the skin's paint) still lines up.
std::vector<MeshPiece> splitIntoPieces(Mesh& mesh, std::size_t maxTriangles);

}  // namespace myomap
