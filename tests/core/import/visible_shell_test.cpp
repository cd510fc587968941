#include "core/import/visible_shell.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "core/anatomy/pack.h"
#include "core/support/errors.h"
#include "support/test_support.h"

using namespace myomap;

namespace {
int count(const std::vector<std::uint8_t>& flags) { return static_cast<int>(std::count(flags.begin(), flags.end(), 1)); }
}  // namespace

TEST(VisibleShell, AMeshInsideAnotherIsHiddenAndTheOuterOneIsSeen) {
    const Mesh outer = test_support::makeGridBox({-0.2f, -0.2f, -0.2f}, {0.2f, 0.2f, 0.2f}, 0.05f);
    const Mesh inner = test_support::makeGridBox({-0.1f, -0.1f, -0.1f}, {0.1f, 0.1f, 0.1f}, 0.05f);
    ShellOptions options;
    options.grow = 0;
    const auto visible = findVisibleShell({&outer, &inner}, options);
    ASSERT_EQ(visible.size(), 2u);
    EXPECT_EQ(count(visible[0]), static_cast<int>(outer.indices.size() / 3)) << "every outer face looks out";
    EXPECT_EQ(count(visible[1]), 0) << "nothing inside can be seen";
    options.grow = 2;
    EXPECT_EQ(count(findVisibleShell({&outer, &inner}, options)[1]), 0) << "growing stays within a mesh";
}

TEST(VisibleShell, TheFaceUnderAnObjectLyingOnItIsHiddenAndGrowingKeepsItsEdge) {
    // A 40 cm square slab, 2 cm thick, with a 10 cm cube resting on the middle of its top.
    const Mesh slab = test_support::makeGridBox({-0.2f, -0.02f, -0.2f}, {0.2f, 0.0f, 0.2f}, 0.02f);
    const Mesh cube = test_support::makeBox({-0.05f, 0.0001f, -0.05f}, {0.05f, 0.1f, 0.05f});
    ShellOptions options;
    options.grow = 0;
    const auto visible = findVisibleShell({&slab, &cube}, options);
    int hiddenTop = 0, shownTop = 0, hiddenOutside = 0;
    for (std::size_t t = 0; t < slab.indices.size() / 3; ++t) {
        glm::vec3 c(0.0f);
        for (int k = 0; k < 3; ++k) c += slab.positions[slab.indices[3 * t + k]] / 3.0f;
        if (c.y < -0.001f) continue;  // the top face only
        const bool under = std::abs(c.x) < 0.05f && std::abs(c.z) < 0.05f;
        if (under) hiddenTop += visible[0][t] == 0;
        else if (visible[0][t]) ++shownTop;
        else ++hiddenOutside;
    }
    EXPECT_EQ(hiddenTop, 5 * 5 * 2) << "the 10 cm square under the cube (25 cells of 2 cm, two triangles each)";
    EXPECT_GT(shownTop, 300) << "the rest of the top";
    EXPECT_EQ(hiddenOutside, 0) << "a face beside the cube is seen from above";
    options.grow = 1;
    const auto grown = findVisibleShell({&slab, &cube}, options);
    EXPECT_LT(count(grown[0]) - count(visible[0]), 5 * 5 * 2) << "one ring: the edge of the covered square, not all of it";
    EXPECT_GT(count(grown[0]), count(visible[0]));
}

TEST(VisibleShell, PuttingTheShellFirstKeepsEveryTriangle) {
    Mesh m = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    const auto before = m.indices;
    std::vector<std::uint8_t> visible(m.indices.size() / 3, 0);
    visible[3] = visible[7] = 1;
    const std::uint32_t n = putShellFirst(m, visible);
    EXPECT_EQ(n, 6u);
    EXPECT_TRUE(std::equal(m.indices.begin(), m.indices.begin() + 3, before.begin() + 9));
    EXPECT_TRUE(std::equal(m.indices.begin() + 3, m.indices.begin() + 6, before.begin() + 21));
    std::multiset<std::uint32_t> a(before.begin(), before.end()), b(m.indices.begin(), m.indices.end());
    EXPECT_EQ(a, b);
}

TEST(VisibleShell, ThePackKeepsTheShellAndRefusesOneThatIsNotWholeTriangles) {
    test_support::TempDir dir;
    Pack pack;
    PackObject o;
    o.muscleId = "deltoid_acromial";
    o.side = Side::Right;
    o.lods[0] = o.lods[1] = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    o.bounds = o.lods[0].bounds();
    o.shell = {12, PackObject::kWholeMesh};
    pack.objects.push_back(o);
    pack.write(dir.file("a.pack"));
    const Pack back = Pack::read(dir.file("a.pack"));
    EXPECT_EQ(back.objects[0].shellIndexCount(Lod::Full), 12u);
    EXPECT_EQ(back.objects[0].shellIndexCount(Lod::Interactive), 36u) << "unknown: the whole mesh";
    // The full shell count is the 8 bytes before the interactive one at the payload's end.
    std::ifstream in(dir.file("a.pack"), std::ios::binary);
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    bytes[bytes.size() - 8] = 13;
    test_support::refreshPackChecksum(bytes);
    try {
        Pack::readBytes(bytes.data(), bytes.size(), "a.pack");
        FAIL() << "a shell of 13 indices was accepted";
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("a.pack: object 0 ('deltoid_acromial') has a visible shell of 13 indices"),
                  std::string::npos)
            << e.what();
    }
}
