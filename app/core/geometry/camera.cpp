#include "core/geometry/camera.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "core/anatomy/catalog.h"

namespace myomap {

namespace {
constexpr float kPi = 3.14159265358979f;
float presetYaw(ViewPreset p) {
    switch (p) {
        case ViewPreset::Back: return kPi;
        // The subject's right is at -X, so the camera sits on -X to look at the right side.
        case ViewPreset::Right: return -kPi / 2.0f;
        case ViewPreset::Left: return kPi / 2.0f;
        default: return 0.0f;
    }
}
}  // namespace

std::optional<ViewPreset> parseViewPreset(const std::string& text) {
    const std::string t = toLower(text);
    if (t == "front") return ViewPreset::Front;
    if (t == "back") return ViewPreset::Back;
    if (t == "left") return ViewPreset::Left;
    if (t == "right") return ViewPreset::Right;
    return std::nullopt;
}

glm::vec3 OrbitCamera::eye() const {
    const glm::vec3 offset(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
    return target + offset * distance;
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), target, glm::vec3(0.0f, 1.0f, 0.0f)); }

glm::mat4 OrbitCamera::projection(float aspect) const {
    return glm::perspective(fovY, std::max(aspect, 1e-3f), nearPlane, farPlane);
}

void OrbitCamera::frame(const Bounds& bounds, ViewPreset preset, float aspect) {
    setPreset(preset);
    pitch = 0.0f;
    target = bounds.center();
    const glm::vec3 size = bounds.size();
    const float halfHeight = 0.5f * size.y;
    const float halfWidth = 0.5f * std::max(size.x, size.z);
    const float fitHeight = halfHeight / std::tan(fovY * 0.5f);
    const float fitWidth = halfWidth / (std::tan(fovY * 0.5f) * std::max(aspect, 1e-3f));
    // 8% margin so the feet and the crown are not cut by the window edge.
    distance = 1.04f * std::max(fitHeight, fitWidth) + 0.5f * std::max(size.x, size.z) * 0.5f;
}

void OrbitCamera::setPreset(ViewPreset preset) {
    yaw = presetYaw(preset);
    pitch = 0.0f;
}

void OrbitCamera::orbit(float dYaw, float dPitch) {
    yaw = std::remainder(yaw + dYaw, 2.0f * kPi);
    pitch = std::clamp(pitch + dPitch, -1.45f, 1.45f);
}

void OrbitCamera::pan(float dxFraction, float dyFraction) {
    const glm::vec3 forward = glm::normalize(target - eye());
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    const float visible = 2.0f * distance * std::tan(fovY * 0.5f);
    target += (-dxFraction * right + dyFraction * up) * visible;
}

void OrbitCamera::zoom(float factor) { distance = std::clamp(distance * factor, 0.05f, 15.0f); }

std::optional<glm::vec2> OrbitCamera::project(const glm::vec3& world, glm::vec2 viewport) const {
    const glm::vec4 clip = projection(viewport.x / viewport.y) * view() * glm::vec4(world, 1.0f);
    if (clip.w <= 1e-6f) return std::nullopt;
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return glm::vec2((ndc.x * 0.5f + 0.5f) * viewport.x, (1.0f - (ndc.y * 0.5f + 0.5f)) * viewport.y);
}

Ray OrbitCamera::rayThrough(glm::vec2 pixel, glm::vec2 viewport) const {
    const glm::mat4 inv = glm::inverse(projection(viewport.x / viewport.y) * view());
    const float x = 2.0f * pixel.x / viewport.x - 1.0f;
    const float y = 1.0f - 2.0f * pixel.y / viewport.y;
    glm::vec4 nearP = inv * glm::vec4(x, y, -1.0f, 1.0f);
    glm::vec4 farP = inv * glm::vec4(x, y, 1.0f, 1.0f);
    nearP /= nearP.w;
    farP /= farP.w;
    return {glm::vec3(nearP), glm::normalize(glm::vec3(farP - nearP))};
}

}  // namespace myomap
