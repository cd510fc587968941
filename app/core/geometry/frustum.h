#pragma once
// The six planes of a camera's view volume, to leave out objects that cannot reach the
// picture before they cost the renderer anything.

#include <array>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "core/geometry/mesh.h"

namespace myomap {

class Frustum {
public:
    /// From a projection times view matrix (OpenGL clip space, -w <= x, y, z <= w).
    explicit Frustum(const glm::mat4& viewProjection);

    /// True when the box lies wholly outside one of the planes, so nothing of it can be
    /// seen. Conservative: a box beside a corner of the volume may be kept.
    bool excludes(const Bounds& box) const;

private:
    std::array<glm::vec4, 6> planes_;  ///< (normal, offset), inside where dot >= 0
};

}  // namespace myomap
