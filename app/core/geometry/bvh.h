#pragma once
// A bounding volume hierarchy over one mesh's triangles: ray casts for picking and
// closest-point queries for snapping authored points onto surfaces.

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "core/geometry/camera.h"
#include "core/geometry/mesh.h"

namespace myomap {

struct RayHit {
    float distance = 0.0f;      ///< along the ray
    std::uint32_t triangle = 0;
    glm::vec3 point{0.0f};
};

struct ClosestPoint {
    float distance = 0.0f;
    std::uint32_t triangle = 0;
    glm::vec3 point{0.0f};
    glm::vec3 normal{0.0f};     ///< from the triangle's vertex normals (or its face), unit length
};

class MeshBvh {
public:
    MeshBvh() = default;
    /// Builds over `mesh`, which must outlive the BVH.
    explicit MeshBvh(const Mesh& mesh);
    MeshBvh(Mesh&&) = delete;  // the BVH keeps a pointer: a temporary mesh would dangle

    /// Nearest hit along the ray (both triangle faces count), if any.
    std::optional<RayHit> intersect(const Ray& ray) const;
    /// Whether the ray meets any triangle at all: stops at the first, so it is much cheaper
    /// than intersect() for a ray that is blocked.
    bool hitsAnything(const Ray& ray) const;
    /// The point on the surface closest to `p`; nullopt for an empty mesh, or when no
    /// surface lies within `maxDistance` (a bound makes far queries much cheaper).
    std::optional<ClosestPoint> closest(const glm::vec3& p, float maxDistance = std::numeric_limits<float>::max()) const;
    const Bounds& bounds() const { return nodes_.empty() ? empty_ : nodes_[0].box; }

private:
    struct Node {
        Bounds box;
        std::uint32_t first = 0;  ///< first triangle (leaf) or left child (inner)
        std::uint32_t count = 0;  ///< triangles in a leaf; 0 for inner nodes
    };
    std::uint32_t build(std::uint32_t begin, std::uint32_t end, std::vector<glm::vec3>& centroids);

    const Mesh* mesh_ = nullptr;
    std::vector<Node> nodes_;
    std::vector<std::uint32_t> triangles_;
    Bounds empty_;
};

/// Slab test; returns the entry distance when the ray meets the box within [0, maxT].
std::optional<float> intersectBox(const Ray& ray, const Bounds& box, float maxT);

}  // namespace myomap
