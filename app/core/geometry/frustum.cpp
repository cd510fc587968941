#include "core/geometry/frustum.h"

#include <glm/geometric.hpp>

namespace myomap {

Frustum::Frustum(const glm::mat4& m) {
    // Each plane is the fourth row of the matrix plus or minus one of the others
    // (Gribb and Hartmann); glm is column-major, so row i is (m[0][i], m[1][i], m[2][i], m[3][i]).
    auto row = [&](int i) { return glm::vec4(m[0][i], m[1][i], m[2][i], m[3][i]); };
    const glm::vec4 w = row(3);
    for (int axis = 0; axis < 3; ++axis) {
        planes_[2 * axis] = w + row(axis);
        planes_[2 * axis + 1] = w - row(axis);
    }
}

bool Frustum::excludes(const Bounds& box) const {
    if (box.isEmpty()) return true;
    for (const glm::vec4& p : planes_) {
        // The box corner farthest along the plane's normal: if even it is outside, all are.
        const glm::vec3 far(p.x >= 0.0f ? box.max.x : box.min.x, p.y >= 0.0f ? box.max.y : box.min.y,
                            p.z >= 0.0f ? box.max.z : box.min.z);
        if (glm::dot(glm::vec3(p), far) + p.w < 0.0f) return true;
    }
    return false;
}

}  // namespace myomap
