#include "core/import/visible_shell.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include <glm/geometric.hpp>

#include "core/geometry/bvh.h"

namespace myomap {

namespace {

/// Evenly spread unit vectors (a Fibonacci sphere).
std::vector<glm::vec3> sphereDirections(int n) {
    std::vector<glm::vec3> out;
    const float golden = 3.14159265358979f * (3.0f - std::sqrt(5.0f));
    for (int i = 0; i < n; ++i) {
        const float y = 1.0f - 2.0f * (float(i) + 0.5f) / float(n);
        const float r = std::sqrt(std::max(0.0f, 1.0f - y * y));
        out.emplace_back(r * std::cos(golden * float(i)), y, r * std::sin(golden * float(i)));
    }
    return out;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> findVisibleShell(const std::vector<const Mesh*>& meshes, const ShellOptions& options) {
    // One mesh of everything, so one BVH answers "does this ray meet anything?".
    Mesh all;
    std::vector<std::uint32_t> firstTriangle;
    for (const Mesh* m : meshes) {
        firstTriangle.push_back(static_cast<std::uint32_t>(all.indices.size() / 3));
        const auto base = static_cast<std::uint32_t>(all.positions.size());
        all.positions.insert(all.positions.end(), m->positions.begin(), m->positions.end());
        for (std::uint32_t i : m->indices) all.indices.push_back(base + i);
    }
    all.normals.assign(all.positions.size(), glm::vec3(0.0f));
    const MeshBvh bvh(all);
    std::vector<glm::vec3> directions = sphereDirections(options.directions);
    // The orbit camera mostly turns about the vertical axis: level directions all round,
    // so a crack seen straight from the front or a side is not missed between the others.
    for (int i = 0; i < options.levelDirections; ++i) {
        const float a = 6.2831853f * float(i) / float(options.levelDirections);
        directions.emplace_back(std::sin(a), 0.0f, std::cos(a));
    }
    // A start just off the surface, so the ray does not meet its own triangle; 0.05 mm is
    // well under the gaps between the meshes.
    const float lift = 5e-5f;
    const std::size_t triangles = all.indices.size() / 3;
    std::vector<std::uint8_t> seen(triangles, 0);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        constexpr std::size_t kBatch = 1024;
        for (std::size_t begin; (begin = next.fetch_add(kBatch)) < triangles;) {
            for (std::size_t t = begin; t < std::min(triangles, begin + kBatch); ++t) {
                const glm::vec3& a = all.positions[all.indices[3 * t]];
                const glm::vec3& b = all.positions[all.indices[3 * t + 1]];
                const glm::vec3& c = all.positions[all.indices[3 * t + 2]];
                const glm::vec3 cross = glm::cross(b - a, c - a);
                const float area2 = glm::length(cross);
                if (area2 <= 0.0f) continue;
                const glm::vec3 n = cross / area2;
                const glm::vec3 centre = (a + b + c) / 3.0f;
                // The centre, then (for big triangles) points near each corner, which may
                // peek out beside a covered centre.
                glm::vec3 points[4] = {centre, glm::mix(centre, a, 0.8f), glm::mix(centre, b, 0.8f), glm::mix(centre, c, 0.8f)};
                const int samples = options.cornerSamples ? 4 : 1;
                for (int k = 0; k < samples && !seen[t]; ++k) {
                    const glm::vec3 from = points[k] + lift * n;
                    // Straight out first: most triangles that can be seen are seen that way.
                    if (!bvh.hitsAnything({from, n})) {
                        seen[t] = 1;
                        break;
                    }
                    for (const glm::vec3& d : directions) {
                        if (glm::dot(d, n) < 0.1f) continue;  // grazing or behind: not drawn (back faces are culled)
                        if (!bvh.hitsAnything({from, d})) {
                            seen[t] = 1;
                            break;
                        }
                    }
                }
            }
        }
    };
    const int threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();

    // Grow by rings of triangles sharing a vertex index with one seen.
    for (int ring = 0; ring < options.grow; ++ring) {
        std::vector<std::uint8_t> touched(all.positions.size(), 0);
        for (std::size_t t = 0; t < triangles; ++t)
            if (seen[t])
                for (int k = 0; k < 3; ++k) touched[all.indices[3 * t + k]] = 1;
        for (std::size_t t = 0; t < triangles; ++t)
            if (!seen[t] && (touched[all.indices[3 * t]] || touched[all.indices[3 * t + 1]] || touched[all.indices[3 * t + 2]]))
                seen[t] = 1;
    }

    std::vector<std::vector<std::uint8_t>> out;
    for (std::size_t m = 0; m < meshes.size(); ++m) {
        const auto first = firstTriangle[m];
        const std::size_t count = meshes[m]->indices.size() / 3;
        out.emplace_back(seen.begin() + first, seen.begin() + first + static_cast<std::ptrdiff_t>(count));
    }
    return out;
}

std::uint32_t putShellFirst(Mesh& mesh, const std::vector<std::uint8_t>& visible) {
    std::vector<std::uint32_t> front, back;
    front.reserve(mesh.indices.size());
    for (std::size_t t = 0; t < mesh.indices.size() / 3; ++t) {
        auto& to = t < visible.size() && visible[t] ? front : back;
        to.insert(to.end(), mesh.indices.begin() + static_cast<std::ptrdiff_t>(3 * t),
                  mesh.indices.begin() + static_cast<std::ptrdiff_t>(3 * t + 3));
    }
    const auto count = static_cast<std::uint32_t>(front.size());
    front.insert(front.end(), back.begin(), back.end());
    mesh.indices = std::move(front);
    return count;
}

}  // namespace myomap
