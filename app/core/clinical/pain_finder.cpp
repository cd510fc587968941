#include "core/clinical/pain_finder.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <sstream>

#include "core/support/errors.h"
#include "core/knowledge/side_text.h"

namespace myomap {

PainSpot snapToSkin(const MeshBvh& skin, const glm::vec3& point, float maxDistance) {
    const auto c = skin.closest(point);
    if (!c) throw ArgumentError("the pack has no skin to place the point on");
    if (c->distance > maxDistance) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "point %.3f,%.3f,%.3f is %.0f mm from the skin (at most %.0f mm allowed)", point.x, point.y,
                      point.z, c->distance * 1000.0f, maxDistance * 1000.0f);
        throw ArgumentError(buf);
    }
    return {c->point, c->normal};
}

std::string PainCandidate::reason() const {
    // Group the matches by zone, so a zone shared by several knots is named once.
    struct Group {
        bool essential;
        std::string where;
        std::vector<std::string> knots;
    };
    std::vector<Group> groups;
    for (const auto& m : matches) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.essential == m.essential && g.where == m.where; });
        if (it == groups.end()) {
            groups.push_back({m.essential, m.where, {}});
            it = groups.end() - 1;
        }
        if (std::find(it->knots.begin(), it->knots.end(), m.knotName) == it->knots.end()) it->knots.push_back(m.knotName);
    }
    std::string out;
    for (const auto& g : groups) {
        std::string knots;
        for (std::size_t i = 0; i < g.knots.size(); ++i)
            knots += (i == 0 ? "" : i + 1 == g.knots.size() ? "' and '" : "', '") + g.knots[i];
        out += (out.empty() ? "" : "; ") + std::string(g.essential ? "essential" : "spillover") + " zone (" + g.where + ") of its '" +
               knots + (g.knots.size() > 1 ? "' knots" : "' knot");
    }
    return out;
}

PainFinder::PainFinder(const KnowledgeBase& kb, const MeshBvh& skin) {
    for (const auto& entry : kb.entries())
        for (std::size_t k = 0; k < entry.knots.size(); ++k)
            for (int pass = 0; pass < 2; ++pass)
                for (const auto& b : pass == 0 ? entry.knots[k].referral.essential : entry.knots[k].referral.spillover) {
                    const auto c = skin.closest(b.center);
                    zones_.push_back({&entry, static_cast<int>(k), pass == 0, b.center,
                                      c ? c->normal : glm::vec3(0.0f, 0.0f, 1.0f), b.radius, &b.where});
                }
}

std::vector<PainCandidate> PainFinder::find(const std::vector<PainSpot>& spots, std::size_t limit) const {
    std::vector<PainCandidate> out;
    std::size_t begin = 0;
    while (begin < zones_.size()) {
        std::size_t end = begin;
        while (end < zones_.size() && zones_[end].entry == zones_[begin].entry) ++end;
        const KnowledgeEntry* entry = zones_[begin].entry;
        for (Side side : {Side::Right, Side::Left}) {
            PainCandidate c;
            c.entry = entry;
            c.side = side;
            for (std::size_t s = 0; s < spots.size(); ++s) {
                // Content is authored for the right side: mirror the spot, not the zones.
                glm::vec3 p = spots[s].point, n = spots[s].normal;
                if (side == Side::Left) {
                    p.x = -p.x;
                    n.x = -n.x;
                }
                bool covered = false;
                for (int knot = 0; knot < static_cast<int>(entry->knots.size()); ++knot) {
                    double best = 0.0;
                    ZoneMatch match;
                    for (std::size_t z = begin; z < end; ++z) {
                        const Zone& zone = zones_[z];
                        if (zone.knot != knot) continue;
                        // An area overlaps a zone when their discs on the skin overlap.
                        const float reach = zone.radius + spots[s].radius;
                        const float d = glm::distance(p, zone.center);
                        if (d > reach || glm::dot(n, zone.normal) < 0.2f) continue;  // not the far side of a limb
                        const double value = (zone.essential ? 2.0 : 1.0) * (1.0 - 0.3 * d / reach);
                        if (value > best) {
                            best = value;
                            match = {static_cast<int>(s), knot, renderForSide(entry->knots[knot].name, c.side), zone.essential,
                                     renderForSide(*zone.where, c.side)};
                        }
                    }
                    if (best > 0.0) {
                        c.score += best;
                        c.matches.push_back(match);
                        covered = true;
                    }
                }
                c.spotsCovered += covered;
            }
            if (c.score > 0.0) out.push_back(std::move(c));
        }
        begin = end;
    }
    std::stable_sort(out.begin(), out.end(), [](const PainCandidate& a, const PainCandidate& b) {
        if (a.spotsCovered != b.spotsCovered) return a.spotsCovered > b.spotsCovered;
        return a.score > b.score;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace myomap
