// Picking through the real GL viewer: project a muscle's surface point to the screen,
// click there with --click-at, and check which muscle and side the viewer selected.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <glm/geometric.hpp>
#include <sstream>

#include "core/session/draw_list.h"
#include "core/geometry/camera.h"
#include "core/anatomy/pack.h"
#include "core/geometry/bvh.h"
#include "core/session/picking.h"

using namespace myomap;

namespace {

const Pack& pack() {
    static const Pack p = Pack::read(MYOMAP_TEST_PACK);
    return p;
}

constexpr int kWidth = 640, kHeight = 400;

OrbitCamera startCamera(ViewPreset preset) {
    OrbitCamera cam;
    cam.frame(pack().bodyBounds(), preset, float(kWidth) / float(kHeight));
    return cam;
}

/// A pixel where the muscle is the front-most pickable surface, found on the CPU.
glm::vec2 visiblePixelOf(const std::string& id, Side side, ViewPreset preset) {
    const OrbitCamera cam = startCamera(preset);
    const ScenePicker picker(pack());
    const PackObject* o = pack().find(id, side);
    const glm::vec2 viewport(kWidth, kHeight);
    const LayerVisibility layers;
    const auto& positions = o->mesh(Lod::Full).positions;
    // Try vertices nearest the muscle's centre first.
    std::vector<glm::vec3> candidates(positions.begin(), positions.end());
    const glm::vec3 c = o->bounds.center();
    std::sort(candidates.begin(), candidates.end(),
              [&](const glm::vec3& a, const glm::vec3& b) { return glm::distance(a, c) < glm::distance(b, c); });
    for (std::size_t i = 0; i < candidates.size(); i += 7) {
        const auto px = cam.project(candidates[i], viewport);
        if (!px) continue;
        const glm::vec2 pixel = glm::floor(*px) + 0.5f;
        const auto hit = picker.pick(cam.rayThrough(pixel, viewport), [&](const PackObject& p) { return isPickable(p, layers); });
        if (hit && pack().objects[hit->objectIndex].muscleId == id && pack().objects[hit->objectIndex].side == side) {
            // Require the neighbours to agree so one pixel of rounding cannot change the answer.
            bool stable = true;
            for (const glm::vec2 d : {glm::vec2(1, 0), glm::vec2(-1, 0), glm::vec2(0, 1), glm::vec2(0, -1)}) {
                const auto h = picker.pick(cam.rayThrough(pixel + d, viewport), [&](const PackObject& p) { return isPickable(p, layers); });
                stable = stable && h && pack().objects[h->objectIndex].muscleId == id;
            }
            if (stable) return pixel;
        }
    }
    ADD_FAILURE() << "no visible pixel for " << id;
    return {0, 0};
}

std::string clickInViewer(glm::vec2 pixel, const std::string& extraArgs) {
    // One file per test, so tests running in parallel do not read each other's answer.
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    const std::string out = std::string(MYOMAP_TEST_OUT) + "/pick-" + name + ".txt";
    std::remove(out.c_str());
    std::ostringstream cmd;
    cmd << "\"" << MYOMAP_EXE << "\" --screenshot \"" << MYOMAP_TEST_OUT << "/pick-" << name << ".png\" --size " << kWidth << "x" << kHeight
        << " " << extraArgs << " --click-at " << int(pixel.x) << "," << int(pixel.y) << " --print-selection \"" << out << "\"";
    EXPECT_EQ(std::system(cmd.str().c_str()), 0) << cmd.str();
    std::ifstream in(out);
    std::string selection;
    std::getline(in, selection);
    return selection;
}

}  // namespace

TEST(GlPicking, ClickOnInfraspinatusFromBehindSelectsItAndItsSide) {
    const glm::vec2 px = visiblePixelOf("infraspinatus", Side::Right, ViewPreset::Back);
    EXPECT_EQ(clickInViewer(px, "--view back --no-ui"), "infraspinatus:right");
    const glm::vec2 left = visiblePixelOf("infraspinatus", Side::Left, ViewPreset::Back);
    EXPECT_EQ(clickInViewer(left, "--view back --no-ui"), "infraspinatus:left");
}

TEST(GlPicking, ClickOnTheChestFromTheFrontSelectsPectoralis) {
    const glm::vec2 px = visiblePixelOf("pectoralis_major_sternocostal", Side::Left, ViewPreset::Front);
    EXPECT_EQ(clickInViewer(px, "--view front --no-ui"), "pectoralis_major_sternocostal:left");
}

TEST(GlPicking, ClickOnEmptySpaceSelectsNothing) {
    EXPECT_EQ(clickInViewer({5, 5}, "--view front --no-ui --select infraspinatus"), "none");
}

TEST(GlPicking, ClickOnThePanelDoesNotReachTheBody) {
    // With the panel shown, x = 20 is inside the panel.
    EXPECT_EQ(clickInViewer({20, 200}, "--view front --select infraspinatus"), "infraspinatus:right");
}

TEST(GlPicking, AuthoringClickPrintsTheSurfacePointUnderTheCursor) {
    const glm::vec2 px = visiblePixelOf("infraspinatus", Side::Left, ViewPreset::Back);
    std::ostringstream cmd;
    cmd << "\"" << MYOMAP_EXE << "\" --screenshot \"" << MYOMAP_TEST_OUT << "/pick-author.png\" --size " << kWidth << "x" << kHeight
        << " --view back --no-ui --author --click-at " << int(px.x) << "," << int(px.y);
    FILE* pipe = popen(cmd.str().c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char line[256];
    std::string muscleLine;
    while (std::fgets(line, sizeof line, pipe))
        if (std::string(line).rfind("author: muscle", 0) == 0) muscleLine = line;
    EXPECT_EQ(pclose(pipe), 0);
    ASSERT_NE(muscleLine.find("infraspinatus (left)"), std::string::npos) << muscleLine;
    glm::vec3 p;
    ASSERT_EQ(std::sscanf(muscleLine.c_str() + muscleLine.find('['), "[%f, %f, %f]", &p.x, &p.y, &p.z), 3) << muscleLine;
    // Printed in the right-side frame, so it lies on the right infraspinatus.
    const MeshBvh bvh(pack().find("infraspinatus", Side::Right)->mesh(Lod::Full));
    EXPECT_LT(bvh.closest(p)->distance, 0.001f);
}
