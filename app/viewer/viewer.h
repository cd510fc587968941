#pragma once
// The window and its frame loop: GLFW and GL glue around the core's Interaction (the rules)
// and DrawList (what to draw). It turns window events into interaction input, hands the
// draw list to the renderer and the UI, and redraws only when something changed.

#include <chrono>
#include <memory>
#include <string>

#include "core/anatomy/catalog.h"
#include "core/anatomy/pack.h"
#include "core/cli/cli.h"
#include "core/knowledge/knowledge_base.h"
#include "core/session/interaction.h"
#include "core/session/picking.h"
#include "core/session/settings.h"
#include "core/session/viewport.h"
#include "core/support/image.h"
#include "glfw_window.h"
#include "render/offscreen_target.h"
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

    /// What the viewer reads before it opens the window.
    struct Loaded {
        Pack pack;
        Catalog catalog;
        KnowledgeBase knowledge;
    };

    int runInteractive();
    /// Renders the frame the window would show and writes it to `path`.
    int takeScreenshot(const std::string& path);
    /// Renders orbit and rest frames and prints timings.
    int runBenchmark(int frames);
    /// Settles the view like a screenshot, then writes the printable plan.
    int writeCarePlanAndExit(const std::string& path);

private:
    Viewer(const CliOptions& options, const ViewerPaths& paths, std::chrono::steady_clock::time_point processStart, Loaded sources);
    /// Whether a frame reads the mouse and keyboard, and whether it shows the panel.
    enum class FrameKind { Interactive, Headless, PictureOnly };
    /// One frame: input (interactive only), the UI and its requests, the camera glide, and
    /// the scene drawn into the scene target when it changed. Does not present.
    void renderFrame(FrameKind kind);
    /// Copies the scene into `target` (0: the window) and draws the UI over it.
    void present(GLuint target);
    /// The last frame as an image, composed in an offscreen target (never the back buffer).
    Image captureFrame();
    void handleInput();
    void handleRequests(const UiRequests& requests);
    bool showsPanel(FrameKind kind) const { return kind != FrameKind::PictureOnly && !options_.noUi; }
    ViewportRect sceneViewport(bool withPanel) const;
    /// Renders the body without the panel and writes the selected muscle's plan to `path`.
    /// Throws MyomapError.
    void saveCarePlan(const std::string& path);
    std::string pendingPicture_;  // "Save picture": written after the next frame
    std::optional<float> pendingTextScale_;  // a new text size, applied before the next frame
    float savedTextScale_ = 1.0f;
    /// The settings as they are now (user layers, audience, window, view).
    Settings currentSettings() const;
    /// Saves when they differ from what is on disk; a failure becomes a notice.
    void saveSettingsIfChanged();
    /// Throws GlError when GL reported an error (debug builds and MYOMAP_GL_CHECK=1).
    void checkGl(const char* where) const;

    CliOptions options_;
    Pack pack_;
    Catalog catalog_;
    KnowledgeBase knowledge_;
    std::unique_ptr<ScenePicker> picker_;
    std::unique_ptr<Interaction> interaction_;
    GlfwSession glfw_;
    std::unique_ptr<Window> window_;
    std::unique_ptr<SceneRenderer> renderer_;
    std::unique_ptr<ViewerUi> ui_;
    OffscreenTarget sceneTarget_;    ///< the drawn scene, kept until something changes
    OffscreenTarget captureTarget_;  ///< screenshots and plan pictures are composed here
    struct SceneKey {
        std::uint64_t revision = 0;
        Lod lod = Lod::Full;
        float scale = 1.0f;
        glm::ivec2 framebuffer{0};
        ViewportRect viewport;
        bool operator==(const SceneKey& o) const {
            return revision == o.revision && lod == o.lod && scale == o.scale && framebuffer == o.framebuffer &&
                   viewport.x == o.viewport.x && viewport.y == o.viewport.y && viewport.width == o.viewport.width &&
                   viewport.height == o.viewport.height;
        }
    };
    SceneKey drawnScene_;
    bool forceSceneRedraw_ = false;  ///< benchmarks time the drawing itself
    RenderSettings settings_;
    std::string pendingCarePlan_;  ///< set by the panel; written after the frame
    bool useSettings_ = false;     ///< interactive runs only: screenshots must not depend on them
    std::string settingsPath_;
    Settings savedSettings_;       ///< what the file holds (or the defaults a bad file fell back to)
    bool imguiReady_ = false;
    bool headless_ = false;
    bool glCheck_ = false;
    double lastInteraction_ = -1.0;
    std::chrono::steady_clock::time_point processStart_;
};

}  // namespace myomap
