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
#include "core/care_plan.h"
#include "core/image.h"
#include "core/knowledge_base.h"
#include "core/pain_finder.h"
#include "core/pack.h"
#include "core/picking.h"
#include "core/referral_pattern.h"
#include "core/view_focus.h"
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
    /// Settles the view like a screenshot, then writes the printable plan.
    int writeCarePlanAndExit(const std::string& path);

private:
    void renderFrame();
    void handleInput();
    void applyRequests(const UiRequests& requests);
    void clickAtPixel(glm::vec2 windowPixel);
    std::optional<PickResult> pickAt(glm::vec2 windowPixel) const;
    void focusOn(const MuscleRef& ref);
    /// Rebuilds the referral pattern when the selection or the chosen knot changed, turns
    /// the skin to x-ray and moves the camera toward the knot or the pain.
    void updatePattern();
    void moveCameraTo(const CameraPose& pose);
    void drawKnotMarkers();
    /// The knot marker under a window pixel, or -1.
    int markerAt(glm::vec2 windowPixel) const;
    bool isOccluded(const glm::vec3& point) const;
    ViewportRect sceneViewport() const;
    Image readFramebuffer() const;
    /// Renders the body without the panel and writes the selected muscle's printable
    /// plan to `path`. Throws MyomapError.
    void saveCarePlan(const std::string& path);
    std::string pendingCarePlan_;  ///< set by the panel; written before the next frame

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
    ReferralPattern pattern_;
    MuscleRef patternFor_;
    int patternKnot_ = -1;
    FocusMode patternFocus_ = FocusMode::Pain;
    struct CameraMove {
        CameraPose from, to;
        double start = 0.0;
    };
    std::optional<CameraMove> cameraMove_;
    int skinObject_ = -1;
    std::vector<BodyArea> areas_;
    std::unique_ptr<PainFinder> painFinder_;
    std::vector<PainCandidate> painCandidates_;
    std::size_t painSpotsSeen_ = 0;
    bool painFinderSeen_ = false;
    /// Adds the skin point under a window pixel as a pain spot.
    void addPainSpotAt(glm::vec2 windowPixel);
    /// Authoring mode: prints the muscle and skin points under a pixel (right-side frame).
    void printAuthoringPoints(glm::vec2 windowPixel) const;
    bool imguiReady_ = false;
    bool headless_ = false;
    double lastInteraction_ = -1.0;
    std::chrono::steady_clock::time_point processStart_;
};

}  // namespace myomap
