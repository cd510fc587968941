#include <gtest/gtest.h>

#include "core/support/errors.h"
#include "core/clinical/pain_finder.h"
#include "support/test_support.h"

using namespace myomap;

namespace {
// Two fixture muscles on a box body: "front" refers to the front of the box at y=1.0
// (essential) and y=1.3 (spillover); "mixed" has the y=1.3 spot as essential and a
// second knot whose zone also covers y=1.0.
struct Fixture {
    Mesh skinMesh = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    MeshBvh skin{skinMesh};
    KnowledgeBase kb;
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
};

const char* kFront =
    "id: front\ncovers: [front_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
    "  - id: k\n    name: K\n    position: [-0.2, 1.2, 0.3]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n"
    "      spillover:\n        - {where: high front, center: [-0.2, 1.3, 0.3], radius: 0.06}\n";
const char* kMixed =
    "id: mixed\ncovers: [mixed_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
    "  - id: a\n    name: A\n    position: [-0.2, 1.2, 0.3]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: high front, center: [-0.2, 1.3, 0.3], radius: 0.06}\n"
    "  - id: b\n    name: B\n    position: [-0.2, 1.2, 0.3]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: low front wide, center: [-0.2, 1.0, 0.3], radius: 0.1}\n";
const char* kOne =
    "id: one\ncovers: [one_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
    "  - id: a\n    name: A\n    position: [-0.2, 1.2, 0.3]\n    palpation: P.\n    referral:\n"
    "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n";
}  // namespace

TEST(PainFinder, EssentialRanksAboveSpilloverAndSidesAreSeparate) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kFront), f.entry(kOne)});
    const PainFinder finder(kb, f.skin);
    // y = 1.3 is spillover for "front" only.
    auto c = finder.find({snapToSkin(f.skin, {-0.2f, 1.3f, 0.31f})});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].entry->id, "front");
    EXPECT_EQ(c[0].side, Side::Right);
    EXPECT_FALSE(c[0].matches[0].essential);
    // The mirrored spot belongs to the left side.
    c = finder.find({snapToSkin(f.skin, {0.2f, 1.3f, 0.31f})});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].side, Side::Left);
}

TEST(PainFinder, AZoneOfSeveralKnotsCountsMore) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne), f.entry(kMixed)});
    const PainFinder finder(kb, f.skin);
    // Both are essential at y=1.0, but "mixed" covers it with one knot only, "one" too:
    // equal; at y=1.0 with both spots (1.0 and 1.3), "mixed" explains both.
    const auto c = finder.find({snapToSkin(f.skin, {-0.2f, 1.0f, 0.31f}), snapToSkin(f.skin, {-0.2f, 1.3f, 0.31f})});
    ASSERT_GE(c.size(), 2u);
    EXPECT_EQ(c[0].entry->id, "mixed");
    EXPECT_EQ(c[0].spotsCovered, 2);
    EXPECT_EQ(c[1].entry->id, "one");
    EXPECT_NE(c[0].reason().find("essential zone (high front) of its 'A' knot"), std::string::npos) << c[0].reason();
}

TEST(PainFinder, EssentialBeatsSpilloverAtTheSameSpot) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kFront), f.entry(kMixed)});
    const PainFinder finder(kb, f.skin);
    const auto c = finder.find({snapToSkin(f.skin, {-0.2f, 1.3f, 0.31f})});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].entry->id, "mixed") << "essential there";
    EXPECT_EQ(c[1].entry->id, "front") << "spillover there";
    EXPECT_GT(c[0].score, c[1].score);
}

TEST(PainFinder, FarSideOfTheBodyIsNotMatched) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kFront)});
    const PainFinder finder(kb, f.skin);
    // The back of the box at the same height is within no zone.
    EXPECT_TRUE(finder.find({snapToSkin(f.skin, {-0.2f, 1.0f, -0.31f})}).empty());
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

TEST(PainFinder, ASpotInZonesOfTwoKnotsCountsForBoth) {
    Fixture f;
    const std::string twoKnots =
        "id: front\ncovers: [front_m]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
        "  - id: a\n    name: A\n    position: [-0.2, 1.2, 0.3]\n    palpation: P.\n    referral:\n"
        "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n"
        "  - id: b\n    name: B\n    position: [-0.2, 1.2, 0.3]\n    palpation: P.\n    referral:\n"
        "      essential:\n        - {where: low front, center: [-0.2, 1.0, 0.3], radius: 0.06}\n";
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne), f.entry(twoKnots)});
    const PainFinder finder(kb, f.skin);
    const auto c = finder.find({snapToSkin(f.skin, {-0.2f, 1.0f, 0.31f})});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].entry->id, "front");
    EXPECT_NEAR(c[0].score, 2.0 * c[1].score, 1e-6);
    EXPECT_EQ(c[0].matches.size(), 2u);
}

TEST(PainFinder, ANamedAreaCountsWhereverItsPatchOverlapsAZone) {
    Fixture f;
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(kOne)});
    const PainFinder finder(kb, f.skin);
    PainSpot spot = snapToSkin(f.skin, {-0.2f, 1.09f, 0.31f});  // 9 cm above a 6 cm zone
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
