#pragma once
// "Where does it hurt?": the reverse lookup from painful skin spots to the muscles whose
// referred-pain zones cover them, ranked. GL-free; the app, the query command and the
// tests share it.

#include <optional>
#include <string>
#include <vector>

#include "core/knowledge/body_areas.h"
#include "core/geometry/bvh.h"
#include "core/anatomy/catalog.h"
#include "core/knowledge/knowledge_base.h"

namespace myomap {

/// A painful spot on the skin, with the skin's outward normal there.
struct PainSpot {
    glm::vec3 point{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    float radius = 0.0f;  ///< 0 for a clicked point; a named area's size, so the whole patch counts
};

/// Snaps a point to the nearest skin point. Throws ArgumentError when it is more than
/// `maxDistance` metres from the skin.
PainSpot snapToSkin(const MeshBvh& skin, const glm::vec3& point, float maxDistance = 0.05f);

/// Why a candidate matched: one zone of one knot covering one spot.
struct ZoneMatch {
    int spot = 0;
    int knot = 0;
    std::string knotName;
    bool essential = true;
    std::string where;
};

struct PainCandidate {
    const KnowledgeEntry* entry = nullptr;
    Side side = Side::Right;
    double score = 0.0;
    int spotsCovered = 0;
    std::vector<ZoneMatch> matches;

    /// Plain-language reason, e.g. "essential zone (temple) of its 'Middle of the upper edge' knot".
    std::string reason() const;
};

/// Ranks the muscles whose zones cover the spots. A spot inside an essential zone counts
/// 2, inside a spillover zone 1 (less toward the zone's edge); a spot covered by several
/// of a muscle's knots counts for each. Each side of the body is ranked separately, and
/// candidates that explain more of the spots come first.
class PainFinder {
public:
    /// Indexes every zone of `kb` once, with the skin's normal at its centre; `kb` must
    /// outlive the finder.
    PainFinder(const KnowledgeBase& kb, const MeshBvh& skin);

    std::vector<PainCandidate> find(const std::vector<PainSpot>& spots, std::size_t limit = 10) const;
    std::size_t zoneCount() const { return zones_.size(); }

private:
    struct Zone {
        const KnowledgeEntry* entry;
        int knot;
        bool essential;
        glm::vec3 center, normal;
        float radius;
        const std::string* where;
    };
    std::vector<Zone> zones_;  // grouped by entry, in knowledge-base order
};

}  // namespace myomap
