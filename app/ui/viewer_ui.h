#pragma once
// The ImGui side panel, knot markers, legend, hover tooltip and About box. Reads the app
// state and the draw list; every change it wants is returned as a request (UiRequests),
// which Interaction applies.

#include <optional>
#include <string>

#include "core/session/app_state.h"
#include "core/session/draw_list.h"
#include "core/session/ui_requests.h"
#include "core/session/viewport.h"
#include "core/geometry/camera.h"
#include "core/anatomy/catalog.h"
#include "core/knowledge/knowledge_base.h"
#include "core/clinical/pain_finder.h"
#include "core/anatomy/pack.h"

struct ImFont;

namespace myomap {

class ViewerUi {
public:
    ViewerUi(const Catalog& catalog, const Pack& pack, const KnowledgeBase& knowledge);

    /// Loads the UI font at a size that follows the monitor's content scale.
    /// Loads the fonts and sizes the style for the screen's `contentScale` and the user's
    /// text size (1 to 2). Call between frames; the GL font texture must be rebuilt after.
    void setupFonts(float contentScale, float textScale = 1.0f);
    /// Width of the side panel in pixels.
    float panelWidth() const { return panelWidth_; }
    /// Sizes the panel for a window: a third of its width, within readable limits.
    void layout(int windowWidth);

    /// Draws the panel (unless `withPanel` is false), then the knot markers and legend of
    /// `list` over the scene viewport `scene`. All sizes are window coordinates.
    /// With `halves` (the front-and-back view) the marks are drawn per half from each
    /// half's own list instead of `list`.
    struct SceneView {
        const DrawList* list = nullptr;
        ViewportRect rect;
    };
    UiRequests draw(const AppState& state, const DrawList& list, glm::ivec2 windowSize, const ViewportRect& scene,
                    const std::vector<BodyArea>& areas, const std::vector<PainCandidate>& candidates, bool withPanel = true,
                    const std::vector<SceneView>& halves = {});

private:
    void drawPanel(const AppState& state, UiRequests& requests, glm::ivec2 windowSize, const std::vector<BodyArea>& areas,
                   const std::vector<PainCandidate>& candidates);
    void drawSelection(const AppState& state, UiRequests& requests);
    void drawSearch(const AppState& state, UiRequests& requests);
    void drawKnowledge(const AppState& state, UiRequests& requests);
    /// The legend over the scene's corner, or (`inPanel`) inside the current panel.
    void drawLegend(const DrawList& list, glm::ivec2 windowSize, bool inPanel);
    void drawMarkers(const DrawList& list, const ViewportRect& scene);
    /// What the technique shown on the body is, in words, under the scene.
    void drawGuideCaption(const DrawList& list, const ViewportRect& scene);
    /// "Show me" beside a technique: draws it on the body and turns to it (again: hides it).
    void showMeButton(const AppState& state, UiRequests& requests, const TechniqueRef& ref, bool available);
    void drawPainFinder(const AppState& state, UiRequests& requests, const std::vector<BodyArea>& areas,
                        const std::vector<PainCandidate>& candidates);
    void drawLearn();
    void drawPresentation(const AppState& state, UiRequests& requests);
    /// Study mode: the question, its choices, the feedback, the score and the review.
    void drawStudy(const AppState& state, UiRequests& requests);
    void drawLayers(const AppState& state, UiRequests& requests);
    void drawAbout();
    void drawTooltip(const AppState& state);
    /// The care sheet of an entry for an audience and side, built once per change.
    const std::vector<CareSection>& careSheet(const KnowledgeEntry& entry, Audience audience, Side side);

    const Catalog& catalog_;
    const Pack& pack_;
    const KnowledgeBase& knowledge_;
    float scale_ = 1.0f;
    float textScale_ = 1.0f;
    const DrawList* list_ = nullptr;  // the list being drawn this frame
    std::optional<float> pendingTextScale_;  // the text size slider while it is dragged
    float panelWidth_ = 360.0f;
    ImFont* titleFont_ = nullptr;
    char searchBuffer_[128] = {};
    char areaBuffer_[128] = {};
    char answerBuffer_[128] = {};
    std::string quizRegion_;  ///< the next quiz's region; empty for the whole body
    std::vector<std::string> quizRegions_;  ///< regions with mapped knots, sorted
    bool packHasAttachments_ = false;
    char drawingPath_[512] = {};
    int areaSide_ = 0;  // 0 right, 1 left
    bool showAbout_ = false;
    struct CachedSheet {
        const KnowledgeEntry* entry = nullptr;
        Audience audience = Audience::Patient;
        Side side = Side::None;
        std::vector<CareSection> sections;
    } sheet_;
    ImFont* boldFont_ = nullptr;
};

/// "Right" / "Left" with a capital, for display.
std::string sideLabel(Side side);
/// Region ids ("upper_arm") as words ("Upper arm").
std::string regionLabel(const std::string& region);

}  // namespace myomap
