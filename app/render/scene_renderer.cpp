#include "scene_renderer.h"

#include <algorithm>

#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>

#include "core/geometry/primitive_meshes.h"


namespace myomap {

std::vector<SceneRenderer::Range> SceneRenderer::uploadMeshes(const std::vector<const Mesh*>& meshes, GlVertexArray& vao,
                                                              GlBuffer& vertexBuffer, GlBuffer& indexBuffer) {
    std::vector<float> vertices;
    std::vector<std::uint32_t> indices;
    std::vector<Range> ranges;
    for (const Mesh* m : meshes) {
        Range r;
        r.baseVertex = static_cast<GLint>(vertices.size() / 6);
        r.firstIndex = indices.size();
        r.count = static_cast<GLsizei>(m->indices.size());
        for (std::size_t i = 0; i < m->positions.size(); ++i) {
            const glm::vec3 &p = m->positions[i], &n = m->normals[i];
            vertices.insert(vertices.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
        }
        indices.insert(indices.end(), m->indices.begin(), m->indices.end());
        ranges.push_back(r);
    }
    vao = makeVertexArray();
    vertexBuffer = makeBuffer();
    indexBuffer = makeBuffer();
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)), vertices.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer.get());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), reinterpret_cast<void*>(3 * sizeof(float)));
    return ranges;
}

SceneRenderer::SceneRenderer(const Pack& pack, const std::string& shadersDir)
    : pack_(pack),
      meshProgram_(shadersDir, "mesh.vert", "mesh.frag"),
      backgroundProgram_(shadersDir, "background.vert", "background.frag"),
      emptyVao_(makeVertexArray()) {
    for (int l = 0; l < 2; ++l) {
        GpuLod& gpu = lods_[l];
        gpu.level = static_cast<Lod>(l);
        std::vector<const Mesh*> meshes;
        std::size_t vertexCount = 0;
        for (const auto& o : pack.objects) {
            meshes.push_back(&o.lods[l]);
            vertexCount += o.lods[l].positions.size();
        }
        gpu.ranges = uploadMeshes(meshes, gpu.vao, gpu.vertices, gpu.indices);
        // The skin's paint, one vec4 per vertex of every object: far from every zone and
        // undrawn until the skin's range is filled in from a SkinPaint.
        const std::vector<glm::vec4> blank(vertexCount, glm::vec4(kFieldReach, kFieldReach, 0.0f, 0.0f));
        gpu.paint = makeBuffer();
        glBindBuffer(GL_ARRAY_BUFFER, gpu.paint.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertexCount * sizeof(glm::vec4)), blank.data(), GL_DYNAMIC_DRAW);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(glm::vec4), nullptr);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);  // leave no state behind for the next pass
        if (glGetError() == GL_OUT_OF_MEMORY) throw GlError("the graphics driver ran out of memory uploading the anatomy");
    }
    // The unit shapes of technique pictures, in GuideShape::Kind order. No paint attribute:
    // its constant default (0, 0, 0, 1) is never read (uPainted is 0).
    const Mesh shapes[4] = {unitSphere(), unitCylinder(), unitCone(), unitBox()};
    shapes_.ranges = uploadMeshes({&shapes[0], &shapes[1], &shapes[2], &shapes[3]}, shapes_.vao, shapes_.vertices, shapes_.indices);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

template <typename Keep>
void SceneRenderer::drawGuides(const DrawList& list, Keep keep) const {
    bool any = false;
    for (const auto& shape : list.guides) {
        if (!keep(shape)) continue;
        if (!any) {
            glBindVertexArray(shapes_.vao.get());
            meshProgram_.set("uHighlight", 0.0f);
            any = true;
        }
        setModel(shape.transform);
        meshProgram_.set("uColor", shape.color);
        const Range& r = shapes_.ranges[static_cast<std::size_t>(shape.kind)];
        glDrawElementsBaseVertex(GL_TRIANGLES, r.count, GL_UNSIGNED_INT,
                                 reinterpret_cast<void*>(r.firstIndex * sizeof(std::uint32_t)), r.baseVertex);
    }
    if (any) setModel(glm::mat4(1.0f));
}

void SceneRenderer::uploadPaint(const DrawList& list) const {
    if (!list.paint || list.paint->version == uploadedPaintVersion_) return;
    for (const auto& item : list.items) {
        if (!item.painted) continue;
        for (int l = 0; l < 2; ++l) {
            const std::vector<std::uint32_t>& map = list.paint->lodVertices[l];
            const Range& range = lods_[l].ranges[item.object];
            const std::size_t count = pack_.objects[item.object].lods[l].positions.size();
            if (map.size() != count) continue;  // a paint for another skin
            std::vector<glm::vec4> values(count);
            for (std::size_t i = 0; i < count; ++i)
                values[i] = map[i] < list.paint->values.size() ? list.paint->values[map[i]] : glm::vec4(kFieldReach, kFieldReach, 0.0f, 0.0f);
            glBindBuffer(GL_ARRAY_BUFFER, lods_[l].paint.get());
            glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(range.baseVertex) * static_cast<GLintptr>(sizeof(glm::vec4)),
                            static_cast<GLsizeiptr>(count * sizeof(glm::vec4)), values.data());
        }
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    uploadedPaintVersion_ = list.paint->version;
}

std::size_t SceneRenderer::triangleCount(Lod lod) const {
    std::size_t n = 0;
    for (const auto& r : lods_[static_cast<int>(lod)].ranges) n += static_cast<std::size_t>(r.count) / 3;
    return n;
}

void SceneRenderer::setModel(const glm::mat4& model) const {
    meshProgram_.set("uModel", model);
    // Normals turn with the inverse transpose; worked out once here, not for every vertex.
    meshProgram_.set("uNormalMatrix", glm::transpose(glm::inverse(glm::mat3(model))));
}

void SceneRenderer::drawObject(const GpuLod& lod, std::size_t object, bool shellOnly) const {
    const Range& r = lod.ranges[object];
    const GLsizei count = shellOnly ? static_cast<GLsizei>(pack_.objects[object].shellIndexCount(lod.level)) : r.count;
    if (count == 0) return;
    trianglesDrawn_ += static_cast<std::size_t>(count) / 3;
    glDrawElementsBaseVertex(GL_TRIANGLES, count, GL_UNSIGNED_INT,
                             reinterpret_cast<void*>(r.firstIndex * sizeof(std::uint32_t)), r.baseVertex);
}

void SceneRenderer::draw(const OrbitCamera& camera, float aspect, const FramebufferRect& vp, GLuint target, const DrawList& list,
                         const RenderSettings& settings) const {
    if (settings.resolutionScale >= 0.999f) {
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        glViewport(vp.x, vp.y, vp.width, vp.height);
        drawScene(camera, aspect, list, settings);
        return;
    }
    const int w = std::max(1, static_cast<int>(float(vp.width) * settings.resolutionScale));
    const int h = std::max(1, static_cast<int>(float(vp.height) * settings.resolutionScale));
    reduced_.resize(w, h);
    reduced_.bind();
    glViewport(0, 0, w, h);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    drawScene(camera, aspect, list, settings);
    reduced_.blitTo(target, vp.x, vp.y, vp.width, vp.height);
}

void SceneRenderer::drawScene(const OrbitCamera& camera, float aspect, const DrawList& list, const RenderSettings& settings) const {
    trianglesDrawn_ = 0;
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);

    // Background first, at the far plane (none for a transparent picture).
    if (!settings.transparent) {
        glDepthFunc(GL_ALWAYS);
        backgroundProgram_.use();
        backgroundProgram_.set("uTop", glm::vec3(0.96f, 0.96f, 0.95f));
        backgroundProgram_.set("uBottom", glm::vec3(0.80f, 0.83f, 0.87f));
        glBindVertexArray(emptyVao_.get());
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glDepthFunc(GL_LESS);
    }

    const GpuLod& lod = lods_[static_cast<int>(settings.lod)];
    meshProgram_.use();
    meshProgram_.set("uViewProjection", camera.projection(aspect) * camera.view());
    meshProgram_.set("uEye", camera.eye());
    uploadPaint(list);
    meshProgram_.set("uPainted", 0);
    setModel(glm::mat4(1.0f));
    glBindVertexArray(lod.vao.get());
    bool guidesDrawn = false;
    for (const auto& item : list.items) {
        // The solid tool goes in with the muscles, before any skin blends over it.
        if (!guidesDrawn && item.pass != DrawPass::Opaque) {
            glEnable(GL_CULL_FACE);
            drawGuides(list, [](const GuideShape& s) { return !s.onTop && s.color.a >= 0.999f; });
            glBindVertexArray(lod.vao.get());
            guidesDrawn = true;
        }
        // Muscles and bones are closed surfaces: culling their far faces halves the work of
        // a software renderer. Translucent skin shows only its near surface, so it does not
        // double up; opaque skin is drawn whole.
        const bool translucent = item.pass == DrawPass::TranslucentSkin;
        if (item.pass == DrawPass::OpaqueSkin || item.decal) {
            glDisable(GL_CULL_FACE);  // an open patch (or skin) has no inside to spare
        } else {
            glEnable(GL_CULL_FACE);
            glCullFace(GL_BACK);
        }
        if (translucent) {
            glEnable(GL_BLEND);
            // Alpha adds up as "over", so a transparent picture keeps the skin's coverage.
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            glDepthMask(GL_FALSE);
        }
        meshProgram_.set("uColor", item.color);
        meshProgram_.set("uHighlight", item.highlight);
        meshProgram_.set("uHighlightColor", item.highlightColor);
        if (item.painted) meshProgram_.set("uPainted", 1);
        if (item.decal) {
            // A patch lies within a few millimetres of its bone, on either side of it.
            glEnable(GL_POLYGON_OFFSET_FILL);
            glPolygonOffset(-4.0f, -64.0f);
        }
        drawObject(lod, item.object, item.shellOnly && !settings.wholeObjects);
        if (item.decal) glDisable(GL_POLYGON_OFFSET_FILL);
        if (item.painted) meshProgram_.set("uPainted", 0);
        if (translucent) {
            glDisable(GL_BLEND);
            glDepthMask(GL_TRUE);
        }
    }
    // What hides a show-through patch is drawn by now: its hidden part goes over it, faint.
    bool throughState = false;
    for (const auto& item : list.items) {
        if (!item.showThrough) continue;
        if (!throughState) {
            glDisable(GL_CULL_FACE);
            glEnable(GL_BLEND);
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            glDepthMask(GL_FALSE);
            glDepthFunc(GL_GREATER);
            meshProgram_.set("uHighlight", 0.0f);
            throughState = true;
        }
        meshProgram_.set("uColor", glm::vec4(glm::vec3(item.color), 0.45f * item.color.a));
        drawObject(lod, item.object);
    }
    if (throughState) {
        glDepthFunc(GL_LESS);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    if (!guidesDrawn) drawGuides(list, [](const GuideShape& s) { return !s.onTop && s.color.a >= 0.999f; });
    if (!list.guides.empty()) {
        // A wall or floor: see-through, so the body behind it still shows.
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        drawGuides(list, [](const GuideShape& s) { return !s.onTop && s.color.a < 0.999f; });
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
        // Arrows are diagram marks over the picture: a fresh depth buffer keeps them whole.
        glClear(GL_DEPTH_BUFFER_BIT);
        drawGuides(list, [](const GuideShape& s) { return s.onTop; });
    }
    glDisable(GL_CULL_FACE);
    glBindVertexArray(0);
}

std::size_t SceneRenderer::drawNaive(const OrbitCamera& camera, float aspect, const FramebufferRect& vp, GLuint target,
                                     const std::vector<std::size_t>& objects, Lod lod) const {
    const GpuLod& gpu = lods_[static_cast<int>(lod)];
    if (!naive_ || naive_->objects != objects || naive_->lod != lod) {
        // One index list with the base vertices folded in, so a single draw covers it all.
        std::vector<std::uint32_t> indices;
        for (std::size_t o : objects) {
            const Mesh& m = pack_.objects[o].lods[static_cast<int>(lod)];
            const auto base = static_cast<std::uint32_t>(gpu.ranges[o].baseVertex);
            for (std::uint32_t i : m.indices) indices.push_back(base + i);
        }
        Naive n;
        n.objects = objects;
        n.lod = lod;
        n.count = static_cast<GLsizei>(indices.size());
        n.vao = makeVertexArray();
        n.indices = makeBuffer();
        glBindVertexArray(n.vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices.get());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), reinterpret_cast<void*>(3 * sizeof(float)));
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, n.indices.get());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
                     GL_STATIC_DRAW);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        naive_ = std::move(n);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glViewport(vp.x, vp.y, vp.width, vp.height);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    meshProgram_.use();
    meshProgram_.set("uViewProjection", camera.projection(aspect) * camera.view());
    meshProgram_.set("uEye", camera.eye());
    setModel(glm::mat4(1.0f));
    meshProgram_.set("uPainted", 0);
    meshProgram_.set("uHighlight", 0.0f);
    meshProgram_.set("uColor", glm::vec4(0.68f, 0.17f, 0.15f, 1.0f));
    glBindVertexArray(naive_->vao.get());
    glDrawElements(GL_TRIANGLES, naive_->count, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
    return static_cast<std::size_t>(naive_->count) / 3;
}

}  // namespace myomap
