#pragma once
// The interactive viewer: owns the window, the loaded anatomy, the app state, the camera,
// the renderer and the UI, and runs the frame loop (or renders one frame to a PNG).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/camera.h"
#include "core/catalog.h"
#include "core/cli.h"
#include "core/image.h"
#include "core/knowledge_base.h"
#include "core/pack.h"
#include "core/picking.h"
#include "glfw_window.h"
#include "render/scene_renderer.h"
#include "ui/viewer_ui.h"

namespace myomap {

struct ViewerPaths {
    std::string pack, models, shaders, content;
};

class Viewer {
public:
    /// Loads everything and opens the window. Throws MyomapError subclasses with messages
    /// fit for the user.
    Viewer(const CliOptions& options, const ViewerPaths& paths, std::chrono::steady_clock::time_point processStart);
    ~Viewer();

    int runInteractive();
    /// Renders the frame the window would show and writes it to `path`.
    int takeScreenshot(const std::string& path);
    /// Renders orbit and rest frames and prints timings.
    int runBenchmark(int frames);

private:
    void renderFrame();
    void handleInput();
    void applyRequests(const UiRequests& requests);
    void clickAtPixel(glm::vec2 windowPixel);
    std::optional<PickResult> pickAt(glm::vec2 windowPixel) const;
    void focusOn(const MuscleRef& ref);
    ViewportRect sceneViewport() const;
    Image readFramebuffer() const;

    CliOptions options_;
    Pack pack_;
    Catalog catalog_;
    KnowledgeBase knowledge_;
    AppState state_;
    OrbitCamera camera_;
    std::unique_ptr<ScenePicker> picker_;
    GlfwSession glfw_;
    std::unique_ptr<Window> window_;
    std::unique_ptr<SceneRenderer> renderer_;
    std::unique_ptr<ViewerUi> ui_;
    RenderSettings settings_;
    bool imguiReady_ = false;
    double lastInteraction_ = -1.0;
    std::chrono::steady_clock::time_point processStart_;
};

}  // namespace myomap
