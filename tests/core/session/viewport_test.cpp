#include <gtest/gtest.h>

#include "core/session/viewport.h"

using namespace myomap;

TEST(Viewport, WindowRectanglesBecomeFramebufferPixelsAtAScaleOfTwo) {
    // A 1280x800 window on a HiDPI screen has a 2560x1600 framebuffer; the scene sits right
    // of a 420-point panel.
    const ViewportRect scene{420, 0, 860, 800};
    const FramebufferRect f = toFramebuffer(scene, {1280, 800}, {2560, 1600});
    EXPECT_EQ(f.x, 840);
    EXPECT_EQ(f.y, 0);
    EXPECT_EQ(f.width, 1720);
    EXPECT_EQ(f.height, 1600);
    // GL counts rows from the bottom.
    const FramebufferRect g = toFramebuffer({0, 100, 100, 200}, {1280, 800}, {2560, 1600});
    EXPECT_EQ(g.y, 1600 - 600);
    EXPECT_EQ(g.height, 400);
    const FramebufferRect same = toFramebuffer(scene, {1280, 800}, {1280, 800});
    EXPECT_EQ(same.x, 420);
    EXPECT_EQ(same.width, 860);
}

TEST(Viewport, ContainsAndLocalCoordinatesStayInWindowUnits) {
    const ViewportRect r{420, 0, 860, 800};
    EXPECT_FALSE(r.contains({419.0f, 10.0f})) << "on the panel";
    EXPECT_TRUE(r.contains({420.0f, 10.0f}));
    EXPECT_FALSE(r.contains({1280.0f, 10.0f}));
    EXPECT_EQ(r.toLocal({500.0f, 30.0f}), glm::vec2(80.0f, 30.0f));
}
