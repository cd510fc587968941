#include "viewer/viewer.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>

#include "core/clinical/care_plan.h"
#include "core/clinical/care_plan_pdf.h"
#include "core/cli/startup_requests.h"
#include "core/support/errors.h"

namespace myomap {

namespace {
constexpr double kInteractionHold = 0.3;  // seconds of decimated drawing after the last drag or scroll
// While moving, the share of the viewport drawn (then stretched): 0.6 keeps a zoomed view
// under the x-ray skin at 30 fps on llvmpipe; the still frame after is sharp again.
constexpr float kMovingResolution = 0.6f;

std::optional<KeyAction> keyAction(int key) {
    switch (key) {
        case GLFW_KEY_LEFT: return KeyAction::OrbitLeft;
        case GLFW_KEY_RIGHT: return KeyAction::OrbitRight;
        case GLFW_KEY_UP: return KeyAction::OrbitUp;
        case GLFW_KEY_DOWN: return KeyAction::OrbitDown;
        case GLFW_KEY_EQUAL:
        case GLFW_KEY_KP_ADD: return KeyAction::ZoomIn;
        case GLFW_KEY_MINUS:
        case GLFW_KEY_KP_SUBTRACT: return KeyAction::ZoomOut;
        case GLFW_KEY_1: return KeyAction::ViewFront;
        case GLFW_KEY_2: return KeyAction::ViewBack;
        case GLFW_KEY_3: return KeyAction::ViewLeft;
        case GLFW_KEY_4: return KeyAction::ViewRight;
        case GLFW_KEY_F: return KeyAction::FrameAll;
        case GLFW_KEY_ESCAPE: return KeyAction::ClearSelection;
        // Presenter remotes send Page Down / Page Up.
        case GLFW_KEY_PAGE_DOWN:
        case GLFW_KEY_N: return KeyAction::NextKnot;
        case GLFW_KEY_PAGE_UP:
        case GLFW_KEY_P: return KeyAction::PreviousKnot;
        case GLFW_KEY_RIGHT_BRACKET: return KeyAction::NextMuscle;
        case GLFW_KEY_LEFT_BRACKET: return KeyAction::PreviousMuscle;
        case GLFW_KEY_R: return KeyAction::ResetView;
        default: return std::nullopt;
    }
}
}  // namespace

namespace {
/// The pack is read on this thread while the catalog and content load on another: they
/// take about as long as each other and share nothing. Errors come out of either as thrown.
Viewer::Loaded loadTogether(const ViewerPaths& paths) {
    auto content = std::async(std::launch::async, [&paths] {
        Catalog catalog = Catalog::load(paths.models + "/muscles.tsv");
        KnowledgeBase knowledge = KnowledgeBase::load(paths.content, catalog);
        return std::make_pair(std::move(catalog), std::move(knowledge));
    });
    Pack pack = Pack::read(paths.pack);  // should this throw, the future waits for the other thread
    auto [catalog, knowledge] = content.get();
    return {std::move(pack), std::move(catalog), std::move(knowledge)};
}
}  // namespace

Viewer::Viewer(const CliOptions& options, const ViewerPaths& paths, std::chrono::steady_clock::time_point processStart)
    : Viewer(options, paths, processStart, loadTogether(paths)) {}

Viewer::Viewer(const CliOptions& options, const ViewerPaths& paths, std::chrono::steady_clock::time_point processStart,
               Loaded sources)
    : options_(options),
      pack_(std::move(sources.pack)),
      catalog_(std::move(sources.catalog)),
      knowledge_(std::move(sources.knowledge)),
      processStart_(processStart) {
    headless_ = options.screenshot.has_value() || options.benchmarkFrames.has_value() || options.carePlan.has_value();
#ifndef NDEBUG
    glCheck_ = true;
#endif
    if (const char* check = std::getenv("MYOMAP_GL_CHECK")) glCheck_ = std::string(check) == "1";
    picker_ = std::make_unique<ScenePicker>(pack_);
    interaction_ = std::make_unique<Interaction>(pack_, knowledge_, *picker_, catalog_);
    interaction_->setAuthorMode(options.author);
    // A broken content file costs only its own entry; say so, and carry on.
    for (const auto& err : knowledge_.errors()) std::cerr << "myomap: content: " << err << "\n";
    if (!knowledge_.errors().empty())
        interaction_->notify(std::to_string(knowledge_.errors().size()) + " content file problem(s), e.g. " + knowledge_.errors().front());
    // Keep what is valid: catalog muscles without meshes stay listed, with a notice.
    std::size_t missing = 0;
    std::string example;
    for (const auto& m : catalog_.muscles())
        if (!pack_.find(m.id, Side::Right) || !pack_.find(m.id, Side::Left)) {
            if (missing++ == 0) example = m.id;
        }
    if (missing)
        interaction_->notify(std::to_string(missing) + " catalog muscle(s) have no mesh in this pack (e.g. '" + example +
                             "'); rebuild the pack.");

    // Settings are for people at the window; headless output must not depend on them.
    useSettings_ = !headless_;
    LoadedSettings loaded;
    if (useSettings_) {
        settingsPath_ = settingsPath();
        loaded = loadSettings(settingsPath_);
        if (!loaded.notice.empty()) interaction_->notify(loaded.notice);
        savedSettings_ = loaded.settings;
    }
    const bool savedSize = useSettings_ && !options.sizeGiven;
    window_ = std::make_unique<Window>(savedSize ? loaded.settings.windowWidth : options.width,
                                       savedSize ? loaded.settings.windowHeight : options.height, "Myomap", !headless_);
    if (useSettings_ && loaded.settings.windowX && loaded.settings.windowY) window_->moveTo({*loaded.settings.windowX, *loaded.settings.windowY});
    renderer_ = std::make_unique<SceneRenderer>(pack_, paths.shaders);
    settings_.lod = options.interactiveLod ? Lod::Interactive : Lod::Full;
    settings_.wholeObjects = options.drawAll;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is fixed; no imgui.ini beside the user's files
    // The window's key callback is installed already; ImGui's backend chains to it.
    ImGui_ImplGlfw_InitForOpenGL(window_->handle(), true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imguiReady_ = true;
    ui_ = std::make_unique<ViewerUi>(catalog_, pack_, knowledge_);
    // Fonts are scaled once, here. Screenshots use scale 1 so they look the same everywhere.
    savedTextScale_ = options.textScale ? *options.textScale : loaded.settings.textScale;
    // Presentation mode is read across a room: large type unless a size was asked for.
    if (options.present && !options.textScale) savedTextScale_ = std::max(savedTextScale_, 1.6f);
    if (options.present && !headless_) window_->setFullscreen(true);
    ui_->setupFonts(headless_ ? 1.0f : window_->contentScale(), savedTextScale_);
    ui_->layout(window_->windowSize().x);

    // The view first, then what the command line selects (a pattern turns the camera to it).
    const ViewportRect vp = sceneViewport(!options_.noUi);
    interaction_->setViewportSize(vp.size());
    interaction_->setInstantCamera(true);
    interaction_->frameBody(options.view.value_or(ViewPreset::Front));
    if (useSettings_) {
        UiRequests remembered;
        remembered.audience = loaded.settings.audience;
        remembered.layers = LayerVisibility{};
        remembered.layers->skin = loaded.settings.skin;
        remembered.layers->skinOpacity = loaded.settings.skinOpacity;
        interaction_->apply(remembered);
        if (loaded.settings.view && !options.view) interaction_->setPose(*loaded.settings.view);
    }
    const UiRequests setup = startupRequests(options, catalog_, knowledge_, pack_);
    interaction_->apply(setup);
    interaction_->setInstantCamera(headless_);
}

Viewer::~Viewer() {
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
}

ViewportRect Viewer::sceneViewport(bool withPanel) const {
    const glm::ivec2 window = window_->windowSize();
    const int panel = withPanel && ui_ ? static_cast<int>(ui_->panelWidth()) : 0;
    return {panel, 0, std::max(1, window.x - panel), std::max(1, window.y)};
}

void Viewer::handleInput() {
    ImGuiIO& io = ImGui::GetIO();
    const double now = glfwGetTime();
    const ViewportRect vp = sceneViewport(showsPanel(FrameKind::Interactive));
    // The front-and-back chart is a still picture: each half has its own camera, so the
    // mouse does not turn or pick in it (the panel and the keys still work).
    if (!io.WantCaptureMouse && !interaction_->state().frontAndBack) {
        // ImGui's mouse position is in window coordinates, like the viewport.
        const glm::vec2 mouse = vp.toLocal({io.MousePos.x, io.MousePos.y});
        const glm::vec2 delta(io.MouseDelta.x, io.MouseDelta.y);
        const bool painting = interaction_->brushPaints();
        if (painting) {
            // The pain drawing's brush: the left button paints, the right turns the body,
            // the middle moves it.
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && vp.contains({io.MousePos.x, io.MousePos.y}))
                interaction_->brushAt(mouse, true);
            else if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && (delta.x != 0.0f || delta.y != 0.0f))
                interaction_->brushAt(mouse, false);
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) interaction_->endStroke();
            if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 3.0f)) {
                interaction_->drag(DragButton::Left, delta);
                lastInteraction_ = now;
            }
            if (ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f)) {
                interaction_->drag(DragButton::Right, delta);
                lastInteraction_ = now;
            }
        } else {
            if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
                interaction_->drag(DragButton::Left, delta);
                lastInteraction_ = now;
            }
            if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 3.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 3.0f)) {
                interaction_->drag(DragButton::Right, delta);
                lastInteraction_ = now;
            }
        }
        if (io.MouseWheel != 0.0f) {
            interaction_->scroll(io.MouseWheel);
            lastInteraction_ = now;
        }
        // A click is a press and release without dragging.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 9.0f &&
            vp.contains({io.MousePos.x, io.MousePos.y})) {
            const ClickOutcome outcome = interaction_->click(mouse);
            if (!outcome.authorText.empty()) std::cout << outcome.authorText << std::flush;
        }
        if (!ImGui::IsAnyMouseDown() && (delta.x != 0.0f || delta.y != 0.0f)) {
            if (vp.contains({io.MousePos.x, io.MousePos.y})) interaction_->hover(mouse);
            else interaction_->hoverNothing();
        }
    } else {
        interaction_->hoverNothing();
    }
    for (const auto& k : window_->takeKeyEvents()) {
        if (io.WantCaptureKeyboard) continue;  // typing in the search box
        if (const auto action = keyAction(k.key)) {
            interaction_->key(*action);
            if (*action <= KeyAction::ZoomOut) lastInteraction_ = now;
        }
    }
}

void Viewer::handleRequests(const UiRequests& r) {
    if (r.textScale) pendingTextScale_ = *r.textScale;  // fonts change between frames
    if (r.savePicture) {
        // The body and its marks without the panel, for slides; named by what it shows.
        const auto& selected = interaction_->state().selected;
        char stamp[32];
        const std::time_t t = std::time(nullptr);
        std::strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", std::localtime(&t));
        const std::string what = selected.empty() ? std::string("body") : selected.muscleId + "-" + sideName(selected.side);
        pendingPicture_ = (std::filesystem::path(documentsFolder()) / ("myomap-picture-" + what + "-" + stamp + ".png")).string();
    }
    if (r.saveCarePlan && !interaction_->state().selected.empty()) {
        const auto& selected = interaction_->state().selected;
        // Plans go to the user's documents folder, never wherever the program was started.
        if (const KnowledgeEntry* e = knowledge_.forMuscle(selected.muscleId))
            pendingCarePlan_ = (std::filesystem::path(documentsFolder()) / ("myomap-care-plan-" + e->id + "-" + sideName(selected.side) + ".pdf")).string();
    }
    try {
        interaction_->apply(r);
    } catch (const MyomapError& err) {
        interaction_->notify(err.what());  // the panel shows it; the viewer keeps running
    }
}

void Viewer::renderFrame(FrameKind kind) {
    const bool withPanel = showsPanel(kind);
    const ViewportRect vp = sceneViewport(withPanel);
    interaction_->setViewportSize(vp.size());
    if (pendingTextScale_) {
        savedTextScale_ = *pendingTextScale_;
        ui_->setupFonts(headless_ ? 1.0f : window_->contentScale(), savedTextScale_);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        pendingTextScale_.reset();
        saveSettingsIfChanged();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (kind == FrameKind::Interactive) handleInput();
    // The front-and-back view: two halves of the scene viewport, each with its own camera.
    const auto& halves = interaction_->chartHalves();
    std::vector<ViewerUi::SceneView> halfViews;
    for (std::size_t h = 0; h < halves.size(); ++h) {
        ViewportRect r = vp;
        r.width = vp.width / 2;
        r.x = vp.x + static_cast<int>(h) * r.width;
        halfViews.push_back({&halves[h].list, r});
    }
    handleRequests(ui_->draw(interaction_->state(), interaction_->drawList(), window_->windowSize(), vp, knowledge_.areas(),
                             interaction_->candidates(), withPanel, halfViews));
    interaction_->advance(glfwGetTime());
    if (interaction_->animating()) lastInteraction_ = glfwGetTime();
    ImGui::Render();

    RenderSettings settings = settings_;
    settings.transparent = options_.transparent;
    const bool interacting = lastInteraction_ >= 0.0 && glfwGetTime() - lastInteraction_ < kInteractionHold;
    if (!options_.interactiveLod) settings.lod = interacting ? Lod::Interactive : Lod::Full;
    // While the body moves, draw fewer pixels; the still frame afterwards is sharp again.
    if (interacting || (options_.benchmarkFrames && settings.lod == Lod::Interactive)) settings.resolutionScale = kMovingResolution;
    const glm::ivec2 fb = window_->framebufferSize();
    const SceneKey key{interaction_->revision(), settings.lod, settings.resolutionScale, fb, vp};
    if (key == drawnScene_ && !forceSceneRedraw_) return;  // nothing changed: keep the drawn scene
    sceneTarget_.resize(std::max(1, fb.x), std::max(1, fb.y));
    sceneTarget_.bind();
    glViewport(0, 0, fb.x, fb.y);
    // A transparent picture starts from nothing (colour 0, so blending leaves colours
    // premultiplied; captureFrame undoes that).
    if (options_.transparent) glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    else glClearColor(0.9f, 0.9f, 0.9f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    if (halfViews.empty()) {
        renderer_->draw(interaction_->camera(), vp.aspect(), toFramebuffer(vp, window_->windowSize(), fb), sceneTarget_.id(),
                        interaction_->drawList(), settings);
    } else {
        // Fetched again: the panel's requests may have changed what the halves show.
        const auto& fresh = interaction_->chartHalves();
        for (std::size_t h = 0; h < fresh.size() && h < halfViews.size(); ++h)
            renderer_->draw(fresh[h].camera, halfViews[h].rect.aspect(), toFramebuffer(halfViews[h].rect, window_->windowSize(), fb),
                            sceneTarget_.id(), fresh[h].list, settings);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    drawnScene_ = key;
    checkGl("drawing the scene");
}

void Viewer::present(GLuint target) {
    const glm::ivec2 fb = window_->framebufferSize();
    sceneTarget_.blitTo(target, 0, 0, fb.x, fb.y);
    glViewport(0, 0, fb.x, fb.y);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    checkGl("drawing the panel");
}

Image Viewer::captureFrame() {
    const glm::ivec2 fb = window_->framebufferSize();
    captureTarget_.resize(std::max(1, fb.x), std::max(1, fb.y));
    if (options_.transparent) {
        glBindFramebuffer(GL_FRAMEBUFFER, captureTarget_.id());
        glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    present(captureTarget_.id());
    glFinish();
    Image img = captureTarget_.read(options_.transparent);
    if (options_.transparent)
        for (std::size_t i = 0; i + 3 < img.rgba.size(); i += 4) {
            const unsigned a = img.rgba[i + 3];
            for (int c = 0; c < 3; ++c)
                img.rgba[i + c] = a ? static_cast<std::uint8_t>(std::min(255u, (img.rgba[i + c] * 255u + a / 2) / a)) : 0;
        }
    return img;
}

Settings Viewer::currentSettings() const {
    Settings s = savedSettings_;
    const AppState& state = interaction_->state();
    s.audience = state.audience;
    s.textScale = savedTextScale_;
    s.skin = state.layers.skin;
    s.skinOpacity = state.layers.skinOpacity;
    const glm::ivec2 size = window_->windowSize(), pos = window_->position();
    s.windowWidth = std::max(320, size.x);
    s.windowHeight = std::max(240, size.y);
    s.windowX = pos.x;
    s.windowY = pos.y;
    s.view = poseOf(interaction_->camera());
    return s;
}

void Viewer::saveSettingsIfChanged() {
    if (!useSettings_) return;
    const Settings now = currentSettings();
    if (now == savedSettings_) return;
    try {
        saveSettings(settingsPath_, now);
        savedSettings_ = now;
    } catch (const MyomapError& err) {
        useSettings_ = false;  // say it once, not every frame
        interaction_->notify(std::string("Settings were not saved: ") + err.what());
    }
}

void Viewer::checkGl(const char* where) const {
    if (!glCheck_) return;
    if (const GLenum e = glGetError(); e != GL_NO_ERROR) {
        char code[16];
        std::snprintf(code, sizeof code, "0x%04x", e);
        throw GlError(std::string("OpenGL error ") + code + " after " + where);
    }
}

void Viewer::saveCarePlan(const std::string& path) {
    const MuscleRef first = interaction_->state().selected;
    const KnowledgeEntry* e = first.empty() ? nullptr : knowledge_.forMuscle(first.muscleId);
    if (!e || !e->hasKnotData()) throw ArgumentError("a care plan needs a selected muscle with knot data (--select)");
    const bool pdf = std::filesystem::path(path).extension() == ".pdf";
    if (!pdf) {
        // The picture is the body and its marks alone, composed offscreen; the window keeps
        // its panel.
        renderFrame(FrameKind::PictureOnly);
        renderFrame(FrameKind::PictureOnly);
        CarePlan plan;
        plan.picture = captureFrame();
        plan.title = e->title + " (" + toLower(sideLabel(first.side)) + " side)";
        plan.sections = buildCareSheet(*e, catalog_, knowledge_, Audience::Patient, first.side);
        writeCarePlan(path, plan);
        return;
    }
    // The PDF: every muscle asked for (repeated --select), each pictured from the front and
    // from behind like a chart's two figures; the view is put back afterwards.
    std::vector<MuscleRef> muscles{first};
    for (const auto& text : options_.alsoSelect) muscles.push_back(parseMuscleRef(text, catalog_));
    const CameraPose before = poseOf(interaction_->camera());
    PdfPlan plan;
    plan.paper = options_.paper ? *options_.paper
                                : paperForLocale(std::getenv("LC_PAPER"), std::getenv("LC_ALL"), std::getenv("LANG"));
    for (const auto& ref : muscles) {
        const KnowledgeEntry* entry = knowledge_.forMuscle(ref.muscleId);
        if (!entry || !entry->hasKnotData())
            throw ArgumentError("'" + ref.muscleId + "' has no knot data in Myomap yet, so it cannot go in a care plan");
        UiRequests select;
        select.select = ref;
        interaction_->apply(select);
        PdfPlanMuscle m;
        m.title = entry->title + " (" + toLower(sideLabel(ref.side)) + " side)";
        m.sections = buildCareSheet(*entry, catalog_, knowledge_, Audience::Patient, ref.side);
        m.doses = doseRows(*entry, ref.side);
        // The two of front, own side and back that show most of the pattern, in that order.
        struct View {
            glm::vec3 direction;
            std::string caption;
            float shown;
        };
        const ReferralPattern& pattern = interaction_->pattern();
        const glm::vec3 side(ref.side == Side::Left ? 1.0f : -1.0f, 0.0f, 0.0f);
        std::vector<View> views{{{0, 0, 1}, "From the front", 0.0f},
                                {side, std::string("From the ") + sideName(ref.side) + " side", 0.0f},
                                {{0, 0, -1}, "From behind", 0.0f}};
        for (auto& v : views) v.shown = patternFacing(pattern, v.direction);
        const auto least = std::min_element(views.begin(), views.end(), [](const View& a, const View& b) { return a.shown < b.shown; });
        views.erase(least);
        for (const auto& v : views) {
            if (const auto pose = chartPose(pattern, v.direction, interaction_->camera().fovY)) interaction_->setPose(*pose);
            renderFrame(FrameKind::PictureOnly);
            renderFrame(FrameKind::PictureOnly);
            m.pictures.emplace_back(captureFrame(), v.caption);
        }
        // Each technique on the body: the tool at the knot, or the stretch's movement.
        auto picture = [&](TechniqueRef::Kind kind, int index, bool drawable) -> std::pair<Image, std::string> {
            if (!drawable) return {};
            UiRequests show;
            show.showTechnique = TechniqueRef{kind, index};
            interaction_->apply(show);
            if (!interaction_->state().technique) return {};
            renderFrame(FrameKind::PictureOnly);
            renderFrame(FrameKind::PictureOnly);
            std::pair<Image, std::string> shot{captureFrame(), interaction_->drawList().guideCaption};
            UiRequests hide;
            hide.hideTechnique = true;
            interaction_->apply(hide);
            return shot;
        };
        for (std::size_t i = 0; i < entry->selfMassage.size(); ++i)
            m.massagePictures.push_back(picture(TechniqueRef::Kind::SelfMassage, int(i), entry->selfMassage[i].setUpGiven));
        for (std::size_t i = 0; i < entry->stretches.size(); ++i)
            m.stretchPictures.push_back(picture(TechniqueRef::Kind::Stretch, int(i), !entry->stretches[i].movement.empty()));
        plan.muscles.push_back(std::move(m));
    }
    UiRequests back;
    back.select = first;
    interaction_->apply(back);
    interaction_->setPose(before);
    writeCarePlanPdf(path, plan);
}

int Viewer::runInteractive() {
    int framesToDraw = 2;  // ImGui settles its layout over a frame or two after each event
    while (!window_->shouldClose()) {
        const bool settling = interaction_->animating() ||
                              (lastInteraction_ >= 0.0 && glfwGetTime() - lastInteraction_ < kInteractionHold + 0.1);
        if (window_->minimised()) {
            glfwWaitEvents();
            continue;
        }
        if (settling || framesToDraw > 0) {
            glfwPollEvents();
        } else {
            glfwWaitEvents();  // idle: sleep until something happens
            framesToDraw = 2;
        }
        const std::uint64_t before = interaction_->revision();
        const Audience audienceBefore = interaction_->state().audience;
        const LayerVisibility layersBefore = interaction_->state().layers;
        renderFrame(FrameKind::Interactive);
        // A changed audience or skin is saved at once; the window and the view on closing.
        const AppState& after = interaction_->state();
        if (after.audience != audienceBefore || after.layers.skin != layersBefore.skin ||
            after.layers.skinOpacity != layersBefore.skinOpacity)
            saveSettingsIfChanged();
        present(0);
        window_->swapBuffers();
        framesToDraw = interaction_->revision() != before ? 2 : framesToDraw - 1;
        if (!pendingPicture_.empty()) {
            const std::string path = pendingPicture_;
            pendingPicture_.clear();
            try {
                renderFrame(FrameKind::PictureOnly);
                renderFrame(FrameKind::PictureOnly);
                writePng(path, captureFrame());
                interaction_->notify("Saved the picture to " + path);
            } catch (const MyomapError& err) {
                interaction_->notify(err.what());
            }
            framesToDraw = 2;
        }
        if (!pendingCarePlan_.empty()) {
            const std::string path = pendingCarePlan_;
            pendingCarePlan_.clear();
            // Errors are shown in the panel; the viewer keeps running.
            try {
                saveCarePlan(path);
                interaction_->notify("Saved " + std::filesystem::absolute(path).string() + ". Open it to print it.");
            } catch (const MyomapError& err) {
                interaction_->notify(err.what());
            }
            framesToDraw = 2;
        }
    }
    saveSettingsIfChanged();
    return 0;
}

int Viewer::takeScreenshot(const std::string& path) {
    // ImGui lays out windows on the first frame and draws them settled on the next.
    renderFrame(FrameKind::Headless);
    renderFrame(FrameKind::Headless);
    if (options_.clickAt) {
        const glm::vec2 pixel = parsePixel(*options_.clickAt);
        const ViewportRect vp = sceneViewport(showsPanel(FrameKind::Headless));
        if (vp.contains(pixel)) {
            const ClickOutcome outcome = interaction_->click(vp.toLocal(pixel));
            if (!outcome.authorText.empty()) std::cout << outcome.authorText << std::flush;
        }
        if (options_.printSelection) {
            const auto& s = interaction_->state().selected;
            std::ofstream out(*options_.printSelection);
            out << (s.empty() ? std::string("none") : s.muscleId + ":" + sideName(s.side)) << "\n";
        }
    }
    renderFrame(FrameKind::Headless);
    renderFrame(FrameKind::Headless);
    writePng(path, captureFrame());
    return 0;
}

int Viewer::writeCarePlanAndExit(const std::string& path) {
    renderFrame(FrameKind::Headless);
    saveCarePlan(path);
    return 0;
}

int Viewer::runBenchmark(int frames) {
    using clock = std::chrono::steady_clock;
    renderFrame(FrameKind::Headless);
    present(0);
    glFinish();
    window_->swapBuffers();
    const double firstFrameMs = std::chrono::duration<double, std::milli>(clock::now() - processStart_).count();
    auto finish = [&] {
        present(0);
        glFinish();
        window_->swapBuffers();
    };
    struct Timing {
        double ms = 0.0;
        double triangles = 0.0;  // mean per frame
    };
    forceSceneRedraw_ = true;  // time the drawing even when the view does not change
    auto timeFrames = [&](Lod lod, bool orbit) {
        settings_.lod = lod;
        options_.interactiveLod = true;  // keep the chosen LOD fixed
        Timing t;
        const auto start = clock::now();
        for (int i = 0; i < frames; ++i) {
            // A left drag of this many pixels turns the body by 2 pi / frames.
            if (orbit) interaction_->drag(DragButton::Left, {-6.2831853f / float(frames) / 0.008f, 0.0f});
            renderFrame(FrameKind::Headless);
            t.triangles += double(renderer_->trianglesDrawn());
            finish();
        }
        t.ms = std::chrono::duration<double, std::milli>(clock::now() - start).count() / frames;
        t.triangles /= frames;
        return t;
    };
    const Timing orbit = timeFrames(Lod::Interactive, true);
    const Timing rest = timeFrames(Lod::Full, false);
    const Timing orbitFull = timeFrames(Lod::Full, true);
    forceSceneRedraw_ = false;

    // The yardstick: every muscle and bone triangle at full detail in one draw, no culling,
    // at full resolution, orbiting the same way.
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < pack_.objects.size(); ++i)
        if (pack_.objects[i].layer == Layer::Muscle || pack_.objects[i].layer == Layer::Skeleton) all.push_back(i);
    const ViewportRect vp = sceneViewport(showsPanel(FrameKind::Headless));
    const glm::ivec2 fb = window_->framebufferSize();
    std::size_t naiveTriangles = 0;
    const auto naiveStart = clock::now();
    for (int i = 0; i < frames; ++i) {
        interaction_->drag(DragButton::Left, {-6.2831853f / float(frames) / 0.008f, 0.0f});
        sceneTarget_.resize(std::max(1, fb.x), std::max(1, fb.y));
        naiveTriangles = renderer_->drawNaive(interaction_->camera(), vp.aspect(), toFramebuffer(vp, window_->windowSize(), fb),
                                              sceneTarget_.id(), all, Lod::Full);
        finish();
    }
    const double naiveMs = std::chrono::duration<double, std::milli>(clock::now() - naiveStart).count() / frames;
    drawnScene_ = {};

    // Responsiveness: a new selection, then one of its knots. The viewer glides to the new
    // view, so its first frame is drawn as while moving (interactive detail); the still
    // frame at full detail follows when the glide ends.
    struct Response {
        double rules = 0.0, moving = 0.0, still = 0.0;  // ms: the request, then each frame
    };
    auto timeRequest = [&](const UiRequests& r) {
        Response t;
        auto since = [&](clock::time_point start) { return std::chrono::duration<double, std::milli>(clock::now() - start).count(); };
        auto start = clock::now();
        interaction_->apply(r);
        t.rules = since(start);
        for (const bool moving : {true, false}) {
            settings_.lod = moving ? Lod::Interactive : Lod::Full;
            start = clock::now();
            forceSceneRedraw_ = true;
            renderFrame(FrameKind::Headless);
            finish();
            (moving ? t.moving : t.still) = since(start);
        }
        forceSceneRedraw_ = false;
        return t;
    };
    UiRequests select;
    select.select = MuscleRef{"gluteus_medius", Side::Left};  // not one the scenarios start with
    const Response selected = timeRequest(select);
    UiRequests knot;
    knot.knot = 0;
    const Response knotChosen = timeRequest(knot);

    const glm::ivec2 window = window_->windowSize();
    std::printf("benchmark: window %dx%d, %zu full / %zu interactive triangles\n", window.x, window.y,
                renderer_->triangleCount(Lod::Full), renderer_->triangleCount(Lod::Interactive));
    std::printf("benchmark: start-up to first frame %.0f ms\n", firstFrameMs);
    std::printf("benchmark: naive draw (%zu muscle and bone triangles, one buffer, no culling) %.1f ms/frame\n",
                naiveTriangles, naiveMs);
    auto line = [&](const char* what, const Timing& t) {
        std::printf("benchmark: %s %.1f ms/frame (%.1f fps, %.2f x naive), %.0f triangles drawn\n", what, t.ms, 1000.0 / t.ms,
                    t.ms / naiveMs, t.triangles);
    };
    line("orbit (interactive detail)", orbit);
    line("at rest (full detail)", rest);
    line("orbit at full detail", orbitFull);
    auto response = [&](const char* what, const Response& t) {
        std::printf("benchmark: %s: %.0f ms to the first frame (%.0f ms rules and pattern, %.0f ms frame as while moving), "
                    "%.0f ms for a still frame\n", what, t.rules + t.moving, t.rules, t.moving, t.still);
    };
    response("select a muscle", selected);
    response("choose a knot", knotChosen);
    return 0;
}

}  // namespace myomap
