#include "scene_renderer.h"

#include <algorithm>

#include <functional>

namespace myomap {

namespace {
const glm::vec3 kBoneColor(0.92f, 0.88f, 0.78f);
const glm::vec3 kSkinColor(0.93f, 0.76f, 0.66f);
const glm::vec3 kSelectedColor(1.0f, 0.80f, 0.18f);
const glm::vec3 kHoverColor(1.0f, 0.62f, 0.45f);
}  // namespace

glm::vec3 muscleColor(const std::string& muscleId) {
    // FNV-1a: stable across runs and platforms, unlike std::hash.
    std::uint32_t h = 2166136261u;
    for (char c : muscleId) h = (h ^ static_cast<std::uint8_t>(c)) * 16777619u;
    const float a = float(h & 0xFF) / 255.0f - 0.5f;          // lightness
    const float b = float((h >> 8) & 0xFF) / 255.0f - 0.5f;   // hue toward orange or crimson
    const glm::vec3 base(0.68f, 0.17f, 0.15f);
    return glm::clamp(base * (1.0f + 0.30f * a) + glm::vec3(0.0f, 0.07f * b, 0.05f * -b), 0.0f, 1.0f);
}

SceneRenderer::SceneRenderer(const Pack& pack, const std::string& shadersDir)
    : pack_(pack),
      meshProgram_(shadersDir, "mesh.vert", "mesh.frag"),
      backgroundProgram_(shadersDir, "background.vert", "background.frag"),
      emptyVao_(makeVertexArray()) {
    for (int l = 0; l < 2; ++l) {
        GpuLod& gpu = lods_[l];
        std::vector<float> vertices;
        std::vector<std::uint32_t> indices;
        for (const auto& o : pack.objects) {
            const Mesh& m = o.lods[l];
            Range r;
            r.baseVertex = static_cast<GLint>(vertices.size() / 6);
            r.firstIndex = indices.size();
            r.count = static_cast<GLsizei>(m.indices.size());
            for (std::size_t i = 0; i < m.positions.size(); ++i) {
                vertices.insert(vertices.end(), {m.positions[i].x, m.positions[i].y, m.positions[i].z, m.normals[i].x,
                                                 m.normals[i].y, m.normals[i].z});
            }
            indices.insert(indices.end(), m.indices.begin(), m.indices.end());
            gpu.ranges.push_back(r);
        }
        gpu.vao = makeVertexArray();
        gpu.vertices = makeBuffer();
        gpu.indices = makeBuffer();
        glBindVertexArray(gpu.vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices.get());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
                     GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), reinterpret_cast<void*>(3 * sizeof(float)));
        glBindVertexArray(0);
        if (glGetError() == GL_OUT_OF_MEMORY) throw GlError("the graphics driver ran out of memory uploading the anatomy");
    }
    for (const auto& o : pack.objects) {
        colors_.push_back(o.layer == Layer::Muscle ? muscleColor(o.muscleId) : o.layer == Layer::Skin ? kSkinColor : kBoneColor);
    }
}

void SceneRenderer::setBlobs(const ReferralPattern* pattern) const {
    meshProgram_.set("uBlobCount", 0);
    meshProgram_.set("uSpotCount", 0);
    if (!pattern) return;
    std::vector<glm::vec4> blobs, normals;
    int spots = 0;
    // Pain spots first (the fragment stage loops over those only), then essential zones,
    // then spillover, so the most important survive if a pattern exceeds the limit.
    for (int pass = 0; pass < 3; ++pass)
        for (const auto& b : pattern->blobs) {
            const int kind = b.spot ? 0 : b.essential ? 1 : 2;
            if (kind != pass || static_cast<int>(blobs.size()) >= kMaxBlobs) continue;
            blobs.emplace_back(b.center, b.radius);
            normals.emplace_back(b.normal, b.spot ? 2.0f : b.essential ? 1.0f : 0.0f);
            spots += b.spot;
        }
    if (blobs.empty()) return;
    meshProgram_.setArray("uBlobs[0]", blobs.data(), static_cast<int>(blobs.size()));
    meshProgram_.setArray("uBlobNormals[0]", normals.data(), static_cast<int>(normals.size()));
    meshProgram_.set("uBlobCount", static_cast<int>(blobs.size()));
    meshProgram_.set("uSpotCount", spots);
}

std::size_t SceneRenderer::triangleCount(Lod lod) const {
    std::size_t n = 0;
    for (const auto& r : lods_[static_cast<int>(lod)].ranges) n += static_cast<std::size_t>(r.count) / 3;
    return n;
}

void SceneRenderer::drawObject(const GpuLod& lod, std::size_t object) const {
    const Range& r = lod.ranges[object];
    if (r.count == 0) return;
    glDrawElementsBaseVertex(GL_TRIANGLES, r.count, GL_UNSIGNED_INT,
                             reinterpret_cast<void*>(r.firstIndex * sizeof(std::uint32_t)), r.baseVertex);
}

void SceneRenderer::draw(const OrbitCamera& camera, const ViewportRect& vp, int windowHeight, const AppState& state,
                         const RenderSettings& settings, const ReferralPattern* pattern) const {
    const int glY = windowHeight - vp.y - vp.height;
    if (settings.resolutionScale >= 0.999f) {
        glViewport(vp.x, glY, vp.width, vp.height);
        drawScene(camera, vp.aspect(), state, settings, pattern);
        return;
    }
    const int w = std::max(1, static_cast<int>(float(vp.width) * settings.resolutionScale));
    const int h = std::max(1, static_cast<int>(float(vp.height) * settings.resolutionScale));
    reduced_.resize(w, h);
    reduced_.bind();
    glViewport(0, 0, w, h);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    drawScene(camera, vp.aspect(), state, settings, pattern);
    reduced_.blitTo(vp.x, glY, vp.width, vp.height);
}

void SceneRenderer::drawScene(const OrbitCamera& camera, float aspect, const AppState& state, const RenderSettings& settings,
                              const ReferralPattern* pattern) const {
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);

    // Background first, at the far plane.
    glDepthFunc(GL_ALWAYS);
    backgroundProgram_.use();
    backgroundProgram_.set("uTop", glm::vec3(0.96f, 0.96f, 0.95f));
    backgroundProgram_.set("uBottom", glm::vec3(0.80f, 0.83f, 0.87f));
    glBindVertexArray(emptyVao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDepthFunc(GL_LESS);

    const GpuLod& lod = lods_[static_cast<int>(settings.lod)];
    meshProgram_.use();
    meshProgram_.set("uViewProjection", camera.projection(aspect) * camera.view());
    meshProgram_.set("uEye", camera.eye());
    setBlobs(nullptr);
    glBindVertexArray(lod.vao.get());

    const bool anySelected = !state.selected.empty();
    // Opaque skin hides the muscles; skipping them also stops the few places where a
    // muscle's surface pokes through the thin skin mesh.
    const bool skinHidesMuscles = state.layers.skinHidesMuscles();
    // Muscles and bones are closed surfaces: culling their far faces halves the work
    // of a software renderer.
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    // Near objects first: the depth test then rejects hidden fragments before shading,
    // which is most of the cost on a software renderer.
    const glm::vec3 eye = camera.eye();
    std::vector<std::pair<float, std::size_t>> order;
    order.reserve(pack_.objects.size());
    for (std::size_t i = 0; i < pack_.objects.size(); ++i) {
        const Bounds& b = pack_.objects[i].bounds;
        const glm::vec3 nearest = glm::clamp(eye, b.min, b.max);
        order.emplace_back(glm::dot(nearest - eye, nearest - eye), i);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [distance2, i] : order) {
        const PackObject& o = pack_.objects[i];
        if (o.layer == Layer::Skin) continue;
        if (o.layer == Layer::Skeleton && !state.layers.skeleton) continue;
        if (o.layer == Layer::Muscle && (!state.layers.muscles || skinHidesMuscles)) continue;
        float highlight = 0.0f;
        glm::vec3 highlightColor = kSelectedColor;
        glm::vec3 color = colors_[i];
        if (o.layer == Layer::Muscle) {
            const MuscleRef ref{o.muscleId, o.side};
            if (ref == state.selected) {
                highlight = 0.85f;
            } else if (std::find(state.highlighted.begin(), state.highlighted.end(), ref) != state.highlighted.end()) {
                highlight = 0.6f;
                highlightColor = glm::vec3(1.0f, 0.55f, 0.10f);
            } else if (ref == state.hovered) {
                highlight = 0.45f;
                highlightColor = kHoverColor;
            } else if (anySelected || !state.highlighted.empty()) {
                // Soften the others so the chosen muscle stands out.
                color = glm::mix(color, glm::vec3(0.78f, 0.62f, 0.60f), 0.35f);
            }
        }
        meshProgram_.set("uColor", glm::vec4(color, 1.0f));
        meshProgram_.set("uHighlight", highlight);
        meshProgram_.set("uHighlightColor", highlightColor);
        drawObject(lod, i);
    }

    glDisable(GL_CULL_FACE);
    if (state.layers.skin) {
        for (std::size_t i = 0; i < pack_.objects.size(); ++i) {
            if (pack_.objects[i].layer != Layer::Skin) continue;
            const bool translucent = state.layers.skinOpacity < 0.999f;
            if (translucent) {
                glEnable(GL_BLEND);
                glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
                glDepthMask(GL_FALSE);
                glEnable(GL_CULL_FACE);  // only the near surface, so the skin does not double up
                glCullFace(GL_BACK);
            }
            meshProgram_.set("uColor", glm::vec4(colors_[i], state.layers.skinOpacity));
            meshProgram_.set("uHighlight", 0.0f);
            setBlobs(pattern);
            drawObject(lod, i);
            setBlobs(nullptr);
            glDisable(GL_CULL_FACE);
            glDisable(GL_BLEND);
            glDepthMask(GL_TRUE);
        }
    }
    glBindVertexArray(0);
}

}  // namespace myomap
