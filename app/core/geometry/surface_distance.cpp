#include "core/geometry/surface_distance.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <limits>
#include <map>
#include <queue>
#include <tuple>
#include <unordered_map>

namespace myomap {

namespace {
/// Edge paths on a triangulated surface are at most this much longer than the surface
/// distance (about 8% on an even mesh; a margin for irregular triangles).
constexpr float kPathStretch = 1.12f;
}  // namespace

Mesh weldByPosition(const Mesh& mesh, std::vector<std::uint32_t>* remap) {
    Mesh out;
    std::map<std::tuple<float, float, float>, std::uint32_t> index;
    std::vector<std::uint32_t> map(mesh.positions.size());
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const auto& p = mesh.positions[i];
        const auto [it, fresh] = index.emplace(std::make_tuple(p.x, p.y, p.z), static_cast<std::uint32_t>(out.positions.size()));
        if (fresh) out.positions.push_back(p);
        map[i] = it->second;
    }
    out.indices.reserve(mesh.indices.size());
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = map[mesh.indices[t]], b = map[mesh.indices[t + 1]], c = map[mesh.indices[t + 2]];
        if (a == b || b == c || a == c) continue;
        out.indices.insert(out.indices.end(), {a, b, c});
    }
    out.recomputeNormals();
    if (remap) *remap = std::move(map);
    return out;
}

SurfaceGraph::SurfaceGraph(const Mesh& welded) : positions_(welded.positions) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(welded.indices.size() * 2);
    for (std::size_t t = 0; t + 2 < welded.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = welded.indices[t + k], b = welded.indices[t + (k + 1) % 3];
            edges.emplace_back(a, b);
            edges.emplace_back(b, a);
        }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    firstEdge_.assign(positions_.size() + 1, 0);
    for (const auto& e : edges) ++firstEdge_[e.first + 1];
    for (std::size_t i = 0; i < positions_.size(); ++i) firstEdge_[i + 1] += firstEdge_[i];
    edgeTarget_.reserve(edges.size());
    edgeLength_.reserve(edges.size());
    for (const auto& e : edges) {
        edgeTarget_.push_back(e.second);
        edgeLength_.push_back(glm::distance(positions_[e.first], positions_[e.second]));
    }
}

SurfaceDistances SurfaceGraph::distancesFrom(const std::vector<DistanceSeed>& seeds, float reach) const {
    // Sparse Dijkstra: only the vertices it reaches are stored.
    std::unordered_map<std::uint32_t, std::pair<float, std::uint32_t>> best;  // vertex -> path length, seed index
    using Item = std::tuple<float, std::uint32_t, std::uint32_t>;                // path, vertex, seed
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (std::uint32_t s = 0; s < seeds.size(); ++s) {
        if (seeds[s].vertex >= positions_.size()) continue;
        auto [it, fresh] = best.try_emplace(seeds[s].vertex, seeds[s].distance, s);
        if (!fresh && it->second.first <= seeds[s].distance) continue;
        it->second = {seeds[s].distance, s};
        queue.emplace(seeds[s].distance, seeds[s].vertex, s);
    }
    const float pathReach = reach * kPathStretch;
    while (!queue.empty()) {
        const auto [d, v, s] = queue.top();
        queue.pop();
        if (best[v].first < d) continue;
        for (std::uint32_t e = firstEdge_[v]; e < firstEdge_[v + 1]; ++e) {
            const std::uint32_t w = edgeTarget_[e];
            const float nd = d + edgeLength_[e];
            if (nd > pathReach) continue;
            auto [it, fresh] = best.try_emplace(w, nd, s);
            if (!fresh && it->second.first <= nd) continue;
            it->second = {nd, s};
            queue.emplace(nd, w, s);
        }
    }
    SurfaceDistances out;
    out.vertices.reserve(best.size());
    out.distances.reserve(best.size());
    for (const auto& [v, value] : best) {
        const float straight = glm::distance(positions_[v], seeds[value.second].source);
        // The straight line is right when the path agrees with it within the stretch;
        // a much longer path means the straight line crosses a gap or the body.
        const float d = std::max(straight, value.first / kPathStretch);
        if (d > reach) continue;
        out.vertices.push_back(v);
        out.distances.push_back(d);
    }
    return out;
}

}  // namespace myomap
