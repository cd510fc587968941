#include "core/session/viewport.h"

#include <algorithm>
#include <cmath>

namespace myomap {

bool ViewportRect::contains(glm::vec2 p) const {
    return p.x >= float(x) && p.y >= float(y) && p.x < float(x + width) && p.y < float(y + height);
}

FramebufferRect toFramebuffer(const ViewportRect& r, glm::ivec2 windowSize, glm::ivec2 framebufferSize) {
    const float sx = windowSize.x > 0 ? float(framebufferSize.x) / float(windowSize.x) : 1.0f;
    const float sy = windowSize.y > 0 ? float(framebufferSize.y) / float(windowSize.y) : 1.0f;
    FramebufferRect f;
    f.x = int(std::lround(float(r.x) * sx));
    f.width = std::max(1, int(std::lround(float(r.x + r.width) * sx)) - f.x);
    const int top = int(std::lround(float(r.y) * sy));
    const int bottom = int(std::lround(float(r.y + r.height) * sy));
    f.height = std::max(1, bottom - top);
    f.y = framebufferSize.y - bottom;  // GL counts rows from the bottom
    return f;
}

}  // namespace myomap
