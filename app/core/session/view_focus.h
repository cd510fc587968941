#pragma once
// Where the camera goes to show a pattern: toward the side of the body where the pain
// mostly lies ("show the pain"), or facing the knot on its muscle ("show the knot").

#include <optional>
#include <string>

#include "core/geometry/camera.h"
#include "core/clinical/referral_pattern.h"

namespace myomap {

enum class FocusMode { Pain, Knot };

std::optional<FocusMode> parseFocusMode(const std::string& text);  ///< "pain" or "knot"

/// A camera pose: target, yaw, pitch and distance.
struct CameraPose {
    glm::vec3 target{0.0f};
    float yaw = 0.0f, pitch = 0.0f, distance = 1.0f;
};

/// The pose that shows the pattern. `knotNormal` is the muscle's outward normal at the
/// (first) knot, used by FocusMode::Knot. Returns nullopt for an empty pattern.
std::optional<CameraPose> focusPose(const ReferralPattern& pattern, FocusMode mode, const glm::vec3& knotNormal, float fovY);

/// A close-up of the pattern seen straight along -`direction` (from the front: +Z), as a
/// chart's figures: the camera looks at the middle of the zones (and knots) from that side
/// and frames them all. Returns nullopt for an empty pattern.
std::optional<CameraPose> chartPose(const ReferralPattern& pattern, const glm::vec3& direction, float fovY);

/// How much of the pattern's zone area faces `direction` (a unit vector): to choose the
/// views a printed chart shows.
float patternFacing(const ReferralPattern& pattern, const glm::vec3& direction);

/// A pose looking at `target` from `distance` along -`direction` (from the front: +Z), the
/// pitch limited to +-`maxPitch` radians. A zero direction looks from the front.
CameraPose lookingAlong(const glm::vec3& target, glm::vec3 direction, float distance, float maxPitch);

/// Applies a pose to a camera.
void applyPose(OrbitCamera& camera, const CameraPose& pose);

/// Interpolates between poses (t in 0..1, eased), turning yaw the short way round.
CameraPose blendPoses(const CameraPose& from, const CameraPose& to, float t);

CameraPose poseOf(const OrbitCamera& camera);

}  // namespace myomap
