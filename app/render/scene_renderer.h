#pragma once
// Draws the pack: background, skeleton, muscles (with hover and selection highlight) and
// the skin layer, at either level of detail, into the current framebuffer viewport.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/camera.h"
#include "core/pack.h"
#include "core/referral_pattern.h"
#include "gl_objects.h"
#include "offscreen_target.h"
#include "shader_program.h"

namespace myomap {

/// A rectangle of the window in pixels, origin top-left.
struct ViewportRect {
    int x = 0, y = 0, width = 1, height = 1;
    glm::vec2 size() const { return {float(width), float(height)}; }
    float aspect() const { return float(width) / float(height); }
};

struct RenderSettings {
    Lod lod = Lod::Full;
    /// Below 1 the scene is drawn at this share of the viewport's size and stretched to
    /// fit (used while the user drags).
    float resolutionScale = 1.0f;
};

/// Atlas colour of a muscle: red with a small, stable per-muscle variation.
glm::vec3 muscleColor(const std::string& muscleId);

class SceneRenderer {
public:
    /// Uploads every object of `pack` (which must outlive the renderer); loads shaders
    /// from `shadersDir`. Throws GlError.
    SceneRenderer(const Pack& pack, const std::string& shadersDir);

    /// Draws into `viewport` of a window `windowHeight` pixels tall.
    /// `pattern` (may be null) is painted on the skin.
    void draw(const OrbitCamera& camera, const ViewportRect& viewport, int windowHeight, const AppState& state,
              const RenderSettings& settings, const ReferralPattern* pattern = nullptr) const;

    /// Most blobs the skin shader paints at once.
    static constexpr int kMaxBlobs = 48;

    std::size_t triangleCount(Lod lod) const;

private:
    struct Range {
        GLsizei count = 0;
        std::size_t firstIndex = 0;
        GLint baseVertex = 0;
    };
    struct GpuLod {
        GlVertexArray vao;
        GlBuffer vertices, indices;
        std::vector<Range> ranges;  // per pack object
    };
    void drawObject(const GpuLod& lod, std::size_t object) const;
    void setBlobs(const ReferralPattern* pattern) const;
    void drawScene(const OrbitCamera& camera, float aspect, const AppState& state, const RenderSettings& settings,
                   const ReferralPattern* pattern) const;

    const Pack& pack_;
    ShaderProgram meshProgram_;
    ShaderProgram backgroundProgram_;
    GlVertexArray emptyVao_;
    std::array<GpuLod, 2> lods_;
    std::vector<glm::vec3> colors_;
    mutable OffscreenTarget reduced_;
};

}  // namespace myomap
