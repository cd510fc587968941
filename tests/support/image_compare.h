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

/// Compares two images; a pixel differs when any channel differs by more than `threshold`.
ImageComparison compareImages(const Image& actual, const Image& expected, int threshold);

/// Box-filters an image down by an integer factor (baselines are stored small).
Image downsample(const Image& image, int factor);

}  // namespace myomap
