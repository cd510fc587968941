#include "core/knowledge/movement.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace myomap {
namespace {

constexpr std::array<std::pair<Joint, std::string_view>, 15> kJoints{{
    {Joint::Jaw, "jaw"}, {Joint::Neck, "neck"}, {Joint::UpperBack, "upper_back"}, {Joint::LowBack, "low_back"},
    {Joint::ShoulderBlade, "shoulder_blade"}, {Joint::Shoulder, "shoulder"}, {Joint::Elbow, "elbow"},
    {Joint::Forearm, "forearm"}, {Joint::Wrist, "wrist"}, {Joint::Fingers, "fingers"}, {Joint::Thumb, "thumb"},
    {Joint::Hip, "hip"}, {Joint::Knee, "knee"}, {Joint::Ankle, "ankle"}, {Joint::Toes, "toes"},
}};

constexpr std::array<std::pair<Motion, std::string_view>, 24> kMotions{{
    {Motion::Flexion, "flexion"}, {Motion::Extension, "extension"}, {Motion::Abduction, "abduction"},
    {Motion::Adduction, "adduction"}, {Motion::MedialRotation, "medial_rotation"},
    {Motion::LateralRotation, "lateral_rotation"}, {Motion::HorizontalAbduction, "horizontal_abduction"},
    {Motion::HorizontalAdduction, "horizontal_adduction"}, {Motion::Pronation, "pronation"},
    {Motion::Supination, "supination"}, {Motion::Dorsiflexion, "dorsiflexion"},
    {Motion::Plantarflexion, "plantarflexion"}, {Motion::Inversion, "inversion"}, {Motion::Eversion, "eversion"},
    {Motion::Protraction, "protraction"}, {Motion::Retraction, "retraction"}, {Motion::Elevation, "elevation"},
    {Motion::Depression, "depression"}, {Motion::RadialDeviation, "radial_deviation"},
    {Motion::UlnarDeviation, "ulnar_deviation"}, {Motion::Rotation, "rotation"},
    {Motion::LateralFlexion, "lateral_flexion"}, {Motion::Opening, "opening"}, {Motion::Protrusion, "protrusion"},
}};

/// The motions each joint has (anatomical convention, Gray's).
std::vector<Motion> motionsOf(Joint joint) {
    using M = Motion;
    switch (joint) {
        case Joint::Jaw: return {M::Opening, M::Protrusion, M::Retraction};
        case Joint::Neck:
        case Joint::UpperBack:
        case Joint::LowBack: return {M::Flexion, M::Extension, M::Rotation, M::LateralFlexion};
        case Joint::ShoulderBlade: return {M::Protraction, M::Retraction, M::Elevation, M::Depression};
        case Joint::Shoulder:
            return {M::Flexion, M::Extension, M::Abduction, M::Adduction, M::MedialRotation, M::LateralRotation,
                    M::HorizontalAbduction, M::HorizontalAdduction};
        case Joint::Elbow:
        case Joint::Knee: return {M::Flexion, M::Extension};
        case Joint::Forearm: return {M::Pronation, M::Supination};
        case Joint::Wrist: return {M::Flexion, M::Extension, M::RadialDeviation, M::UlnarDeviation};
        case Joint::Fingers:
        case Joint::Thumb: return {M::Flexion, M::Extension, M::Abduction, M::Adduction};
        case Joint::Hip:
            return {M::Flexion, M::Extension, M::Abduction, M::Adduction, M::MedialRotation, M::LateralRotation};
        case Joint::Ankle: return {M::Dorsiflexion, M::Plantarflexion, M::Inversion, M::Eversion};
        case Joint::Toes: return {M::Flexion, M::Extension, M::Abduction, M::Adduction};
    }
    return {};
}

bool isUpperLimb(Joint j) { return j >= Joint::ShoulderBlade && j <= Joint::Thumb; }

/// What moves, in plain words, without the side: "bring the arm across the chest".
std::string phrase(Joint j, Motion m) {
    const bool arm = isUpperLimb(j);
    const std::string limb = arm ? "arm" : "leg";
    switch (m) {
        case Motion::Flexion:
            switch (j) {
                case Joint::Neck: return "bend the head forward, chin to chest";
                case Joint::UpperBack:
                case Joint::LowBack: return "round the back, bending forward";
                case Joint::Shoulder: return "raise the arm forward and up";
                case Joint::Elbow: return "bend the elbow";
                case Joint::Wrist: return "bend the wrist toward the palm";
                case Joint::Fingers: return "curl the fingers";
                case Joint::Thumb: return "bend the thumb across the palm";
                case Joint::Hip: return "bring the knee up toward the chest";
                case Joint::Knee: return "bend the knee";
                case Joint::Toes: return "curl the toes down";
                default: return "bend it";
            }
        case Motion::Extension:
            switch (j) {
                case Joint::Neck: return "tip the head back";
                case Joint::UpperBack:
                case Joint::LowBack: return "arch the back";
                case Joint::Shoulder: return "take the arm back behind you";
                case Joint::Elbow: return "straighten the elbow";
                case Joint::Wrist: return "bend the wrist back";
                case Joint::Fingers: return "bend the fingers back";
                case Joint::Thumb: return "pull the thumb back";
                case Joint::Hip: return "take the leg back behind you";
                case Joint::Knee: return "straighten the knee";
                case Joint::Toes: return "pull the toes up";
                default: return "straighten it";
            }
        case Motion::Abduction:
            if (j == Joint::Fingers) return "spread the fingers";
            if (j == Joint::Toes) return "spread the big toe away from the others";
            if (j == Joint::Thumb) return "move the thumb away from the palm";
            return "move the " + limb + " out to the side";
        case Motion::Adduction:
            if (j == Joint::Fingers) return "bring the fingers together";
            if (j == Joint::Toes) return "bring the big toe in toward the others";
            if (j == Joint::Thumb) return "bring the thumb in to the palm";
            return arm ? "bring the arm in across the body" : "bring the leg in across the other leg";
        case Motion::MedialRotation: return "turn the " + limb + " inward";
        case Motion::LateralRotation: return "turn the " + limb + " outward";
        case Motion::HorizontalAbduction: return "open the arm back at shoulder height";
        case Motion::HorizontalAdduction: return "bring the arm across the chest";
        case Motion::Pronation: return "turn the palm down";
        case Motion::Supination: return "turn the palm up";
        case Motion::Dorsiflexion: return "pull the foot up toward the shin";
        case Motion::Plantarflexion: return "point the foot down";
        case Motion::Inversion: return "turn the sole inward";
        case Motion::Eversion: return "turn the sole outward";
        case Motion::Protraction: return "reach the shoulder blade forward";
        case Motion::Retraction: return j == Joint::Jaw ? "draw the lower jaw back" : "squeeze the shoulder blade back";
        case Motion::Elevation: return "lift the shoulder";
        case Motion::Depression: return "draw the shoulder down";
        case Motion::RadialDeviation: return "bend the wrist toward the thumb";
        case Motion::UlnarDeviation: return "bend the wrist toward the little finger";
        case Motion::Rotation: return j == Joint::Neck ? "turn the head toward the" : "turn the trunk toward the";
        case Motion::LateralFlexion: return j == Joint::Neck ? "tip the head toward the" : "bend the trunk toward the";
        case Motion::Opening: return "open the mouth";
        case Motion::Protrusion: return "push the lower jaw forward";
    }
    return {};
}

std::string_view jointNoun(Joint j) {
    switch (j) {
        case Joint::ShoulderBlade: return "shoulder blade";
        case Joint::Fingers: return "hand";
        default: return jointName(j);
    }
}

std::string capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace

std::string_view jointName(Joint joint) {
    for (const auto& [j, name] : kJoints)
        if (j == joint) return name;
    return {};
}

std::string_view motionName(Motion motion) {
    for (const auto& [m, name] : kMotions)
        if (m == motion) return name;
    return {};
}

std::optional<Joint> jointFromName(std::string_view name) {
    for (const auto& [j, n] : kJoints)
        if (n == name) return j;
    return std::nullopt;
}

std::optional<Motion> motionFromName(std::string_view name) {
    for (const auto& [m, n] : kMotions)
        if (n == name) return m;
    return std::nullopt;
}

bool isAxial(Joint joint) { return joint <= Joint::LowBack; }

bool motionHasDirection(Motion motion) { return motion == Motion::Rotation || motion == Motion::LateralFlexion; }

std::string motionProblem(const JointMovement& movement) {
    const std::vector<Motion> allowed = motionsOf(movement.joint);
    if (std::find(allowed.begin(), allowed.end(), movement.motion) == allowed.end()) {
        std::string list;
        for (Motion m : allowed) list += std::string(list.empty() ? "" : ", ") + std::string(motionName(m));
        return "the " + std::string(jointName(movement.joint)) + " has no " + std::string(motionName(movement.motion)) +
               " (it has: " + list + ")";
    }
    if (motionHasDirection(movement.motion) && !movement.toward)
        return std::string(motionName(movement.motion)) + " needs 'toward: sore' or 'toward: other'";
    if (!motionHasDirection(movement.motion) && movement.toward)
        return "'toward' is only for rotation and lateral_flexion";
    return {};
}

std::string describeMovement(const JointMovement& movement, std::string_view soreWord, std::string_view otherWord) {
    std::string text = phrase(movement.joint, movement.motion);
    if (movement.toward) {
        const std::string_view word = *movement.toward == RelativeSide::Other ? otherWord : soreWord;
        text += " " + std::string(word) + (movement.joint == Joint::Neck && movement.motion == Motion::LateralFlexion ? " shoulder" : "");
    }
    if (isAxial(movement.joint)) return capitalised(text);
    const std::string whose = movement.side == RelativeSide::Both  ? std::string("each")
                              : movement.side == RelativeSide::Other ? std::string(otherWord)
                                                                     : std::string(soreWord);
    return capitalised(whose) + " " + std::string(jointNoun(movement.joint)) + ": " + text;
}

}  // namespace myomap
