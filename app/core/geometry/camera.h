#pragma once
// Orbit camera maths: a target point, yaw/pitch around it and a distance. GL-free, so
// tests can check projections and rays without a context.

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>
#include <string>

#include "core/geometry/mesh.h"

namespace myomap {

enum class ViewPreset { Front, Back, Left, Right };

/// Parses front/back/left/right (case-insensitive).
std::optional<ViewPreset> parseViewPreset(const std::string& text);

/// A ray in world space; `direction` is unit length.
struct Ray {
    glm::vec3 origin;
    glm::vec3 direction;
};

class OrbitCamera {
public:
    glm::vec3 target{0.0f, 0.85f, 0.0f};
    float yaw = 0.0f;    ///< radians; 0 looks at the body's front (camera on +Z)
    float pitch = 0.0f;  ///< radians, positive looks down from above
    float distance = 2.5f;
    float fovY = 0.6f;   ///< vertical field of view, radians
    float nearPlane = 0.01f;
    float farPlane = 20.0f;

    glm::vec3 eye() const;
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;

    /// Frames `bounds` from the given preset so all of it fits the viewport.
    void frame(const Bounds& bounds, ViewPreset preset, float aspect);
    /// Turns to a preset keeping target and distance.
    void setPreset(ViewPreset preset);

    void orbit(float dYaw, float dPitch);
    /// Moves the target in the view plane by a fraction of the visible height.
    void pan(float dxFraction, float dyFraction);
    /// Multiplies the distance (factor < 1 moves closer), within sane limits.
    void zoom(float factor);

    /// Projects a world point to window pixels (origin top-left); nullopt when behind the camera.
    std::optional<glm::vec2> project(const glm::vec3& world, glm::vec2 viewport) const;
    /// The ray through a window pixel (origin top-left).
    Ray rayThrough(glm::vec2 pixel, glm::vec2 viewport) const;
};

}  // namespace myomap
