#include "image.h"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "errors.h"

namespace myomap {

void writePng(const std::string& path, const Image& image) {
    const std::string tmp = path + ".tmp";
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    img.width = static_cast<png_uint_32>(image.width);
    img.height = static_cast<png_uint_32>(image.height);
    img.format = PNG_FORMAT_RGBA;
    if (!png_image_write_to_file(&img, tmp.c_str(), 0, image.rgba.data(), 0, nullptr))
        throw MyomapError(path + ": cannot write the PNG (" + img.message + ")");
    if (std::rename(tmp.c_str(), path.c_str()) != 0) throw MyomapError(path + ": cannot move the PNG into place");
}

std::vector<std::uint8_t> encodePng(const Image& image) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    img.width = static_cast<png_uint_32>(image.width);
    img.height = static_cast<png_uint_32>(image.height);
    img.format = PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&img, nullptr, &size, 0, image.rgba.data(), 0, nullptr))
        throw MyomapError(std::string("cannot encode a PNG (") + img.message + ")");
    std::vector<std::uint8_t> bytes(size);
    if (!png_image_write_to_memory(&img, bytes.data(), &size, 0, image.rgba.data(), 0, nullptr))
        throw MyomapError(std::string("cannot encode a PNG (") + img.message + ")");
    bytes.resize(size);
    return bytes;
}

Image readPng(const std::string& path) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path.c_str()))
        throw MyomapError(path + ": cannot read the PNG (" + img.message + ")");
    img.format = PNG_FORMAT_RGBA;
    Image out;
    out.width = static_cast<int>(img.width);
    out.height = static_cast<int>(img.height);
    out.rgba.resize(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr)) {
        png_image_free(&img);
        throw MyomapError(path + ": the PNG is damaged (" + img.message + ")");
    }
    return out;
}

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
