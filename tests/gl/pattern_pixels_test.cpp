// Pixel checks of the referred-pain painting that do not depend on baselines: render the
// viewer headless, then look at the pixels where the pattern's own points project.

#include <gtest/gtest.h>

#include <cstdlib>
#include <glm/geometric.hpp>
#include <sstream>

#include "core/geometry/bvh.h"
#include "core/anatomy/catalog.h"
#include "core/support/image.h"
#include "core/knowledge/knowledge_base.h"
#include "core/anatomy/pack.h"
#include "core/clinical/referral_pattern.h"
#include "core/session/view_focus.h"

using namespace myomap;

namespace {
constexpr int kWidth = 640, kHeight = 400;

struct Scene {
    Pack pack = Pack::read(MYOMAP_TEST_PACK);
    Catalog catalog = Catalog::load(MYOMAP_TEST_MODELS "/muscles.tsv");
    KnowledgeBase kb = KnowledgeBase::load(MYOMAP_TEST_CONTENT, catalog);
    const Mesh& skinMesh = pack.layer(Layer::Skin)->mesh(Lod::Full);
    MeshBvh skin{skinMesh};
};
const Scene& scene() {
    static const Scene s;
    return s;
}

/// The camera the headless viewer ends on for this muscle and focus.
OrbitCamera cameraFor(const ReferralPattern& pattern, FocusMode mode, const glm::vec3& knotNormal) {
    OrbitCamera cam;
    cam.frame(scene().pack.bodyBounds(), ViewPreset::Front, float(kWidth) / kHeight);
    applyPose(cam, *focusPose(pattern, mode, knotNormal, cam.fovY));
    return cam;
}

Image render(const std::string& id, const std::string& focus) {
    const std::string out = std::string(MYOMAP_TEST_OUT) + "/pattern-" + id + "-" + focus + ".png";
    std::ostringstream cmd;
    cmd << "\"" << MYOMAP_EXE << "\" --screenshot \"" << out << "\" --size " << kWidth << "x" << kHeight
        << " --no-ui --select " << id << " --focus " << focus;
    EXPECT_EQ(std::system(cmd.str().c_str()), 0) << cmd.str();
    return readPng(out);
}

// Saturated red whatever the shading: the paint is red with almost no green or blue,
// while skin over muscle keeps about half as much green as red.
bool stronglyRed(const std::uint8_t* p) { return p[0] > 90 && 5 * p[1] < p[0] && 5 * p[2] < p[0]; }

/// Share of strongly red pixels in the 5x5 box around a pixel.
double redShare(const Image& img, glm::vec2 at) {
    int red = 0, all = 0;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const int x = int(at.x) + dx, y = int(at.y) + dy;
            if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
            ++all;
            red += stronglyRed(img.pixel(x, y));
        }
    return all ? double(red) / all : 0.0;
}

/// A skin point is seen when it faces the camera and nothing of the skin is in front of it.
bool visibleOnSkin(const OrbitCamera& cam, const glm::vec3& p, const glm::vec3& normal) {
    const glm::vec3 toEye = cam.eye() - p;
    if (glm::dot(normal, glm::normalize(toEye)) < 0.35f) return false;
    const auto hit = scene().skin.intersect(Ray{cam.eye(), glm::normalize(-toEye)});
    return hit && glm::distance(hit->point, p) < 0.01f;
}

void checkMuscle(const std::string& id) {
    const KnowledgeEntry* e = scene().kb.forMuscle(id);
    ASSERT_NE(e, nullptr) << id;
    const ReferralPattern pattern = buildReferralPattern(*e, Side::Right, -1, scene().skin);
    const OrbitCamera cam = cameraFor(pattern, FocusMode::Pain, {0, 0, 1});
    const Image img = render(id, "pain");
    const glm::vec2 viewport(kWidth, kHeight);

    int checkedInside = 0;
    for (const auto& b : pattern.blobs) {
        if (!b.essential || !visibleOnSkin(cam, b.center, b.normal)) continue;
        const auto px = cam.project(b.center, viewport);
        if (!px || px->x < 3 || px->y < 3 || px->x > kWidth - 3 || px->y > kHeight - 3) continue;
        const std::uint8_t* c = img.pixel(int(px->x), int(px->y));
        EXPECT_GT(redShare(img, *px), 0.6) << id << ": essential zone '" << b.center.x << "," << b.center.y << "," << b.center.z
                                           << "' at pixel " << px->x << "," << px->y << " is not red (" << int(c[0]) << ","
                                           << int(c[1]) << "," << int(c[2]) << ")";
        ++checkedInside;
    }
    EXPECT_GT(checkedInside, 0) << id << ": no essential zone faces the camera in the pain view";

    // A visible skin point far from every zone must not be painted.
    int checkedOutside = 0;
    const Mesh& skin = scene().skinMesh;
    for (std::size_t i = 0; i < skin.positions.size() && checkedOutside < 5; i += 97) {
        const glm::vec3 p = skin.positions[i];
        bool far = true;
        for (const auto& b : pattern.blobs) far = far && glm::distance(p, b.center) > b.radius + 0.08f;
        if (!far || !visibleOnSkin(cam, p, skin.normals[i])) continue;
        const auto px = cam.project(p, viewport);
        if (!px || px->x < 3 || px->y < 3 || px->x > kWidth - 3 || px->y > kHeight - 3) continue;
        EXPECT_LT(redShare(img, *px), 0.2) << id << ": unpainted skin at pixel " << px->x << "," << px->y << " is red";
        ++checkedOutside;
    }
    EXPECT_GT(checkedOutside, 0) << id;
}
}  // namespace

TEST(PatternPixels, UpperTrapeziusPaintsItsZones) { checkMuscle("trapezius_descending"); }
TEST(PatternPixels, InfraspinatusPaintsItsZones) { checkMuscle("infraspinatus"); }
TEST(PatternPixels, GluteusMinimusPaintsItsZones) { checkMuscle("gluteus_minimus"); }
TEST(PatternPixels, SternocleidomastoidPaintsItsZones) { checkMuscle("sternocleidomastoid"); }

TEST(PatternPixels, KnotMarkerShowsWhereTheKnotProjects) {
    const KnowledgeEntry* e = scene().kb.forMuscle("infraspinatus");
    ASSERT_NE(e, nullptr);
    const ReferralPattern pattern = buildReferralPattern(*e, Side::Right, -1, scene().skin);
    const PackObject* muscle = scene().pack.find("infraspinatus", Side::Right);
    const MeshBvh bvh(muscle->mesh(Lod::Full));
    const glm::vec3 normal = bvh.closest(pattern.knots.front().position)->normal;
    const OrbitCamera cam = cameraFor(pattern, FocusMode::Knot, normal);
    const Image img = render("infraspinatus", "knot");
    for (const auto& k : pattern.knots) {
        const auto px = cam.project(k.position, glm::vec2(kWidth, kHeight));
        ASSERT_TRUE(px);
        int yellow = 0;
        for (int dy = -4; dy <= 4; ++dy)
            for (int dx = -4; dx <= 4; ++dx) {
                const std::uint8_t* p = img.pixel(int(px->x) + dx, int(px->y) + dy);
                yellow += p[0] > 200 && p[1] > 190 && p[2] < 120;
            }
        EXPECT_GT(yellow, 6) << "no marker at knot " << k.knot << " (pixel " << px->x << "," << px->y << ")";
    }
}

namespace {
/// Pixels in the bottom-right quarter (where the legend sits) matching a colour within 12.
int countNear(const Image& img, int r, int g, int b) {
    int n = 0;
    for (int y = img.height * 3 / 4; y < img.height; ++y)
        for (int x = img.width / 2; x < img.width; ++x) {
            const std::uint8_t* p = img.pixel(x, y);
            n += std::abs(p[0] - r) < 12 && std::abs(p[1] - g) < 12 && std::abs(p[2] - b) < 12;
        }
    return n;
}

Image renderWithPanel(const std::string& name, const std::string& args) {
    const std::string out = std::string(MYOMAP_TEST_OUT) + "/legend-" + name + ".png";
    const std::string cmd = "\"" + std::string(MYOMAP_EXE) + "\" --screenshot \"" + out + "\" --size 640x400 " + args;
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return readPng(out);
}
}  // namespace

TEST(PatternPixels, LegendExplainsTheMarksWhenAPatternShows) {
    const Image shown = renderWithPanel("pattern", "--select infraspinatus --view front");
    // The essential swatch (solid red), the spillover swatch (light red) and the knot's X.
    EXPECT_GT(countNear(shown, 209, 8, 8), 40) << "no essential-zone swatch in the legend";
    EXPECT_GT(countNear(shown, 250, 158, 148), 20) << "no spillover swatch in the legend";
    EXPECT_GT(countNear(shown, 255, 236, 60), 5) << "no knot mark in the legend";
    const Image none = renderWithPanel("none", "--view front");
    EXPECT_LT(countNear(none, 209, 8, 8), 5) << "a legend without a pattern";
}
