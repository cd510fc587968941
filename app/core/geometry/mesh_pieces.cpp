#include "core/geometry/mesh_pieces.h"

#include <algorithm>

namespace myomap {

std::vector<MeshPiece> splitIntoPieces(Mesh& mesh, std::size_t maxTriangles) {
    const std::size_t triangles = mesh.indices.size() / 3;
    std::vector<std::uint32_t> order(triangles);
    std::vector<glm::vec3> centres(triangles);
    for (std::size_t t = 0; t < triangles; ++t) {
        order[t] = static_cast<std::uint32_t>(t);
        centres[t] = (mesh.positions[mesh.indices[3 * t]] + mesh.positions[mesh.indices[3 * t + 1]] +
                      mesh.positions[mesh.indices[3 * t + 2]]) /
                     3.0f;
    }
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [begin, end) of `order`, in piece order
    auto split = [&](auto&& self, std::size_t begin, std::size_t end) -> void {
        if (end - begin <= std::max<std::size_t>(1, maxTriangles)) {
            if (end > begin) ranges.emplace_back(begin, end);
            return;
        }
        Bounds box;
        for (std::size_t i = begin; i < end; ++i) box.add(centres[order[i]]);
        const glm::vec3 size = box.size();
        const int axis = size.x >= size.y && size.x >= size.z ? 0 : (size.y >= size.z ? 1 : 2);
        const std::size_t mid = begin + (end - begin) / 2;
        std::nth_element(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(mid),
                         order.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::uint32_t a, std::uint32_t b) { return centres[a][axis] < centres[b][axis]; });
        self(self, begin, mid);
        self(self, mid, end);
    };
    split(split, 0, triangles);

    std::vector<std::uint32_t> indices;
    indices.reserve(mesh.indices.size());
    std::vector<MeshPiece> pieces;
    for (const auto& [begin, end] : ranges) {
        // Within a piece, the mesh's own order: blended layers (the x-ray skin) overlap in
        // the order the mesh was made with, as before the split.
        std::sort(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end));
        MeshPiece p;
        p.firstIndex = indices.size();
        for (std::size_t i = begin; i < end; ++i)
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t v = mesh.indices[3 * order[i] + static_cast<std::size_t>(k)];
                indices.push_back(v);
                p.bounds.add(mesh.positions[v]);
            }
        p.indexCount = indices.size() - p.firstIndex;
        pieces.push_back(p);
    }
    mesh.indices = std::move(indices);
    return pieces;
}

}  // namespace myomap
