#pragma once
// Everything the viewer shows that is not geometry: selection, hover, layers, pain spots and
// messages. One explicit object; no globals.

#include <optional>
#include <string>
#include <vector>

#include "core/geometry/camera.h"
#include "core/anatomy/catalog.h"
#include "core/clinical/care_sheet.h"
#include "core/clinical/pain_drawing.h"
#include "core/clinical/pain_finder.h"
#include "core/clinical/technique_guide.h"
#include "core/study/quiz.h"
#include "core/session/picking.h"
#include "core/session/view_focus.h"

namespace myomap {

/// A muscle on one side; empty when nothing is chosen.
struct MuscleRef {
    std::string muscleId;
    Side side = Side::None;

    bool empty() const { return muscleId.empty(); }
    bool operator==(const MuscleRef& o) const { return muscleId == o.muscleId && side == o.side; }
    bool operator!=(const MuscleRef& o) const { return !(*this == o); }
};

/// Parses "muscle_id[:left|right]"; the side defaults to right. Throws ArgumentError.
MuscleRef parseMuscleRef(const std::string& text, const Catalog& catalog);

struct LayerVisibility {
    bool muscles = true;
    bool skeleton = true;
    bool skin = false;  ///< off by default: muscles are what people came to see
    float skinOpacity = 1.0f;  ///< below 1 the skin is drawn translucent (x-ray look)
    /// Where muscles attach to the bones (origins and insertions), the selected muscle's or,
    /// with nothing selected, every muscle's. The muscles would cover them, so this view
    /// shows the bones without them (Interaction::effectiveLayers).
    bool attachments = false;

    /// Opaque skin hides (and so blocks picking of) the muscles.
    bool skinHidesMuscles() const { return skin && skinOpacity >= 0.999f; }
};

/// The pain drawing's brush. With `on`, a left drag paints (or erases) on the skin and a
/// right drag turns the body; without it a click marks one spot.
struct BrushState {
    bool on = true;
    bool eraser = false;
    float radius = 0.02f;  ///< metres on the skin
};

/// An earlier drawing of the same person, shown outlined in orange beside the current one.
struct ComparedDrawing {
    std::string file, created;
    double areaCm2 = 0.0;
};

/// Study mode: a quiz in progress, its answers so far and the saved progress.
struct StudySession {
    QuizOptions options;
    std::vector<QuizQuestion> questions;
    std::size_t current = 0;   ///< questions.size() when the quiz is over
    int right = 0;
    std::optional<bool> answered;  ///< the current question's result once answered
    std::string feedback;          ///< "Right." / "Not quite: it is ..."
    std::vector<std::size_t> mistakes;  ///< question indices, for the review
    StudyProgress progress;
    std::string progressFile;  ///< where progress is saved; empty: not saved (tests)
    /// "Paint it": the student's strokes for the current question (never the pain drawing)
    /// and, once checked, how they scored.
    std::vector<Stroke> painting;
    std::optional<PaintScore> paintScore;

    bool over() const { return current >= questions.size(); }
    const QuizQuestion* question() const { return over() ? nullptr : &questions[current]; }
    /// Whether the current question is of this kind (answered or not).
    bool asks(QuizKind kind) const { return question() && question()->kind == kind; }
    /// A "paint it" question waits for its painting: the brush paints for it.
    bool awaitsPainting() const { return asks(QuizKind::Paint) && !answered; }
};

/// The state of one viewing session: what is selected, the user's layer setting, the pain
/// finder's spots and messages. Plain data: it changes only through Interaction, which
/// applies the rules (see interaction.h); the UI and the draw list only read it.
struct AppState {
    MuscleRef selected;
    int selectedKnot = -1;  ///< index into the entry's knots; -1 shows them all
    FocusMode focus = FocusMode::Pain;
    Audience audience = Audience::Patient;
    MuscleRef hovered;
    /// The layers as the user set them. While a pattern shows, the skin is drawn as x-ray
    /// (Interaction::effectiveLayers) without touching this, so the user's choice comes back.
    LayerVisibility layers;

    /// "Where does it hurt?" mode: a pain drawing on the skin (brush strokes, clicked spots,
    /// named areas) and the answers to the press check.
    bool painFinder = false;
    PainDrawing drawing;
    double drawnAreaCm2 = 0.0;  ///< skin area the drawing covers
    BrushState brush;
    std::string drawingFile;  ///< where the drawing was last saved or opened from
    std::optional<ComparedDrawing> compared;  ///< an earlier drawing shown with this one
    std::vector<MuscleRef> highlighted;       ///< pain-finder candidates drawn highlighted

    /// Presentation mode: the screen turned to a patient; the panel shows only what they need.
    bool presenting = false;
    /// The muscles the therapist picked to step through (repeated --select).
    std::vector<MuscleRef> shortList;
    /// The technique shown on the body ("Show me"): its tool or its movement arrow. Goes
    /// away when the selection, the side or the knot changes.
    std::optional<TechniqueRef> technique;
    /// Two views side by side, from the front and from behind, like a printed chart.
    bool frontAndBack = false;
    /// Study mode's quiz, while one runs.
    std::optional<StudySession> study;

    /// Messages for the user (bad input that was skipped, errors caught at the boundary).
    std::vector<std::string> notices;
};

}  // namespace myomap
