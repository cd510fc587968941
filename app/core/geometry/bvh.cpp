#include "core/geometry/bvh.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <limits>

namespace myomap {
namespace {

constexpr std::uint32_t kLeafSize = 8;

std::optional<float> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    // Moller-Trumbore, two-sided: muscles are picked from inside the skin too.
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(ray.direction, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-12f) return std::nullopt;
    const float inv = 1.0f / det;
    const glm::vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(ray.direction, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(e2, q) * inv;
    if (t <= 0.0f) return std::nullopt;
    return t;
}

glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    // Region tests from Ericson, Real-Time Collision Detection, 5.1.5.
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

float boxDistance2(const glm::vec3& p, const Bounds& b) {
    const glm::vec3 d = glm::max(glm::max(b.min - p, glm::vec3(0.0f)), p - b.max);
    return glm::dot(d, d);
}

}  // namespace

std::optional<float> intersectBox(const Ray& ray, const Bounds& box, float maxT) {
    float t0 = 0.0f, t1 = maxT;
    for (int i = 0; i < 3; ++i) {
        const float inv = 1.0f / ray.direction[i];
        float tn = (box.min[i] - ray.origin[i]) * inv, tf = (box.max[i] - ray.origin[i]) * inv;
        if (tn > tf) std::swap(tn, tf);
        t0 = std::max(t0, tn);
        t1 = std::min(t1, tf);
        if (t0 > t1) return std::nullopt;
    }
    return t0;
}

MeshBvh::MeshBvh(const Mesh& mesh) : mesh_(&mesh) {
    const auto n = static_cast<std::uint32_t>(mesh.triangleCount());
    if (n == 0) return;
    triangles_.resize(n);
    std::vector<glm::vec3> centroids(n);
    for (std::uint32_t t = 0; t < n; ++t) {
        triangles_[t] = t;
        centroids[t] = (mesh.positions[mesh.indices[3 * t]] + mesh.positions[mesh.indices[3 * t + 1]] +
                        mesh.positions[mesh.indices[3 * t + 2]]) / 3.0f;
    }
    nodes_.reserve(2 * n / kLeafSize + 1);
    build(0, n, centroids);
}

std::uint32_t MeshBvh::build(std::uint32_t begin, std::uint32_t end, std::vector<glm::vec3>& centroids) {
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    Bounds box, cbox;
    for (std::uint32_t i = begin; i < end; ++i) {
        const auto t = triangles_[i];
        for (int k = 0; k < 3; ++k) box.add(mesh_->positions[mesh_->indices[3 * t + k]]);
        cbox.add(centroids[t]);
    }
    nodes_[index].box = box;
    if (end - begin <= kLeafSize) {
        nodes_[index].first = begin;
        nodes_[index].count = end - begin;
        return index;
    }
    // Median split on the widest centroid axis keeps the tree balanced and the build O(n log n).
    const glm::vec3 ext = cbox.size();
    const int axis = ext.x > ext.y ? (ext.x > ext.z ? 0 : 2) : (ext.y > ext.z ? 1 : 2);
    const std::uint32_t mid = begin + (end - begin) / 2;
    std::nth_element(triangles_.begin() + begin, triangles_.begin() + mid, triangles_.begin() + end,
                     [&](std::uint32_t a, std::uint32_t b) { return centroids[a][axis] < centroids[b][axis]; });
    build(begin, mid, centroids);  // the left child is always index + 1
    const std::uint32_t right = build(mid, end, centroids);
    nodes_[index].first = right;
    nodes_[index].count = 0;
    return index;
}

std::optional<RayHit> MeshBvh::intersect(const Ray& ray) const {
    if (nodes_.empty()) return std::nullopt;
    std::optional<RayHit> best;
    float bestT = std::numeric_limits<float>::max();
    std::uint32_t stack[64];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (!intersectBox(ray, node.box, bestT)) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const auto t = triangles_[i];
                const auto& P = mesh_->positions;
                const auto& I = mesh_->indices;
                if (auto d = intersectTriangle(ray, P[I[3 * t]], P[I[3 * t + 1]], P[I[3 * t + 2]]); d && *d < bestT) {
                    bestT = *d;
                    best = RayHit{*d, t, ray.origin + ray.direction * *d};
                }
            }
        } else {
            const std::uint32_t self = static_cast<std::uint32_t>(&node - nodes_.data());
            if (top + 2 > 64) continue;
            stack[top++] = node.first;
            stack[top++] = self + 1;
        }
    }
    return best;
}

bool MeshBvh::hitsAnything(const Ray& ray) const {
    if (nodes_.empty()) return false;
    std::uint32_t stack[64];
    int top = 0;
    stack[top++] = 0;
    const auto& P = mesh_->positions;
    const auto& I = mesh_->indices;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (!intersectBox(ray, node.box, std::numeric_limits<float>::max())) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const auto t = triangles_[i];
                if (intersectTriangle(ray, P[I[3 * t]], P[I[3 * t + 1]], P[I[3 * t + 2]])) return true;
            }
        } else {
            const std::uint32_t self = static_cast<std::uint32_t>(&node - nodes_.data());
            if (top + 2 > 64) continue;
            stack[top++] = node.first;
            stack[top++] = self + 1;
        }
    }
    return false;
}

std::optional<ClosestPoint> MeshBvh::closest(const glm::vec3& p, float maxDistance) const {
    if (nodes_.empty()) return std::nullopt;
    ClosestPoint best;
    float best2 = maxDistance < 1e18f ? maxDistance * maxDistance : std::numeric_limits<float>::max();
    bool found = false;
    std::uint32_t stack[64];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (boxDistance2(p, node.box) >= best2) continue;
        if (node.count > 0) {
            for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
                const auto t = triangles_[i];
                const auto& P = mesh_->positions;
                const auto& I = mesh_->indices;
                const glm::vec3 a = P[I[3 * t]], b = P[I[3 * t + 1]], c = P[I[3 * t + 2]];
                const glm::vec3 q = closestOnTriangle(p, a, b, c);
                const float d2 = glm::dot(q - p, q - p);
                if (d2 < best2) {
                    best2 = d2;
                    found = true;
                    // Prefer the mesh's own vertex normals: they point outward whatever the winding.
                    glm::vec3 n = mesh_->normals.size() == P.size()
                                      ? mesh_->normals[I[3 * t]] + mesh_->normals[I[3 * t + 1]] + mesh_->normals[I[3 * t + 2]]
                                      : glm::cross(b - a, c - a);
                    const float len = glm::length(n);
                    best = ClosestPoint{0.0f, t, q, len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f)};
                }
            }
        } else {
            const std::uint32_t self = static_cast<std::uint32_t>(&node - nodes_.data());
            if (top + 2 > 64) continue;
            // Visit the nearer child last so it is popped first.
            const Node& l = nodes_[self + 1];
            const Node& r = nodes_[node.first];
            if (boxDistance2(p, l.box) < boxDistance2(p, r.box)) {
                stack[top++] = node.first;
                stack[top++] = self + 1;
            } else {
                stack[top++] = self + 1;
                stack[top++] = node.first;
            }
        }
    }
    if (!found) return std::nullopt;
    best.distance = std::sqrt(best2);
    return best;
}

}  // namespace myomap
