#pragma once
// The tolerant image comparison that every render test relies on (test-only).

#include "core/support/image.h"

namespace myomap {

struct ImageComparison {
    bool sameSize = false;
    double differingFraction = 1.0;  ///< pixels whose channel difference exceeds the threshold
    int maxChannelDifference = 255;
    Image diff;                      ///< differing pixels red over a faded copy of the expected image
};

/// The render tests' tolerance (baselines are stored at half size): a pixel differs when a
/// channel is more than this far off, and a render fails when more than this share of
/// pixels differ. Tight enough that a missing knot marker fails (see image_compare_test).
inline constexpr int kRenderThreshold = 40;
inline constexpr double kRenderMaxFraction = 0.0008;
inline constexpr int kRenderDownsample = 2;

/// Compares two images; a pixel differs when any channel differs by more than `threshold`.
ImageComparison compareImages(const Image& actual, const Image& expected, int threshold);

/// Box-filters an image down by an integer factor (baselines are stored small).
Image downsample(const Image& image, int factor);

}  // namespace myomap
