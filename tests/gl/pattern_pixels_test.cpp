// Pixel checks of the referred-pain painting that do not depend on baselines: render the
// viewer headless, then look at the pixels where the pattern's own points project.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
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

Image render(const std::string& id, const std::string& focus, int knot = 0) {
    const std::string out = std::string(MYOMAP_TEST_OUT) + "/pattern-" + id + "-" + focus + (knot ? "-knot" + std::to_string(knot) : "") + ".png";
    std::ostringstream cmd;
    cmd << "\"" << MYOMAP_EXE << "\" --screenshot \"" << out << "\" --size " << kWidth << "x" << kHeight
        << " --no-ui --select " << id << " --focus " << focus;
    if (knot) cmd << " --knot " << knot;
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
    for (std::size_t i = 0; i < skin.positions.size() && checkedOutside < 5; i += 31) {
        const glm::vec3 p = skin.positions[i];
        bool far = true;
        for (const auto& z : pattern.zones)
            for (const auto& piece : z.pieces) {
                far = far && glm::distance(p, piece.center) > piece.radius + 0.08f;
                for (const auto& q : piece.path) far = far && glm::distance(p, q) > piece.radius + 0.08f;
            }
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

namespace {

/// The essential paint: solid red, far less green than the spillover stipple's dots.
bool essentialRed(const std::uint8_t* p) { return p[0] > 90 && 9 * p[1] < 2 * p[0] && 9 * p[2] < 2 * p[0]; }

using Mask = std::vector<std::uint8_t>;

/// Labels 8-connected regions of `mask`; returns the label per pixel (0 outside).
std::vector<int> components(const Mask& mask, int w, int h) {
    std::vector<int> label(mask.size(), 0);
    int next = 0;
    std::vector<int> stack;
    for (int start = 0; start < w * h; ++start) {
        if (!mask[start] || label[start]) continue;
        label[start] = ++next;
        stack.push_back(start);
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            const int x = i % w, y = i / w;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    const int j = ny * w + nx;
                    if (mask[j] && !label[j]) {
                        label[j] = next;
                        stack.push_back(j);
                    }
                }
        }
    }
    return label;
}

/// Erosion (min) or dilation (max) by a disc of radius 2 pixels.
Mask morph(const Mask& m, int w, int h, bool dilate) {
    Mask out(m.size(), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            bool any = false, all = true;
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx) {
                    if (dx * dx + dy * dy > 4) continue;
                    const int nx = x + dx, ny = y + dy;
                    const bool v = nx >= 0 && ny >= 0 && nx < w && ny < h && m[ny * w + nx];
                    any = any || v;
                    all = all && v;
                }
            out[y * w + x] = dilate ? any : all;
        }
    return out;
}

/// Edge roughness of a region: the pixels that opening and closing by a 2-pixel disc
/// change, per pixel of its boundary. A clean anti-aliased outline changes almost nothing;
/// a ragged edge (notches, spikes, a row of touching discs) changes about one pixel or more
/// per boundary pixel.
double roughness(const Mask& region, int w, int h) {
    const Mask opened = morph(morph(region, w, h, false), w, h, true);
    const Mask smooth = morph(morph(opened, w, h, true), w, h, false);
    int changed = 0, boundary = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int i = y * w + x;
            changed += region[i] != smooth[i];
            if (!region[i]) continue;
            const bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || !region[i - 1] || !region[i + 1] || !region[i - w] ||
                              !region[i + w];
            boundary += edge;
        }
    return boundary ? double(changed) / boundary : 0.0;
}

void checkZonesAreOneSmoothShape(const std::string& id) {
    const KnowledgeEntry* e = scene().kb.forMuscle(id);
    ASSERT_NE(e, nullptr) << id;
    for (std::size_t k = 0; k < e->knots.size(); ++k) {
        const ReferralPattern pattern = buildReferralPattern(*e, Side::Right, static_cast<int>(k), scene().skin);
        const OrbitCamera cam = cameraFor(pattern, FocusMode::Pain, {0, 0, 1});
        const Image img = render(id, "pain", static_cast<int>(k) + 1);
        const int w = img.width, h = img.height;
        Mask red(static_cast<std::size_t>(w * h), 0);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) red[y * w + x] = essentialRed(img.pixel(x, y));
        const std::vector<int> label = components(red, w, h);
        for (const auto& zone : pattern.zones) {
            if (!zone.essential || zone.local) continue;
            // Every visible point of the zone's pieces lands in one red region.
            std::vector<glm::vec3> points;
            for (const auto& piece : zone.pieces) {
                points.push_back(piece.center);
                points.insert(points.end(), piece.path.begin(), piece.path.end());
            }
            int region = 0, seen = 0;
            for (const auto& p : points) {
                const auto c = scene().skin.closest(p);
                if (!c || !visibleOnSkin(cam, c->point, c->normal)) continue;
                const auto px = cam.project(c->point, glm::vec2(kWidth, kHeight));
                if (!px || px->x < 3 || px->y < 3 || px->x > w - 3 || px->y > h - 3) continue;
                // The label at the pixel, or of a red neighbour (the point may sit on an edge pixel).
                int here = 0;
                for (int dy = -3; dy <= 3 && !here; ++dy)
                    for (int dx = -3; dx <= 3 && !here; ++dx) here = label[(int(px->y) + dy) * w + int(px->x) + dx];
                ASSERT_NE(here, 0) << id << " knot " << k + 1 << ": zone point " << p.x << "," << p.y << "," << p.z << " at pixel "
                                   << px->x << "," << px->y << " is not painted";
                if (region == 0) region = here;
                EXPECT_EQ(here, region) << id << " knot " << k + 1 << ": the essential zone is split on screen (point " << p.x << ","
                                        << p.y << "," << p.z << ")";
                ++seen;
            }
            ASSERT_GT(seen, 0) << id << " knot " << k + 1 << ": no point of its essential zone is visible from its view";
            Mask region_mask(red.size(), 0);
            int pixels = 0;
            for (std::size_t i = 0; i < red.size(); ++i) pixels += region_mask[i] = label[i] == region;
            const double rough = roughness(region_mask, w, h);
            std::printf("%s knot %zu: essential region %d px, edge roughness %.3f\n", id.c_str(), k + 1, pixels, rough);
            EXPECT_LT(rough, 0.35) << id << " knot " << k + 1 << ": the zone's edge is ragged";
        }
    }
}
}  // namespace

TEST(ZoneShapes, UpperTrapeziusZonesAreOneSmoothShape) { checkZonesAreOneSmoothShape("trapezius_descending"); }
TEST(ZoneShapes, SternocleidomastoidZonesAreOneSmoothShape) { checkZonesAreOneSmoothShape("sternocleidomastoid"); }
TEST(ZoneShapes, GluteusMinimusZonesAreOneSmoothShape) { checkZonesAreOneSmoothShape("gluteus_minimus"); }
TEST(ZoneShapes, QuadratusLumborumZonesAreOneSmoothShape) { checkZonesAreOneSmoothShape("quadratus_lumborum"); }

TEST(Screenshots, ATransparentPictureKeepsTheBodyAndComposesBackToTheNormalOne) {
    const std::string plain = std::string(MYOMAP_TEST_OUT) + "/picture-plain.png";
    const std::string clear = std::string(MYOMAP_TEST_OUT) + "/picture-transparent.png";
    const std::string args = " --size 320x400 --no-ui --view right --select infraspinatus --focus knot";
    ASSERT_EQ(std::system(("\"" MYOMAP_EXE "\" --screenshot \"" + plain + "\"" + args).c_str()), 0);
    ASSERT_EQ(std::system(("\"" MYOMAP_EXE "\" --transparent --screenshot \"" + clear + "\"" + args).c_str()), 0);
    const Image a = readPng(plain), t = readPng(clear);
    ASSERT_EQ(a.width, t.width);
    ASSERT_EQ(a.height, t.height);
    EXPECT_EQ(t.pixel(1, 1)[3], 0) << "the background is gone";
    int opaque = 0, partial = 0, checked = 0, worst = 0;
    for (int y = 0; y < t.height; ++y) {
        // The normal picture's background on this row (the gradient runs top to bottom): any
        // pixel the transparent picture leaves empty.
        int empty = -1;
        for (int x = 0; x < t.width && empty < 0; ++x)
            if (t.pixel(x, y)[3] == 0) empty = x;
        for (int x = 0; x < t.width; ++x) {
            const std::uint8_t* p = t.pixel(x, y);
            opaque += p[3] == 255;
            if (p[3] == 0 || p[3] == 255 || empty < 0) continue;
            ++partial;
            // Over that background the transparent picture must look like the normal one.
            const std::uint8_t* bg = a.pixel(empty, y);
            const std::uint8_t* want = a.pixel(x, y);
            const float alpha = p[3] / 255.0f;
            for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(std::lround(p[c] * alpha + bg[c] * (1.0f - alpha))) - int(want[c])));
            ++checked;
        }
    }
    EXPECT_GT(opaque, t.width * t.height / 20) << "the body is solid";
    EXPECT_GT(partial, 100) << "the x-ray skin keeps its translucency";
    EXPECT_LE(worst, 12) << "composited over its background the picture matches the normal one (" << checked << " pixels)";
}
