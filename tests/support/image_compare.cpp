#include "image_compare.h"

#include <algorithm>
#include <cstdlib>

namespace myomap {

ImageComparison compareImages(const Image& actual, const Image& expected, int threshold) {
    ImageComparison c;
    c.sameSize = actual.width == expected.width && actual.height == expected.height;
    if (!c.sameSize) return c;
    c.diff = expected;
    std::size_t differing = 0;
    int maxDiff = 0;
    for (std::size_t i = 0; i < actual.rgba.size(); i += 4) {
        int d = 0;
        for (int k = 0; k < 3; ++k) d = std::max(d, std::abs(int(actual.rgba[i + k]) - int(expected.rgba[i + k])));
        maxDiff = std::max(maxDiff, d);
        if (d > threshold) {
            ++differing;
            c.diff.rgba[i] = 255;
            c.diff.rgba[i + 1] = 0;
            c.diff.rgba[i + 2] = 0;
        } else {
            for (int k = 0; k < 3; ++k) c.diff.rgba[i + k] = static_cast<std::uint8_t>(200 + expected.rgba[i + k] / 5);
        }
        c.diff.rgba[i + 3] = 255;
    }
    c.differingFraction = actual.rgba.empty() ? 0.0 : double(differing) / double(actual.rgba.size() / 4);
    c.maxChannelDifference = maxDiff;
    return c;
}

Image downsample(const Image& image, int factor) {
    Image out;
    out.width = image.width / factor;
    out.height = image.height / factor;
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            for (int k = 0; k < 4; ++k) {
                int sum = 0;
                for (int dy = 0; dy < factor; ++dy)
                    for (int dx = 0; dx < factor; ++dx) sum += image.pixel(x * factor + dx, y * factor + dy)[k];
                out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4 + k] = static_cast<std::uint8_t>(sum / (factor * factor));
            }
    return out;
}

}  // namespace myomap
