// myomap-compare-images ACTUAL.png BASELINE.png DIFF.png [threshold] [max_fraction] [downsample]
// Compares a screenshot with a committed baseline within a tolerance; writes a diff image
// (differing pixels in red) when they disagree. With MYOMAP_UPDATE_BASELINES=1 it writes
// the baseline instead.

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "core/support/errors.h"
#include "core/support/image.h"
#include "support/image_compare.h"

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: myomap-compare-images ACTUAL BASELINE DIFF [threshold] [max_fraction] [downsample]\n";
        return 2;
    }
    const std::string actualPath = argv[1], baselinePath = argv[2], diffPath = argv[3];
    const int threshold = argc > 4 ? std::atoi(argv[4]) : myomap::kRenderThreshold;
    const double maxFraction = argc > 5 ? std::atof(argv[5]) : myomap::kRenderMaxFraction;
    const int factor = argc > 6 ? std::atoi(argv[6]) : myomap::kRenderDownsample;
    try {
        const myomap::Image actual = myomap::downsample(myomap::readPng(actualPath), factor);
        const char* update = std::getenv("MYOMAP_UPDATE_BASELINES");
        if ((update && std::string(update) == "1") || !std::filesystem::exists(baselinePath)) {
            if (!(update && std::string(update) == "1")) {
                std::cerr << "no baseline at " << baselinePath << "; run with MYOMAP_UPDATE_BASELINES=1 to create it\n";
                return 1;
            }
            myomap::writePng(baselinePath, actual);
            std::cout << "wrote baseline " << baselinePath << "\n";
            return 0;
        }
        const myomap::Image baseline = myomap::readPng(baselinePath);
        const myomap::ImageComparison c = myomap::compareImages(actual, baseline, threshold);
        if (!c.sameSize) {
            std::cerr << "size differs: actual " << actual.width << "x" << actual.height << ", baseline " << baseline.width << "x"
                      << baseline.height << "\n";
            return 1;
        }
        std::cout << "differing pixels: " << 100.0 * c.differingFraction << "% (allowed " << 100.0 * maxFraction
                  << "%), largest channel difference " << c.maxChannelDifference << "\n";
        if (c.differingFraction > maxFraction) {
            myomap::writePng(diffPath, c.diff);
            std::cerr << "render differs from " << baselinePath << "; diff image: " << diffPath << "\n";
            return 1;
        }
        return 0;
    } catch (const myomap::MyomapError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
