#include "core/clinical/referral_pattern.h"

#include <glm/geometric.hpp>

#include "core/knowledge/side_text.h"

namespace myomap {

glm::vec3 onSide(const glm::vec3& p, Side side) { return side == Side::Left ? glm::vec3(-p.x, p.y, p.z) : p; }

ReferralPattern buildReferralPattern(const KnowledgeEntry& entry, Side side, int knot, const MeshBvh& skin) {
    ReferralPattern pattern;
    for (std::size_t k = 0; k < entry.knots.size(); ++k) {
        if (knot >= 0 && static_cast<int>(k) != knot) continue;
        const KnotSite& site = entry.knots[k];
        pattern.knots.push_back({onSide(site.position, side), static_cast<int>(k)});
        auto add = [&](const std::vector<SkinBlob>& blobs, bool essential) {
            for (const auto& b : blobs) {
                PaintBlob p;
                p.center = onSide(b.center, side);
                p.radius = b.radius;
                p.essential = essential;
                p.knot = static_cast<int>(k);
                p.where = renderForSide(b.where, side);
                if (const auto c = skin.closest(p.center)) {
                    p.center = c->point;
                    // Face normals of a closed skin point outward; smooth them with the
                    // direction from the body's axis in case the nearest face is tiny.
                    p.normal = c->normal;
                }
                pattern.blobs.push_back(p);
            }
        };
        add(site.referral.essential, true);
        add(site.referral.spillover, false);
    }
    pattern.zones = zoneShapes(entry, side, knot, skin);
    return pattern;
}

int paintAt(const ReferralPattern& pattern, const glm::vec3& point, const glm::vec3& normal) {
    int best = 0;
    for (const auto& b : pattern.blobs) {
        if (glm::distance(point, b.center) > b.radius) continue;
        if (glm::dot(normal, b.normal) < 0.2f) continue;  // the far side of a limb
        best = std::max(best, b.essential ? 2 : 1);
    }
    return best;
}

}  // namespace myomap
