#pragma once
// Plain triangle meshes and axis-aligned boxes: the geometry currency of the core.

#include <cstdint>
#include <glm/vec3.hpp>
#include <limits>
#include <vector>

namespace myomap {

/// Axis-aligned bounding box; empty until the first point is added.
struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool isEmpty() const { return min.x > max.x; }
    void add(const glm::vec3& p);
    void add(const Bounds& b);
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return isEmpty() ? glm::vec3(0.0f) : max - min; }
};

/// An indexed triangle mesh with one normal per vertex.
struct Mesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<std::uint32_t> indices;  // three per triangle

    std::size_t triangleCount() const { return indices.size() / 3; }
    Bounds bounds() const;
    /// Appends another mesh, offsetting its indices.
    void append(const Mesh& other);
    /// Recomputes smooth, area-weighted vertex normals from the triangles.
    void recomputeNormals();
    /// Mirrors the mesh across the sagittal plane (x -> -x), keeping triangles front-facing.
    Mesh mirroredX() const;
    /// Drops vertices no triangle uses (so bounds describe only the visible surface).
    void removeUnusedVertices();
    /// Centroid of the surface (area-weighted); the bounds centre for degenerate meshes.
    glm::vec3 surfaceCentroid() const;
};

/// For each vertex, a representative of its connected piece: vertices joined by a triangle
/// or at the same position (meshes come with seams) share one.
std::vector<std::uint32_t> connectedPieceOfEachVertex(const Mesh& mesh);

}  // namespace myomap
