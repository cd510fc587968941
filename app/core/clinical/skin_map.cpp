#include "core/clinical/skin_map.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <map>
#include <tuple>

#include "core/clinical/referral_pattern.h"

namespace myomap {

namespace {

/// Polynomial smooth minimum: equal to min(a, b) when they differ by more than k, and
/// below both in between, which fills the neck between two nearby discs.
float smoothMin(float a, float b, float k) {
    const float h = std::max(k - std::abs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}

/// Points along a band's middle line, every few millimetres.
std::vector<glm::vec3> samplePath(const std::vector<glm::vec3>& path) {
    constexpr float kStep = 0.004f;
    std::vector<glm::vec3> out{path.front()};
    for (std::size_t i = 1; i < path.size(); ++i) {
        const float length = glm::distance(path[i - 1], path[i]);
        const int steps = std::max(1, static_cast<int>(std::ceil(length / kStep)));
        for (int s = 1; s <= steps; ++s) out.push_back(glm::mix(path[i - 1], path[i], static_cast<float>(s) / steps));
    }
    return out;
}

/// The straight-line gap between two pieces' edges (negative when they overlap).
float pieceGap(const SkinBlob& a, const SkinBlob& b) {
    const auto pa = a.path.empty() ? std::vector<glm::vec3>{a.center} : samplePath(a.path);
    const auto pb = b.path.empty() ? std::vector<glm::vec3>{b.center} : samplePath(b.path);
    float best = 1e9f;
    for (const auto& p : pa)
        for (const auto& q : pb) best = std::min(best, glm::distance(p, q));
    return best - a.radius - b.radius;
}

}  // namespace

float zoneCoverage(float signedDistance) {
    constexpr float kEdge = 0.004f;
    const float t = std::clamp((signedDistance + kEdge) / (2.0f * kEdge), 0.0f, 1.0f);
    return 1.0f - t * t * (3.0f - 2.0f * t);
}

std::vector<ZoneShape> zoneShapes(const KnowledgeEntry& entry, Side side, int knot, const MeshBvh& skin) {
    std::vector<ZoneShape> out;
    for (std::size_t k = 0; k < entry.knots.size(); ++k) {
        if (knot >= 0 && static_cast<int>(k) != knot) continue;
        const KnotSite& site = entry.knots[k];
        for (int pass = 0; pass < 2; ++pass) {
            // Pieces of one kind whose edges come within kJoinDistance / 2 of each other
            // make one zone, drawn as one shape; a patch apart from the rest (the occiput
            // and the top of the head) is a zone of its own, as the charts draw it.
            const auto& blobs = pass == 0 ? site.referral.essential : site.referral.spillover;
            std::vector<SkinBlob> pieces;
            for (const auto& b : blobs) {
                SkinBlob piece = b;
                piece.center = onSide(b.center, side);
                for (auto& p : piece.path) p = onSide(p, side);
                pieces.push_back(piece);
            }
            std::vector<std::size_t> group(pieces.size());
            for (std::size_t i = 0; i < group.size(); ++i) group[i] = i;
            auto find = [&](std::size_t i) {
                while (group[i] != i) i = group[i] = group[group[i]];
                return i;
            };
            for (std::size_t i = 0; i < pieces.size(); ++i)
                for (std::size_t j = i + 1; j < pieces.size(); ++j)
                    if (pieceGap(pieces[i], pieces[j]) < 0.5f * kJoinDistance) group[find(i)] = find(j);
            std::map<std::size_t, std::size_t> zoneOf;
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                auto [it, fresh] = zoneOf.try_emplace(find(i), out.size());
                if (fresh) {
                    ZoneShape z;
                    z.knot = static_cast<int>(k);
                    z.essential = pass == 0;
                    z.where = pieces[i].where;
                    out.push_back(z);
                }
                out[it->second].pieces.push_back(pieces[i]);
            }
        }
        // Local pain over the knot, as every chart draws it; a deep knot (under 5 cm of
        // tissue) has no local patch on the skin.
        const glm::vec3 knotPoint = onSide(site.position, side);
        if (const auto c = skin.closest(knotPoint, 0.05f)) {
            ZoneShape z;
            z.knot = static_cast<int>(k);
            z.essential = true;
            z.local = true;
            z.where = "over the knot itself";
            SkinBlob piece;
            piece.where = z.where;
            piece.center = c->point;
            piece.radius = kLocalPainRadius;
            z.pieces.push_back(piece);
            out.push_back(z);
        }
    }
    return out;
}

SkinMap::SkinMap(const Mesh& skin) : welded_(weldByPosition(skin)), graph_(welded_) {
    bvh_ = std::make_unique<MeshBvh>(welded_);
    areas_.assign(welded_.positions.size(), 0.0f);
    for (std::size_t t = 0; t + 2 < welded_.indices.size(); t += 3) {
        const auto a = welded_.indices[t], b = welded_.indices[t + 1], c = welded_.indices[t + 2];
        const float area = 0.5f * glm::length(glm::cross(welded_.positions[b] - welded_.positions[a], welded_.positions[c] - welded_.positions[a]));
        for (auto v : {a, b, c}) areas_[v] += area / 3.0f;
    }
}

std::vector<DistanceSeed> SkinMap::seedsAt(const glm::vec3& point) const {
    std::vector<DistanceSeed> seeds;
    const auto c = bvh_->closest(point);
    if (!c) return seeds;
    for (int k = 0; k < 3; ++k) {
        const std::uint32_t v = welded_.indices[3 * c->triangle + k];
        seeds.push_back({v, glm::distance(welded_.positions[v], c->point), c->point});
    }
    return seeds;
}

std::optional<std::uint32_t> SkinMap::nearestVertex(const glm::vec3& point) const {
    const auto seeds = seedsAt(point);
    if (seeds.empty()) return std::nullopt;
    return std::min_element(seeds.begin(), seeds.end(), [](const auto& a, const auto& b) { return a.distance < b.distance; })->vertex;
}

ZoneField SkinMap::field(const ZoneShape& zone) const {
    // Each piece's signed distance, then a smooth union of the pieces.
    std::map<std::uint32_t, float> combined;
    for (const auto& piece : zone.pieces) {
        std::vector<DistanceSeed> seeds;
        if (piece.path.empty()) {
            seeds = seedsAt(piece.center);
        } else {
            for (const auto& p : samplePath(piece.path)) {
                const auto s = seedsAt(p);
                seeds.insert(seeds.end(), s.begin(), s.end());
            }
        }
        const float reach = piece.radius + kFieldReach + kJoinDistance;
        const SurfaceDistances d = graph_.distancesFrom(seeds, reach);
        for (std::size_t i = 0; i < d.vertices.size(); ++i) {
            const float sd = d.distances[i] - piece.radius;
            auto [it, fresh] = combined.try_emplace(d.vertices[i], sd);
            if (!fresh) it->second = smoothMin(it->second, sd, kJoinDistance);
        }
    }
    ZoneField out;
    for (const auto& [v, sd] : combined) {
        if (sd > kFieldReach) continue;
        out.vertices.push_back(v);
        out.signedDistance.push_back(sd);
    }
    return out;
}

std::vector<std::uint32_t> SkinMap::disc(const glm::vec3& center, float radius, float maxGap) const {
    const auto c = bvh_->closest(center, maxGap);
    if (!c) return {};
    const SurfaceDistances d = graph_.distancesFrom(seedsAt(c->point), std::max(radius, 0.002f));
    std::vector<std::uint32_t> out = d.vertices;
    // A dab smaller than the triangles still marks the vertex nearest to it.
    if (out.empty())
        if (const auto v = nearestVertex(c->point)) out.push_back(*v);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::uint32_t> SkinMap::vertexMap(const Mesh& drawn) const {
    std::map<std::tuple<float, float, float>, std::uint32_t> index;
    for (std::uint32_t i = 0; i < welded_.positions.size(); ++i) {
        const auto& p = welded_.positions[i];
        index.emplace(std::make_tuple(p.x, p.y, p.z), i);
    }
    std::vector<std::uint32_t> out(drawn.positions.size(), 0);
    for (std::size_t i = 0; i < drawn.positions.size(); ++i) {
        const auto& p = drawn.positions[i];
        const auto it = index.find(std::make_tuple(p.x, p.y, p.z));
        if (it != index.end()) {
            out[i] = it->second;
            continue;
        }
        if (const auto v = nearestVertex(p)) out[i] = *v;
    }
    return out;
}

std::vector<glm::vec3> paintZones(const SkinMap& map, const std::vector<ZoneShape>& zones) {
    std::vector<glm::vec3> values(map.vertexCount(), glm::vec3(kFieldReach, kFieldReach, 0.0f));
    for (const auto& zone : zones) {
        const ZoneField f = map.field(zone);
        for (std::size_t i = 0; i < f.vertices.size(); ++i) {
            float& slot = zone.essential ? values[f.vertices[i]].x : values[f.vertices[i]].y;
            slot = std::min(slot, f.signedDistance[i]);
        }
    }
    return values;
}

}  // namespace myomap
