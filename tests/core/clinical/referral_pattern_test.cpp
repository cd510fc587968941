#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/clinical/care_sheet.h"
#include "core/clinical/referral_pattern.h"
#include "core/session/view_focus.h"
#include "support/test_support.h"

using namespace myomap;

namespace {
KnowledgeEntry twoKnotEntry() {
    KnowledgeEntry e;
    e.id = "box";
    e.covers = {"box_muscle"};
    KnotSite a;
    a.id = "a";
    a.name = "Upper";
    a.position = {-0.15f, 1.2f, 0.1f};
    a.referral.essential = {{"front", {-0.1f, 1.0f, 0.3f}, 0.05f, 1, {}, {}}};
    a.referral.spillover = {{"side", {-0.5f, 1.0f, 0.0f}, 0.04f, 2, {}, {}}};
    KnotSite b = a;
    b.id = "b";
    b.position = {-0.15f, 1.15f, 0.1f};
    b.referral.essential = {{"back", {-0.1f, 1.0f, -0.3f}, 0.05f, 3, {}, {}}};
    b.referral.spillover.clear();
    e.knots = {a, b};
    return e;
}
}  // namespace

TEST(ReferralPattern, LeftSideIsTheMirrorAndNormalsComeFromTheSkin) {
    const Mesh skin = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    const MeshBvh bvh(skin);
    const ReferralPattern right = buildReferralPattern(twoKnotEntry(), Side::Right, -1, bvh);
    const ReferralPattern left = buildReferralPattern(twoKnotEntry(), Side::Left, -1, bvh);
    ASSERT_EQ(right.knots.size(), 2u);
    ASSERT_EQ(right.blobs.size(), 3u);
    EXPECT_FLOAT_EQ(left.knots[0].position.x, 0.15f);
    EXPECT_FLOAT_EQ(left.blobs[0].center.x, 0.1f);
    EXPECT_GT(right.blobs[0].normal.z, 0.5f) << "the front blob faces forward";
    EXPECT_LT(right.blobs[2].normal.z, -0.5f) << "the back blob faces backward";
    EXPECT_FALSE(right.blobs[1].essential);
}

TEST(ReferralPattern, OneKnotShowsOnlyItsOwnZones) {
    const Mesh skin = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    const MeshBvh bvh(skin);
    const ReferralPattern only = buildReferralPattern(twoKnotEntry(), Side::Right, 1, bvh);
    ASSERT_EQ(only.knots.size(), 1u);
    EXPECT_EQ(only.knots[0].knot, 1);
    ASSERT_EQ(only.blobs.size(), 1u);
    EXPECT_LT(only.blobs[0].center.z, 0.0f);
}

TEST(ReferralPattern, PaintStaysOnTheFacingSide) {
    const Mesh skin = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    const MeshBvh bvh(skin);
    ReferralPattern p = buildReferralPattern(twoKnotEntry(), Side::Right, 0, bvh);
    EXPECT_EQ(paintAt(p, {-0.1f, 1.01f, 0.3f}, {0, 0, 1}), 2) << "inside the essential zone";
    EXPECT_EQ(paintAt(p, {-0.5f, 1.0f, 0.01f}, {-1, 0, 0}), 1) << "inside the spillover zone";
    EXPECT_EQ(paintAt(p, {-0.1f, 1.5f, 0.3f}, {0, 0, 1}), 0) << "far from every zone";
    // A point within the radius but on a surface facing the other way (a thin limb's far side).
    p.blobs[0].radius = 1.0f;
    EXPECT_EQ(paintAt(p, {-0.1f, 1.0f, -0.3f}, {0, 0, -1}), 0);
}

TEST(ViewFocus, PainViewFacesTheZonesAndKnotViewFacesTheKnot) {
    const Mesh skin = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    const MeshBvh bvh(skin);
    const ReferralPattern back = buildReferralPattern(twoKnotEntry(), Side::Right, 1, bvh);
    const auto pain = focusPose(back, FocusMode::Pain, {0, 0, 1}, 0.6f);
    ASSERT_TRUE(pain);
    OrbitCamera cam;
    applyPose(cam, *pain);
    EXPECT_LT(cam.eye().z, -0.3f) << "the pain is on the back, so the camera goes behind";
    const auto knot = focusPose(back, FocusMode::Knot, {1, 0, 0}, 0.6f);
    applyPose(cam, *knot);
    EXPECT_GT(cam.eye().x, 0.3f) << "the knot view looks along the muscle's normal";
    EXPECT_FALSE(focusPose(ReferralPattern{}, FocusMode::Pain, {0, 0, 1}, 0.6f));
}

TEST(ViewFocus, BlendTurnsTheShortWayAndEndsOnTheTarget) {
    CameraPose a{{0, 1, 0}, 3.0f, 0.0f, 2.0f}, b{{0, 1, 0}, -3.0f, 0.2f, 1.0f};
    const CameraPose mid = blendPoses(a, b, 0.5f);
    EXPECT_GT(std::abs(mid.yaw), 3.0f) << "from +3 to -3 radians goes through pi, not through 0";
    const CameraPose end = blendPoses(a, b, 1.0f);
    EXPECT_NEAR(std::remainder(end.yaw - b.yaw, 6.2831853f), 0.0f, 1e-5f);
    EXPECT_FLOAT_EQ(end.distance, 1.0f);
}

TEST(CareSheet, NumbersStepsAndSwitchesAudience) {
    Catalog catalog = Catalog::parse("id\tcommon_name\tlatin_name\tregion\tright\tleft\nbox_muscle\tBox\tMusculus capsa\tneck\tbp3d:A\tbp3d:B\n", "c.tsv");
    KnowledgeEntry e = twoKnotEntry();
    e.summary = "Plain words.";
    e.clinical = "Clinical words.";
    SelfMassage ball;
    ball.name = "Ball";
    ball.tool = "tennis ball";
    ball.dose = "30 s";
    ball.pressure = "firm";
    ball.steps = {"One.", "Two.", "Three."};
    ball.avoid = {"bruises"};
    e.selfMassage = {ball};
    Stretch reach;
    reach.name = "Reach";
    reach.start = "Stand.";
    reach.frequency = "daily";
    reach.steps = {"Reach.", "Hold."};
    reach.holdSeconds = 30;
    reach.repetitions = 3;
    e.stretches = {reach};
    e.redFlags = {"Fever."};
    KnowledgeBase kb;
    const auto patient = buildCareSheet(e, catalog, kb, Audience::Patient, Side::Right);
    const auto clinician = buildCareSheet(e, catalog, kb, Audience::Clinician, Side::Right);
    ASSERT_EQ(patient.size(), 7u);
    EXPECT_EQ(patient[0].items[0].text, "Plain words.");
    bool latin = false;
    for (const auto& i : clinician[0].items) latin = latin || i.text.find("Musculus capsa") != std::string::npos;
    EXPECT_TRUE(latin);
    const auto& massage = patient[3];
    std::vector<int> numbers;
    for (const auto& i : massage.items)
        if (i.kind == CareItem::Kind::Step) numbers.push_back(i.number);
    EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3}));
    bool hold = false;
    for (const auto& i : patient[4].items) hold = hold || i.text == "Hold 30 seconds, 3 times, daily";
    EXPECT_TRUE(hold) << "holds and repetitions are visible at a glance";
}
