#pragma once
// Draws a draw list (core/session/draw_list.h): the background, then each item with its
// pass, colour and highlight, the referral paint on the skin, at either level of detail.
// It decides nothing about what is visible; that is the draw list's job.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/anatomy/pack.h"
#include "core/geometry/camera.h"
#include "core/session/draw_list.h"
#include "core/session/viewport.h"
#include "gl_objects.h"
#include "offscreen_target.h"
#include "shader_program.h"

namespace myomap {

struct RenderSettings {
    Lod lod = Lod::Full;
    /// Below 1 the scene is drawn at this share of the viewport's size and stretched to
    /// fit (used while the user drags).
    float resolutionScale = 1.0f;
    /// No background: pictures for slides, with alpha (the target must be cleared to 0).
    bool transparent = false;
    /// Every triangle of every drawn object, ignoring the visible shells (to check them).
    bool wholeObjects = false;
};

class SceneRenderer {
public:
    /// Uploads every object of `pack` (which must outlive the renderer); loads shaders
    /// from `shadersDir`. Throws GlError.
    SceneRenderer(const Pack& pack, const std::string& shadersDir);

    /// Draws `list` into `viewport` (framebuffer pixels) of the framebuffer `target`
    /// (0 for the window), which is left bound. `aspect` is the viewport's in window units.
    void draw(const OrbitCamera& camera, float aspect, const FramebufferRect& viewport, GLuint target, const DrawList& list,
              const RenderSettings& settings) const;

    std::size_t triangleCount(Lod lod) const;
    /// Triangles the last draw() sent to the GPU.
    std::size_t trianglesDrawn() const { return trianglesDrawn_; }

    /// The benchmark's yardstick: the given objects' triangles at `lod` as one indexed draw
    /// from one buffer, no culling of any kind, one colour; returns the triangles drawn.
    std::size_t drawNaive(const OrbitCamera& camera, float aspect, const FramebufferRect& viewport, GLuint target,
                          const std::vector<std::size_t>& objects, Lod lod) const;

private:
    struct Range {
        GLsizei count = 0;
        std::size_t firstIndex = 0;
        GLint baseVertex = 0;
    };
    struct GpuLod {
        GlVertexArray vao;
        GlBuffer vertices, indices, paint;
        std::vector<Range> ranges;  // per pack object
        Lod level = Lod::Full;
    };
    /// Uploads meshes into one interleaved buffer (attribute 0 position, 1 normal) and one
    /// index buffer on a new `vao`, which is left bound; returns each mesh's range.
    static std::vector<Range> uploadMeshes(const std::vector<const Mesh*>& meshes, GlVertexArray& vao,
                                           GlBuffer& vertexBuffer, GlBuffer& indexBuffer);
    /// Sets the model matrix and its normal matrix.
    void setModel(const glm::mat4& model) const;
    /// Draws one object's triangles, or only its visible shell.
    void drawObject(const GpuLod& lod, std::size_t object, bool shellOnly = false) const;
    /// Copies the draw list's skin paint into the painted object's range, when it changed.
    void uploadPaint(const DrawList& list) const;
    void drawScene(const OrbitCamera& camera, float aspect, const DrawList& list, const RenderSettings& settings) const;
    /// Draws the guide shapes that pass `keep` (technique tools, surfaces, arrows).
    template <typename Keep>
    void drawGuides(const DrawList& list, Keep keep) const;

    const Pack& pack_;
    ShaderProgram meshProgram_;
    ShaderProgram backgroundProgram_;
    GlVertexArray emptyVao_;
    std::array<GpuLod, 2> lods_;
    struct GpuShapes {
        GlVertexArray vao;
        GlBuffer vertices, indices;
        std::vector<Range> ranges;  // by GuideShape::Kind
    } shapes_;
    mutable OffscreenTarget reduced_;
    mutable std::uint64_t uploadedPaintVersion_ = ~std::uint64_t(0);
    mutable std::size_t trianglesDrawn_ = 0;
    struct Naive {
        GlVertexArray vao;
        GlBuffer indices;
        GLsizei count = 0;
        std::vector<std::size_t> objects;
        Lod lod = Lod::Full;
    };
    mutable std::optional<Naive> naive_;
};

}  // namespace myomap
