#pragma once
// What a selected muscle shows on the body: its knot sites and the skin blobs of its
// referred pain, on the side that was clicked (content is authored for the right side;
// the left is its mirror image). GL-free so tests can project the same points the
// renderer paints.

#include <vector>

#include "core/geometry/bvh.h"
#include "core/anatomy/catalog.h"
#include "core/clinical/skin_map.h"
#include "core/knowledge/knowledge_base.h"

namespace myomap {

/// A blob ready to paint: centre on the skin, radius, the skin's outward normal there
/// (so paint never bleeds through to the far side of a limb), and its zone.
struct PaintBlob {
    glm::vec3 center{0.0f};
    float radius = 0.0f;
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    bool essential = true;
    bool spot = false;  ///< a pain-finder spot mark rather than a referral zone
    int knot = 0;  ///< index of the knot it belongs to
    std::string where;  ///< the place, in plain words for the pattern's side
};

struct KnotMarker {
    glm::vec3 position{0.0f};
    int knot = 0;
};

struct ReferralPattern {
    std::vector<KnotMarker> knots;
    std::vector<PaintBlob> blobs;  ///< the authored pieces (framing the view); the paint uses `zones`
    std::vector<ZoneShape> zones;  ///< the shapes painted on the skin map

    bool empty() const { return knots.empty(); }
};

/// Mirrors a right-side point to `side` (x -> -x for the left).
glm::vec3 onSide(const glm::vec3& rightSidePoint, Side side);

/// The pattern of `entry` on `side`; `knot` < 0 means every knot, otherwise only that one.
/// `skin` gives the outward normals at blob centres.
ReferralPattern buildReferralPattern(const KnowledgeEntry& entry, Side side, int knot, const MeshBvh& skin);

/// Whether a skin point lies in one of the pattern's authored pieces, and how (0 none, 1
/// spillover, 2 essential): a straight-line check the tests use; the paint itself follows
/// the skin map.
int paintAt(const ReferralPattern& pattern, const glm::vec3& skinPoint, const glm::vec3& skinNormal);

}  // namespace myomap
