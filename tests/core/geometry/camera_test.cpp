#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/geometry/camera.h"

using namespace myomap;

TEST(Camera, ProjectAndRayAreInverse) {
    OrbitCamera cam;
    cam.orbit(0.7f, 0.3f);
    const glm::vec2 viewport(1280, 800);
    const glm::vec3 p(0.1f, 1.2f, 0.05f);
    const auto pixel = cam.project(p, viewport);
    ASSERT_TRUE(pixel);
    const Ray ray = cam.rayThrough(*pixel, viewport);
    // The point lies on the ray through its own projection.
    const glm::vec3 toP = p - ray.origin;
    const glm::vec3 closest = ray.origin + ray.direction * glm::dot(toP, ray.direction);
    EXPECT_LT(glm::distance(closest, p), 1e-4f);
}

TEST(Camera, FrameFitsTheWholeBodyFrontOn) {
    Bounds body;
    body.add(glm::vec3(-0.36f, -0.08f, -0.05f));
    body.add(glm::vec3(0.36f, 1.78f, 0.27f));
    OrbitCamera cam;
    const glm::vec2 viewport(920, 800);
    cam.frame(body, ViewPreset::Front, viewport.x / viewport.y);
    EXPECT_GT(cam.eye().z, body.max.z) << "the front view looks at the body's front (+Z)";
    float minY = 1e9f, maxY = -1e9f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c(i & 1 ? body.max.x : body.min.x, i & 2 ? body.max.y : body.min.y, i & 4 ? body.max.z : body.min.z);
        const auto p = cam.project(c, viewport);
        ASSERT_TRUE(p);
        EXPECT_GE(p->x, 0.0f);
        EXPECT_LE(p->x, viewport.x);
        EXPECT_GE(p->y, 0.0f);
        EXPECT_LE(p->y, viewport.y);
        minY = std::min(minY, p->y);
        maxY = std::max(maxY, p->y);
    }
    EXPECT_GT(maxY - minY, 0.75f * viewport.y) << "the body should fill most of the height";
}

TEST(Camera, PresetsLookFromTheNamedSide) {
    OrbitCamera cam;
    cam.target = glm::vec3(0.0f);
    cam.setPreset(ViewPreset::Back);
    EXPECT_LT(cam.eye().z, -1.0f);
    // The subject's right is at -X, so the camera for their right side sits at -X.
    cam.setPreset(ViewPreset::Right);
    EXPECT_LT(cam.eye().x, -1.0f);
    cam.setPreset(ViewPreset::Left);
    EXPECT_GT(cam.eye().x, 1.0f);
    EXPECT_EQ(parseViewPreset("Back"), ViewPreset::Back);
    EXPECT_FALSE(parseViewPreset("top"));
}

TEST(Camera, OrbitClampsPitchAndZoomStaysInRange) {
    OrbitCamera cam;
    cam.orbit(0.0f, 10.0f);
    // Clamped just short of straight down (the view would flip past it), not merely below 10.
    EXPECT_GT(cam.pitch, 1.3f);
    EXPECT_LT(cam.pitch, 1.5f);
    cam.orbit(0.0f, -20.0f);
    EXPECT_LT(cam.pitch, -1.3f);
    EXPECT_GT(cam.pitch, -1.5f);
    for (int i = 0; i < 100; ++i) cam.zoom(0.5f);
    EXPECT_GE(cam.distance, 0.04f) << "zooming in stops a few centimetres from the target";
    EXPECT_LE(cam.distance, 0.06f);
    for (int i = 0; i < 100; ++i) cam.zoom(2.0f);
    EXPECT_LE(cam.distance, 15.0f);
    EXPECT_GE(cam.distance, 14.0f);
}

TEST(Camera, PanMovesTheTargetSideways) {
    OrbitCamera cam;
    const glm::vec3 before = cam.target;
    cam.pan(0.1f, 0.0f);
    EXPECT_NE(cam.target.x, before.x);
    EXPECT_FLOAT_EQ(cam.target.y, before.y);
}
