#pragma once
// RGBA8 images and PNG files.

#include <cstdint>
#include <string>
#include <vector>

namespace myomap {

struct Image {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  ///< rows top to bottom

    const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
};

/// Writes atomically (temporary file, then rename). Throws MyomapError naming the file.
void writePng(const std::string& path, const Image& image);
/// The image as PNG bytes (for embedding). Throws MyomapError.
std::vector<std::uint8_t> encodePng(const Image& image);
/// Throws MyomapError naming the file when it is missing or not a PNG.
Image readPng(const std::string& path);

}  // namespace myomap
