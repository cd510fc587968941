#include "core/geometry/mesh_pieces.h"

#include <gtest/gtest.h>

#include <set>

#include "support/test_support.h"

using namespace myomap;

TEST(MeshPieces, APieceHoldsNeighbouringTrianglesAndEveryTriangleIsKept) {
    // A 1 m x 2 m slab in a 5 cm grid: 4 * 20 * 40 + edges triangles.
    Mesh mesh = test_support::makeGridBox({0, 0, 0}, {1, 2, 0.05f}, 0.05f);
    const auto before = mesh.indices;
    const auto positions = mesh.positions;
    const std::size_t triangles = mesh.indices.size() / 3;
    const auto pieces = splitIntoPieces(mesh, 400);
    ASSERT_GE(pieces.size(), triangles / 400);
    std::size_t next = 0;
    for (const auto& p : pieces) {
        EXPECT_EQ(p.firstIndex, next) << "pieces follow one another";
        EXPECT_LE(p.indexCount / 3, 400u);
        next += p.indexCount;
        for (std::size_t i = p.firstIndex; i < p.firstIndex + p.indexCount; ++i) {
            const glm::vec3& v = mesh.positions[mesh.indices[i]];
            EXPECT_TRUE(v.x >= p.bounds.min.x && v.y >= p.bounds.min.y && v.x <= p.bounds.max.x && v.y <= p.bounds.max.y);
        }
        EXPECT_LT(p.bounds.size().y, 1.0f) << "a part of the slab, not all of its height";
    }
    EXPECT_EQ(next, mesh.indices.size());
    // Within a piece the triangles come in the order they had (blending depends on it).
    for (const auto& p : pieces) {
        std::size_t last = 0;
        for (std::size_t i = p.firstIndex; i < p.firstIndex + p.indexCount; i += 3) {
            std::size_t was = 0;
            for (std::size_t t = 0; t < before.size() / 3; ++t)
                if (before[3 * t] == mesh.indices[i] && before[3 * t + 1] == mesh.indices[i + 1] && before[3 * t + 2] == mesh.indices[i + 2]) was = t;
            EXPECT_GE(was, last);
            last = was;
        }
    }
    EXPECT_EQ(mesh.positions, positions) << "vertices stay where they are";
    std::multiset<std::uint32_t> a(before.begin(), before.end()), b(mesh.indices.begin(), mesh.indices.end());
    EXPECT_EQ(a, b) << "the same triangles";
}

TEST(MeshPieces, ASmallMeshIsOnePiece) {
    Mesh mesh = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    const auto pieces = splitIntoPieces(mesh, 100);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0].indexCount, 36u);
}
