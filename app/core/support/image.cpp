#include "core/support/image.h"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/support/atomic_file.h"
#include "core/support/errors.h"

namespace myomap {

void writePng(const std::string& path, const Image& image) { writeFileAtomically(path, encodePng(image), "the PNG"); }

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

}  // namespace myomap
