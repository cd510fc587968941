#pragma once
// A colour + depth framebuffer of a chosen size. The viewer keeps the drawn scene in one (so
// an unchanged scene is not drawn again), composes frames and screenshots in another, and
// draws into a smaller one while the user drags: a software renderer's cost grows with the
// pixel count, so that keeps orbiting smooth.

#include "core/support/image.h"
#include "gl_objects.h"

namespace myomap {

class OffscreenTarget {
public:
    /// Makes sure the target is `width` x `height`; throws GlError if the driver refuses.
    void resize(int width, int height);
    void bind() const;
    /// Copies the whole target into a rectangle of `destination` (a framebuffer name, 0 for
    /// the window; GL coordinates) and leaves `destination` bound.
    void blitTo(GLuint destination, int x, int y, int width, int height) const;
    /// Reads the target's colour, rows top to bottom. Alpha is made opaque unless `keepAlpha`
    /// (a transparent picture), since blending leaves partial alpha where the x-ray skin
    /// covers the scene. Restores the pack alignment and the bound framebuffer it changed.
    Image read(bool keepAlpha = false) const;
    GLuint id() const { return framebuffer_.get(); }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GlFramebuffer framebuffer_;
    GlRenderbuffer color_, depth_;
    int width_ = 0, height_ = 0;
};

}  // namespace myomap
