#include "core/geometry/primitive_meshes.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace myomap {
namespace {

constexpr float kTau = 6.28318530717959f;

std::uint32_t addVertex(Mesh& m, const glm::vec3& p, const glm::vec3& n) {
    m.positions.push_back(p);
    m.normals.push_back(n);
    return static_cast<std::uint32_t>(m.positions.size() - 1);
}

void addTriangle(Mesh& m, std::uint32_t a, std::uint32_t b, std::uint32_t c) { m.indices.insert(m.indices.end(), {a, b, c}); }

/// A flat disc at height z facing +z (up) or -z.
void addDisc(Mesh& m, float z, bool up, int segments) {
    const glm::vec3 n(0, 0, up ? 1.0f : -1.0f);
    const std::uint32_t centre = addVertex(m, {0, 0, z}, n);
    const std::uint32_t first = static_cast<std::uint32_t>(m.positions.size());
    for (int i = 0; i < segments; ++i) {
        const float a = kTau * float(i) / float(segments);
        addVertex(m, {std::cos(a), std::sin(a), z}, n);
    }
    for (int i = 0; i < segments; ++i) {
        const std::uint32_t a = first + std::uint32_t(i), b = first + std::uint32_t((i + 1) % segments);
        if (up) addTriangle(m, centre, a, b);
        else addTriangle(m, centre, b, a);
    }
}

}  // namespace

Mesh unitSphere(int rings, int segments) {
    Mesh m;
    for (int r = 0; r <= rings; ++r) {
        const float phi = 0.5f * kTau * float(r) / float(rings);  // 0 at +z
        for (int s = 0; s <= segments; ++s) {
            const float theta = kTau * float(s) / float(segments);
            const glm::vec3 p(std::sin(phi) * std::cos(theta), std::sin(phi) * std::sin(theta), std::cos(phi));
            addVertex(m, p, p);
        }
    }
    const int row = segments + 1;
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            const std::uint32_t a = std::uint32_t(r * row + s), b = a + 1, c = a + std::uint32_t(row), d = c + 1;
            addTriangle(m, a, c, b);
            addTriangle(m, b, c, d);
        }
    return m;
}

Mesh unitCylinder(int segments) {
    Mesh m;
    for (int i = 0; i <= segments; ++i) {
        const float a = kTau * float(i) / float(segments);
        const glm::vec3 n(std::cos(a), std::sin(a), 0.0f);
        addVertex(m, n, n);
        addVertex(m, n + glm::vec3(0, 0, 1), n);
    }
    for (int i = 0; i < segments; ++i) {
        const std::uint32_t a = std::uint32_t(2 * i), b = a + 1, c = a + 2, d = a + 3;
        addTriangle(m, a, c, b);
        addTriangle(m, b, c, d);
    }
    addDisc(m, 0.0f, false, segments);
    addDisc(m, 1.0f, true, segments);
    return m;
}

Mesh unitCone(int segments) {
    Mesh m;
    // The side's normal leans up by the cone's half-angle (45 degrees for radius 1, height 1).
    for (int i = 0; i <= segments; ++i) {
        const float a = kTau * float(i) / float(segments);
        const glm::vec3 n = glm::normalize(glm::vec3(std::cos(a), std::sin(a), 1.0f));
        addVertex(m, {std::cos(a), std::sin(a), 0.0f}, n);
        addVertex(m, {0.0f, 0.0f, 1.0f}, n);
    }
    for (int i = 0; i < segments; ++i) {
        const std::uint32_t a = std::uint32_t(2 * i), tip = a + 1, c = a + 2;
        addTriangle(m, a, c, tip);
    }
    addDisc(m, 0.0f, false, segments);
    return m;
}

Mesh unitBox() {
    Mesh m;
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        // Two axes across the face, ordered so (u, v, n) is right-handed.
        const glm::vec3 u = std::abs(n.x) > 0.5f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
        const glm::vec3 v = glm::cross(n, u);
        const glm::vec3 c = 0.5f * n;
        const std::uint32_t a = addVertex(m, c - 0.5f * u - 0.5f * v, n);
        const std::uint32_t b = addVertex(m, c + 0.5f * u - 0.5f * v, n);
        const std::uint32_t d = addVertex(m, c + 0.5f * u + 0.5f * v, n);
        const std::uint32_t e = addVertex(m, c - 0.5f * u + 0.5f * v, n);
        addTriangle(m, a, b, d);
        addTriangle(m, a, d, e);
    }
    return m;
}

}  // namespace myomap
