#pragma once
// The two coordinate systems of a window. Mouse events, ImGui, picking and knot markers
// work in window coordinates (origin top-left); only glViewport takes framebuffer pixels
// (origin bottom-left). On a HiDPI screen the framebuffer is larger than the window, so
// the two must never be mixed.

#include <glm/vec2.hpp>

namespace myomap {

/// A rectangle in window coordinates, origin top-left.
struct ViewportRect {
    int x = 0, y = 0, width = 1, height = 1;

    glm::vec2 size() const { return {float(width), float(height)}; }
    float aspect() const { return float(width) / float(height); }
    bool contains(glm::vec2 window) const;
    /// A window point relative to the rectangle's top-left corner.
    glm::vec2 toLocal(glm::vec2 window) const { return {window.x - float(x), window.y - float(y)}; }
};

/// A rectangle in framebuffer pixels, origin bottom-left, as glViewport takes it.
struct FramebufferRect {
    int x = 0, y = 0, width = 1, height = 1;
};

/// The framebuffer pixels covered by `rect` of a window `windowSize` large whose
/// framebuffer is `framebufferSize` pixels (the ratio is the display's scale).
FramebufferRect toFramebuffer(const ViewportRect& rect, glm::ivec2 windowSize, glm::ivec2 framebufferSize);

}  // namespace myomap
