#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <random>

#include "core/session/draw_list.h"
#include "core/geometry/bvh.h"
#include "core/session/picking.h"
#include "support/test_support.h"

using namespace myomap;

namespace {
// A sphere-ish mesh of many small triangles so the BVH really has depth.
Mesh makeSphere(const glm::vec3& c, float r, int n) {
    Mesh m;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= 2 * n; ++j) {
            const float th = 3.14159265f * i / n, ph = 3.14159265f * j / n;
            m.positions.push_back(c + r * glm::vec3(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph)));
        }
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < 2 * n; ++j) {
            const unsigned a = i * (2 * n + 1) + j, b = a + 2 * n + 1;
            m.indices.insert(m.indices.end(), {a, b, a + 1, a + 1, b, b + 1});
        }
    m.recomputeNormals();
    return m;
}
}  // namespace

TEST(Bvh, RayHitsTheNearSideOfABox) {
    const Mesh box = test_support::makeBox({-1, -1, -1}, {1, 1, 1});
    const MeshBvh bvh(box);
    const auto hit = bvh.intersect(Ray{{0.2f, 0.3f, 5.0f}, {0, 0, -1}});
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 4.0f, 1e-5f);
    EXPECT_NEAR(hit->point.z, 1.0f, 1e-5f);
    EXPECT_FALSE(bvh.intersect(Ray{{3.0f, 0.0f, 5.0f}, {0, 0, -1}}));
    EXPECT_FALSE(bvh.intersect(Ray{{0.0f, 0.0f, 5.0f}, {0, 0, 1}})) << "nothing behind the ray's origin";
}

TEST(Bvh, MatchesBruteForceOnManyRays) {
    const Mesh sphere = makeSphere({0.1f, 0.2f, 0.0f}, 0.5f, 40);
    const MeshBvh bvh(sphere);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-0.6f, 0.6f);
    int hits = 0;
    for (int k = 0; k < 300; ++k) {
        const Ray ray{{u(rng), u(rng), 3.0f}, glm::normalize(glm::vec3(u(rng) * 0.1f, u(rng) * 0.1f, -1.0f))};
        float best = 1e9f;
        for (std::size_t t = 0; t < sphere.triangleCount(); ++t) {
            Mesh tri;
            for (int c = 0; c < 3; ++c) tri.positions.push_back(sphere.positions[sphere.indices[3 * t + c]]);
            tri.indices = {0, 1, 2};
            tri.recomputeNormals();
            if (auto h = MeshBvh(tri).intersect(ray)) best = std::min(best, h->distance);
        }
        const auto h = bvh.intersect(ray);
        EXPECT_EQ(h.has_value(), best < 1e9f);
        if (h) {
            EXPECT_NEAR(h->distance, best, 1e-5f);
            ++hits;
        }
    }
    EXPECT_GT(hits, 50);
}

TEST(Bvh, ClosestPointSnapsOntoTheSurface) {
    const Mesh box = test_support::makeBox({-1, -1, -1}, {1, 1, 1});
    const MeshBvh bvh(box);
    const auto c = bvh.closest({0.3f, 0.2f, 4.0f});
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->distance, 3.0f, 1e-5f);
    EXPECT_NEAR(c->point.z, 1.0f, 1e-5f);
    const auto corner = bvh.closest({3.0f, 3.0f, 3.0f});
    EXPECT_NEAR(glm::distance(corner->point, glm::vec3(1.0f)), 0.0f, 1e-5f);
}

TEST(ScenePicker, PicksTheNearestPickableObjectAndTheStateFollows) {
    Pack pack;
    auto add = [&](const std::string& id, Side side, Layer layer, const Mesh& m) {
        PackObject o;
        o.muscleId = id;
        o.side = side;
        o.layer = layer;
        o.lods = {m, m};
        o.bounds = m.bounds();
        pack.objects.push_back(o);
    };
    add("deep", Side::Right, Layer::Muscle, test_support::makeBox({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f}));
    add("superficial", Side::Right, Layer::Muscle, test_support::makeBox({-0.5f, -0.5f, 1.0f}, {0.5f, 0.5f, 1.2f}));
    add("skin", Side::None, Layer::Skin, test_support::makeBox({-2, -2, 2}, {2, 2, 2.1f}));
    const ScenePicker picker(pack);
    LayerVisibility layers;
    layers.skin = true;
    layers.skinOpacity = 0.4f;  // x-ray skin: the muscles under it stay pickable
    const Ray ray{{0, 0, 5}, {0, 0, -1}};
    const auto hit = picker.pick(ray, [&](const PackObject& o) { return isPickable(o, layers); });
    ASSERT_TRUE(hit);
    EXPECT_EQ(pack.objects[hit->objectIndex].muscleId, "superficial") << "the skin is never pickable";

    EXPECT_FALSE(picker.pick(Ray{{5, 5, 5}, {0, 0, -1}}, [&](const PackObject& o) { return isPickable(o, layers); }));

    layers.skinOpacity = 1.0f;
    EXPECT_FALSE(picker.pick(ray, [&](const PackObject& o) { return isPickable(o, layers); })) << "opaque skin hides the muscles";
    layers.skin = false;
    layers.muscles = false;
    EXPECT_FALSE(picker.pick(ray, [&](const PackObject& o) { return isPickable(o, layers); })) << "hidden muscles cannot be picked";
}
