#include "offscreen_target.h"

#include <string>

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
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw GlError("could not make a " + std::to_string(width) + "x" + std::to_string(height) +
                      " offscreen framebuffer (status " + std::to_string(status) + ")");
    width_ = width;
    height_ = height;
}

void OffscreenTarget::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.get()); }

void OffscreenTarget::blitTo(int x, int y, int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace myomap
