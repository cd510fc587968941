#include "core/session/view_focus.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace myomap {

namespace {
constexpr float kPi = 3.14159265358979f;

/// Keeps a near-level view: people read body charts from the front, not from above.
CameraPose facing(const glm::vec3& target, const glm::vec3& direction, float distance) {
    return lookingAlong(target, direction, distance, 0.45f);
}
}  // namespace

CameraPose lookingAlong(const glm::vec3& target, glm::vec3 direction, float distance, float maxPitch) {
    if (glm::length(direction) < 1e-4f) direction = glm::vec3(0.0f, 0.0f, 1.0f);
    direction = glm::normalize(direction);
    CameraPose p;
    p.target = target;
    p.yaw = std::atan2(direction.x, direction.z);
    p.pitch = std::clamp(std::asin(std::clamp(direction.y, -1.0f, 1.0f)), -maxPitch, maxPitch);
    p.distance = distance;
    return p;
}

std::optional<FocusMode> parseFocusMode(const std::string& text) {
    if (text == "pain") return FocusMode::Pain;
    if (text == "knot") return FocusMode::Knot;
    return std::nullopt;
}

std::optional<CameraPose> focusPose(const ReferralPattern& pattern, FocusMode mode, const glm::vec3& knotNormal, float fovY) {
    if (pattern.empty()) return std::nullopt;
    if (mode == FocusMode::Knot || pattern.blobs.empty()) return facing(pattern.knots.front().position, knotNormal, 0.75f);
    glm::vec3 direction(0.0f), centre(0.0f);
    float weight = 0.0f;
    for (const auto& b : pattern.blobs) {
        // Essential zones weigh more than spillover, and big blobs more than small ones.
        const float w = (b.essential ? 2.0f : 1.0f) * b.radius * b.radius;
        direction += w * b.normal;
        centre += w * b.center;
        weight += w;
    }
    centre /= weight;
    // Frame every zone, spillover included, with a margin for the body around it.
    float extent = 0.0f;
    for (const auto& b : pattern.blobs) extent = std::max(extent, glm::distance(b.center, centre) + b.radius);
    const float distance = std::clamp(1.3f * extent / std::tan(0.5f * fovY), 0.7f, 2.6f);
    return facing(centre, direction, distance);
}

float patternFacing(const ReferralPattern& pattern, const glm::vec3& direction) {
    float sum = 0.0f;
    for (const auto& b : pattern.blobs)
        sum += (b.essential ? 2.0f : 1.0f) * b.radius * b.radius * std::max(0.0f, glm::dot(b.normal, direction));
    return sum;
}

std::optional<CameraPose> chartPose(const ReferralPattern& pattern, const glm::vec3& direction, float fovY) {
    if (pattern.empty()) return std::nullopt;
    Bounds box;
    for (const auto& k : pattern.knots) box.add(k.position);
    for (const auto& b : pattern.blobs) {
        box.add(b.center - glm::vec3(b.radius));
        box.add(b.center + glm::vec3(b.radius));
    }
    const glm::vec3 size = box.size();
    const float extent = 0.5f * std::max(size.x, size.y);
    const float distance = std::clamp(1.25f * extent / std::tan(0.5f * fovY), 0.5f, 2.6f);
    // Straight along the direction: facing() would tilt toward it, and a chart is level.
    CameraPose p = facing(box.center(), glm::vec3(direction.x, 0.0f, direction.z), distance);
    p.pitch = 0.0f;
    return p;
}

void applyPose(OrbitCamera& camera, const CameraPose& pose) {
    camera.target = pose.target;
    camera.yaw = pose.yaw;
    camera.pitch = pose.pitch;
    camera.distance = pose.distance;
}

CameraPose poseOf(const OrbitCamera& camera) { return {camera.target, camera.yaw, camera.pitch, camera.distance}; }

CameraPose blendPoses(const CameraPose& a, const CameraPose& b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const float s = t * t * (3.0f - 2.0f * t);
    float dYaw = std::remainder(b.yaw - a.yaw, 2.0f * kPi);
    CameraPose p;
    p.target = a.target + (b.target - a.target) * s;
    p.yaw = a.yaw + dYaw * s;
    p.pitch = a.pitch + (b.pitch - a.pitch) * s;
    p.distance = a.distance + (b.distance - a.distance) * s;
    return p;
}

}  // namespace myomap
