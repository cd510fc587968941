#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/geometry/mesh.h"
#include "support/test_support.h"

using namespace myomap;

TEST(Mesh, BoxNormalsPointOutward) {
    const Mesh box = test_support::makeBox({-1, -1, -1}, {1, 1, 1});
    for (std::size_t i = 0; i < box.positions.size(); ++i)
        EXPECT_GT(glm::dot(box.normals[i], box.positions[i]), 0.0f) << "vertex " << i;
}

TEST(Mesh, MirrorKeepsTrianglesFrontFacing) {
    const Mesh box = test_support::makeBox({-3, 0, 0}, {-1, 1, 1});
    const Mesh mirrored = box.mirroredX();
    EXPECT_FLOAT_EQ(mirrored.bounds().min.x, 1.0f);
    EXPECT_FLOAT_EQ(mirrored.bounds().max.x, 3.0f);
    const glm::vec3 centre = mirrored.bounds().center();
    for (std::size_t t = 0; t < mirrored.triangleCount(); ++t) {
        const auto& P = mirrored.positions;
        const auto& I = mirrored.indices;
        const glm::vec3 n = glm::cross(P[I[3 * t + 1]] - P[I[3 * t]], P[I[3 * t + 2]] - P[I[3 * t]]);
        EXPECT_GT(glm::dot(n, P[I[3 * t]] - centre), 0.0f) << "triangle " << t << " faces inward after mirroring";
    }
}

TEST(Mesh, AppendOffsetsIndices) {
    Mesh a = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    const Mesh b = test_support::makeBox({2, 0, 0}, {3, 1, 1});
    a.append(b);
    EXPECT_EQ(a.positions.size(), 16u);
    EXPECT_EQ(a.indices.back(), b.indices.back() + 8);
    EXPECT_FLOAT_EQ(a.bounds().max.x, 3.0f);
}

TEST(Mesh, SurfaceCentroidOfBoxIsItsCentre) {
    const glm::vec3 c = test_support::makeBox({1, 2, 3}, {3, 6, 5}).surfaceCentroid();
    EXPECT_NEAR(c.x, 2.0f, 1e-5f);
    EXPECT_NEAR(c.y, 4.0f, 1e-5f);
    EXPECT_NEAR(c.z, 4.0f, 1e-5f);
}
