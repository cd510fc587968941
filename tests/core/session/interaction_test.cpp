// The viewer's rules without a window: click routing in every mode, the x-ray-skin rule,
// camera intents and their cancellation, and when the pattern is rebuilt.

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/session/interaction.h"
#include "session_fixture.h"

using namespace myomap;

namespace {
const glm::vec2 kViewport(640.0f, 400.0f);

struct Session {
    test_support::SessionScene scene;
    Interaction interaction{scene.pack, scene.kb, *scene.picker, scene.catalog};
    Session() {
        interaction.setViewportSize(kViewport);
        interaction.frameBody(ViewPreset::Front);
        interaction.setInstantCamera(true);
    }
    /// Where a world point shows in the scene viewport.
    glm::vec2 at(const glm::vec3& p) const { return *interaction.camera().project(p, kViewport); }
    void select(const MuscleRef& ref) {
        UiRequests r;
        r.select = ref;
        interaction.apply(r);
    }
};

const glm::vec3 kRightMuscle(-0.2f, 1.1f, 0.28f), kLeftMuscle(0.2f, 1.1f, 0.28f);
}  // namespace

TEST(Interaction, ClickSelectsTheMuscleUnderTheCursorWithItsSideAndEmptySpaceClears) {
    Session s;
    EXPECT_EQ(s.interaction.click(s.at({0.2f, 0.4f, 0.28f})).kind, ClickOutcome::Kind::Selected);
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"plain_m", Side::Left}));
    s.interaction.click(s.at({-0.2f, 1.0f, 0.28f}));
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"front_m", Side::Right}));
    EXPECT_EQ(s.interaction.click({1.0f, 1.0f}).kind, ClickOutcome::Kind::Cleared);
    EXPECT_TRUE(s.interaction.state().selected.empty());
}

TEST(Interaction, ClickOnAKnotMarkerShowsThatKnotAloneAndASecondClickShowsAll) {
    Session s;
    s.select({"front_m", Side::Left});
    ASSERT_FALSE(s.interaction.pattern().empty());
    const glm::vec2 marker = s.at(s.interaction.pattern().knots.front().position);
    EXPECT_EQ(s.interaction.click(marker).kind, ClickOutcome::Kind::KnotToggled);
    EXPECT_EQ(s.interaction.state().selectedKnot, 0);
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"front_m", Side::Left})) << "the marker click does not reselect";
    s.interaction.click(s.at(s.interaction.pattern().knots.front().position));
    EXPECT_EQ(s.interaction.state().selectedKnot, -1);
}

TEST(Interaction, ClickInThePainFinderPutsASpotOnTheSkinAndKeepsTheSelection) {
    Session s;
    s.select({"front_m", Side::Right});
    UiRequests finder;
    finder.painFinder = true;
    finder.brush = BrushState{false, false, 0.02f};  // clicks mark spots
    s.interaction.apply(finder);
    const auto outcome = s.interaction.click(s.at({0.2f, 1.5f, 0.3f}));
    EXPECT_EQ(outcome.kind, ClickOutcome::Kind::SpotAdded);
    ASSERT_EQ(s.interaction.state().drawing.strokes.size(), 1u);
    const Dab& dab = s.interaction.state().drawing.strokes[0].dabs.at(0);
    EXPECT_NEAR(dab.point.z, 0.3f, 1e-3f) << "on the skin's front face";
    EXPECT_NEAR(dab.point.x, 0.2f, 1e-3f);
    EXPECT_GT(s.interaction.state().drawnAreaCm2, 5.0) << "a 2 cm dab covers about 12 square cm";
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"front_m", Side::Right}));
    // The spot lies in the left side's essential zone: that muscle is the candidate.
    ASSERT_EQ(s.interaction.candidates().size(), 1u);
    EXPECT_EQ(s.interaction.candidates()[0].side, Side::Left);
    EXPECT_EQ(s.interaction.state().highlighted, (std::vector<MuscleRef>{{"front_m", Side::Left}}));
}

TEST(Interaction, AuthorModeReportsTheMuscleAndSkinPointsInTheRightSideFrame) {
    Session s;
    s.interaction.setAuthorMode(true);
    const auto outcome = s.interaction.click(s.at(kLeftMuscle));
    EXPECT_NE(outcome.authorText.find("author: muscle front_m (left) surface [-0.2000, 1.1000, 0.2800]"), std::string::npos)
        << outcome.authorText;
    EXPECT_NE(outcome.authorText.find("author: skin (left) [-0.19"), std::string::npos) << outcome.authorText;
}

TEST(Interaction, XraySkinWhileAPatternShowsAndTheUsersOwnSkinComesBack) {
    for (const float userOpacity : {1.0f, 0.6f}) {
        Session s;
        UiRequests skin;
        skin.layers = LayerVisibility{};
        skin.layers->skin = true;
        skin.layers->skinOpacity = userOpacity;
        s.interaction.apply(skin);
        s.select({"front_m", Side::Right});
        const float expected = userOpacity >= 0.999f ? 0.35f : userOpacity;  // the user's see-through setting stays
        EXPECT_FLOAT_EQ(s.interaction.effectiveLayers().skinOpacity, expected);
        EXPECT_FLOAT_EQ(s.interaction.state().layers.skinOpacity, userOpacity) << "the user's setting is not overwritten";
        s.select({});
        EXPECT_TRUE(s.interaction.effectiveLayers().skin);
        EXPECT_FLOAT_EQ(s.interaction.effectiveLayers().skinOpacity, userOpacity) << "the user's opaque skin comes back";
    }
    Session s;  // skin off: on as x-ray for the pattern, off again after
    s.select({"front_m", Side::Right});
    EXPECT_TRUE(s.interaction.effectiveLayers().skin);
    s.select({"plain_m", Side::Right});  // no knot data, no pattern
    EXPECT_FALSE(s.interaction.effectiveLayers().skin);
}

TEST(Interaction, ShowingAttachmentsShowsTheBonesWithoutTheMusclesAndGivesThemBack) {
    Session s;
    UiRequests hide;
    hide.layers = LayerVisibility{};
    hide.layers->skeleton = false;  // the user had hidden the bones
    hide.layers->skin = true;       // and made the skin solid
    hide.layers->attachments = true;
    s.interaction.apply(hide);
    const LayerVisibility shown = s.interaction.effectiveLayers();
    EXPECT_TRUE(shown.skeleton) << "the patches lie on the bones";
    EXPECT_FALSE(shown.muscles) << "the muscles would cover their own attachments";
    EXPECT_FALSE(shown.skin) << "a solid skin would cover the bones";
    int patches = 0;
    for (const auto& item : s.interaction.drawList().items)
        patches += s.scene.pack.objects[item.object].layer == Layer::Attachment;
    EXPECT_EQ(patches, 4);
    s.interaction.click(s.at(kRightMuscle));
    EXPECT_TRUE(s.interaction.state().selected.empty()) << "hidden muscles are not clicked";
    UiRequests back;
    back.layers = hide.layers;
    back.layers->attachments = false;
    s.interaction.apply(back);
    EXPECT_FALSE(s.interaction.effectiveLayers().skeleton) << "the user's own layers come back";
    EXPECT_TRUE(s.interaction.effectiveLayers().muscles);
}

TEST(Interaction, OpaqueSkinBlocksClicksOnMuscles) {
    Session s;
    UiRequests skin;
    skin.layers = LayerVisibility{};
    skin.layers->skin = true;
    s.interaction.apply(skin);
    s.interaction.click(s.at(kRightMuscle));
    EXPECT_TRUE(s.interaction.state().selected.empty());
}

TEST(Interaction, ASelectionGlidesOnceToItsPatternAndADragCancelsTheGlide) {
    Session instant;
    instant.select({"front_m", Side::Right});
    const CameraPose end = poseOf(instant.interaction.camera());

    Session s;
    s.interaction.setInstantCamera(false);
    const CameraPose start = poseOf(s.interaction.camera());
    s.select({"front_m", Side::Right});
    EXPECT_TRUE(s.interaction.animating());
    s.interaction.advance(10.0);
    s.interaction.advance(10.35);
    EXPECT_TRUE(s.interaction.animating());
    s.interaction.advance(10.8);
    EXPECT_FALSE(s.interaction.animating());
    // One policy: the pattern pose, not a muscle glide replaced in the same frame.
    EXPECT_NEAR(glm::distance(s.interaction.camera().target, end.target), 0.0f, 1e-4f);
    EXPECT_NEAR(s.interaction.camera().yaw, end.yaw, 1e-4f);
    EXPECT_GT(glm::distance(start.target, end.target) + std::abs(start.distance - end.distance), 0.01f) << "the camera moved";

    // A right-drag pan during a glide wins over the glide.
    s.select({"front_m", Side::Left});
    s.interaction.advance(20.0);
    s.interaction.advance(20.2);
    s.interaction.drag(DragButton::Right, {40.0f, 0.0f});
    EXPECT_FALSE(s.interaction.animating());
    const glm::vec3 afterPan = s.interaction.camera().target;
    s.interaction.advance(20.4);
    s.interaction.advance(21.0);
    EXPECT_EQ(s.interaction.camera().target, afterPan) << "a cancelled glide does not overwrite the user's pan";
}

TEST(Interaction, ASearchHitWithoutAPatternGlidesToTheMuscle) {
    Session s;
    UiRequests r;
    r.select = MuscleRef{"plain_m", Side::Left};
    r.focusSelection = true;
    s.interaction.apply(r);
    const PackObject* o = s.scene.pack.find("plain_m", Side::Left);
    EXPECT_NEAR(glm::distance(s.interaction.camera().target, o->bounds.center()), 0.0f, 1e-4f);
}

TEST(Interaction, ThePatternIsRebuiltOnlyWhenWhatItShowsChanges) {
    Session s;
    const auto r0 = s.interaction.patternRevision();
    s.select({"front_m", Side::Right});
    EXPECT_EQ(s.interaction.patternRevision(), r0 + 1);
    s.interaction.hover(s.at(kLeftMuscle));
    s.interaction.drag(DragButton::Left, {5.0f, 0.0f});
    s.select({"front_m", Side::Right});
    EXPECT_EQ(s.interaction.patternRevision(), r0 + 1) << "hover, drag and the same selection keep the pattern";
    UiRequests knot;
    knot.knot = 0;
    s.interaction.apply(knot);
    EXPECT_EQ(s.interaction.patternRevision(), r0 + 2);
    UiRequests finder;
    finder.painFinder = true;
    finder.addSpots.push_back({{-0.2f, 1.5f, 0.31f}, 0.0f, "Spot 1", 0.05f});
    s.interaction.apply(finder);
    EXPECT_GE(s.interaction.patternRevision(), r0 + 3);
    EXPECT_EQ(s.interaction.candidates().size(), 1u);
}

TEST(Interaction, NothingChangesWhileIdleSoTheWindowNeedNotRedraw) {
    Session s;
    s.select({"front_m", Side::Right});
    const auto revision = s.interaction.revision();
    s.interaction.advance(1.0);
    s.interaction.advance(2.0);
    s.interaction.hover({2.0f, 2.0f});
    s.interaction.hoverNothing();
    EXPECT_EQ(s.interaction.revision(), revision);
    s.interaction.hover(s.at(kLeftMuscle));
    EXPECT_GT(s.interaction.revision(), revision);
    EXPECT_EQ(s.interaction.state().hovered, (MuscleRef{"front_m", Side::Left}));
}

TEST(Interaction, KeysTurnTheViewAndEscapeClears) {
    Session s;
    s.select({"front_m", Side::Right});
    const float yaw = s.interaction.camera().yaw;
    s.interaction.key(KeyAction::OrbitLeft);
    EXPECT_NEAR(s.interaction.camera().yaw, yaw + 0.08f, 1e-5f);
    s.interaction.key(KeyAction::ViewBack);
    EXPECT_NEAR(std::abs(s.interaction.camera().yaw), 3.14159265f, 1e-4f);
    s.interaction.key(KeyAction::ClearSelection);
    EXPECT_TRUE(s.interaction.state().selected.empty());
    EXPECT_TRUE(s.interaction.pattern().empty());
}

TEST(Interaction, TheBrushPaintsAStrokeOnTheSkinThatUndoTakesAway) {
    Session s;
    UiRequests finder;
    finder.painFinder = true;
    finder.brush = BrushState{true, false, 0.02f};
    s.interaction.apply(finder);
    ASSERT_TRUE(s.interaction.brushPaints());
    const auto version = s.interaction.drawList().paint->version;
    // A stroke across the left side's essential zone (x 0.2, y 1.5 on the front).
    s.interaction.brushAt(s.at({0.14f, 1.5f, 0.3f}), true);
    s.interaction.brushAt(s.at({0.26f, 1.5f, 0.3f}), false);
    s.interaction.endStroke();
    ASSERT_EQ(s.interaction.state().drawing.strokes.size(), 1u);
    EXPECT_GT(s.interaction.state().drawing.strokes[0].dabs.size(), 3u) << "dabs fill in between the two moves";
    EXPECT_GT(s.interaction.drawList().paint->version, version) << "the renderer sees new paint";
    // The painted band (12 cm by 4 cm) shows on the skin: the paint's drawing channel is set there.
    const SkinMap& map = *s.interaction.skinMap();
    int painted = 0;
    for (std::size_t v = 0; v < map.vertexCount(); ++v) painted += s.interaction.drawList().paint->values[v].z > 0.5f;
    EXPECT_GE(painted, 12) << "about 7 by 3 vertices of the 2 cm grid";
    EXPECT_GT(s.interaction.state().drawnAreaCm2, 40.0);
    ASSERT_FALSE(s.interaction.candidates().empty());
    EXPECT_EQ(s.interaction.candidates()[0].side, Side::Left);
    // The eraser takes part of it away; undo brings it back; undo again clears it.
    const double full = s.interaction.state().drawnAreaCm2;
    UiRequests eraser;
    eraser.brush = BrushState{true, true, 0.02f};
    s.interaction.apply(eraser);
    s.interaction.brushAt(s.at({0.2f, 1.5f, 0.3f}), true);
    s.interaction.endStroke();
    EXPECT_LT(s.interaction.state().drawnAreaCm2, full);
    UiRequests undo;
    undo.undoStroke = true;
    s.interaction.apply(undo);
    EXPECT_NEAR(s.interaction.state().drawnAreaCm2, full, 1e-6);
    s.interaction.apply(undo);
    EXPECT_TRUE(s.interaction.state().drawing.empty());
    EXPECT_EQ(s.interaction.state().drawnAreaCm2, 0.0);
    EXPECT_TRUE(s.interaction.candidates().empty());
}

TEST(Interaction, PressAnswersAreKeptWithTheDrawingAndSavedWithIt) {
    Session s;
    test_support::TempDir dir;
    UiRequests finder;
    finder.painFinder = true;
    finder.addSpots.push_back({{0.2f, 1.5f, 0.31f}, 0.03f, "Spot 1", 0.05f});
    s.interaction.apply(finder);
    ASSERT_EQ(s.interaction.candidates().size(), 1u);
    const double before = s.interaction.candidates()[0].score;
    UiRequests press;
    press.press = UiRequests::PressRequest{"front", Side::Left, PressAnswer::Yes};
    s.interaction.apply(press);
    EXPECT_GT(s.interaction.candidates()[0].score, before);
    UiRequests save;
    save.saveDrawing = dir.file("drawing.json");
    s.interaction.apply(save);
    EXPECT_EQ(s.interaction.state().drawingFile, dir.file("drawing.json"));
    const PainDrawing loaded = loadPainDrawing(dir.file("drawing.json"));
    ASSERT_EQ(loaded.strokes.size(), 1u);
    ASSERT_NE(loaded.answerFor("front", Side::Left), nullptr);
    EXPECT_EQ(loaded.answerFor("front", Side::Left)->answer, PressAnswer::Yes);
    // Opened in a fresh session, the drawing ranks the same.
    Session other;
    UiRequests open;
    open.openDrawing = dir.file("drawing.json");
    other.interaction.apply(open);
    EXPECT_TRUE(other.interaction.state().painFinder);
    ASSERT_EQ(other.interaction.candidates().size(), 1u);
    EXPECT_DOUBLE_EQ(other.interaction.candidates()[0].score, s.interaction.candidates()[0].score);
    // An earlier drawing shown with it: its area, and its own channel of the paint.
    test_support::TempDir earlierDir;
    PainDrawing earlier;
    earlier.created = "2026-11-01T09:00:00";
    earlier.strokes.push_back({"Spot 1", false, {{{0.2f, 1.2f, 0.3f}, 0.04f}}});
    savePainDrawing(earlierDir.file("earlier.json"), earlier);
    UiRequests compare;
    compare.compareDrawing = earlierDir.file("earlier.json");
    other.interaction.apply(compare);
    ASSERT_TRUE(other.interaction.state().compared.has_value());
    EXPECT_GT(other.interaction.state().compared->areaCm2, 30.0);
    EXPECT_EQ(other.interaction.state().compared->created, earlier.created);
    int earlierVertices = 0;
    for (const auto& v : other.interaction.drawList().paint->values) earlierVertices += v.w > 0.5f;
    EXPECT_GT(earlierVertices, 5);
    compare.compareDrawing = std::string();
    other.interaction.apply(compare);
    EXPECT_FALSE(other.interaction.state().compared.has_value());
    for (const auto& v : other.interaction.drawList().paint->values) ASSERT_EQ(v.w, 0.0f);
    // A broken file is a notice naming it, and the drawing in hand stays.
    dir.write("broken.json", "{\"format\": \"something else\"}");
    UiRequests broken;
    broken.openDrawing = dir.file("broken.json");
    other.interaction.apply(broken);
    ASSERT_FALSE(other.interaction.state().notices.empty());
    EXPECT_NE(other.interaction.state().notices.back().find("broken.json"), std::string::npos);
    EXPECT_EQ(other.interaction.state().drawing.strokes.size(), 1u);
}

TEST(Interaction, PresenterKeysStepThroughTheKnotsAndTheShortList) {
    Session s;
    UiRequests setup;
    setup.presenting = true;
    setup.shortList = std::vector<MuscleRef>{{"front_m", Side::Right}, {"front_m", Side::Left}, {"plain_m", Side::Right}};
    setup.select = MuscleRef{"front_m", Side::Right};
    s.interaction.apply(setup);
    EXPECT_TRUE(s.interaction.state().presenting);
    // One knot: all knots, that knot alone, all again; Page Up goes the other way.
    s.interaction.key(KeyAction::NextKnot);
    EXPECT_EQ(s.interaction.state().selectedKnot, 0);
    s.interaction.key(KeyAction::NextKnot);
    EXPECT_EQ(s.interaction.state().selectedKnot, -1);
    s.interaction.key(KeyAction::PreviousKnot);
    EXPECT_EQ(s.interaction.state().selectedKnot, 0);
    // ] and [ walk the therapist's list and wrap around.
    s.interaction.key(KeyAction::NextMuscle);
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"front_m", Side::Left}));
    EXPECT_EQ(s.interaction.state().selectedKnot, 0) << "the other side of the same muscle shows the same knot";
    s.interaction.key(KeyAction::NextMuscle);
    s.interaction.key(KeyAction::NextMuscle);
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"front_m", Side::Right}));
    s.interaction.key(KeyAction::PreviousMuscle);
    EXPECT_EQ(s.interaction.state().selected, (MuscleRef{"plain_m", Side::Right}));
}

namespace {
void startQuiz(Session& s, QuizKind kind) {
    UiRequests r;
    UiRequests::StartQuiz start;
    start.options.kind = kind;
    start.options.seed = 3;
    start.options.count = 2;
    start.options.knotDataOnly = true;
    r.startQuiz = start;  // no progress file: nothing is written
    s.interaction.apply(r);
    ASSERT_TRUE(s.interaction.state().study);
    ASSERT_TRUE(s.interaction.state().study->question());
}
}  // namespace

TEST(Interaction, AFindQuizTakesTheClickAsTheAnswerAndTheSideCounts) {
    Session s;
    startQuiz(s, QuizKind::Find);
    const StudySession& study = *s.interaction.state().study;
    const Side side = study.question()->side;
    const Side other = side == Side::Right ? Side::Left : Side::Right;
    s.interaction.click(s.at(onSide(kRightMuscle, other)));  // the same muscle on the other side
    ASSERT_TRUE(study.answered);
    EXPECT_FALSE(*study.answered);
    EXPECT_EQ(study.mistakes, std::vector<std::size_t>{0});
    EXPECT_TRUE(s.interaction.state().selected.empty()) << "an answer is not a selection";
    UiRequests next;
    next.nextQuestion = true;
    s.interaction.apply(next);
    ASSERT_TRUE(study.question());
    s.interaction.click(s.at(onSide(kRightMuscle, study.question()->side)));
    ASSERT_TRUE(study.answered);
    EXPECT_TRUE(*study.answered);
    EXPECT_EQ(study.right, 1);
}

TEST(Interaction, ARefersQuizHidesTheKnotUntilAnswered) {
    Session s;
    startQuiz(s, QuizKind::Refers);
    EXPECT_TRUE(s.interaction.drawList().markers.empty()) << "the knot would give the muscle away";
    EXPECT_NE(s.interaction.drawList().paint, nullptr);
    UiRequests answer;
    answer.quizAnswer = "front_m";
    s.interaction.apply(answer);
    ASSERT_TRUE(s.interaction.state().study->answered);
    EXPECT_TRUE(*s.interaction.state().study->answered);
}

TEST(Interaction, APaintQuizScoresThePaintingShowsTheAnswerAndLeavesThePainDrawingAlone) {
    for (const bool rightPlace : {true, false}) {
        Session s;
        startQuiz(s, QuizKind::Paint);
        const StudySession& study = *s.interaction.state().study;
        ASSERT_EQ(study.question()->kind, QuizKind::Paint);
        ASSERT_TRUE(s.interaction.brushPaints()) << "the brush paints for the question";
        EXPECT_TRUE(s.interaction.drawList().markers.empty()) << "no knot or zone before the painting is checked";
        UiRequests brush;
        brush.brush = BrushState{true, false, 0.05f};
        s.interaction.apply(brush);
        const Side side = study.question()->side;
        const glm::vec3 where = rightPlace ? glm::vec3(-0.2f, 1.5f, 0.3f) : glm::vec3(-0.3f, 0.3f, 0.3f);
        s.interaction.brushAt(s.at(onSide(where, side)), true);
        s.interaction.endStroke();
        s.interaction.click(s.at(onSide(where, side)));
        EXPECT_TRUE(s.interaction.state().selected.empty()) << "painting selects nothing";
        ASSERT_EQ(study.painting.size(), 1u);
        EXPECT_TRUE(s.interaction.state().drawing.empty()) << "the pain drawing is not touched";
        int drawn = 0;
        for (const auto& v : s.interaction.drawList().paint->values) drawn += v.z > 0.5f;
        EXPECT_GT(drawn, 10) << "the painting shows on the skin";
        UiRequests check;
        check.checkPainting = true;
        s.interaction.apply(check);
        ASSERT_TRUE(study.answered);
        ASSERT_TRUE(study.paintScore);
        EXPECT_EQ(*study.answered, rightPlace);
        EXPECT_EQ(study.paintScore->passed, rightPlace);
        if (rightPlace) {
            EXPECT_GT(study.paintScore->covered, 0.5) << "one 5 cm dab on a 6 cm zone covers most of it";
        } else {
            EXPECT_LT(study.paintScore->score, 0.05);
        }
        EXPECT_FALSE(s.interaction.brushPaints()) << "answered: the brush stops";
        EXPECT_FALSE(s.interaction.drawList().markers.empty()) << "the answer's knot is shown";
        int zone = 0;
        for (const auto& v : s.interaction.drawList().paint->values) zone += v.x < 0.0f;
        EXPECT_GT(zone, 10) << "the right pattern is painted over the painting";
    }
}
