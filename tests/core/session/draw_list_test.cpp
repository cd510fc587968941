// The one place where visibility and colour rules live: hidden layers, the selection,
// pain-finder candidates, opaque skin hiding muscles, paint order, markers and legend.

#include <gtest/gtest.h>

#include "core/clinical/referral_pattern.h"
#include "core/session/draw_list.h"
#include "session_fixture.h"

using namespace myomap;

namespace {
struct Fixture {
    test_support::SessionScene scene;
    AppState state;
    ReferralPattern pattern;
    std::shared_ptr<const SkinPaint> paint;
    OrbitCamera camera;
    Fixture() { camera.frame(scene.pack.bodyBounds(), ViewPreset::Front, 1.6f); }
    DrawList build(const LayerVisibility& layers, bool picker = true) const {
        return buildDrawList({scene.pack, state, layers, pattern, paint, camera, {640.0f, 400.0f}, picker ? scene.picker.get() : nullptr});
    }
    std::size_t index(const char* id, Side side) const { return static_cast<std::size_t>(scene.pack.indexOf(id, side)); }
};

int count(const DrawList& list, Layer layer, const Pack& pack) {
    int n = 0;
    for (const auto& i : list.items) n += pack.objects[i.object].layer == layer;
    return n;
}
}  // namespace

TEST(DrawList, HiddenLayersAreNotDrawn) {
    Fixture f;
    LayerVisibility layers;
    DrawList list = f.build(layers);
    EXPECT_EQ(count(list, Layer::Muscle, f.scene.pack), 4);
    EXPECT_EQ(count(list, Layer::Skeleton, f.scene.pack), 1);
    EXPECT_EQ(count(list, Layer::Skin, f.scene.pack), 0) << "the skin is off by default";
    layers.muscles = false;
    layers.skeleton = false;
    list = f.build(layers);
    EXPECT_EQ(count(list, Layer::Muscle, f.scene.pack) + count(list, Layer::Skeleton, f.scene.pack), 0);
}

TEST(DrawList, OpaqueSkinHidesTheMusclesAndTranslucentSkinIsDrawnLastAndPainted) {
    Fixture f;
    LayerVisibility layers;
    layers.skin = true;
    DrawList list = f.build(layers);
    EXPECT_EQ(count(list, Layer::Muscle, f.scene.pack), 0);
    ASSERT_EQ(list.items.back().pass, DrawPass::OpaqueSkin);
    layers.skinOpacity = 0.35f;
    list = f.build(layers);
    EXPECT_EQ(count(list, Layer::Muscle, f.scene.pack), 4);
    EXPECT_EQ(list.items.back().pass, DrawPass::TranslucentSkin) << "blended over everything, so drawn last";
    EXPECT_TRUE(list.items.back().painted);
    EXPECT_FLOAT_EQ(list.items.back().color.a, 0.35f);
}

TEST(DrawList, TheSelectionIsHighlightedAndTheOthersSoftened) {
    Fixture f;
    f.state.selected = {"front_m", Side::Left};
    const DrawList list = f.build({});
    const DrawItem* chosen = list.find(f.index("front_m", Side::Left));
    const DrawItem* other = list.find(f.index("front_m", Side::Right));
    ASSERT_TRUE(chosen && other);
    EXPECT_FLOAT_EQ(chosen->highlight, 0.85f);
    EXPECT_FLOAT_EQ(other->highlight, 0.0f) << "the other side is not the selection";
    EXPECT_NE(glm::vec3(other->color), muscleColor("front_m")) << "softened";
    EXPECT_EQ(glm::vec3(chosen->color), muscleColor("front_m"));
}

TEST(DrawList, PainFinderCandidatesAndHoverAreHighlightedInTheirOwnColours) {
    Fixture f;
    f.state.highlighted = {{"plain_m", Side::Right}};
    f.state.hovered = {"front_m", Side::Right};
    const DrawList list = f.build({});
    const DrawItem* candidate = list.find(f.index("plain_m", Side::Right));
    const DrawItem* hovered = list.find(f.index("front_m", Side::Right));
    EXPECT_FLOAT_EQ(candidate->highlight, 0.6f);
    EXPECT_FLOAT_EQ(hovered->highlight, 0.45f);
    EXPECT_NE(candidate->highlightColor, hovered->highlightColor);
}

TEST(DrawList, OpaqueObjectsComeNearFirst) {
    Fixture f;
    const DrawList list = f.build({});
    const glm::vec3 eye = f.camera.eye();
    float last = 0.0f;
    for (const auto& i : list.items) {
        if (i.pass != DrawPass::Opaque) continue;
        const Bounds& b = f.scene.pack.objects[i.object].bounds;
        const glm::vec3 nearest = glm::clamp(eye, b.min, b.max);
        const float d = glm::distance(nearest, eye);
        EXPECT_GE(d + 1e-5f, last);
        last = d;
    }
}

TEST(DrawList, TheSkinCarriesThePaintAndNothingElseDoes) {
    Fixture f;
    auto paint = std::make_shared<SkinPaint>();
    paint->version = 7;
    f.paint = paint;
    LayerVisibility layers;
    layers.skin = true;
    layers.skinOpacity = 0.4f;
    const DrawList list = f.build(layers);
    EXPECT_EQ(list.paint.get(), paint.get());
    int painted = 0;
    for (const auto& item : list.items) {
        const bool isSkin = f.scene.pack.objects[item.object].layer == Layer::Skin;
        EXPECT_EQ(item.painted, isSkin);
        painted += item.painted;
    }
    EXPECT_EQ(painted, 1);
}

TEST(DrawList, MarkersBehindTheBodyFadeAndTheLegendExplainsThePattern) {
    Fixture f;
    f.pattern.knots.push_back({{-0.2f, 1.1f, 0.28f}, 0});  // on the front of the muscle
    f.pattern.knots.push_back({{-0.2f, 1.1f, 0.10f}, 1});  // its back face: the muscle is in front
    LayerVisibility layers;
    layers.skin = true;
    layers.skinOpacity = 0.35f;
    DrawList list = f.build(layers);
    ASSERT_EQ(list.markers.size(), 2u);
    EXPECT_FALSE(list.markers[0].occluded);
    EXPECT_TRUE(list.markers[1].occluded);
    EXPECT_EQ(list.markers[0].label, "1");
    EXPECT_EQ(list.markers[1].label, "2");
    const auto p = f.camera.project({-0.2f, 1.1f, 0.28f}, {640.0f, 400.0f});
    EXPECT_EQ(list.markers[0].screen, *p);
    ASSERT_EQ(list.legend.size(), 3u);
    EXPECT_EQ(list.legend[0].kind, LegendKind::Knot);
    f.state.painFinder = true;
    list = f.build(layers);
    EXPECT_TRUE(list.legend.empty()) << "the finder has its own list";
    EXPECT_TRUE(list.markers[0].small);
    EXPECT_TRUE(list.markers[0].label.empty());
}

TEST(DrawList, ThePatientsRightAndLeftAreLabelledFromEveryView) {
    Fixture f;
    f.pattern.knots.push_back({{-0.2f, 1.1f, 0.28f}, 0});
    auto labels = [&](ViewPreset preset) {
        f.camera.setPreset(preset);
        std::vector<std::string> out;
        for (const auto& l : f.build({}).sideLabels) out.push_back(l.text + (l.align == 0.0f ? "@left" : l.align == 1.0f ? "@right" : ""));
        return out;
    };
    // Facing the patient their right is on the viewer's left, as on a front body map.
    EXPECT_EQ(labels(ViewPreset::Front), (std::vector<std::string>{"Patient's right@left", "Patient's left@right", "Seen from the front"}));
    EXPECT_EQ(labels(ViewPreset::Back), (std::vector<std::string>{"Patient's right@right", "Patient's left@left", "Seen from behind"}));
    EXPECT_EQ(labels(ViewPreset::Right), (std::vector<std::string>{"Patient's right side"}));
    EXPECT_EQ(labels(ViewPreset::Left), (std::vector<std::string>{"Patient's left side"}));
    f.pattern = {};
    EXPECT_TRUE(f.build({}).sideLabels.empty()) << "nothing shown, nothing to label";
}

TEST(DrawList, AttachmentsShowOnlyWhenAskedAndOnlyTheSelectedMusclesSide) {
    Fixture f;
    LayerVisibility layers;
    EXPECT_EQ(count(f.build(layers), Layer::Attachment, f.scene.pack), 0) << "off by default";
    layers.attachments = true;
    DrawList list = f.build(layers);
    EXPECT_EQ(count(list, Layer::Attachment, f.scene.pack), 4) << "nothing selected: every muscle's, both sides";
    ASSERT_EQ(list.legend.size(), 2u);
    EXPECT_EQ(list.legend[0].kind, LegendKind::Origin);
    EXPECT_EQ(list.legend[1].kind, LegendKind::Insertion);
    for (const auto& item : list.items) {
        const PackObject& o = f.scene.pack.objects[item.object];
        if (o.layer != Layer::Attachment) continue;
        EXPECT_TRUE(item.decal) << "drawn over the bone it lies on";
        EXPECT_FALSE(item.showThrough) << "every muscle's at once: hidden ones would clutter the picture";
        EXPECT_EQ(glm::vec3(item.color), o.kind == AttachmentKind::Origin ? kOriginColor : kInsertionColor);
        EXPECT_FALSE(isPickable(o, layers)) << "a click goes to muscles, never to a patch";
    }
    f.state.selected = {"front_m", Side::Left};
    list = f.build(layers);
    ASSERT_EQ(count(list, Layer::Attachment, f.scene.pack), 2);
    for (const auto& item : list.items) {
        if (f.scene.pack.objects[item.object].layer == Layer::Attachment) {
            EXPECT_EQ(f.scene.pack.objects[item.object].side, Side::Left) << "the selected side only";
            EXPECT_TRUE(item.showThrough) << "one muscle's: found even in a joint or behind a bone";
        }
    }
    f.state.selected = {"plain_m", Side::Right};
    list = f.build(layers);
    EXPECT_EQ(count(list, Layer::Attachment, f.scene.pack), 0) << "a muscle with no patches shows none";
    EXPECT_TRUE(list.legend.empty()) << "no legend for what is not drawn";
    layers.skeleton = false;
    f.state.selected = {};
    EXPECT_EQ(count(f.build(layers), Layer::Attachment, f.scene.pack), 0) << "patches go with their bones";
}

TEST(DrawList, ObjectsWhollyOutsideTheViewAreLeftOut) {
    Fixture f;
    LayerVisibility layers;
    EXPECT_EQ(f.build(layers).outsideView, 0u) << "the whole body is framed";
    // A close-up of the upper right muscle: the lower muscles are below the picture.
    f.camera.target = glm::vec3(-0.2f, 1.1f, 0.28f);
    f.camera.distance = 0.5f;
    const DrawList list = f.build(layers);
    EXPECT_EQ(list.outsideView, 2u);
    EXPECT_TRUE(list.find(f.index("front_m", Side::Right)));
    EXPECT_FALSE(list.find(f.index("plain_m", Side::Right)));
    EXPECT_FALSE(list.find(f.index("plain_m", Side::Left)));
}

TEST(DrawList, OnlyTheVisibleShellIsDrawnWhileMusclesAndBonesAreBothShown) {
    Fixture f;
    auto shells = [&](const LayerVisibility& layers) {
        int shell = 0, whole = 0;
        for (const auto& item : f.build(layers).items) {
            const Layer l = f.scene.pack.objects[item.object].layer;
            if (l != Layer::Muscle && l != Layer::Skeleton) continue;
            (item.shellOnly ? shell : whole) += 1;
        }
        return std::make_pair(shell, whole);
    };
    LayerVisibility layers;
    EXPECT_EQ(shells(layers), std::make_pair(5, 0)) << "each hides the other's inner parts";
    layers.skin = true;
    layers.skinOpacity = 0.35f;
    EXPECT_EQ(shells(layers), std::make_pair(5, 0)) << "x-ray skin hides nothing";
    layers.skeleton = false;
    EXPECT_EQ(shells(layers), std::make_pair(0, 4)) << "without the bones, what they covered shows";
    layers.skeleton = true;
    layers.muscles = false;
    EXPECT_EQ(shells(layers), std::make_pair(0, 1)) << "without the muscles, the whole skeleton";
}
