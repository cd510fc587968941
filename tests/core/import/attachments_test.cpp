#include "core/import/attachments.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "core/anatomy/pack.h"
#include "core/support/errors.h"
#include "support/test_support.h"

using namespace myomap;

namespace {

std::vector<std::uint8_t> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}


PackObject attachment(const std::string& id, Side side, AttachmentKind kind) {
    PackObject o;
    o.muscleId = id;
    o.side = side;
    o.layer = Layer::Attachment;
    o.kind = kind;
    o.lods[0] = o.lods[1] = test_support::makeBox({0, 0, 0}, {0.01f, 0.001f, 0.01f});
    o.bounds = o.lods[0].bounds();
    return o;
}

}  // namespace

TEST(AttachmentTable, ParsesRowsAndFindsEveryRuleForAPiece) {
    const auto table = AttachmentTable::parse(
        "# comment\n"
        "bone\tarm\thumerus_right\tFJ3368\n"
        "attach\tbiceps_brachii\tradius_right\tbiceps_brachii_long_head\tinsertion\tforearm\n"
        "attach\tbiceps_brachii\tradius_right\tbiceps_brachii_short_head\tinsertion\tforearm\n"
        "attach\tserratus_anterior_muscle_e*\trib_right_*\tserratus_anterior\torigin\tthorax\n"
        "skip\tlong_plantar_ligament*\ta ligament\n",
        "attachments.tsv");
    ASSERT_EQ(table.bones.size(), 1u);
    EXPECT_EQ(table.bones[0].region, "arm");
    ASSERT_EQ(table.rules.size(), 3u);
    EXPECT_EQ(table.rules[0].kind, AttachmentKind::Insertion);
    EXPECT_EQ(table.rules[2].kind, AttachmentKind::Origin);
    EXPECT_EQ(table.rules[2].line, 5);
    EXPECT_EQ(table.rulesFor("biceps_brachii", "radius_right").size(), 2u)
        << "a shared insertion belongs to both heads";
    EXPECT_TRUE(table.rulesFor("biceps_brachii", "ulna_right").empty());
    EXPECT_EQ(table.rulesFor("serratus_anterior_muscle_e3l", "rib_right_4").size(), 1u);
    EXPECT_TRUE(table.mapsNode("serratus_anterior_muscle_e8l"));
    EXPECT_FALSE(table.mapsNode("serratus_anterior"));
    ASSERT_NE(table.skipFor("long_plantar_ligament_o2r"), nullptr);
    EXPECT_EQ(table.skipFor("long_plantar_ligament_o2r")->reason, "a ligament");
    EXPECT_EQ(table.skipFor("masseter"), nullptr);
}

TEST(AttachmentTable, MalformedRowsNameTheirLine) {
    auto expectError = [](const std::string& text, const std::string& fragment) {
        try {
            AttachmentTable::parse(text, "attachments.tsv");
            ADD_FAILURE() << "accepted: " << text;
        } catch (const CatalogError& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    expectError("# ok\nattach\tmasseter\tmandible\tmasseter\tend\thead\n", "attachments.tsv:2: kind 'end'");
    expectError("attach\tmasseter\tmandible\tmasseter\torigin\n", "attachments.tsv:1: expected");
    expectError("attach\tmasseter\t\tmasseter\torigin\thead\n", "attachments.tsv:1: an empty cell");
    expectError("bones\thead\tmandible\tFJ3289\n", "attachments.tsv:1: expected");
}

TEST(AttachmentTable, AMissingFileIsMissingNotMalformed) {
    test_support::TempDir dir;
    EXPECT_THROW(AttachmentTable::load(dir.file("attachments.tsv")), MissingSourceError);
}

TEST(AttachmentTable, GlobStarMatchesAnyRun) {
    EXPECT_TRUE(globMatch("*", ""));
    EXPECT_TRUE(globMatch("rib_right_*", "rib_right_12"));
    EXPECT_FALSE(globMatch("rib_right_*", "rib_left_12"));
    EXPECT_TRUE(globMatch("a*b*c", "axxbyyc"));
    EXPECT_FALSE(globMatch("a*b*c", "axxbyy"));
    EXPECT_TRUE(globMatch("masseter", "masseter"));
    EXPECT_FALSE(globMatch("masseter", "masseter_o1r"));
    EXPECT_TRUE(globMatch("*_o*", "masseter_o1r"));
}

TEST(Attachments, ConnectedPiecesSplitsAPatchJoiningSeams) {
    Mesh m = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    m.append(test_support::makeBox({2, 0, 0}, {3, 1, 1}));
    // A triangle that shares a position (not a vertex) with the first box: same piece.
    Mesh seam;
    seam.positions = {{1, 1, 1}, {1.5f, 1, 1}, {1, 1.5f, 1}};
    seam.indices = {0, 1, 2};
    seam.recomputeNormals();
    m.append(seam);
    const auto pieces = connectedPieces(m);
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(pieces[0].triangleCount(), 13u);
    EXPECT_EQ(pieces[1].triangleCount(), 12u);
    EXPECT_NEAR(pieces[1].bounds().min.x, 2.0f, 1e-6f);
    for (const auto& p : pieces) {
        EXPECT_EQ(p.normals.size(), p.positions.size());
        for (auto i : p.indices) EXPECT_LT(i, p.positions.size());
    }
}

TEST(Attachments, BoneLocatorPicksTheBoneThePieceLiesOn) {
    const std::vector<NamedMesh> bones = {{"near", test_support::makeBox({0, 0, 0}, {1, 1, 1})},
                                          {"nearer", test_support::makeBox({0, 1.005f, 0}, {1, 2, 1})},
                                          {"far", test_support::makeBox({5, 5, 5}, {6, 6, 6})}};
    const BoneLocator locator(bones);
    const Mesh piece = test_support::makeBox({0.2f, 1.006f, 0.2f}, {0.4f, 1.007f, 0.4f});
    const auto hit = locator.nearest(piece, 0.03f);
    ASSERT_TRUE(hit);
    EXPECT_EQ(bones[hit->bone].name, "nearer");
    EXPECT_LT(hit->meanDistance, 0.003f);
    EXPECT_FALSE(locator.nearest(test_support::makeBox({3, 3, 3}, {3.1f, 3.1f, 3.1f}), 0.03f))
        << "nothing within reach";
}

TEST(Attachments, APatchInsideOrAboveTheBoneIsLaidOnItsSurfaceAndAFarOneStays) {
    const Mesh bone = test_support::makeGridBox({0, 0, 0}, {1, 1, 1}, 0.1f);  // flat normals inside each face
    const MeshBvh bvh(bone);
    // Plates 4 mm inside the top face, 6 mm above it, and 5 cm above it.
    for (const float y : {0.996f, 1.006f, 1.05f}) {
        Mesh patch = test_support::makeBox({0.2f, y, 0.2f}, {0.4f, y, 0.4f});
        const std::size_t moved = layOnSurface(patch, bvh, 0.015f, 0.001f);
        const bool near = y < 1.01f;
        EXPECT_EQ(moved, near ? patch.positions.size() : 0u) << "plate at y = " << y;
        for (std::size_t i = 0; i < patch.positions.size(); ++i) {
            EXPECT_NEAR(patch.positions[i].y, near ? 1.001f : y, 1e-5f) << "plate at y = " << y;
            if (near) {
                EXPECT_NEAR(patch.normals[i].y, 1.0f, 1e-5f) << "the bone's outward normal";
            }
        }
    }
}

TEST(Attachments, DistanceSummaryUsesNearestRank) {
    std::vector<float> v;
    for (int i = 1; i <= 100; ++i) v.push_back(static_cast<float>(101 - i));
    const auto s = summarizeDistances(v);
    EXPECT_EQ(s.count, 100u);
    EXPECT_FLOAT_EQ(s.median, 50.0f);
    EXPECT_FLOAT_EQ(s.p95, 95.0f);
    EXPECT_EQ(summarizeDistances({}).count, 0u);
}

TEST(Attachments, PackKeepsAttachmentKindsAndFindStillGivesTheMuscle) {
    test_support::TempDir dir;
    Pack pack;
    PackObject muscle = attachment("biceps_brachii_long_head", Side::Right, AttachmentKind::None);
    muscle.layer = Layer::Muscle;
    pack.objects.push_back(attachment("biceps_brachii_long_head", Side::Right, AttachmentKind::Origin));
    pack.objects.push_back(muscle);
    pack.objects.push_back(attachment("biceps_brachii_long_head", Side::Right, AttachmentKind::Insertion));
    pack.write(dir.file("a.pack"));
    const Pack back = Pack::read(dir.file("a.pack"));
    ASSERT_EQ(back.objects.size(), 3u);
    EXPECT_EQ(back.objects[0].kind, AttachmentKind::Origin);
    EXPECT_EQ(back.objects[1].kind, AttachmentKind::None);
    EXPECT_EQ(back.objects[2].kind, AttachmentKind::Insertion);
    EXPECT_EQ(back.find("biceps_brachii_long_head", Side::Right), &back.objects[1]) << "never an attachment";
    EXPECT_EQ(back.indexOf("biceps_brachii_long_head", Side::Right), 1);
    EXPECT_EQ(back.findAttachment("biceps_brachii_long_head", Side::Right, AttachmentKind::Insertion),
              &back.objects[2]);
    EXPECT_EQ(back.findAttachment("biceps_brachii_long_head", Side::Left, AttachmentKind::Insertion), nullptr);
    EXPECT_STREQ(layerName(Layer::Attachment), "attachment");
    EXPECT_STREQ(attachmentKindName(AttachmentKind::Insertion), "insertion");
}

TEST(Attachments, ACorruptAttachmentKindIsAClearPackError) {
    test_support::TempDir dir;
    Pack pack;
    pack.objects.push_back(attachment("masseter", Side::Left, AttachmentKind::Origin));
    pack.write(dir.file("a.pack"));
    auto bytes = readAll(dir.file("a.pack"));
    bytes.back() = 7;  // the kind byte ends the attachment object
    test_support::refreshPackChecksum(bytes);
    try {
        Pack::readBytes(bytes.data(), bytes.size(), "a.pack");
        FAIL() << "an unknown attachment kind was accepted";
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("a.pack: object 0 ('masseter') is an attachment of unknown kind 7"),
                  std::string::npos)
            << e.what();
    }
    // An attachment without a kind is refused before it is written.
    pack.objects[0].kind = AttachmentKind::None;
    EXPECT_THROW(pack.write(dir.file("b.pack")), PackError);
}
