// Technique pictures (issue 13): stretch movements and self-massage set-ups read from the
// content with file:line errors, described in plain words for the selected side, and drawn
// as shapes in the right place: the tool on the skin over the knot, the wall beyond it,
// the stretch's arrow about the joint of the side that moves.

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/clinical/technique_guide.h"
#include "core/geometry/bvh.h"
#include "core/geometry/primitive_meshes.h"
#include "core/knowledge/knowledge_base.h"
#include "core/support/errors.h"
#include "support/test_support.h"

using namespace myomap;

namespace {

struct Fixture {
    Catalog catalog = Catalog::parse("id\tcommon_name\tlatin_name\tregion\tright\tleft\nbox_muscle\tBox\tMusculus capsa\tneck\tbp3d:A\tbp3d:B\n", "c.tsv");
    std::map<std::string, std::string> sources{{"s", "S"}};
    std::vector<BodyArea> areas;
    std::vector<EndangermentSite> sites;
    KnowledgeEntry entry(const std::string& text) { return KnowledgeBase::parseEntry(text, "e.yaml", catalog, {sources, areas, sites}); }
};

std::string withStretch(const std::string& movement, const std::string& facts = "") {
    return "id: e\ncovers: [box_muscle]\nsummary: S.\nclinical: C.\n" + facts +
           "sources: [s]\nstretches:\n  - name: Reach\n" + movement +
           "    start: Stand.\n    steps: [Reach up.]\n    hold_seconds: 30\n    repetitions: 3\n    frequency: daily\n";
}

std::string errorOf(Fixture& f, const std::string& text) {
    try {
        f.entry(text);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "";
}

const char* kFacts =
    "facts:\n"
    "  origin: {full: The box's top edge., short: Top edge}\n"
    "  insertion: {full: The box's bottom edge., short: Bottom edge}\n"
    "  action: {full: Lifts the lid., short: Lifts the lid}\n"
    "  innervation: {full: The box nerve., short: Box nerve, roots: [C5, C6, CN XI]}\n"
    "  sources: [s]\n";

}  // namespace

TEST(StretchMovement, IsReadAsJointMotionSideAndDirection) {
    Fixture f;
    const KnowledgeEntry e = f.entry(withStretch("    movement:\n      - {joint: neck, motion: lateral_flexion, toward: other}\n"
                                                 "      - {joint: shoulder_blade, side: sore, motion: depression}\n"));
    ASSERT_EQ(e.stretches[0].movement.size(), 2u);
    const JointMovement& m = e.stretches[0].movement[0];
    EXPECT_EQ(m.joint, Joint::Neck);
    EXPECT_EQ(m.motion, Motion::LateralFlexion);
    ASSERT_TRUE(m.toward.has_value());
    EXPECT_EQ(*m.toward, RelativeSide::Other);
    EXPECT_EQ(e.stretches[0].movement[1].joint, Joint::ShoulderBlade);
    EXPECT_EQ(e.stretches[0].movement[1].side, RelativeSide::Sore);
}

TEST(StretchMovement, MistakesAreRefusedWithTheirLine) {
    Fixture f;
    const std::string noSuchJoint = errorOf(f, withStretch("    movement:\n      - {joint: spleen, motion: flexion}\n"));
    EXPECT_NE(noSuchJoint.find("e.yaml:9:"), std::string::npos) << noSuchJoint;
    EXPECT_NE(noSuchJoint.find("'spleen' is not a joint"), std::string::npos) << noSuchJoint;
    EXPECT_NE(errorOf(f, withStretch("    movement:\n      - {joint: knee, side: sore, motion: abduction}\n")).find("the knee has no abduction"),
              std::string::npos);
    EXPECT_NE(errorOf(f, withStretch("    movement:\n      - {joint: neck, motion: rotation}\n")).find("needs 'toward"), std::string::npos);
    EXPECT_NE(errorOf(f, withStretch("    movement:\n      - {joint: hip, side: sore, motion: flexion, toward: other}\n")).find("'toward' is only"),
              std::string::npos);
    EXPECT_NE(errorOf(f, withStretch("    movement:\n      - {joint: neck, side: sore, motion: flexion}\n")).find("on the midline"),
              std::string::npos);
    EXPECT_NE(errorOf(f, withStretch("    movement:\n      - {joint: hip, motion: flexion}\n")).find("needs 'side"), std::string::npos);
}

TEST(StretchMovement, IsDescribedForTheSelectedSide) {
    JointMovement tilt{Joint::Neck, Motion::LateralFlexion, RelativeSide::Sore, RelativeSide::Other, 0};
    EXPECT_EQ(describeMovement(tilt, "left", "right"), "Tip the head toward the right shoulder");
    EXPECT_EQ(describeMovement(tilt, "right", "left"), "Tip the head toward the left shoulder");
    JointMovement across{Joint::Shoulder, Motion::HorizontalAdduction, RelativeSide::Sore, std::nullopt, 0};
    EXPECT_EQ(describeMovement(across, "left", "right"), "Left shoulder: bring the arm across the chest");
}

TEST(MuscleFacts, AreReadWithRootsAndShortForms) {
    Fixture f;
    const KnowledgeEntry e = f.entry(withStretch("", kFacts));
    ASSERT_TRUE(e.facts.has_value());
    EXPECT_EQ(e.facts->origin.brief, "Top edge");
    EXPECT_EQ(e.facts->innervation.full, "The box nerve.");
    EXPECT_EQ(e.facts->roots, (std::vector<std::string>{"C5", "C6", "CN XI"}));
}

TEST(MuscleFacts, BadRootsAndLongShortFormsAreRefused) {
    Fixture f;
    std::string badRoot = kFacts;
    badRoot.replace(badRoot.find("C6"), 2, "C9");
    const std::string root = errorOf(f, withStretch("", badRoot));
    EXPECT_NE(root.find("'C9' is not a nerve root"), std::string::npos) << root;
    EXPECT_NE(root.find("e.yaml:9:"), std::string::npos) << root;
    std::string stop = kFacts;
    stop.replace(stop.find("short: Top edge"), 15, "short: Top edge.");
    EXPECT_NE(errorOf(f, withStretch("", stop)).find("no full stop"), std::string::npos);
    std::string missing = kFacts;
    missing.erase(missing.find("  action:"), missing.find("  innervation:") - missing.find("  action:"));
    EXPECT_NE(errorOf(f, withStretch("", missing)).find("needs 'action'"), std::string::npos);
}

TEST(TechniqueGuide, TheBallSitsOnTheSkinOverTheKnotWithTheWallBeyondIt) {
    // A slab of "body" whose back face (z = 0) is the skin; the knot lies 2 cm inside.
    const Mesh body = test_support::makeGridBox({-0.3f, 0.8f, 0.0f}, {0.3f, 1.6f, 0.2f}, 0.02f);
    const MeshBvh skin(body);
    SelfMassage t;
    t.tool = "tennis ball";
    t.against = MassageSurface::Wall;
    t.stroke = MassageStroke::Press;
    t.setUpGiven = true;
    const glm::vec3 knot(-0.1f, 1.2f, 0.02f);
    const auto g = massageGuide(t, Side::Right, knot, skin, {1, 0, 0}, 0.8f);
    ASSERT_TRUE(g.has_value());
    const GuideShape* ball = nullptr;
    const GuideShape* wall = nullptr;
    int arrows = 0;
    for (const auto& s : g->shapes) {
        if (s.kind == GuideShape::Kind::Sphere && !s.onTop) ball = &s;
        if (s.kind == GuideShape::Kind::Box) wall = &s;
        if (s.kind == GuideShape::Kind::Cone) ++arrows;
    }
    ASSERT_NE(ball, nullptr);
    ASSERT_NE(wall, nullptr);
    const glm::vec3 centre(ball->transform[3]);
    const float radius = glm::length(glm::vec3(ball->transform[0]));
    // Touching the skin (z = 0) from outside, right over the knot.
    EXPECT_NEAR(centre.z, -radius, 1e-3f);
    EXPECT_NEAR(centre.x, knot.x, 1e-3f);
    EXPECT_NEAR(centre.y, knot.y, 1e-3f);
    // The wall is square to the pressure and touches the ball's far side.
    EXPECT_NEAR(glm::vec3(wall->transform[3]).z, -2.0f * radius, 0.01f);
    EXPECT_GT(std::abs(glm::normalize(glm::vec3(wall->transform[2])).z), 0.99f);
    EXPECT_EQ(arrows, 1) << "one arrow for the pressure";
    EXPECT_NE(g->caption.find("Tennis ball against a wall"), std::string::npos) << g->caption;
    // The camera looks from outside the skin (behind the slab), not through the body.
    const float yaw = g->pose.yaw;
    EXPECT_LT(std::cos(yaw), 0.5f) << "seen from the back or the side, not the front";

    t.setUpGiven = false;
    EXPECT_FALSE(massageGuide(t, Side::Right, knot, skin, {1, 0, 0}, 0.8f).has_value()) << "no set-up data, no picture";
}

TEST(TechniqueGuide, TheStretchArrowTurnsAboutTheJointOfTheSideThatMoves) {
    const KnowledgeBase kb = KnowledgeBase::withEntries({}, {}, {}, {{Joint::Shoulder, {-0.2f, 1.4f, 0.07f}, 1}});
    Stretch s;
    s.movement = {{Joint::Shoulder, Motion::HorizontalAdduction, RelativeSide::Sore, std::nullopt, 0}};
    // The dot on the joint the arrow turns about.
    auto centreOfShapes = [](const TechniqueGuide& g) {
        for (const auto& shape : g.shapes)
            if (shape.kind == GuideShape::Kind::Sphere && std::abs(glm::length(glm::vec3(shape.transform[0])) - 0.012f) < 1e-4f)
                return glm::vec3(shape.transform[3]);
        return glm::vec3(0.0f);
    };
    const auto right = stretchGuide(s, Side::Right, kb, 0.8f);
    const auto left = stretchGuide(s, Side::Left, kb, 0.8f);
    ASSERT_TRUE(right && left);
    EXPECT_NEAR(centreOfShapes(*right).x, -0.2f, 1e-4f) << "the right shoulder is at -x";
    EXPECT_NEAR(centreOfShapes(*left).x, 0.2f, 1e-4f) << "a left selection mirrors it";
    // Across the chest: the arrow ends nearer the midline than it starts.
    const GuideShape* head = nullptr;
    for (const auto& shape : right->shapes)
        if (shape.kind == GuideShape::Kind::Cone) head = &shape;
    ASSERT_NE(head, nullptr);
    EXPECT_GT(glm::vec3(head->transform[2]).x, 0.0f) << "the head points toward the midline (+x for the right side)";
    EXPECT_EQ(left->caption, "Left shoulder: bring the arm across the chest");

    s.movement[0].side = RelativeSide::Other;
    EXPECT_NEAR(centreOfShapes(*stretchGuide(s, Side::Right, kb, 0.8f)).x, 0.2f, 1e-4f) << "the other arm moves";
    EXPECT_FALSE(stretchGuide(Stretch{}, Side::Right, kb, 0.8f).has_value()) << "no movement data, no picture";
}

TEST(PrimitiveMeshes, FaceOutward) {
    for (const Mesh& m : {unitSphere(), unitCylinder(), unitCone(), unitBox()}) {
        const glm::vec3 centre = m.bounds().center();
        for (std::size_t t = 0; t < m.triangleCount(); ++t) {
            const glm::vec3 a = m.positions[m.indices[3 * t]], b = m.positions[m.indices[3 * t + 1]], c = m.positions[m.indices[3 * t + 2]];
            const glm::vec3 n = glm::cross(b - a, c - a);
            if (glm::length(n) < 1e-6f) continue;  // slivers at the sphere's poles
            EXPECT_GT(glm::dot(n, (a + b + c) / 3.0f - centre), 0.0f) << "triangle " << t << " faces inward";
        }
    }
}
