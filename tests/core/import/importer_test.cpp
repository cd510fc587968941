#include <gtest/gtest.h>

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

/// A miniature sources folder: two BodyParts3D muscle parts, a skin, two bones, and a
/// Z-Anatomy export whose frame is scaled and shifted from BodyParts3D's.
struct MiniSources {
    test_support::TempDir dir;
    glm::mat4 zaFromBp;  // how the Z-Anatomy frame differs

    MiniSources() {
        zaFromBp = glm::scale(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.05f, 0.02f)), glm::vec3(0.96f));
        const std::string parts = "src/bodyparts3d/parts/";
        std::filesystem::create_directories(dir.path() / parts);
        std::filesystem::create_directories(dir.path() / "src/z-anatomy");
        const Mesh right = test_support::makeBox({-0.2f, 1.0f, 0.0f}, {-0.1f, 1.2f, 0.1f});
        writeGlbFile(dir.file(parts + "FJ0001.glb"), {{"FJ0001", right}});
        writeGlbFile(dir.file(parts + "FJ0001M.glb"), {{"FJ0001M", right.mirroredX()}});
        writeGlbFile(dir.file(parts + "FJ9000.glb"), {{"skin", test_support::makeBox({-0.4f, 0.0f, -0.2f}, {0.4f, 1.8f, 0.3f})}});
        const Mesh boneA = test_support::makeBox({-0.15f, 0.8f, -0.05f}, {0.15f, 1.0f, 0.05f});
        const Mesh boneB = test_support::makeBox({-0.05f, 1.3f, -0.1f}, {0.08f, 1.5f, 0.02f});
        writeGlbFile(dir.file(parts + "FJ8001.glb"), {{"a", boneA}});
        writeGlbFile(dir.file(parts + "FJ8002.glb"), {{"b", boneB}});
        // Z-Anatomy: the same bones and one muscle spanning the midline, in the other frame.
        const Mesh muscle = test_support::makeBox({-0.12f, 1.05f, -0.08f}, {0.12f, 1.25f, -0.02f});
        writeGlbFile(dir.file("src/z-anatomy/skeletal.glb"), {{"bone_a", moved(boneA, zaFromBp)}, {"bone_b", moved(boneB, zaFromBp)}});
        writeGlbFile(dir.file("src/z-anatomy/muscular.glb"), {{"wide_muscle", moved(muscle, zaFromBp)}});
        dir.write("models/layers.tsv", "layer\tsource\nskin\tbp3d:FJ9000\nskeleton\tbp3d:FJ8001\nskeleton\tbp3d:FJ8002\n");
        dir.write("models/registration.tsv",
                  "bone\ttrunk\tbone_a\tFJ8001\nbone\ttrunk\tbone_b\tFJ8002\nmuscle\twide_muscle\ttrunk\n");
        writeCatalog("");
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
