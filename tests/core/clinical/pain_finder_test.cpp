#include <gtest/gtest.h>

#include "core/support/errors.h"
#include "core/clinical/pain_finder.h"
#include "support/test_support.h"

using namespace myomap;

namespace {
// Fixture muscles on a box body with a 1 cm grid skin: "front" refers to the front of the
// box at y=1.0 (essential) and y=1.3 (spillover); "mixed" has the y=1.3 spot as essential
// and a second knot whose zone also covers y=1.0; "one" has only the y=1.0 zone. Their
// knots lie deep inside the box, so no local pain patch reaches the skin.
struct Fixture {
    Mesh skinMesh = test_support::makeGridBox({-0.5f, 0.6f, -0.3f}, {0.5f, 1.6f, 0.3f}, 0.01f);
    SkinMap map{skinMesh};
    const MeshBvh& skin = map.bvh();
    Catalog catalog = Catalog::parse(
        "id\tcommon_name\tlatin_name\tregion\tright\tleft\nfront_m\tFront\t\tneck\tbp3d:A\tbp3d:B\nmixed_m\tMixed\t\tneck\tbp3d:C\tbp3d:D\n"
        "one_m\tOne\t\tneck\tbp3d:E\tbp3d:F\n",
        "c.tsv");
    std::map<std::string, std::string> sources{{"s", "S"}};
    std::vector<BodyArea> areas;
    std::vector<EndangermentSite> sites;

    KnowledgeEntry entry(const std::string& text) {
        return KnowledgeBase::parseEntry(text, "fixture.yaml", catalog, {sources, areas, sites});
    }
    PainSpot at(glm::vec3 p, float radius = 0.0f) {
        PainSpot s = snapToSkin(skin, p);
        s.radius = radius;
        return s;
    }
};

const char* kFront =
    "id: front\ncovers: [front_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
    "  - id: k\n    name: K\n    position: [-0.2, 1.2, 0.0]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n"
    "      spillover:\n        - {where: high front, center: [-0.2, 1.3, 0.3], radius: 0.06}\n";
const char* kMixed =
    "id: mixed\ncovers: [mixed_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
    "  - id: a\n    name: A\n    position: [-0.2, 1.2, 0.0]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: high front, center: [-0.2, 1.3, 0.3], radius: 0.06}\n"
    "  - id: b\n    name: B\n    position: [-0.2, 1.2, 0.0]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: low front wide, center: [-0.2, 1.0, 0.3], radius: 0.1}\n";
const char* kOne =
    "id: one\ncovers: [one_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
    "  - id: a\n    name: A\n    position: [-0.2, 1.2, 0.0]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n";
}  // namespace

TEST(PainFinder, EssentialRanksAboveSpilloverAndSidesAreSeparate) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kFront), f.entry(kOne)});
    const PainFinder finder(kb, f.map);
    // y = 1.3 is spillover for "front" only.
    auto c = finder.find({f.at({-0.2f, 1.3f, 0.31f})});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].entry->id, "front");
    EXPECT_EQ(c[0].side, Side::Right);
    EXPECT_FALSE(c[0].matches[0].essential);
    EXPECT_NEAR(c[0].parts.explained, 0.5, 0.05) << "spillover explains half as much as essential";
    // The mirrored spot belongs to the left side.
    c = finder.find({f.at({0.2f, 1.3f, 0.31f})});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].side, Side::Left);
}

TEST(PainFinder, AMuscleWhoseKnotsExplainTheWholeDrawingComesFirst) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne), f.entry(kMixed)});
    const PainFinder finder(kb, f.map);
    // Spots at y=1.0 and y=1.3: "mixed" explains both (one with each knot), "one" half.
    const auto c = finder.find({f.at({-0.2f, 1.0f, 0.31f}), f.at({-0.2f, 1.3f, 0.31f})});
    ASSERT_GE(c.size(), 2u);
    EXPECT_EQ(c[0].entry->id, "mixed");
    EXPECT_NEAR(c[0].parts.explained, 1.0, 0.02);
    EXPECT_EQ(c[1].entry->id, "one");
    EXPECT_NEAR(c[1].parts.explained, 0.5, 0.05);
    EXPECT_NE(c[0].reason().find("high front"), std::string::npos) << c[0].reason();
    EXPECT_NE(c[0].reason().find("100% of what you drew"), std::string::npos) << c[0].reason();
}

TEST(PainFinder, EssentialBeatsSpilloverAtTheSameSpot) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kFront), f.entry(kMixed)});
    const PainFinder finder(kb, f.map);
    const auto c = finder.find({f.at({-0.2f, 1.3f, 0.31f})});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].entry->id, "mixed") << "essential there";
    EXPECT_EQ(c[1].entry->id, "front") << "spillover there";
    EXPECT_GT(c[0].score, c[1].score);
}

TEST(PainFinder, FarSideOfTheBodyIsNotMatched) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kFront)});
    const PainFinder finder(kb, f.map);
    // The back of the box at the same height is within no zone.
    EXPECT_TRUE(finder.find({f.at({-0.2f, 1.0f, -0.31f})}).empty());
}

TEST(PainFinder, CoverageOfThePatternAndConfidenceFollowTheDrawing) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne)});
    const PainFinder finder(kb, f.map);
    // A small dab inside the 6 cm zone explains itself fully but covers little of the zone.
    auto c = finder.find({f.at({-0.2f, 1.0f, 0.31f})});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_NEAR(c[0].parts.explained, 1.0, 0.02);
    EXPECT_LT(c[0].parts.covered, 0.15);
    EXPECT_EQ(c[0].confidence, Confidence::Possible);
    // Painting the zone whole covers it and is a strong match.
    c = finder.find({f.at({-0.2f, 1.0f, 0.31f}, 0.06f)});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_GT(c[0].parts.covered, 0.8);
    EXPECT_EQ(c[0].confidence, Confidence::Strong);
    // A drawing mostly elsewhere that only touches the zone is weak.
    c = finder.find({f.at({-0.2f, 1.15f, 0.31f}, 0.1f)});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_LT(c[0].parts.explained, 0.2);
    EXPECT_EQ(c[0].confidence, Confidence::Weak);
}

TEST(PainFinder, PressAnswersReRankTheCandidates) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne), f.entry(kFront)});
    const PainFinder finder(kb, f.map);
    PainDrawing drawing;
    drawing.strokes.push_back({"Spot 1", false, {{f.at({-0.2f, 1.0f, 0.31f}).point, 0.03f}}});
    const auto drawn = drawnVertices(f.map, drawing);
    auto c = finder.rank(drawn, drawing);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_NEAR(c[0].score, c[1].score, 1e-9) << "the same zone: a tie before pressing";
    const std::string second = c[1].entry->id;
    drawing.setAnswer(c[0].entry->id, Side::Right, PressAnswer::No);
    c = finder.rank(drawn, drawing);
    EXPECT_EQ(c[0].entry->id, second) << "'no' moves a candidate down";
    EXPECT_EQ(c[1].confidence, Confidence::Weak);
    EXPECT_NE(c[1].reason().find("did not bring on your pain"), std::string::npos) << c[1].reason();
    drawing.setAnswer(second, Side::Right, PressAnswer::Yes);
    c = finder.rank(drawn, drawing);
    EXPECT_EQ(c[0].entry->id, second);
    EXPECT_DOUBLE_EQ(c[0].parts.press, 1.6);
    EXPECT_EQ(c[0].confidence, Confidence::Strong);
}

TEST(PainFinder, AMuscleNamedAmongTheCommonCausesWeighsMore) {
    Fixture f;
    KnowledgeEntry common = f.entry(kFront);
    common.commonCause = true;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne), common});
    const PainFinder finder(kb, f.map);
    const auto c = finder.find({f.at({-0.2f, 1.0f, 0.31f})});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].entry->id, "front");
    EXPECT_DOUBLE_EQ(c[0].parts.prior, kCommonCausePrior);
    EXPECT_NEAR(c[0].score, kCommonCausePrior * c[1].score, 1e-9);
}

TEST(PainFinder, PainOverTheKnotItselfFindsTheMuscle) {
    Fixture f;
    // A knot just under the front skin, its referral far away: a spot over the knot counts.
    const std::string shallow =
        "id: one\ncovers: [one_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
        "  - id: a\n    name: A\n    position: [-0.2, 0.8, 0.28]\n    palpation: P.\n    referral:\n"
        "      essential:\n        - {where: high front, center: [-0.2, 1.4, 0.3], radius: 0.05}\n";
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(shallow)});
    const PainFinder finder(kb, f.map);
    const auto c = finder.find({f.at({-0.2f, 0.8f, 0.31f})});
    ASSERT_EQ(c.size(), 1u);
    ASSERT_FALSE(c[0].matches.empty());
    EXPECT_TRUE(c[0].matches[0].local);
    EXPECT_NE(c[0].reason().find("over the knot itself"), std::string::npos) << c[0].reason();
}

TEST(PainFinder, PointsFarFromTheSkinAreRejected) {
    Fixture f;
    EXPECT_THROW(snapToSkin(f.skin, {0.0f, 1.0f, 0.5f}), ArgumentError);
    EXPECT_NO_THROW(snapToSkin(f.skin, {0.0f, 1.0f, 0.34f}));
}

TEST(BodyAreas, SearchFindsByNameAndAlias) {
    std::vector<BodyArea> areas{{"temple", "Temple", {"side of the head"}, {-0.07f, 1.66f, 0.08f}, 0.04f},
                                {"back_of_knee", "Back of the knee", {}, {-0.1f, 0.5f, -0.02f}, 0.04f}};
    ASSERT_EQ(searchAreas(areas, "temple").size(), 1u);
    EXPECT_EQ(searchAreas(areas, "side of the head")[0]->id, "temple");
    EXPECT_EQ(searchAreas(areas, "KNEE")[0]->id, "back_of_knee");
    EXPECT_TRUE(searchAreas(areas, "elbow").empty());
}

TEST(PainFinder, ASpotInZonesOfTwoKnotsIsExplainedOnce) {
    Fixture f;
    const std::string twoKnots =
        "id: front\ncovers: [front_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
        "  - id: a\n    name: A\n    position: [-0.2, 1.2, 0.0]\n    palpation: P.\n    referral:\n"
        "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n"
        "  - id: b\n    name: B\n    position: [-0.2, 1.2, 0.0]\n    palpation: P.\n    referral:\n"
        "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n";
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne), f.entry(twoKnots)});
    const PainFinder finder(kb, f.map);
    const auto c = finder.find({f.at({-0.2f, 1.0f, 0.31f})});
    ASSERT_EQ(c.size(), 2u);
    // The drawing's area is explained once, whichever knots explain it; both knots are named.
    EXPECT_NEAR(c[0].score, c[1].score, 1e-9);
    const PainCandidate& two = c[0].entry->id == "front" ? c[0] : c[1];
    EXPECT_EQ(two.matches.size(), 2u);
}

TEST(PainFinder, ANamedAreaCountsWhereverItsPatchOverlapsAZone) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne)});
    const PainFinder finder(kb, f.map);
    PainSpot spot = f.at({-0.2f, 1.09f, 0.31f});  // 9 cm above a 6 cm zone
    EXPECT_TRUE(finder.find({spot}).empty());
    spot.radius = 0.04f;  // an area 4 cm across reaches into it
    EXPECT_EQ(finder.find({spot}).size(), 1u);
}

TEST(BodyAreas, NotANumberOrInfinityIsRefusedWithItsLine) {
    test_support::TempDir dir;
    dir.write("nan.yaml", "areas:\n  - id: temple\n    name: Temple\n    point: [.nan, 1.6, 0.1]\n");
    dir.write("inf.yaml", "areas:\n  - id: temple\n    name: Temple\n    point: [-0.07, 1.6, 0.1]\n    radius: .inf\n");
    for (const char* name : {"nan.yaml", "inf.yaml"}) {
        try {
            loadBodyAreas(dir.file(name));
            FAIL() << name << " was accepted";
        } catch (const ContentError& e) {
            EXPECT_NE(std::string(e.what()).find(std::string(name) + ":"), std::string::npos) << e.what();
        }
    }
}

TEST(PainDrawing, RoundTripsAndRefusesBadFilesByName) {
    PainDrawing d;
    d.created = "2026-12-01T10:00:00";
    d.strokes.push_back({"Painted area 1", false, {{{-0.07f, 1.66f, 0.14f}, 0.02f}, {{-0.08f, 1.68f, 0.11f}, 0.02f}}});
    d.strokes.push_back({"Erased area 1", true, {{{-0.08f, 1.68f, 0.11f}, 0.01f}}});
    d.strokes.push_back({"Largest brush", false, {{{-0.07f, 1.66f, 0.14f}, 0.3f}}});  // at the limit: found by fuzzing
    d.setAnswer("upper_trapezius", Side::Left, PressAnswer::NotSure);
    d.setAnswer("upper_trapezius", Side::Left, PressAnswer::Yes);  // replaces, not adds
    const PainDrawing back = parsePainDrawing(painDrawingJson(d), "d.json");
    ASSERT_EQ(back.strokes.size(), 3u);
    EXPECT_TRUE(back.strokes[1].erase);
    EXPECT_EQ(back.strokes[0].dabs.size(), 2u);
    EXPECT_FLOAT_EQ(back.strokes[0].dabs[1].point.z, 0.11f);
    ASSERT_EQ(back.answers.size(), 1u);
    EXPECT_EQ(back.answers[0].answer, PressAnswer::Yes);
    EXPECT_EQ(back.created, d.created);
    for (const char* bad : {"not json", R"({"format": "other", "version": 1})", R"({"format": "myomap-pain-drawing", "version": 2})",
                            R"({"format": "myomap-pain-drawing", "version": 1, "strokes": [{"dabs": [{"point": [1, 2]}]}]})",
                            R"({"format": "myomap-pain-drawing", "version": 1, "strokes": [{"dabs": [{"point": [0, 1, 0], "radius": 5}]}]})",
                            R"({"format": "myomap-pain-drawing", "version": 1, "answers": [{"entry": "x", "side": "up", "answer": "yes"}]})",
                            // found by fuzz_pain_drawing: a number past the double range
                            R"({"format": "myomap-pain-drawing", "version": 1, "strokes": [{"dabs": [{"point": [-0.07091e308650, 1, 0]}]}]})"}) {
        try {
            parsePainDrawing(bad, "visit.json");
            FAIL() << "accepted: " << bad;
        } catch (const ContentError& e) {
            EXPECT_EQ(std::string(e.what()).rfind("visit.json: ", 0), 0u) << e.what();
        }
    }
}

TEST(SkinMap, DistancesFollowTheSkinNotTheStraightLine) {
    // A thin slab: front and back faces 2 cm apart. A 5 cm zone on the front must not reach
    // the back, although the back is within 5 cm in a straight line.
    const Mesh slab = test_support::makeGridBox({-0.2f, 0.0f, 0.0f}, {0.2f, 0.4f, 0.02f}, 0.01f);
    const SkinMap map(slab);
    ZoneShape zone;
    zone.pieces.push_back({"front", {0.0f, 0.2f, 0.02f}, 0.05f, 0, "", {}});
    const auto paint = paintZones(map, {zone});
    int frontInside = 0, backInside = 0;
    for (std::size_t v = 0; v < map.vertexCount(); ++v) {
        const glm::vec3 p = map.mesh().positions[v];
        if (paint[v].x >= 0.0f) continue;
        (p.z > 0.01f ? frontInside : backInside) += 1;
    }
    EXPECT_GT(frontInside, 50);
    EXPECT_EQ(backInside, 0) << "the zone reached through the slab";
}

TEST(SkinMap, NearbyDiscsJoinAndABandIsOneShape) {
    const Mesh plate = test_support::makeGridBox({-0.3f, 0.0f, 0.0f}, {0.3f, 0.6f, 0.1f}, 0.005f);
    const SkinMap map(plate);
    auto insideAt = [&](const std::vector<glm::vec3>& paint, glm::vec3 p) {
        const auto c = map.bvh().closest(p);
        const auto seeds = map.disc(c->point, 0.001f);
        return !seeds.empty() && paint[seeds.front()].x < 0.0f;
    };
    // Two 3 cm discs whose edges are 1 cm apart: the gap between them is filled.
    ZoneShape two;
    two.pieces.push_back({"a", {-0.035f, 0.3f, 0.1f}, 0.03f, 0, "", {}});
    two.pieces.push_back({"b", {0.035f, 0.3f, 0.1f}, 0.03f, 0, "", {}});
    const auto joined = paintZones(map, {two});
    EXPECT_TRUE(insideAt(joined, {0.0f, 0.3f, 0.1f})) << "a gap between nearby discs";
    EXPECT_FALSE(insideAt(joined, {0.0f, 0.36f, 0.1f})) << "but the union does not swell far beyond the discs";
    // Discs 10 cm apart stay apart.
    ZoneShape apart;
    apart.pieces.push_back({"a", {-0.08f, 0.3f, 0.1f}, 0.03f, 0, "", {}});
    apart.pieces.push_back({"b", {0.08f, 0.3f, 0.1f}, 0.03f, 0, "", {}});
    EXPECT_FALSE(insideAt(paintZones(map, {apart}), {0.0f, 0.3f, 0.1f}));
    // A band 2 cm wide along a bent path covers its corner and its ends, and not beside them.
    ZoneShape band;
    band.pieces.push_back({"stripe", {-0.2f, 0.1f, 0.1f}, 0.01f, 0, "", {{-0.2f, 0.1f, 0.1f}, {0.0f, 0.1f, 0.1f}, {0.0f, 0.5f, 0.1f}}});
    const auto stripe = paintZones(map, {band});
    for (glm::vec3 p : {glm::vec3(-0.2f, 0.1f, 0.1f), glm::vec3(-0.1f, 0.1f, 0.1f), glm::vec3(0.0f, 0.1f, 0.1f), glm::vec3(0.0f, 0.3f, 0.1f),
                        glm::vec3(0.0f, 0.5f, 0.1f)})
        EXPECT_TRUE(insideAt(stripe, p)) << p.x << "," << p.y;
    EXPECT_FALSE(insideAt(stripe, {-0.1f, 0.13f, 0.1f})) << "3 cm beside the stripe";
    EXPECT_FALSE(insideAt(stripe, {0.03f, 0.3f, 0.1f}));
}
