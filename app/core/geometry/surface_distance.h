#pragma once
// Distances measured along a surface rather than straight through the body: the skin
// between the arm and the chest is far apart along the skin even where the two nearly
// touch. Used by the skin map to shape referral zones and the pain drawing.

#include <cstdint>
#include <vector>

#include "core/geometry/mesh.h"

namespace myomap {

/// A start of a distance search: a vertex, how far it already is from the source point,
/// and the source point itself (on the surface).
struct DistanceSeed {
    std::uint32_t vertex = 0;
    float distance = 0.0f;
    glm::vec3 source{0.0f};
};

/// The vertices within reach of the seeds and their surface distances.
struct SurfaceDistances {
    std::vector<std::uint32_t> vertices;
    std::vector<float> distances;
};

/// The edge graph of a welded mesh (each position once), searched with Dijkstra. Path
/// lengths along edges overestimate the true surface distance by a few per cent and
/// make iso-lines polygonal, so the reported distance is the straight-line distance to
/// the nearest source wherever that is consistent with the path (no shortcut through
/// the body or across a gap), and the path length otherwise.
class SurfaceGraph {
public:
    /// Builds over `welded`, whose equal positions must already share one index.
    explicit SurfaceGraph(const Mesh& welded);

    /// Every vertex whose surface distance from the seeds is at most `reach`.
    SurfaceDistances distancesFrom(const std::vector<DistanceSeed>& seeds, float reach) const;
    std::size_t vertexCount() const { return positions_.size(); }

private:
    std::vector<glm::vec3> positions_;
    std::vector<std::uint32_t> firstEdge_;  // CSR adjacency
    std::vector<std::uint32_t> edgeTarget_;
    std::vector<float> edgeLength_;
};

/// Welds `mesh` by exact position: the returned mesh has each position once, with smooth
/// normals; `remap[i]` is the welded index of input vertex i.
Mesh weldByPosition(const Mesh& mesh, std::vector<std::uint32_t>* remap = nullptr);

}  // namespace myomap
