#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <glm/gtc/matrix_transform.hpp>

#include "core/support/errors.h"
#include "core/import/glb_reader.h"
#include "core/import/importer.h"
#include "core/import/registration.h"
#include "support/test_support.h"

using namespace myomap;

namespace {

Mesh moved(Mesh m, const glm::mat4& a) {
    transformMesh(m, a);
    return m;
}

/// Writes `mesh` (given in the pack's frame) as an OBJ in the DBCLS download's convention:
/// millimetres, +Z up, the subject facing -Y. Written out by hand here, independent of the
/// reader's conversion, so a wrong axis or unit in the reader fails the comparison.
void writeDbclsObj(const std::string& path, const Mesh& mesh) {
    std::ofstream out(path);
    out << "# BodyParts3D-style test part\ng part\n";
    for (const auto& p : mesh.positions) out << "v " << 1000.0f * p.x << ' ' << -1000.0f * p.z << ' ' << 1000.0f * p.y << '\n';
    for (const auto& n : mesh.normals) out << "vn " << n.x << ' ' << -n.z << ' ' << n.y << '\n';
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        out << 'f';
        for (int k = 0; k < 3; ++k) out << ' ' << mesh.indices[t + k] + 1 << "//" << mesh.indices[t + k] + 1;
        out << '\n';
    }
}

enum class PartFormat { Glb, DbclsObj };

/// A miniature sources folder: two BodyParts3D muscle parts, a skin, two bones, and a
/// Z-Anatomy export whose frame is scaled and shifted from BodyParts3D's. The BodyParts3D
/// parts are per-part GLBs or the DBCLS OBJ download's layout.
struct MiniSources {
    test_support::TempDir dir;
    glm::mat4 zaFromBp;  // how the Z-Anatomy frame differs
    PartFormat format;

    explicit MiniSources(PartFormat partFormat = PartFormat::Glb) : format(partFormat) {
        zaFromBp = glm::scale(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.05f, 0.02f)), glm::vec3(0.96f));
        std::filesystem::create_directories(dir.path() / partsFolder());
        std::filesystem::create_directories(dir.path() / "src/z-anatomy");
        const Mesh right = test_support::makeBox({-0.2f, 1.0f, 0.0f}, {-0.1f, 1.2f, 0.1f});
        writePart("FJ0001", right);
        writePart("FJ0001M", right.mirroredX());
        writePart("FJ9000", test_support::makeBox({-0.4f, 0.0f, -0.2f}, {0.4f, 1.8f, 0.3f}));
        const Mesh boneA = test_support::makeBox({-0.15f, 0.8f, -0.05f}, {0.15f, 1.0f, 0.05f});
        const Mesh boneB = test_support::makeBox({-0.05f, 1.3f, -0.1f}, {0.08f, 1.5f, 0.02f});
        writePart("FJ8001", boneA);
        writePart("FJ8002", boneB);
        // Z-Anatomy: the same bones and one muscle spanning the midline, in the other frame.
        const Mesh muscle = test_support::makeBox({-0.12f, 1.05f, -0.08f}, {0.12f, 1.25f, -0.02f});
        writeGlbFile(dir.file("src/z-anatomy/skeletal.glb"), {{"bone_a", moved(boneA, zaFromBp)}, {"bone_b", moved(boneB, zaFromBp)}});
        writeGlbFile(dir.file("src/z-anatomy/muscular.glb"), {{"wide_muscle", moved(muscle, zaFromBp)}});
        dir.write("models/layers.tsv", "layer\tsource\nskin\tbp3d:FJ9000\nskeleton\tbp3d:FJ8001\nskeleton\tbp3d:FJ8002\n");
        dir.write("models/registration.tsv",
                  "bone\ttrunk\tbone_a\tFJ8001\nbone\ttrunk\tbone_b\tFJ8002\nmuscle\twide_muscle\ttrunk\n");
        writeCatalog("");
    }
    std::string partsFolder() const {
        return format == PartFormat::Glb ? "src/bodyparts3d/parts/" : "src/bodyparts3d/isa_BP3D_4.0_obj_99/";
    }
    void writePart(const std::string& id, const Mesh& mesh) {
        if (format == PartFormat::Glb) {
            writeGlbFile(dir.file(partsFolder() + id + ".glb"), {{id, mesh}});
        } else {
            writeDbclsObj(dir.file(partsFolder() + id + ".obj"), mesh);
        }
    }
    void writeCatalog(const std::string& extraRows) {
        dir.write("models/muscles.tsv",
                  "id\tcommon_name\tlatin_name\tregion\tright\tleft\n"
                  "part_one\tPart one\tPars una\tneck\tbp3d:FJ0001\tbp3d:FJ0001M\n"
                  "wide\tWide muscle\tMusculus latus\tback\tzanatomy:wide_muscle\tzanatomy:wide_muscle\n" +
                      extraRows);
    }
    ImportOptions options() const {
        ImportOptions o;
        o.sourcesDir = dir.file("src");
        o.modelsDir = dir.file("models");
        return o;
    }
};

}  // namespace

TEST(Importer, BuildsBothSidesAndContextLayers) {
    MiniSources s;
    const Pack pack = importPack(s.options());
    ASSERT_NE(pack.find("part_one", Side::Right), nullptr);
    ASSERT_NE(pack.find("part_one", Side::Left), nullptr);
    EXPECT_LT(pack.find("part_one", Side::Right)->bounds.max.x, 0.0f) << "the subject's right is at -X";
    EXPECT_GT(pack.find("part_one", Side::Left)->bounds.min.x, 0.0f);
    ASSERT_NE(pack.layer(Layer::Skin), nullptr);
    ASSERT_NE(pack.layer(Layer::Skeleton), nullptr);
    EXPECT_EQ(pack.layer(Layer::Skeleton)->mesh(Lod::Full).positions.size(), 16u) << "both bones merge into one layer";
}

TEST(Importer, RegistersZAnatomyIntoTheBodyParts3DFrameAndSplitsSides) {
    MiniSources s;
    const Pack pack = importPack(s.options());
    const PackObject* right = pack.find("wide", Side::Right);
    const PackObject* left = pack.find("wide", Side::Left);
    ASSERT_TRUE(right && left);
    // Registration undoes the frame change, so the muscle lands where it was drawn.
    EXPECT_NEAR(right->bounds.min.x, -0.12f, 2e-3f);
    EXPECT_NEAR(right->bounds.min.y, 1.05f, 2e-3f);
    EXPECT_NEAR(right->bounds.max.y, 1.25f, 2e-3f);
    EXPECT_NEAR(right->bounds.min.z, -0.08f, 2e-3f);
    EXPECT_LE(right->bounds.max.x, 0.001f) << "the right half keeps only x < 0";
    EXPECT_NEAR(left->bounds.max.x, -right->bounds.min.x, 1e-6f) << "left mirrors right";
}

TEST(Importer, SplitsAMidlinePartNamedForBothSidesAtTheMidline) {
    MiniSources s;
    // One mesh across the midline, lopsided like the diaphragm (its right dome is higher),
    // with a bridge whose triangles straddle x = 0.
    Mesh midline = test_support::makeBox({-0.15f, 1.1f, 0.0f}, {-0.01f, 1.3f, 0.2f});
    midline.append(test_support::makeBox({0.01f, 1.1f, 0.0f}, {0.15f, 1.25f, 0.2f}));
    midline.append(test_support::makeBox({-0.05f, 1.1f, 0.05f}, {0.05f, 1.15f, 0.1f}));
    writeGlbFile(s.dir.file("src/bodyparts3d/parts/FJ0002.glb"), {{"FJ0002", midline}});
    s.writeCatalog("sheet\tSheet\tDiaphragma\ttrunk\tbp3d:FJ0002\tbp3d:FJ0002\n");
    const Pack pack = importPack(s.options());
    const PackObject* right = pack.find("sheet", Side::Right);
    const PackObject* left = pack.find("sheet", Side::Left);
    ASSERT_TRUE(right && left);
    EXPECT_LE(right->bounds.max.x, 0.0f) << "the right half stops at the midline";
    EXPECT_GE(left->bounds.min.x, 0.0f) << "the left half starts there: the halves do not overlap";
    EXPECT_NEAR(right->bounds.min.x, -0.15f, 1e-6f);
    EXPECT_NEAR(left->bounds.max.x, 0.15f, 1e-6f);
    EXPECT_NEAR(right->bounds.max.y, 1.3f, 1e-6f) << "each side keeps its own shape, not a mirror";
    EXPECT_NEAR(left->bounds.max.y, 1.25f, 1e-6f);
    EXPECT_EQ(right->mesh(Lod::Full).triangleCount() + left->mesh(Lod::Full).triangleCount(), midline.triangleCount())
        << "every triangle goes to exactly one side";
}

TEST(Importer, AbsentMeshNamesTheCatalogLine) {
    MiniSources s;
    s.writeCatalog("ghost\tGhost\t\tneck\tbp3d:FJ4040\tbp3d:FJ4040M\n");
    try {
        importPack(s.options());
        FAIL() << "an absent mesh was accepted";
    } catch (const ImportError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("muscles.tsv:4"), std::string::npos) << what;
        EXPECT_NE(what.find("ghost"), std::string::npos) << what;
        EXPECT_NE(what.find("FJ4040"), std::string::npos) << what;
    }
}

TEST(Importer, CorruptPartFileFailsNamingTheFile) {
    MiniSources s;
    std::filesystem::resize_file(s.dir.file("src/bodyparts3d/parts/FJ0001M.glb"), 100);
    try {
        importPack(s.options());
        FAIL() << "a truncated part was accepted";
    } catch (const MeshFileError& e) {
        EXPECT_NE(std::string(e.what()).find("FJ0001M.glb"), std::string::npos) << e.what();
    }
}

TEST(Importer, ReadsTheDbclsObjDownloadIntoTheSamePackAsTheGlbParts) {
    MiniSources glb(PartFormat::Glb), obj(PartFormat::DbclsObj);
    const Pack fromGlb = importPack(glb.options());
    const Pack fromObj = importPack(obj.options());
    ASSERT_EQ(fromObj.objects.size(), fromGlb.objects.size());
    for (const auto& expected : fromGlb.objects) {
        const PackObject* got = expected.layer == Layer::Muscle ? fromObj.find(expected.muscleId, expected.side)
                                                                : fromObj.layer(expected.layer);
        ASSERT_NE(got, nullptr) << expected.muscleId;
        const Mesh& a = expected.mesh(Lod::Full);
        const Mesh& b = got->mesh(Lod::Full);
        EXPECT_EQ(b.triangleCount(), a.triangleCount()) << expected.muscleId;
        // Millimetres printed as text: a micrometre of rounding, far below any axis or unit slip.
        for (int axis = 0; axis < 3; ++axis) {
            EXPECT_NEAR(got->bounds.min[axis], expected.bounds.min[axis], 1e-5f) << expected.muscleId << " axis " << axis;
            EXPECT_NEAR(got->bounds.max[axis], expected.bounds.max[axis], 1e-5f) << expected.muscleId << " axis " << axis;
        }
        for (std::size_t t = 0; t + 2 < std::min(a.indices.size(), b.indices.size()); t += 3) {
            const glm::vec3 ca = (a.positions[a.indices[t]] + a.positions[a.indices[t + 1]] + a.positions[a.indices[t + 2]]) / 3.0f;
            const glm::vec3 cb = (b.positions[b.indices[t]] + b.positions[b.indices[t + 1]] + b.positions[b.indices[t + 2]]) / 3.0f;
            const glm::vec3 na = glm::cross(a.positions[a.indices[t + 1]] - a.positions[a.indices[t]], a.positions[a.indices[t + 2]] - a.positions[a.indices[t]]);
            const glm::vec3 nb = glm::cross(b.positions[b.indices[t + 1]] - b.positions[b.indices[t]], b.positions[b.indices[t + 2]] - b.positions[b.indices[t]]);
            ASSERT_LT(glm::length(ca - cb), 1e-5f) << expected.muscleId << " triangle " << t / 3;
            ASSERT_GT(glm::dot(na, nb), 0.0f) << expected.muscleId << " triangle " << t / 3 << " faces the other way";
        }
    }
    const PackObject* right = fromObj.find("part_one", Side::Right);
    ASSERT_NE(right, nullptr);
    EXPECT_NEAR(right->bounds.min.x, -0.2f, 1e-5f) << "the subject's right stays at -X";
    EXPECT_NEAR(right->bounds.max.y, 1.2f, 1e-5f) << "Z up became Y up";
    EXPECT_NEAR(right->bounds.max.z, 0.1f, 1e-5f) << "facing -Y became facing +Z";
}

TEST(Importer, MissingObjPartIsListedAndACorruptOneStopsTheBuild) {
    MiniSources s(PartFormat::DbclsObj);
    s.writeCatalog("ghost\tGhost\t\tneck\tbp3d:FJ4040\tbp3d:FJ4040M\n");
    try {
        importPack(s.options());
        FAIL() << "an absent OBJ part was accepted";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("FJ4040.obj"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("FJ4040M.obj"), std::string::npos) << e.what();
    }
    s.writeCatalog("");
    s.dir.write(s.partsFolder() + "FJ0001M.obj", "v 1 2\nf 1 2 3 4 5\nthis is not an OBJ file\n");
    EXPECT_THROW(importPack(s.options()), MeshFileError);
}

TEST(Importer, ACorruptFileIsNotMistakenForAMissingOneWhateverItsMessageSays) {
    MiniSources s;
    // A GLB whose JSON names a bufferView that "does not exist": still corrupt, not missing.
    std::string json = R"({"asset":{"version":"2.0"},"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                       R"("nodes":[{"mesh":0}],"bufferViews":[],"accessors":[{"bufferView":7,"componentType":5126,"count":3,"type":"VEC3"}]})";
    while (json.size() % 4) json += ' ';
    std::string glb = "glTF";
    auto put32 = [&](std::uint32_t v) { for (int k = 0; k < 4; ++k) glb += static_cast<char>((v >> (8 * k)) & 0xFF); };
    put32(2);
    put32(static_cast<std::uint32_t>(12 + 8 + json.size()));
    put32(static_cast<std::uint32_t>(json.size()));
    put32(0x4E4F534A);
    glb += json;
    s.dir.write("src/bodyparts3d/parts/FJ0001M.glb", glb);
    try {
        importPack(s.options());
        FAIL() << "a corrupt part was accepted";
    } catch (const MissingSourceError& e) {
        FAIL() << "reported as missing: " << e.what();
    } catch (const MeshFileError& e) {
        EXPECT_NE(std::string(e.what()).find("FJ0001M.glb"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << "the trap this test sets: " << e.what();
    }
}

TEST(Importer, MissingZAnatomyExportIsReportedForEveryMuscleThatNeedsIt) {
    MiniSources s;
    s.writeCatalog("wide_two\tWide two\t\tback\tzanatomy:wide_muscle\tzanatomy:wide_muscle\n");
    std::filesystem::remove(s.dir.file("src/z-anatomy/muscular.glb"));
    try {
        importPack(s.options());
        FAIL();
    } catch (const ImportError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("4 catalog source(s)"), std::string::npos) << "both sides of both muscles: " << what;
        EXPECT_NE(what.find("muscular.glb"), std::string::npos) << what;
    }
}

TEST(Importer, ALayerRowNamingZAnatomyIsRejectedWithItsLine) {
    MiniSources s;
    s.dir.write("models/layers.tsv", "layer\tsource\nskin\tbp3d:FJ9000\nskeleton\tzanatomy:bone_a\n");
    try {
        importPack(s.options());
        FAIL() << "a zanatomy: layer source was ignored";
    } catch (const CatalogError& e) {
        EXPECT_NE(std::string(e.what()).find("layers.tsv:3"), std::string::npos) << e.what();
    }
}

TEST(Importer, MissingSourcesFolderSaysWhatToSet) {
    MiniSources s;
    ImportOptions o = s.options();
    o.sourcesDir = s.dir.file("nowhere");
    try {
        importPack(o);
        FAIL();
    } catch (const SourcesError& e) {
        EXPECT_NE(std::string(e.what()).find("MYOMAP_ANATOMY_SOURCES"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("BodyParts3D"), std::string::npos) << e.what();
    }
}

TEST(Importer, InteractiveLodHasFewerTrianglesAndValidNormals) {
    Mesh dense;
    // A finely tessellated plane simplifies well.
    const int n = 60;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j) dense.positions.emplace_back(float(i) / n, float(j) / n, 0.0f);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const unsigned a = i * (n + 1) + j;
            dense.indices.insert(dense.indices.end(), {a, a + n + 1, a + 1, a + 1, a + n + 1, a + n + 2});
        }
    dense.recomputeNormals();
    const Mesh lod = makeInteractiveLod(dense, 0.1f);
    EXPECT_LT(lod.triangleCount(), dense.triangleCount() / 4);
    EXPECT_GT(lod.triangleCount(), 0u);
    ASSERT_EQ(lod.normals.size(), lod.positions.size());
    for (auto idx : lod.indices) EXPECT_LT(idx, lod.positions.size());
}

TEST(Registration, FitAffineRecoversAKnownMap) {
    const glm::mat4 truth = glm::rotate(glm::scale(glm::translate(glm::mat4(1.0f), {0.1f, -0.2f, 0.3f}), glm::vec3(1.05f)), 0.1f,
                                        glm::vec3(0, 1, 0));
    std::vector<std::pair<glm::vec3, glm::vec3>> pairs;
    for (int i = 0; i < 20; ++i) {
        const glm::vec3 p(std::sin(i * 1.3f), std::cos(i * 0.7f), std::sin(i * 2.1f + 1.0f));
        pairs.emplace_back(p, glm::vec3(truth * glm::vec4(p, 1.0f)));
    }
    const glm::mat4 fit = fitAffine(pairs);
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 3; ++r) EXPECT_NEAR(fit[c][r], truth[c][r], 1e-4f);
    EXPECT_THROW(fitAffine({pairs[0], pairs[1]}), MyomapError);
}

TEST(Importer, TuckUnderSkinPullsPokingVerticesInsideAndKeepsSidesMirrored) {
    const Mesh skin = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    const MeshBvh bvh(skin);
    // A right-side muscle whose front pokes 1 cm out of the skin.
    Mesh right = test_support::makeBox({-0.3f, 1.0f, 0.1f}, {-0.2f, 1.2f, 0.31f});
    Mesh left = right.mirroredX();
    EXPECT_EQ(tuckUnderSkin(right, bvh, 0.003f), 4u) << "the four front corners move";
    tuckUnderSkin(left, bvh, 0.003f);
    EXPECT_LT(right.bounds().max.z, 0.2985f) << "now inside the skin";
    EXPECT_GT(right.bounds().max.z, 0.29f) << "but only just";
    EXPECT_NEAR(right.bounds().min.z, 0.1f, 1e-6f) << "deep vertices stay";
    EXPECT_NEAR(left.bounds().max.z, right.bounds().max.z, 1e-6f);
    EXPECT_NEAR(left.bounds().min.x, -right.bounds().max.x, 1e-6f);
}

TEST(Importer, DropsSmallSheetsThatReachTheMidlineButKeepsTheMuscle) {
    Mesh m = test_support::makeBox({-0.10f, 1.0f, 0.0f}, {-0.02f, 1.2f, 0.05f});  // the muscle (12 triangles)
    Mesh sheet;
    sheet.positions = {{-0.05f, 1.0f, -0.01f}, {0.0f, 1.0f, -0.01f}, {0.0f, 1.2f, -0.01f}, {-0.05f, 1.2f, -0.01f}};
    sheet.indices = {0, 1, 2, 0, 2, 3};
    sheet.recomputeNormals();
    m.append(sheet);
    EXPECT_EQ(dropMidlineSheets(m), 2u);
    EXPECT_EQ(m.triangleCount(), 12u);
    EXPECT_LT(m.bounds().max.x, -0.01f);
    // A muscle that itself reaches the midline (latissimus' aponeurosis) is the largest piece: kept.
    Mesh wide = test_support::makeBox({-0.10f, 1.0f, 0.0f}, {0.0f, 1.2f, 0.05f});
    EXPECT_EQ(dropMidlineSheets(wide), 0u);
}

namespace {

/// MiniSources plus Z-Anatomy attachment patches: an arm bone whose Z-Anatomy copy is moved
/// differently from the rest (so only its own region's fit lands it), and insertions.glb
/// with a patch on the trunk bone, one on the arm bone, a left-side copy, a skipped and an
/// unknown node.
struct AttachmentSources : MiniSources {
    glm::mat4 armFromBp;  // the arm's extra displacement in Z-Anatomy, on top of zaFromBp
    Mesh boneC = test_support::makeBox({-0.35f, 0.9f, -0.05f}, {-0.25f, 1.1f, 0.05f});
    // Thin patches lying on top of bone_a (the trunk) and of bone_c (the arm), in the pack's frame.
    Mesh onTrunk = test_support::makeBox({-0.10f, 1.0f, -0.02f}, {-0.05f, 1.001f, 0.02f});
    Mesh onArm = test_support::makeBox({-0.33f, 1.1f, -0.02f}, {-0.27f, 1.101f, 0.02f});

    AttachmentSources() {
        armFromBp = glm::scale(glm::translate(glm::mat4(1.0f), glm::vec3(-0.03f, 0.04f, 0.01f)), glm::vec3(1.1f));
        writePart("FJ8003", boneC);
        writePart("FJ8003M", boneC.mirroredX());
        dir.write("models/layers.tsv",
                  "layer\tsource\nskin\tbp3d:FJ9000\nskeleton\tbp3d:FJ8001\nskeleton\tbp3d:FJ8002\n"
                  "skeleton\tbp3d:FJ8003\nskeleton\tbp3d:FJ8003M\n");
        const Mesh boneA = test_support::makeBox({-0.15f, 0.8f, -0.05f}, {0.15f, 1.0f, 0.05f});
        const Mesh boneB = test_support::makeBox({-0.05f, 1.3f, -0.1f}, {0.08f, 1.5f, 0.02f});
        const glm::mat4 arm = zaFromBp * armFromBp;
        writeGlbFile(
            dir.file("src/z-anatomy/skeletal.glb"),
            {{"bone_a", moved(boneA, zaFromBp)}, {"bone_b", moved(boneB, zaFromBp)}, {"bone_c", moved(boneC, arm)}});
        // wide_muscle_o1 has a second piece on bone_b, which no row takes.
        Mesh trunkPatch = moved(onTrunk, zaFromBp);
        trunkPatch.append(moved(test_support::makeBox({-0.04f, 1.5f, -0.08f}, {-0.01f, 1.501f, -0.02f}), zaFromBp));
        writeGlbFile(dir.file("src/z-anatomy/insertions.glb"),
                     {{"wide_muscle_o1", trunkPatch},
                      {"part_one_tendon", moved(onArm, arm)},
                      {"part_one_tendon_l", moved(onArm.mirroredX(), arm)},  // the left copy
                      {"some_ligament", moved(onArm, arm)},
                      {"mystery", moved(onTrunk, zaFromBp)}});
        dir.write("models/attachments.tsv",
                  "# test table\n"
                  "bone\tarm\tbone_c\tFJ8003\n"
                  "attach\twide_muscle_o*\tbone_a\twide\torigin\ttrunk\n"
                  "attach\tpart_one_tendon*\tbone_c\tpart_one\tinsertion\tarm\n"
                  "skip\tsome_ligament\ta ligament\n");
    }
};

}  // namespace

TEST(Importer, RegistersAttachmentPatchesWithTheirRegionsAffineAndGivesMuscleKindAndSide) {
    AttachmentSources s;
    ImportReport report;
    const Pack pack = importPack(s.options(), &report);
    const AttachmentReport& a = report.attachments;
    EXPECT_EQ(a.unavailable, "");

    // The patch on the arm bone lands on it: only the arm's own fit undoes its displacement.
    const PackObject* armRight = pack.findAttachment("part_one", Side::Right, AttachmentKind::Insertion);
    ASSERT_NE(armRight, nullptr);
    EXPECT_EQ(armRight->layer, Layer::Attachment);
    EXPECT_EQ(armRight->kind, AttachmentKind::Insertion);
    for (int axis = 0; axis < 3; ++axis) {
        EXPECT_NEAR(armRight->bounds.min[axis], s.onArm.bounds().min[axis], 2e-3f) << "axis " << axis;
        EXPECT_NEAR(armRight->bounds.max[axis], s.onArm.bounds().max[axis], 2e-3f) << "axis " << axis;
    }
    const PackObject* armLeft = pack.findAttachment("part_one", Side::Left, AttachmentKind::Insertion);
    ASSERT_NE(armLeft, nullptr);
    EXPECT_NEAR(armLeft->bounds.min.x, -armRight->bounds.max.x, 1e-6f) << "the left side mirrors the right";
    EXPECT_EQ(pack.findAttachment("part_one", Side::Right, AttachmentKind::Origin), nullptr);

    // The patch on the trunk bone: the trunk fit, muscle 'wide', an origin.
    const PackObject* trunk = pack.findAttachment("wide", Side::Right, AttachmentKind::Origin);
    ASSERT_NE(trunk, nullptr);
    EXPECT_NEAR(trunk->bounds.min.x, -0.10f, 2e-3f);
    EXPECT_NEAR(trunk->bounds.max.x, -0.05f, 2e-3f);
    EXPECT_NEAR(trunk->bounds.min.y, 1.0f, 2e-3f);
    ASSERT_NE(pack.findAttachment("wide", Side::Left, AttachmentKind::Origin), nullptr);

    // Attachments share their muscle's id, but find() still gives the muscle.
    ASSERT_NE(pack.find("part_one", Side::Right), nullptr);
    EXPECT_EQ(pack.find("part_one", Side::Right)->layer, Layer::Muscle);

    EXPECT_EQ(a.patches, 5u);
    EXPECT_EQ(a.registered, 2u);
    EXPECT_EQ(a.leftCopies, 1u) << "part_one_tendon_l lies on the left: the mirror covers it";
    ASSERT_EQ(a.skipped.size(), 1u);
    EXPECT_EQ(a.skipped[0], "some_ligament: a ligament");
    ASSERT_EQ(a.unmapped.size(), 1u);
    EXPECT_EQ(a.unmapped[0], "mystery");
    ASSERT_EQ(a.strays.size(), 1u);
    EXPECT_NE(a.strays[0].find("no row for its piece on 'bone_b'"), std::string::npos) << a.strays[0];
    EXPECT_EQ(a.objects, 4u);
    std::size_t attachments = 0;
    for (const auto& o : pack.objects) attachments += o.layer == Layer::Attachment;
    EXPECT_EQ(attachments, 4u);

    // Both patches sit on the skeleton: the distances are measured per region, then for all.
    ASSERT_EQ(a.boneDistance.size(), 3u);
    EXPECT_EQ(a.boneDistance[0].region, "arm");
    EXPECT_EQ(a.boneDistance[1].region, "trunk");
    EXPECT_EQ(a.boneDistance[2].region, "all");
    for (const auto& d : a.boneDistance) {
        EXPECT_GT(d.vertices, 0u) << d.region;
        EXPECT_LT(d.p95Mm, 2.0f) << d.region;
    }
}

TEST(Importer, MissingInsertionsAreListedAsMissingAndThePackStillBuilds) {
    AttachmentSources s;
    std::filesystem::remove(s.dir.file("src/z-anatomy/insertions.glb"));
    ImportReport report;
    std::vector<std::string> log;
    ImportOptions options = s.options();
    options.log = [&](const std::string& line) { log.push_back(line); };
    const Pack pack = importPack(options, &report);
    const std::string& why = report.attachments.unavailable;
    EXPECT_NE(why.find("insertions.glb"), std::string::npos) << why;
    EXPECT_NE(why.find("does not exist"), std::string::npos) << why;
    EXPECT_EQ(why.find("corrupt"), std::string::npos) << why;
    EXPECT_NE(std::find(log.begin(), log.end(), "no muscle attachments: " + why), log.end()) << "the log lists it";
    // Everything else is there, and no attachments.
    EXPECT_NE(pack.find("part_one", Side::Left), nullptr);
    EXPECT_NE(pack.find("wide", Side::Right), nullptr);
    EXPECT_NE(pack.layer(Layer::Skeleton), nullptr);
    EXPECT_EQ(pack.layer(Layer::Attachment), nullptr);
    EXPECT_EQ(report.attachments.objects, 0u);

    // A models folder without the table is listed the same way.
    std::filesystem::remove(s.dir.file("models/attachments.tsv"));
    importPack(s.options(), &report);
    EXPECT_NE(report.attachments.unavailable.find("attachments.tsv"), std::string::npos)
        << report.attachments.unavailable;
}

TEST(Importer, ACorruptInsertionsFileStopsTheBuildNamingIt) {
    AttachmentSources s;
    std::filesystem::resize_file(s.dir.file("src/z-anatomy/insertions.glb"), 100);
    try {
        importPack(s.options());
        FAIL() << "a truncated insertions.glb was accepted";
    } catch (const MissingSourceError& e) {
        FAIL() << "reported as missing: " << e.what();
    } catch (const MeshFileError& e) {
        EXPECT_NE(std::string(e.what()).find("insertions.glb"), std::string::npos) << e.what();
    }
}

TEST(Importer, AttachmentRowsNamingAnUnknownMuscleOrRegionFailWithTheirLines) {
    AttachmentSources s;
    s.dir.write("models/attachments.tsv",
                "attach\tpart_one_tendon\tbone_c\tpart_two\tinsertion\ttrunk\n"
                "attach\twide_muscle_o1\tbone_a\twide\torigin\tnowhere\n");
    try {
        importPack(s.options());
        FAIL() << "an unknown muscle id was accepted";
    } catch (const CatalogError& e) {
        EXPECT_NE(std::string(e.what()).find("attachments.tsv:1: 'part_two'"), std::string::npos) << e.what();
    }
    s.dir.write("models/attachments.tsv", "attach\twide_muscle_o1\tbone_a\twide\torigin\tnowhere\n");
    try {
        importPack(s.options());
        FAIL() << "an unknown region was accepted";
    } catch (const CatalogError& e) {
        EXPECT_NE(std::string(e.what()).find("attachments.tsv:1: region 'nowhere'"), std::string::npos) << e.what();
    }
    // The muscles' own regions stay as registration.tsv fits them.
    s.dir.write("models/attachments.tsv", "bone\ttrunk\tbone_c\tFJ8003\n");
    EXPECT_THROW(importPack(s.options()), CatalogError);
}
