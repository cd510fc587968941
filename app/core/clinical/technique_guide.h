#pragma once
// Pictures of a technique on the body, as shapes for the renderer: for a self-massage the
// tool at the knot (ball, foam roller, fingers), the wall or floor it presses against and
// arrows for the pressure or the rolling; for a stretch an arrow about the joint showing
// which way the body part moves. With a camera pose that shows them and a caption.

#include <optional>
#include <string>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/anatomy/catalog.h"
#include "core/geometry/bvh.h"
#include "core/knowledge/knowledge_base.h"
#include "core/session/view_focus.h"

namespace myomap {

/// A unit primitive placed by `transform`: a sphere of radius 1 at the origin, a cylinder or
/// cone of radius 1 from z = 0 to z = 1 (the cone's tip at z = 1), or a cube from -0.5 to 0.5.
struct GuideShape {
    enum class Kind { Sphere, Cylinder, Cone, Box };
    Kind kind = Kind::Sphere;
    glm::mat4 transform{1.0f};
    glm::vec4 color{1.0f};  ///< alpha below 1 draws it see-through (a wall)
    /// Drawn over the body (arrows): a diagram mark that must never hide behind a limb.
    bool onTop = false;
};

/// Which technique of the selected entry is shown on the body.
struct TechniqueRef {
    enum class Kind { SelfMassage, Stretch };
    Kind kind = Kind::SelfMassage;
    int index = 0;  ///< into the entry's self_massage or stretches
    bool operator==(const TechniqueRef& o) const { return kind == o.kind && index == o.index; }
    bool operator!=(const TechniqueRef& o) const { return !(*this == o); }
};

struct TechniqueGuide {
    std::vector<GuideShape> shapes;
    CameraPose pose;      ///< a view that shows the shapes and the muscle
    std::string caption;  ///< "Tennis ball against a wall: lean in and hold"
};

/// The picture of self-massage `technique` of `entry` on `side`, at knot `knot` (its
/// position on that side). `skin` gives the surface the tool sits on; `muscleAxis` is the
/// muscle's long direction near the knot (the way a roller rolls). Null when the technique
/// lacks its set-up data (`against`, `stroke`).
std::optional<TechniqueGuide> massageGuide(const SelfMassage& technique, Side side, const glm::vec3& knotOnSide,
                                           const MeshBvh& skin, const glm::vec3& muscleAxis, float fovY);

/// The picture of `stretch` on `side`: its main movement as an arrow about the joint (the
/// joint centres come from `kb`). Null when the stretch has no movement data or its joint
/// has no centre.
std::optional<TechniqueGuide> stretchGuide(const Stretch& stretch, Side side, const KnowledgeBase& kb, float fovY);

/// The guide for `ref` of `entry` on `side` at knot index `knot` (-1: the first knot the
/// technique works on), finding the skin and muscle geometry in the given BVHs. Null when
/// there is nothing to draw.
std::optional<TechniqueGuide> techniqueGuide(const KnowledgeEntry& entry, const TechniqueRef& ref, Side side, int knot,
                                             const KnowledgeBase& kb, const MeshBvh& skin, const Mesh* muscle, float fovY);

/// The direction a set of points spreads most along (unit; +Y when they do not spread).
glm::vec3 principalAxis(const std::vector<glm::vec3>& points);

}  // namespace myomap
