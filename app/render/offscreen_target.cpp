#include "offscreen_target.h"

#include <algorithm>
#include <string>
#include <vector>

namespace myomap {

void OffscreenTarget::resize(int width, int height) {
    if (width == width_ && height == height_ && framebuffer_.get()) return;
    GLuint ids[2] = {0, 0};
    if (!framebuffer_.get()) {
        GLuint fb = 0;
        glGenFramebuffers(1, &fb);
        framebuffer_ = GlFramebuffer(fb);
    }
    glGenRenderbuffers(2, ids);
    color_ = GlRenderbuffer(ids[0]);
    depth_ = GlRenderbuffer(ids[1]);
    glBindRenderbuffer(GL_RENDERBUFFER, color_.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth_.get());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw GlError("could not make a " + std::to_string(width) + "x" + std::to_string(height) +
                      " offscreen framebuffer (status " + std::to_string(status) + ")");
    width_ = width;
    height_ = height;
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get()); }

void OffscreenTarget::blitTo(GLuint destination, int x, int y, int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, destination);
    const bool sameSize = width == width_ && height == height_;
    glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT, sameSize ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, destination);
}

Image OffscreenTarget::read(bool keepAlpha) const {
    Image img;
    img.width = width_;
    img.height = height_;
    img.rgba.resize(static_cast<std::size_t>(img.width) * img.height * 4);
    std::vector<std::uint8_t> rows(img.rgba.size());
    GLint alignment = 4, bound = 0;
    glGetIntegerv(GL_PACK_ALIGNMENT, &alignment);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &bound);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
    glReadPixels(0, 0, img.width, img.height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(bound));
    glPixelStorei(GL_PACK_ALIGNMENT, alignment);
    const std::size_t stride = static_cast<std::size_t>(img.width) * 4;
    for (int y = 0; y < img.height; ++y)  // GL rows run bottom-up
        std::copy_n(rows.data() + static_cast<std::size_t>(img.height - 1 - y) * stride, stride, img.rgba.data() + static_cast<std::size_t>(y) * stride);
    if (!keepAlpha)
        for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    return img;
}

}  // namespace myomap
