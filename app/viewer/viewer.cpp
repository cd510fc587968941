#include "viewer.h"

#include "core/author_commands.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace myomap {

namespace {
constexpr double kInteractionHold = 0.3;  // seconds of decimated drawing after the last drag or scroll
}

Viewer::Viewer(const CliOptions& options, const ViewerPaths& paths, std::chrono::steady_clock::time_point processStart)
    : options_(options),
      pack_(Pack::read(paths.pack)),
      catalog_(Catalog::load(paths.models + "/muscles.tsv")),
      knowledge_(KnowledgeBase::load(paths.content, catalog_)),
      processStart_(processStart) {
    // A broken content file costs only its own entry; say so, and carry on.
    for (const auto& err : knowledge_.errors()) std::cerr << "myomap: content: " << err << "\n";
    if (!knowledge_.errors().empty())
        state_.notices.push_back(std::to_string(knowledge_.errors().size()) + " content file problem(s), e.g. " +
                                 knowledge_.errors().front());
    // Keep what is valid: catalog muscles without meshes stay listed, with a notice.
    std::size_t missing = 0;
    std::string example;
    for (const auto& m : catalog_.muscles())
        if (!pack_.find(m.id, Side::Right) || !pack_.find(m.id, Side::Left)) {
            if (missing++ == 0) example = m.id;
        }
    if (missing)
        state_.notices.push_back(std::to_string(missing) + " catalog muscle(s) have no mesh in this pack (e.g. '" + example +
                                 "'); rebuild the pack.");
    if (options.select) {
        state_.select(parseMuscleRef(*options.select, catalog_));
        if (!pack_.find(state_.selected.muscleId, state_.selected.side))
            throw ArgumentError("--select '" + *options.select + "': the pack has no mesh for that muscle and side");
    }
    if (options.knot) {
        const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
        if (!e) throw ArgumentError("--knot needs --select with a muscle that has knot data");
        if (*options.knot > static_cast<int>(e->knots.size()))
            throw ArgumentError("--knot " + std::to_string(*options.knot) + ": '" + e->id + "' has " + std::to_string(e->knots.size()) +
                                " knot(s)");
        state_.selectedKnot = *options.knot - 1;
    }
    if (options.focus) state_.focus = *parseFocusMode(*options.focus);
    if (options.clinician) state_.audience = Audience::Clinician;
    headless_ = options.screenshot.has_value() || options.benchmarkFrames.has_value() || options.carePlan.has_value();
    picker_ = std::make_unique<ScenePicker>(pack_);
    for (std::size_t i = 0; i < pack_.objects.size(); ++i)
        if (pack_.objects[i].layer == Layer::Skin) skinObject_ = static_cast<int>(i);
    const std::string areasFile = paths.content + "/areas.yaml";
    try {
        if (std::filesystem::exists(areasFile)) areas_ = loadBodyAreas(areasFile);
    } catch (const ContentError& e) {
        state_.notices.push_back(e.what());  // the finder still works by clicking
    }
    if (skinObject_ >= 0) {
        const MeshBvh& skin = picker_->bvh(static_cast<std::size_t>(skinObject_));
        painFinder_ = std::make_unique<PainFinder>(knowledge_, skin);
        for (const auto& text : options.painPoints)
            state_.addPainSpot(snapToSkin(skin, parsePoint(text, "--pain-point")), "Spot " + std::to_string(state_.painSpots.size() + 1));
        for (const auto& name : options.painAreas) {
            const auto found = searchAreas(areas_, name);
            if (found.empty()) throw ArgumentError("--pain-area '" + name + "' is not a body area in content/areas.yaml");
            PainSpot spot = snapToSkin(skin, found.front()->point);
            spot.radius = found.front()->radius;
            state_.addPainSpot(spot, found.front()->name + " (right)");
        }
        state_.painFinder = !state_.painSpots.empty();
    }

    window_ = std::make_unique<Window>(options.width, options.height, "Myomap", !headless_);
    renderer_ = std::make_unique<SceneRenderer>(pack_, paths.shaders);
    settings_.lod = options.interactiveLod ? Lod::Interactive : Lod::Full;
    if (options.skinOpacity) {
        state_.layers.skin = true;
        state_.layers.skinOpacity = *options.skinOpacity;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is fixed; no imgui.ini beside the user's files
    ImGui_ImplGlfw_InitForOpenGL(window_->handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imguiReady_ = true;
    ui_ = std::make_unique<ViewerUi>(catalog_, pack_, knowledge_);
    // Screenshots use scale 1 so they look the same on every machine.
    ui_->setupFonts(headless_ ? 1.0f : window_->contentScale());
    ui_->layout(window_->width());

    const ViewportRect vp = sceneViewport();
    camera_.frame(pack_.bodyBounds(), options.view.value_or(ViewPreset::Front), vp.aspect());
}

Viewer::~Viewer() {
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
}

ViewportRect Viewer::sceneViewport() const {
    const int panel = options_.noUi || !ui_ ? 0 : static_cast<int>(ui_->panelWidth());
    ViewportRect vp;
    vp.x = panel;
    vp.y = 0;
    vp.width = std::max(1, window_->width() - panel);
    vp.height = std::max(1, window_->height());
    return vp;
}

std::optional<PickResult> Viewer::pickAt(glm::vec2 pixel) const {
    const ViewportRect vp = sceneViewport();
    const glm::vec2 local(pixel.x - float(vp.x), pixel.y - float(vp.y));
    if (local.x < 0 || local.y < 0 || local.x >= float(vp.width) || local.y >= float(vp.height)) return std::nullopt;
    const Ray ray = camera_.rayThrough(local, vp.size());
    const LayerVisibility layers = state_.layers;
    return picker_->pick(ray, [&](const PackObject& o) { return isPickable(o, layers); });
}

void Viewer::clickAtPixel(glm::vec2 pixel) {
    const ViewportRect vp = sceneViewport();
    if (pixel.x < float(vp.x)) return;  // on the panel
    if (state_.painFinder) {
        addPainSpotAt(pixel);
        return;
    }
    if (options_.author) printAuthoringPoints(pixel);
    // A click on a knot marker shows that knot's pattern alone (a second click shows all).
    if (const int knot = markerAt(pixel); knot >= 0) {
        state_.selectedKnot = state_.selectedKnot == knot ? -1 : knot;
        return;
    }
    state_.clickAt(pack_, pickAt(pixel));
}

void Viewer::printAuthoringPoints(glm::vec2 pixel) const {
    // Content is written for the right side: left-side points are printed mirrored.
    auto right = [](glm::vec3 p, Side side) { return side == Side::Left ? glm::vec3(-p.x, p.y, p.z) : p; };
    auto text = [](const glm::vec3& p) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "[%.4f, %.4f, %.4f]", p.x, p.y, p.z);
        return std::string(buf);
    };
    if (const auto hit = pickAt(pixel)) {
        const PackObject& o = pack_.objects[static_cast<std::size_t>(hit->objectIndex)];
        std::cout << "author: muscle " << o.muscleId << " (" << sideName(o.side) << ") surface " << text(right(hit->point, o.side))
                  << "\n";
    }
    if (skinObject_ >= 0) {
        const ViewportRect vp = sceneViewport();
        const Ray ray = camera_.rayThrough({pixel.x - float(vp.x), pixel.y - float(vp.y)}, vp.size());
        if (const auto hit = picker_->bvh(static_cast<std::size_t>(skinObject_)).intersect(ray)) {
            const Side side = hit->point.x > 0.0f ? Side::Left : Side::Right;
            std::cout << "author: skin (" << sideName(side) << ") " << text(right(hit->point, side)) << "\n";
        }
    }
    std::cout.flush();
}

void Viewer::addPainSpotAt(glm::vec2 pixel) {
    if (skinObject_ < 0) return;
    const ViewportRect vp = sceneViewport();
    const Ray ray = camera_.rayThrough({pixel.x - float(vp.x), pixel.y - float(vp.y)}, vp.size());
    // The spot lands on the skin under the cursor, shown or not.
    const MeshBvh& skin = picker_->bvh(static_cast<std::size_t>(skinObject_));
    if (const auto hit = skin.intersect(ray)) {
        const auto c = skin.closest(hit->point);
        state_.addPainSpot({hit->point, c->normal}, "Spot " + std::to_string(state_.painSpots.size() + 1));
    }
}

bool Viewer::isOccluded(const glm::vec3& point) const {
    const glm::vec3 eye = camera_.eye();
    const float distance = glm::length(point - eye);
    const Ray ray{eye, (point - eye) / distance};
    const LayerVisibility layers = state_.layers;
    const auto hit = picker_->pick(ray, [&](const PackObject& o) {
        return o.layer == Layer::Skeleton ? layers.skeleton : isPickable(o, layers);
    });
    // Knots just under a superficial muscle stay bright (that is where a finger presses);
    // only knots on the far side of the body fade.
    return hit && hit->distance < distance - 0.04f;
}

int Viewer::markerAt(glm::vec2 pixel) const {
    const ViewportRect vp = sceneViewport();
    for (const auto& m : pattern_.knots) {
        const auto p = camera_.project(m.position, vp.size());
        if (p && glm::distance(*p + glm::vec2(float(vp.x), float(vp.y)), pixel) < 14.0f) return m.knot;
    }
    return -1;
}

void Viewer::moveCameraTo(const CameraPose& pose) {
    if (headless_) {
        applyPose(camera_, pose);  // screenshots show where the move ends
        return;
    }
    cameraMove_ = CameraMove{poseOf(camera_), pose, glfwGetTime()};
}

void Viewer::updatePattern() {
    if (state_.painFinder) {
        if (painFinderSeen_ && state_.painSpots.size() == painSpotsSeen_) return;
        painFinderSeen_ = true;
        painSpotsSeen_ = state_.painSpots.size();
        patternFor_ = {};
        painCandidates_ = painFinder_ ? painFinder_->find(state_.painSpots, 8) : std::vector<PainCandidate>{};
        state_.highlighted.clear();
        pattern_ = {};
        for (const auto& c : painCandidates_) {
            for (const auto& id : c.entry->covers) state_.highlighted.push_back({id, c.side});
            for (std::size_t k = 0; k < c.entry->knots.size(); ++k)
                pattern_.knots.push_back({onSide(c.entry->knots[k].position, c.side), static_cast<int>(k)});
        }
        for (const auto& s : state_.painSpots) {
            PaintBlob b;
            b.center = s.point;
            b.normal = s.normal;
            b.radius = 0.022f;
            b.spot = true;
            pattern_.blobs.push_back(b);
        }
        state_.showXraySkin();
        // Frame the spots the way a pain pattern is framed, so they are easy to see.
        if (!state_.painSpots.empty()) {
            ReferralPattern spots;
            spots.knots.push_back({state_.painSpots.front().point, 0});
            for (const auto& s : state_.painSpots) spots.blobs.push_back({s.point, 0.12f, s.normal, true, false, 0});
            if (const auto pose = focusPose(spots, FocusMode::Pain, spots.blobs.front().normal, camera_.fovY)) moveCameraTo(*pose);
        }
        return;
    }
    if (painFinderSeen_) {  // the finder was just closed
        painFinderSeen_ = false;
        painSpotsSeen_ = 0;
        state_.highlighted.clear();
        patternFor_ = {};
        patternKnot_ = -2;
    }
    const bool muscleChanged = state_.selected != patternFor_;
    if (!muscleChanged && state_.selectedKnot == patternKnot_ && state_.focus == patternFocus_) return;
    patternFor_ = state_.selected;
    patternKnot_ = state_.selectedKnot;
    patternFocus_ = state_.focus;
    pattern_ = {};
    const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
    if (e && e->hasKnotData() && skinObject_ >= 0)
        pattern_ = buildReferralPattern(*e, state_.selected.side, state_.selectedKnot, picker_->bvh(static_cast<std::size_t>(skinObject_)));
    if (pattern_.empty()) {
        if (state_.skinShownForPattern) state_.layers.skin = false;
        state_.skinShownForPattern = false;
        return;
    }
    // X-ray skin, so the muscle, its knots and the painted skin show at once.
    state_.showXraySkin();
    glm::vec3 knotNormal(0.0f, 0.0f, 1.0f);
    const int object = pack_.indexOf(state_.selected.muscleId, state_.selected.side);
    if (object >= 0)
        if (const auto c = picker_->bvh(static_cast<std::size_t>(object)).closest(pattern_.knots.front().position)) knotNormal = c->normal;
    if (const auto pose = focusPose(pattern_, state_.focus, knotNormal, camera_.fovY)) moveCameraTo(*pose);
}

void Viewer::drawKnotMarkers() {
    if (pattern_.empty()) return;
    const ViewportRect vp = sceneViewport();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    // In the pain finder many candidates' knots show at once: smaller marks, no numbers.
    const bool finder = state_.painFinder;
    const float r = finder ? 5.0f : 9.0f;
    const float outlineWidth = finder ? 4.0f : 7.0f, fillWidth = finder ? 2.0f : 3.5f;
    for (const auto& m : pattern_.knots) {
        const auto p = camera_.project(m.position, vp.size());
        if (!p) continue;
        const ImVec2 c(p->x + float(vp.x), p->y + float(vp.y));
        const bool hidden = isOccluded(m.position);
        // A dark outline under a bright X reads on red muscle and pale skin alike.
        const ImU32 outline = hidden ? IM_COL32(40, 20, 20, 90) : IM_COL32(30, 10, 10, 255);
        const ImU32 fill = hidden ? IM_COL32(255, 240, 120, 110) : IM_COL32(255, 236, 60, 255);
        draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline, outlineWidth);
        draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), outline, outlineWidth);
        draw->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill, fillWidth);
        draw->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), fill, fillWidth);
        if (pattern_.knots.size() > 1 && !finder) {
            const std::string label = std::to_string(m.knot + 1);
            draw->AddText(ImVec2(c.x + r + 3.0f, c.y - r - 4.0f), outline, label.c_str());
        }
    }
}

void Viewer::focusOn(const MuscleRef& ref) {
    const PackObject* o = pack_.find(ref.muscleId, ref.side);
    if (!o) return;
    // Glide to the muscle, keeping the current direction of view.
    CameraPose pose = poseOf(camera_);
    pose.target = o->bounds.center();
    pose.distance = std::clamp(3.0f * glm::length(o->bounds.size()), 0.5f, 2.5f);
    moveCameraTo(pose);
}

void Viewer::applyRequests(const UiRequests& r) {
    const ViewportRect vp = sceneViewport();
    if (r.preset) camera_.setPreset(*r.preset);
    if (r.frameAll) {
        camera_.frame(pack_.bodyBounds(), ViewPreset::Front, vp.aspect());
    }
    if (skinObject_ >= 0)
        for (const auto& request : r.addSpots) {
            const MeshBvh& skin = picker_->bvh(static_cast<std::size_t>(skinObject_));
            PainSpot spot = snapToSkin(skin, request.point, 0.2f);
            spot.radius = request.radius;
            state_.addPainSpot(spot, request.label);
        }
    if (r.saveCarePlan && !state_.selected.empty()) {
        const KnowledgeEntry* e = knowledge_.forMuscle(state_.selected.muscleId);
        if (e) pendingCarePlan_ = "myomap-care-plan-" + e->id + "-" + sideName(state_.selected.side) + ".html";
    }
    if (r.focusSelection) {
        patternFor_ = {};  // forces updatePattern to move the camera again
        focusOn(state_.selected);
    }
}

void Viewer::handleInput() {
    ImGuiIO& io = ImGui::GetIO();
    const double now = glfwGetTime();
    const ViewportRect vp = sceneViewport();
    if (!io.WantCaptureMouse) {
        const glm::vec2 mouse(io.MousePos.x, io.MousePos.y);
        if (ImGui::IsAnyMouseDown() && io.MouseDragMaxDistanceSqr[0] > 9.0f) cameraMove_.reset();  // the user takes over
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
            camera_.orbit(-io.MouseDelta.x * 0.008f, io.MouseDelta.y * 0.008f);
            lastInteraction_ = now;
        }
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 3.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f)) {
            camera_.pan(io.MouseDelta.x / float(vp.height), io.MouseDelta.y / float(vp.height));
            lastInteraction_ = now;
        }
        if (io.MouseWheel != 0.0f) {
            camera_.zoom(std::pow(0.88f, io.MouseWheel));
            lastInteraction_ = now;
        }
        // A click is a press and release without dragging.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f) clickAtPixel(mouse);
        if (!ImGui::IsAnyMouseDown() && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f))
            state_.hoverAt(pack_, pickAt(mouse));
    } else {
        state_.hovered = {};
    }
    if (!io.WantCaptureKeyboard) {
        const float step = 0.08f;
        if (ImGui::IsKeyDown(GLFW_KEY_LEFT)) camera_.orbit(step, 0.0f), lastInteraction_ = now;
        if (ImGui::IsKeyDown(GLFW_KEY_RIGHT)) camera_.orbit(-step, 0.0f), lastInteraction_ = now;
        if (ImGui::IsKeyDown(GLFW_KEY_UP)) camera_.orbit(0.0f, step), lastInteraction_ = now;
        if (ImGui::IsKeyDown(GLFW_KEY_DOWN)) camera_.orbit(0.0f, -step), lastInteraction_ = now;
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) camera_.zoom(0.85f);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) camera_.zoom(1.0f / 0.85f);
        if (ImGui::IsKeyPressed(GLFW_KEY_1)) camera_.setPreset(ViewPreset::Front);
        if (ImGui::IsKeyPressed(GLFW_KEY_2)) camera_.setPreset(ViewPreset::Back);
        if (ImGui::IsKeyPressed(GLFW_KEY_3)) camera_.setPreset(ViewPreset::Left);
        if (ImGui::IsKeyPressed(GLFW_KEY_4)) camera_.setPreset(ViewPreset::Right);
        if (ImGui::IsKeyPressed(GLFW_KEY_F)) {
            UiRequests frameAll;
            frameAll.frameAll = true;
            applyRequests(frameAll);
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) state_.select({});
    }
}

void Viewer::renderFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (!headless_) handleInput();
    if (!options_.noUi)
        applyRequests(ui_->draw(state_, window_->width(), window_->height(), !pattern_.empty() && !state_.painFinder, areas_, painCandidates_));
    updatePattern();
    if (cameraMove_) {
        const float t = float((glfwGetTime() - cameraMove_->start) / 0.7);
        applyPose(camera_, blendPoses(cameraMove_->from, cameraMove_->to, t));
        lastInteraction_ = glfwGetTime();
        if (t >= 1.0f) cameraMove_.reset();
    }
    drawKnotMarkers();
    ImGui::Render();

    glViewport(0, 0, window_->width(), window_->height());
    glClearColor(0.9f, 0.9f, 0.9f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    RenderSettings settings = settings_;
    const bool interacting = lastInteraction_ >= 0.0 && glfwGetTime() - lastInteraction_ < kInteractionHold;
    if (!options_.interactiveLod) settings.lod = interacting ? Lod::Interactive : Lod::Full;
    // While the body moves, draw fewer pixels; the still frame afterwards is sharp again.
    if (interacting || (options_.benchmarkFrames && settings.lod == Lod::Interactive)) settings.resolutionScale = 0.7f;
    renderer_->draw(camera_, sceneViewport(), window_->height(), state_, settings, pattern_.empty() ? nullptr : &pattern_);
    glViewport(0, 0, window_->width(), window_->height());
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Viewer::saveCarePlan(const std::string& path) {
    const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
    if (!e || !e->hasKnotData()) throw ArgumentError("a care plan needs a selected muscle with knot data (--select)");
    // The picture is the body alone, drawn into the back buffer and never shown.
    const bool noUi = options_.noUi;
    options_.noUi = true;
    renderFrame();
    glFinish();
    CarePlan plan;
    plan.picture = readFramebuffer();
    options_.noUi = noUi;
    plan.title = e->title + " (" + toLower(sideLabel(state_.selected.side)) + " side)";
    plan.sections = buildCareSheet(*e, catalog_, knowledge_, Audience::Patient, state_.selected.side);
    writeCarePlan(path, plan);
}

int Viewer::runInteractive() {
    while (!window_->shouldClose()) {
        if (!pendingCarePlan_.empty()) {
            // Errors are shown in the panel; the viewer keeps running.
            try {
                saveCarePlan(pendingCarePlan_);
                state_.notices.push_back("Saved " + std::filesystem::absolute(pendingCarePlan_).string() +
                                         ". Open it in a web browser to print it.");
            } catch (const MyomapError& err) {
                state_.notices.push_back(err.what());
            }
            pendingCarePlan_.clear();
        }
        // Sleep until something happens, except while a drag is still settling.
        const bool settling = lastInteraction_ >= 0.0 && glfwGetTime() - lastInteraction_ < kInteractionHold + 0.1;
        if (settling) glfwPollEvents();
        else glfwWaitEventsTimeout(0.25);
        renderFrame();
        window_->swapBuffers();
    }
    return 0;
}

Image Viewer::readFramebuffer() const {
    Image img;
    img.width = window_->width();
    img.height = window_->height();
    img.rgba.resize(static_cast<std::size_t>(img.width) * img.height * 4);
    std::vector<std::uint8_t> rows(img.rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, img.width, img.height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    const std::size_t stride = static_cast<std::size_t>(img.width) * 4;
    for (int y = 0; y < img.height; ++y)  // GL rows run bottom-up
        std::copy_n(rows.data() + (img.height - 1 - y) * stride, stride, img.rgba.data() + y * stride);
    for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    return img;
}

int Viewer::takeScreenshot(const std::string& path) {
    // ImGui lays out windows on the first frame and draws them settled on the next.
    renderFrame();
    window_->swapBuffers();
    if (options_.clickAt) {
        float x = 0, y = 0;
        std::sscanf(options_.clickAt->c_str(), "%f,%f", &x, &y);
        clickAtPixel({x, y});
        if (options_.printSelection) {
            std::ofstream out(*options_.printSelection);
            out << (state_.selected.empty() ? std::string("none") : state_.selected.muscleId + ":" + sideName(state_.selected.side))
                << "\n";
        }
    }
    renderFrame();
    window_->swapBuffers();
    renderFrame();
    glFinish();
    writePng(path, readFramebuffer());
    window_->swapBuffers();
    return 0;
}

int Viewer::writeCarePlanAndExit(const std::string& path) {
    renderFrame();
    window_->swapBuffers();
    saveCarePlan(path);
    return 0;
}

int Viewer::runBenchmark(int frames) {
    using clock = std::chrono::steady_clock;
    renderFrame();
    glFinish();
    window_->swapBuffers();
    const double firstFrameMs = std::chrono::duration<double, std::milli>(clock::now() - processStart_).count();
    auto timeFrames = [&](Lod lod, bool orbit) {
        settings_.lod = lod;
        options_.interactiveLod = true;  // keep the chosen LOD fixed
        const auto start = clock::now();
        for (int i = 0; i < frames; ++i) {
            if (orbit) camera_.orbit(6.2831853f / float(frames), 0.0f);
            renderFrame();
            glFinish();
            window_->swapBuffers();
        }
        return std::chrono::duration<double, std::milli>(clock::now() - start).count() / frames;
    };
    const double orbitMs = timeFrames(Lod::Interactive, true);
    const double restMs = timeFrames(Lod::Full, false);
    const double orbitFullMs = timeFrames(Lod::Full, true);
    std::printf("benchmark: window %dx%d, %zu full / %zu interactive triangles\n", window_->width(), window_->height(),
                renderer_->triangleCount(Lod::Full), renderer_->triangleCount(Lod::Interactive));
    std::printf("benchmark: start-up to first frame %.0f ms\n", firstFrameMs);
    std::printf("benchmark: orbit (interactive detail) %.1f ms/frame (%.1f fps)\n", orbitMs, 1000.0 / orbitMs);
    std::printf("benchmark: at rest (full detail) %.1f ms/frame (%.1f fps)\n", restMs, 1000.0 / restMs);
    std::printf("benchmark: orbit at full detail %.1f ms/frame (%.1f fps)\n", orbitFullMs, 1000.0 / orbitFullMs);
    return 0;
}

}  // namespace myomap
