// The comparison every render test relies on.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "support/image_compare.h"

using namespace myomap;

namespace {
Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    Image img;
    img.width = w;
    img.height = h;
    for (int i = 0; i < w * h; ++i) img.rgba.insert(img.rgba.end(), {r, g, b, 255});
    return img;
}
}  // namespace

TEST(ImageCompare, CountsOnlyPixelsBeyondTheThresholdAndMarksThemRed) {
    const Image expected = solid(10, 10, 100, 100, 100);
    Image actual = expected;
    EXPECT_DOUBLE_EQ(compareImages(actual, expected, 8).differingFraction, 0.0);
    actual.rgba[(3 * 10 + 4) * 4 + 1] = 120;  // one pixel, green +20
    actual.rgba[(5 * 10 + 5) * 4 + 2] = 105;  // one pixel, blue +5: within the threshold
    const ImageComparison c = compareImages(actual, expected, 8);
    EXPECT_TRUE(c.sameSize);
    EXPECT_DOUBLE_EQ(c.differingFraction, 0.01);
    EXPECT_EQ(c.maxChannelDifference, 20);
    const std::uint8_t* red = c.diff.pixel(4, 3);
    EXPECT_EQ(red[0], 255);
    EXPECT_EQ(red[1], 0);
    EXPECT_NE(c.diff.pixel(5, 5)[1], 0) << "a pixel within the threshold is not marked";
}

TEST(ImageCompare, DifferentSizesNeverMatch) {
    const ImageComparison c = compareImages(solid(10, 10, 0, 0, 0), solid(10, 11, 0, 0, 0), 255);
    EXPECT_FALSE(c.sameSize);
    EXPECT_DOUBLE_EQ(c.differingFraction, 1.0);
}

TEST(ImageCompare, DownsampleAveragesBlocks) {
    Image img = solid(4, 2, 0, 0, 0);
    img.rgba[0] = 200;  // top-left pixel red 200; its 2x2 block averages to 50
    const Image small = downsample(img, 2);
    EXPECT_EQ(small.width, 2);
    EXPECT_EQ(small.height, 1);
    EXPECT_EQ(small.pixel(0, 0)[0], 50);
    EXPECT_EQ(small.pixel(1, 0)[0], 0);
}

TEST(ImageCompare, TheRenderTolerancesCatchAMissingKnotMarker) {
    // A committed baseline with knot markers; paint each marker over with the colour beside
    // it, as if the marker were not drawn, and compare with the render tests' tolerance.
    const Image baseline = readPng(MYOMAP_TEST_BASELINES "/pattern_infraspinatus_knot.png");
    Image noMarker = baseline;
    int markerPixels = 0;
    auto yellow = [](const std::uint8_t* p) { return p[0] > 180 && p[1] > 170 && p[2] < 130; };
    for (int y = 0; y < baseline.height; ++y)
        for (int x = 8; x < baseline.width; ++x)
            if (yellow(baseline.pixel(x, y))) {
                ++markerPixels;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int px = std::clamp(x + dx, 0, baseline.width - 1), py = std::clamp(y + dy, 0, baseline.height - 1);
                        std::copy_n(baseline.pixel(std::max(0, px - 8), py), 4, &noMarker.rgba[(static_cast<std::size_t>(py) * noMarker.width + px) * 4]);
                    }
            }
    ASSERT_GT(markerPixels, 5) << "the baseline shows its markers";
    const ImageComparison c = compareImages(noMarker, baseline, kRenderThreshold);
    std::printf("a missing marker changes %.3f%% of the pixels (allowed %.3f%%)\n", 100.0 * c.differingFraction, 100.0 * kRenderMaxFraction);
    EXPECT_GT(c.differingFraction, kRenderMaxFraction) << "a missing marker would pass the render tests";
    EXPECT_DOUBLE_EQ(compareImages(baseline, baseline, kRenderThreshold).differingFraction, 0.0);
}
