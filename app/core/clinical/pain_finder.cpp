#include "core/clinical/pain_finder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <glm/geometric.hpp>
#include <map>

#include "core/knowledge/side_text.h"
#include "core/support/errors.h"

namespace myomap {

namespace {
constexpr double kSpilloverWeight = 0.5;
constexpr float kPointSpotRadius = 0.015f;

double pressFactor(const PressCheck* answer) {
    if (!answer) return 1.0;
    switch (answer->answer) {
        case PressAnswer::Yes: return 1.6;
        case PressAnswer::No: return 0.35;
        case PressAnswer::NotSure: return 1.0;
    }
    return 1.0;
}

/// Which piece of a zone a skin point belongs to: the one whose edge is nearest.
std::uint8_t nearestPiece(const ZoneShape& shape, const glm::vec3& p) {
    std::uint8_t best = 0;
    float bestGap = 1e9f;
    for (std::size_t i = 0; i < shape.pieces.size() && i < 255; ++i) {
        const SkinBlob& piece = shape.pieces[i];
        float d = glm::distance(p, piece.center);
        for (std::size_t k = 1; k < piece.path.size(); ++k) {
            const glm::vec3 a = piece.path[k - 1], ab = piece.path[k] - a;
            const float t = glm::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
            d = std::min(d, glm::distance(p, a + t * ab));
        }
        if (d - piece.radius < bestGap) {
            bestGap = d - piece.radius;
            best = static_cast<std::uint8_t>(i);
        }
    }
    return best;
}

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(100.0 * share))) + "%"; }
}  // namespace

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

const char* confidenceName(Confidence c) {
    switch (c) {
        case Confidence::Strong: return "strong";
        case Confidence::Possible: return "possible";
        case Confidence::Weak: return "weak";
    }
    return "weak";
}

std::string PainCandidate::reason() const {
    std::vector<std::string> places;
    for (const auto& m : matches)
        if (std::find(places.begin(), places.end(), m.where) == places.end()) places.push_back(m.where);
    std::string where;
    for (std::size_t i = 0; i < places.size() && i < 4; ++i) where += (i ? ", " : "") + places[i];
    std::string out = "Its pain pattern includes " + percent(parts.explained) + " of what you drew";
    if (!where.empty()) out += " (" + where + ")";
    out += ". What you drew fills " + percent(parts.covered) + " of where its pain is usually felt";
    if (answer && answer->answer == PressAnswer::Yes) out += ". Pressing its knot brought on your pain";
    if (answer && answer->answer == PressAnswer::No) out += ". Pressing its knot did not bring on your pain";
    if (parts.prior > 1.0) out += ". It is one of the muscles that most often cause pain like this";
    return out + ".";
}

PainFinder::PainFinder(const KnowledgeBase& kb, const SkinMap& map) : map_(map) {
    for (const auto& entry : kb.entries()) {
        if (!entry.hasKnotData()) continue;
        for (Side side : {Side::Right, Side::Left})
            for (auto& shape : zoneShapes(entry, side, -1, map.bvh())) {
                const ZoneField f = map.field(shape);
                Zone z{&entry, side, std::move(shape), {}, {}, {}, 0.0};
                std::vector<std::pair<std::uint32_t, float>> cells;
                for (std::size_t i = 0; i < f.vertices.size(); ++i) {
                    const float c = zoneCoverage(f.signedDistance[i]);
                    if (c > 0.0f) cells.emplace_back(f.vertices[i], c);
                }
                std::sort(cells.begin(), cells.end());
                for (const auto& [v, c] : cells) {
                    z.vertices.push_back(v);
                    z.coverage.push_back(c);
                    z.piece.push_back(nearestPiece(z.shape, map.mesh().positions[v]));
                    z.area += c * map.vertexAreas()[v];
                }
                if (!z.vertices.empty()) zones_.push_back(std::move(z));
            }
    }
}

std::vector<PainCandidate> PainFinder::rank(const std::vector<std::uint32_t>& drawn, const PainDrawing& drawing,
                                            std::size_t limit) const {
    std::vector<PainCandidate> out;
    if (drawn.empty()) return out;
    const auto& areas = map_.vertexAreas();
    // The drawing as a dense mask: each zone then costs one pass over its own vertices.
    std::vector<std::uint8_t> mask(map_.vertexCount(), 0);
    double drawnTotal = 0.0;
    for (const auto v : drawn) {
        if (v >= mask.size()) continue;
        mask[v] = 1;
        drawnTotal += areas[v];
    }
    if (drawnTotal <= 0.0) return out;
    std::vector<float> weight(map_.vertexCount(), 0.0f);  // the pattern's weight, per drawn vertex
    std::vector<std::uint32_t> touched;
    std::size_t begin = 0;
    while (begin < zones_.size()) {
        std::size_t end = begin;
        while (end < zones_.size() && zones_[end].entry == zones_[begin].entry && zones_[end].side == zones_[begin].side) ++end;
        PainCandidate c;
        c.entry = zones_[begin].entry;
        c.side = zones_[begin].side;
        std::map<int, std::pair<double, double>> knotEssential;  // knot -> (drawn, total) essential area
        for (std::size_t z = begin; z < end; ++z) {
            const Zone& zone = zones_[z];
            const float scale = zone.shape.essential ? 1.0f : static_cast<float>(kSpilloverWeight);
            double inside = 0.0;
            std::vector<double> perPiece(zone.shape.pieces.size(), 0.0);
            for (std::size_t i = 0; i < zone.vertices.size(); ++i) {
                const std::uint32_t v = zone.vertices[i];
                if (!mask[v]) continue;
                const float w = zone.coverage[i] * scale;
                if (weight[v] == 0.0f) touched.push_back(v);
                weight[v] = std::max(weight[v], w);
                inside += zone.coverage[i] * areas[v];
                perPiece[zone.piece[i]] += zone.coverage[i] * areas[v];
            }
            if (zone.shape.essential) {
                auto& [drawnPart, total] = knotEssential[zone.shape.knot];
                drawnPart += inside;
                total += zone.area;
            }
            // One match per piece the drawing reaches, named by the piece's own place.
            for (std::size_t piece = 0; piece < perPiece.size(); ++piece) {
                if (perPiece[piece] <= 0.0) continue;
                ZoneMatch m;
                m.knot = zone.shape.knot;
                m.knotName = renderForSide(c.entry->knots[static_cast<std::size_t>(m.knot)].name, c.side);
                m.essential = zone.shape.essential;
                m.local = zone.shape.local;
                m.where = zone.shape.local ? "over the knot itself" : renderForSide(zone.shape.pieces[piece].where, c.side);
                m.share = perPiece[piece] / drawnTotal;
                c.matches.push_back(m);
            }
        }
        double explainedArea = 0.0;
        for (const auto v : touched) {
            explainedArea += weight[v] * areas[v];
            weight[v] = 0.0f;
        }
        touched.clear();
        if (explainedArea > 0.0) {
            c.parts.explained = std::min(1.0, explainedArea / drawnTotal);
            for (const auto& [knot, part] : knotEssential) {
                const double share = part.second > 0.0 ? std::min(1.0, part.first / part.second) : 0.0;
                if (share > c.parts.covered) {
                    c.parts.covered = share;
                    c.bestKnot = knot;
                }
            }
            c.parts.prior = c.entry->commonCause ? kCommonCausePrior : 1.0;
            c.answer = drawing.answerFor(c.entry->id, c.side);
            c.parts.press = pressFactor(c.answer);
            c.score = c.parts.prior * c.parts.press * (0.6 * c.parts.explained + 0.4 * c.parts.covered);
            const bool no = c.answer && c.answer->answer == PressAnswer::No;
            const bool yes = c.answer && c.answer->answer == PressAnswer::Yes;
            if (!no && ((c.parts.explained >= 0.5 && c.parts.covered >= 0.25) || (yes && c.parts.explained >= 0.3)))
                c.confidence = Confidence::Strong;
            else if (!no && (c.parts.explained >= 0.2 || c.parts.covered >= 0.15))
                c.confidence = Confidence::Possible;
            else
                c.confidence = Confidence::Weak;
            std::sort(c.matches.begin(), c.matches.end(), [](const ZoneMatch& a, const ZoneMatch& b) { return a.share > b.share; });
            out.push_back(std::move(c));
        }
        begin = end;
    }
    std::stable_sort(out.begin(), out.end(), [](const PainCandidate& a, const PainCandidate& b) { return a.score > b.score; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::vector<PainCandidate> PainFinder::find(const std::vector<PainSpot>& spots, std::size_t limit) const {
    PainDrawing drawing;
    for (const auto& s : spots) drawing.strokes.push_back({"", false, {{s.point, std::max(s.radius, kPointSpotRadius)}}});
    return rank(drawnVertices(map_, drawing), drawing, limit);
}

}  // namespace myomap
