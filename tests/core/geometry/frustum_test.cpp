#include "core/geometry/frustum.h"

#include <gtest/gtest.h>

#include "core/geometry/camera.h"

using namespace myomap;

namespace {
Bounds box(const glm::vec3& centre, float half) {
    Bounds b;
    b.add(centre - glm::vec3(half));
    b.add(centre + glm::vec3(half));
    return b;
}
}  // namespace

TEST(Frustum, KeepsWhatTheCameraSeesAndLeavesOutWhatIsBesideOrBehindIt) {
    OrbitCamera camera;  // on +Z looking at the target
    camera.target = glm::vec3(0.0f);
    camera.distance = 2.0f;
    const Frustum f(camera.projection(1.6f) * camera.view());
    EXPECT_FALSE(f.excludes(box({0, 0, 0}, 0.1f))) << "the target";
    EXPECT_FALSE(f.excludes(box({0.9f, 0, 0}, 0.1f))) << "near the right edge (half width about 0.99 at the target)";
    EXPECT_TRUE(f.excludes(box({1.5f, 0, 0}, 0.1f))) << "beyond the right edge";
    EXPECT_TRUE(f.excludes(box({0, 0.9f, 0}, 0.1f))) << "above the top (half height about 0.62)";
    EXPECT_TRUE(f.excludes(box({0, 0, 3.0f}, 0.1f))) << "behind the camera";
    EXPECT_FALSE(f.excludes(box({1.5f, 0, 0}, 0.6f))) << "a box reaching into the view";
    EXPECT_TRUE(f.excludes(Bounds{})) << "an empty box";
}
