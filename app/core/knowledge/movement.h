#pragma once
// How a stretch moves the body, as data: which joint, which anatomical motion, whose limb
// and, for the spine and neck, toward which side. The picture of a stretch is drawn from it
// (an arrow about the joint), and the same data can later pose the body.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap {

enum class Joint {
    Jaw, Neck, UpperBack, LowBack,                                      // axial: no side
    ShoulderBlade, Shoulder, Elbow, Forearm, Wrist, Fingers, Thumb,    // upper limb
    Hip, Knee, Ankle, Toes,                                             // lower limb
};

enum class Motion {
    Flexion, Extension, Abduction, Adduction, MedialRotation, LateralRotation,
    HorizontalAbduction, HorizontalAdduction, Pronation, Supination, Dorsiflexion,
    Plantarflexion, Inversion, Eversion, Protraction, Retraction, Elevation, Depression,
    RadialDeviation, UlnarDeviation, Rotation, LateralFlexion, Opening, Protrusion,
};

/// A side named relative to the selection, so one entry serves both sides.
enum class RelativeSide { Sore, Other, Both };

/// One component of a stretch's movement.
struct JointMovement {
    Joint joint = Joint::Neck;
    Motion motion = Motion::Flexion;
    /// Whose limb moves (limb joints only).
    RelativeSide side = RelativeSide::Sore;
    /// Which way the head or trunk turns or bends (rotation and lateral flexion only).
    std::optional<RelativeSide> toward;
    int line = 0;
};

/// The YAML name ("shoulder_blade", "horizontal_adduction"), and back.
std::string_view jointName(Joint joint);
std::string_view motionName(Motion motion);
std::optional<Joint> jointFromName(std::string_view name);
std::optional<Motion> motionFromName(std::string_view name);

/// Jaw, neck and spine: they have no side, and only they rotate or bend sideways.
bool isAxial(Joint joint);
/// Rotation and lateral flexion: the motion needs `toward`.
bool motionHasDirection(Motion motion);
/// Whether the motion exists at the joint (no knee abduction, no wrist rotation); an empty
/// string when it does, otherwise why not.
std::string motionProblem(const JointMovement& movement);

/// Plain words for a picture's caption, with the side words already chosen for the
/// selection: "Bend the neck toward the left", "Right shoulder: bring the arm across the body".
std::string describeMovement(const JointMovement& movement, std::string_view soreWord, std::string_view otherWord);

}  // namespace myomap
