#pragma once
// The rules of the viewer, GL-free: the one entry point for input in scene terms (click,
// hover, drag, scroll, key, panel requests). It routes a click by mode (select, knot
// marker, pain finder, author), keeps the x-ray-skin rule, rebuilds the referral pattern
// when what it shows changed (counted by a revision), and owns the camera and its intents
// (a glide to a pattern or a muscle, cancelled by any drag). AppState changes only here.
//
// Where a click goes: Interaction::click. Where a pattern comes from: rebuildPattern, which
// calls buildReferralPattern (clinical/referral_pattern.h) or the pain finder.

#include <cstdint>
#include <array>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy/pack.h"
#include "core/clinical/pain_finder.h"
#include "core/clinical/referral_pattern.h"
#include "core/clinical/skin_map.h"
#include "core/geometry/camera.h"
#include "core/knowledge/knowledge_base.h"
#include "core/session/app_state.h"
#include "core/session/draw_list.h"
#include "core/session/picking.h"
#include "core/session/ui_requests.h"
#include "core/session/view_focus.h"

namespace myomap {

/// Keyboard commands, already mapped from keys by the window layer.
enum class KeyAction {
    OrbitLeft, OrbitRight, OrbitUp, OrbitDown, ZoomIn, ZoomOut, ViewFront, ViewBack, ViewLeft, ViewRight, FrameAll, ClearSelection,
    NextKnot, PreviousKnot, NextMuscle, PreviousMuscle, ResetView  ///< presenter keys
};

enum class DragButton { Left, Right, Middle };

/// What a click did, for the caller to show (authoring points are printed by the viewer).
struct ClickOutcome {
    enum class Kind { Nothing, Selected, Cleared, KnotToggled, SpotAdded } kind = Kind::Nothing;
    std::string authorText;  ///< muscle and skin points under the click, in author mode
};

class Interaction {
public:
    /// `pack`, `knowledge`, `picker` and `catalog` must outlive the interaction.
    Interaction(const Pack& pack, const KnowledgeBase& knowledge, const ScenePicker& picker, const Catalog& catalog);

    const AppState& state() const { return state_; }
    const OrbitCamera& camera() const { return camera_; }
    const ReferralPattern& pattern() const { return pattern_; }
    const std::vector<PainCandidate>& candidates() const { return candidates_; }
    /// The layers as drawn: while a pattern shows, a hidden or opaque skin becomes x-ray so
    /// the muscle, its knots and the painted skin show at once. The user's own setting
    /// (state().layers) is never changed by this, so it comes back when the pattern goes.
    /// Showing attachments shows the bones and hides the muscles (and a solid skin).
    LayerVisibility effectiveLayers() const;
    /// What to draw now (cached until something changes).
    const DrawList& drawList() const;

    /// One half of the front-and-back view: its camera, framing the pattern (or the body)
    /// from its side, and what to draw there.
    struct ChartHalf {
        OrbitCamera camera;
        DrawList list;
    };
    /// The front and the back half, left to right; empty unless state().frontAndBack.
    /// Each half is half the scene viewport wide.
    const std::vector<ChartHalf>& chartHalves() const;

    /// Bumps on every change that alters the picture or the panel.
    std::uint64_t revision() const { return revision_; }
    /// Bumps each time the referral pattern (or the finder's candidates) is rebuilt.
    std::uint64_t patternRevision() const { return patternRevision_; }
    /// The skin map (null without a skin in the pack).
    /// The skin map (waits for its build the first time); null when the pack has no skin.
    const SkinMap* skinMap() const { return readySkinMap(); }
    /// The pain finder, built on first use (null without a skin).
    const PainFinder* painFinder() const;

    /// The scene viewport's size in window coordinates (picking and markers use it).
    void setViewportSize(glm::vec2 size);
    glm::vec2 viewportSize() const { return viewport_; }
    /// Camera moves jump to their end (screenshots, plans, tests) instead of gliding.
    void setInstantCamera(bool instant) { instantCamera_ = instant; }
    void setAuthorMode(bool on) { authorMode_ = on; }
    /// Frames the whole body from a preset (start-up, "Whole body").
    void frameBody(ViewPreset preset);
    /// Puts the camera at a saved pose (the last view of the previous run).
    void setPose(const CameraPose& pose);

    /// A click at `pixel`, window coordinates relative to the scene viewport.
    ClickOutcome click(glm::vec2 pixel);
    /// True when a left drag paints the pain drawing instead of turning the body.
    bool brushPaints() const { return paintingQuiz() || (state_.painFinder && state_.brush.on); }
    /// A study "paint it" question waits for its painting (the brush paints for it, not
    /// for the pain drawing).
    bool paintingQuiz() const { return state_.study && state_.study->awaitsPainting(); }
    /// The brush touches the skin under `pixel`: `startStroke` on the press, then once per
    /// move while the button is held (dabs are filled in between fast moves).
    void brushAt(glm::vec2 pixel, bool startStroke);
    /// The button is up: the stroke is finished and the candidates are ranked again.
    void endStroke();
    void hover(glm::vec2 pixel);
    void hoverNothing();
    /// A drag by `delta` window pixels: left turns, right or middle moves; cancels a glide.
    void drag(DragButton button, glm::vec2 delta);
    /// Wheel steps (positive zooms in); cancels a glide.
    void scroll(float steps);
    void key(KeyAction action);
    void apply(const UiRequests& requests);
    void notify(const std::string& message);

    /// Moves a glide on to time `now` (seconds); call once per frame before drawing.
    void advance(double now);
    /// True while the camera glides (the window keeps drawing).
    bool animating() const { return glide_.has_value(); }

private:
    std::optional<PickResult> pickMuscle(glm::vec2 pixel) const;
    MuscleRef muscleAt(glm::vec2 pixel) const;
    int markerAt(glm::vec2 pixel) const;
    void select(const MuscleRef& ref);
    void setKnot(int knot);
    /// Shows `ref` of the selected entry on the body and turns to it; nullopt hides it.
    void showTechnique(const std::optional<TechniqueRef>& ref);
    /// Study mode: answers the current question and saves the progress.
    void answerQuestion(const std::string& answer, Side side);
    /// Shows the current question on the body (the highlighted muscle, the painted zone).
    void showQuestion();
    void addStroke(Stroke stroke);
    /// Marks (or erases) a dab's skin vertices in `mask`.
    void applyDab(const Dab& dab, bool erase, std::vector<std::uint8_t>& mask);
    /// Scores the "paint it" painting and shows the right pattern over it.
    void checkPainting();
    /// Counts the current question's answer, files a miss for review and saves the progress
    /// (a failed save becomes a notice).
    void recordAnswer(bool right);
    /// Recomputes the drawing's vertices and the paint from the strokes (undo, open, clear).
    void redrawDrawing();
    void rankCandidates();
    void savePaint();
    void glideTo(const CameraPose& pose);
    void glideToMuscle(const MuscleRef& ref);
    /// Frames a muscle with its attachments, from outside the body on its side.
    void glideToAttachments(const MuscleRef& ref);
    /// Rebuilds the pattern when what it shows changed; `turnCamera` aims the camera at it.
    void rebuildPattern(bool turnCamera);
    void changed() { ++revision_; }
    std::string authoringPoints(glm::vec2 pixel) const;

    const Pack& pack_;
    const KnowledgeBase& knowledge_;
    const Catalog& catalog_;
    const ScenePicker& picker_;
    int skinObject_ = -1;
    /// What the skin map's background build hands over.
    struct SkinSetup {
        std::unique_ptr<SkinMap> map;
        std::array<std::vector<std::uint32_t>, 2> lodVertices;
    };
    /// The skin map, waiting for its build the first time (and then sizing what depends on it).
    SkinMap* readySkinMap() const;
    // Filled in by readySkinMap() on first use, from whichever call needs the map first.
    mutable std::future<SkinSetup> skinBuild_;
    mutable std::unique_ptr<SkinMap> skinMap_;
    mutable std::unique_ptr<PainFinder> finder_;  // built on first use: it fields every zone
    std::shared_ptr<SkinPaint> paint_;
    mutable std::vector<glm::vec3> zonePaint_;     // the pattern's part of the paint (x, y)
    mutable std::vector<std::uint8_t> drawnMask_;  // per skin map vertex
    mutable std::vector<std::uint8_t> quizMask_;   // per skin map vertex: the "paint it" painting
    std::vector<std::uint8_t> compareMask_;  // the earlier drawing's, when one is compared
    std::optional<glm::vec3> lastDab_;
    bool stroking_ = false;
    AppState state_;
    OrbitCamera camera_;
    glm::vec2 viewport_{1280.0f, 800.0f};
    ReferralPattern pattern_;
    std::vector<PainCandidate> candidates_;
    std::optional<TechniqueGuide> guide_;  // the shapes of state_.technique
    struct Glide {
        CameraPose from, to;
        double start = -1.0;  ///< set on the first advance after the glide begins
    };
    std::optional<Glide> glide_;
    bool instantCamera_ = false;
    bool authorMode_ = false;
    std::uint64_t revision_ = 1;
    std::uint64_t patternRevision_ = 0;
    mutable std::uint64_t drawListRevision_ = 0;
    mutable DrawList drawList_;
    mutable std::uint64_t halvesRevision_ = 0;
    mutable std::vector<ChartHalf> halves_;
};

}  // namespace myomap
