#pragma once
// What to draw, decided once from the app state: the one place where visibility and colour
// rules live. The renderer draws a DrawList and never sees the app state; the UI draws the
// knot markers and the legend from the same list.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/anatomy/pack.h"
#include "core/clinical/referral_pattern.h"
#include "core/clinical/skin_map.h"
#include "core/clinical/technique_guide.h"
#include "core/geometry/camera.h"
#include "core/session/app_state.h"
#include "core/session/picking.h"

namespace myomap {

enum class DrawPass {
    Opaque,           ///< muscles and bones, depth-tested, back faces culled
    TranslucentSkin,  ///< x-ray skin, blended over everything, near surface only
    OpaqueSkin,       ///< skin the user made solid
};

/// One pack object to draw.
struct DrawItem {
    std::size_t object = 0;  ///< index into Pack::objects
    DrawPass pass = DrawPass::Opaque;
    glm::vec4 color{1.0f};
    float highlight = 0.0f;  ///< 0 none .. 1 full highlight colour
    glm::vec3 highlightColor{1.0f};
    bool painted = false;  ///< carries the referral paint (the skin)
    /// Lies on another surface (an attachment patch on its bone): drawn two-sided and pulled
    /// toward the eye, so the bone under it does not show through.
    bool decal = false;
    /// Also drawn faintly where something hides it, so a patch in a joint or behind a bone
    /// is still found (the selected muscle's attachments).
    bool showThrough = false;
    /// Only the triangles that can be seen from outside the body (PackObject::shell): right
    /// while muscles and bones are both drawn, since each hides the other's inner parts.
    bool shellOnly = false;
};

/// A knot marker: where it is, where it lands in the scene viewport, and how it shows.
struct DrawMarker {
    glm::vec3 position{0.0f};
    glm::vec2 screen{0.0f};  ///< window coordinates relative to the scene viewport
    int knot = 0;
    bool occluded = false;  ///< behind the body from this view: drawn faded
    bool small = false;     ///< many candidates' knots at once (pain finder)
    std::string label;      ///< "1", "2" ... or empty
};

/// Which side of the screen is the patient's right or left: body maps show most of their
/// errors there, so the view says it whenever a pattern or a drawing is shown.
struct SideLabel {
    glm::vec2 screen{0.0f};  ///< anchor in window coordinates relative to the scene viewport
    float align = 0.0f;      ///< 0 the text starts at the anchor, 0.5 centred, 1 ends there
    std::string text;        ///< "Patient's right", "Patient's left side (seen from that side)"
};

/// A callout naming a zone on the body in plain words ("temple"), shown in presentation
/// mode. The list is in order of importance; the UI drops any that would cover another.
struct ZoneLabel {
    glm::vec2 screen{0.0f};  ///< the zone's point, window coordinates relative to the scene viewport
    std::string text;
    bool essential = true;
};

enum class LegendKind { Knot, EssentialZone, SpilloverZone, Origin, Insertion };

/// Attachment colours, as atlases paint them: origins red, insertions blue. The legend
/// swatches use the same values.
inline constexpr glm::vec3 kOriginColor{0.80f, 0.12f, 0.12f};
inline constexpr glm::vec3 kInsertionColor{0.14f, 0.36f, 0.86f};

struct LegendEntry {
    LegendKind kind;
    std::string text;
};

struct DrawList {
    std::vector<DrawItem> items;   ///< in draw order: opaque near-first, then the skin
    std::size_t outsideView = 0;   ///< objects left out because they lie wholly outside the view
    /// The referral zones and the pain drawing, per skin vertex, painted on `painted` items.
    std::shared_ptr<const SkinPaint> paint;
    std::vector<DrawMarker> markers;
    std::vector<LegendEntry> legend;
    std::vector<SideLabel> sideLabels;
    std::vector<ZoneLabel> zoneLabels;
    /// The shown technique: its tool, surface and arrows, and a caption.
    std::vector<GuideShape> guides;
    std::string guideCaption;

    /// The item drawing `object`, or nullptr when it is hidden.
    const DrawItem* find(std::size_t object) const;
};

struct DrawListInputs {
    const Pack& pack;
    const AppState& state;
    LayerVisibility layers;          ///< effective layers (x-ray skin while a pattern shows)
    const ReferralPattern& pattern;  ///< knots and zones to show; may be empty
    std::shared_ptr<const SkinPaint> paint;  ///< the skin's paint; may be null
    const OrbitCamera& camera;
    glm::vec2 viewportSize{1.0f};
    /// Tests whether a knot is hidden behind the body; null skips the test.
    const ScenePicker* picker = nullptr;
    /// The technique shown on the body; null for none.
    const TechniqueGuide* guide = nullptr;
};

DrawList buildDrawList(const DrawListInputs& in);

/// Atlas colour of a muscle: red with a small, stable per-muscle variation.
glm::vec3 muscleColor(const std::string& muscleId);

/// True for objects the user can see and pick with these (effective) layers.
bool isPickable(const PackObject& object, const LayerVisibility& layers);

}  // namespace myomap
