#include "core/geometry/mesh.h"

#include <map>
#include <tuple>

#include <glm/geometric.hpp>

namespace myomap {

void Bounds::add(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
}

void Bounds::add(const Bounds& b) {
    if (b.isEmpty()) return;
    add(b.min);
    add(b.max);
}

Bounds Mesh::bounds() const {
    Bounds b;
    for (const auto& p : positions) b.add(p);
    return b;
}

void Mesh::append(const Mesh& other) {
    const auto offset = static_cast<std::uint32_t>(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    indices.reserve(indices.size() + other.indices.size());
    for (auto i : other.indices) indices.push_back(i + offset);
}

void Mesh::recomputeNormals() {
    normals.assign(positions.size(), glm::vec3(0.0f));
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const auto a = indices[t], b = indices[t + 1], c = indices[t + 2];
        // The unnormalised cross product weights each face by its area.
        const glm::vec3 n = glm::cross(positions[b] - positions[a], positions[c] - positions[a]);
        normals[a] += n;
        normals[b] += n;
        normals[c] += n;
    }
    for (auto& n : normals) {
        const float len = glm::length(n);
        n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

Mesh Mesh::mirroredX() const {
    Mesh m = *this;
    for (auto& p : m.positions) p.x = -p.x;
    for (auto& n : m.normals) n.x = -n.x;
    // Mirroring flips handedness, so swap two corners to keep counter-clockwise fronts.
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
    return m;
}

void Mesh::removeUnusedVertices() {
    std::vector<std::int64_t> remap(positions.size(), -1);
    std::vector<glm::vec3> p, n;
    for (auto& i : indices) {
        if (remap[i] < 0) {
            remap[i] = static_cast<std::int64_t>(p.size());
            p.push_back(positions[i]);
            if (!normals.empty()) n.push_back(normals[i]);
        }
        i = static_cast<std::uint32_t>(remap[i]);
    }
    positions = std::move(p);
    normals = std::move(n);
}

glm::vec3 Mesh::surfaceCentroid() const {
    glm::dvec3 sum(0.0);
    double area = 0.0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::dvec3 a = positions[indices[t]], b = positions[indices[t + 1]], c = positions[indices[t + 2]];
        const double w = 0.5 * glm::length(glm::cross(b - a, c - a));
        sum += w * (a + b + c) / 3.0;
        area += w;
    }
    return area > 0.0 ? glm::vec3(sum / area) : bounds().center();
}

std::vector<std::uint32_t> connectedPieceOfEachVertex(const Mesh& mesh) {
    std::vector<std::uint32_t> parent(mesh.positions.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    auto join = [&](std::uint32_t a, std::uint32_t b) { parent[find(a)] = find(b); };
    std::map<std::tuple<float, float, float>, std::uint32_t> byPosition;
    for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) {
        const auto& p = mesh.positions[i];
        auto [it, fresh] = byPosition.emplace(std::make_tuple(p.x, p.y, p.z), i);
        if (!fresh) join(i, it->second);
    }
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        join(mesh.indices[t], mesh.indices[t + 1]);
        join(mesh.indices[t], mesh.indices[t + 2]);
    }
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = find(i);
    return parent;
}

}  // namespace myomap
