#pragma once
// A colour + depth framebuffer of a chosen size. The viewer draws the scene into a smaller
// one while the user drags, then stretches it onto the window: a software renderer's cost
// grows with the pixel count, so this keeps orbiting smooth.

#include "gl_objects.h"

namespace myomap {

class OffscreenTarget {
public:
    /// Makes sure the target is `width` x `height`; throws GlError if the driver refuses.
    void resize(int width, int height);
    void bind() const;
    /// Copies the target into a rectangle of the default framebuffer (GL coordinates).
    void blitTo(int x, int y, int width, int height) const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GlFramebuffer framebuffer_;
    GlRenderbuffer color_, depth_;
    int width_ = 0, height_ = 0;
};

}  // namespace myomap
