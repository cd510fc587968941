#pragma once
// The skin as the model of referred pain: zones are shapes on the skin surface, measured
// by distance along the skin, so a zone never reaches through a limb or the head, the discs
// of one zone join where they are close, and a band follows a path. The painting, the pain
// drawing and the pain finder all read the same per-vertex fields.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec4.hpp>

#include "core/anatomy/catalog.h"
#include "core/geometry/bvh.h"
#include "core/geometry/surface_distance.h"
#include "core/knowledge/knowledge_base.h"

namespace myomap {

/// One referral zone of one knot, on one side: the smooth union of its discs and bands.
/// The pieces of one kind (essential or spillover) that touch or nearly touch make one
/// zone; a knot also has a zone for the local pain over it.
struct ZoneShape {
    int knot = 0;
    bool essential = true;
    bool local = false;       ///< the pain around the knot itself
    std::string where;        ///< the first piece's place name, right-side text (each piece has its own)
    std::vector<SkinBlob> pieces;  ///< already on `side` (mirrored for the left)
};

/// A zone's signed distance along the skin: negative inside, positive outside, stored
/// only for vertices within kFieldReach outside its edge.
struct ZoneField {
    std::vector<std::uint32_t> vertices;
    std::vector<float> signedDistance;
};

/// How far outside a zone's edge its field is kept: room for a soft edge and for the
/// pain finder's "near the edge".
inline constexpr float kFieldReach = 0.02f;
/// Discs of one zone whose edges are within about half this distance join smoothly.
inline constexpr float kJoinDistance = 0.04f;
/// Radius of the local pain painted around every knot near enough to the skin.
inline constexpr float kLocalPainRadius = 0.025f;

/// How much of a vertex a zone covers, from its signed distance: 1 inside, fading to 0
/// over the last few millimetres of the edge.
float zoneCoverage(float signedDistance);

/// The zones of `entry` on `side` (`knot` < 0: every knot), with the local pain around
/// each knot that lies within 5 cm of the skin added as an essential zone.
std::vector<ZoneShape> zoneShapes(const KnowledgeEntry& entry, Side side, int knot, const MeshBvh& skin);

class SkinMap {
public:
    /// Welds `skin` (the pack's full skin) and builds its surface graph.
    explicit SkinMap(const Mesh& skin);
    SkinMap(const SkinMap&) = delete;
    SkinMap& operator=(const SkinMap&) = delete;

    const Mesh& mesh() const { return welded_; }
    const MeshBvh& bvh() const { return *bvh_; }
    std::size_t vertexCount() const { return welded_.positions.size(); }
    /// A third of the area of the triangles around each vertex (m^2).
    const std::vector<float>& vertexAreas() const { return areas_; }

    /// The signed distance field of a zone.
    ZoneField field(const ZoneShape& zone) const;
    /// Vertices within `radius` along the skin of the skin point nearest `center` (a brush
    /// dab, a clicked spot or a named area's patch). Empty when `center` is more than
    /// `maxGap` from the skin.
    std::vector<std::uint32_t> disc(const glm::vec3& center, float radius, float maxGap = 0.05f) const;
    /// For each vertex of `drawn` (a level of detail of the same skin), its skin map vertex:
    /// by exact position where the level shares it, else the nearest.
    std::vector<std::uint32_t> vertexMap(const Mesh& drawn) const;

private:
    /// The corners of the skin triangle nearest `point`, each with its distance to it.
    std::vector<DistanceSeed> seedsAt(const glm::vec3& point) const;
    /// The corner of that triangle nearest `point`.
    std::optional<std::uint32_t> nearestVertex(const glm::vec3& point) const;

    Mesh welded_;
    std::unique_ptr<MeshBvh> bvh_;
    SurfaceGraph graph_;
    std::vector<float> areas_;
};

/// What the skin shows, per skin map vertex: x = signed distance to the nearest essential
/// zone, y = to the nearest spillover zone (both clamped to +kFieldReach far away), z = 1
/// where the pain drawing covers the vertex, w = 1 where an earlier drawing opened for
/// comparison covers it.
struct SkinPaint {
    std::vector<glm::vec4> values;
    /// For each level of detail of the skin object, each drawn vertex's skin map vertex:
    /// how the renderer spreads `values` onto the mesh it draws.
    std::array<std::vector<std::uint32_t>, 2> lodVertices;
    /// Bumped on every change, so the renderer uploads only when something changed.
    std::uint64_t version = 0;
};

/// The referral part (x, y) of the paint for these zones; z is left 0.
std::vector<glm::vec3> paintZones(const SkinMap& map, const std::vector<ZoneShape>& zones);

}  // namespace myomap
