#pragma once
// The ImGui side panel, hover tooltip and About box. Reads and edits AppState; anything
// that needs the camera or the window is returned as a request.

#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/camera.h"
#include "core/catalog.h"
#include "core/knowledge_base.h"
#include "core/pain_finder.h"
#include "core/pack.h"

struct ImFont;

namespace myomap {

/// What the UI asked for this frame.
struct UiRequests {
    std::optional<ViewPreset> preset;
    bool frameAll = false;
    bool focusSelection = false;
    struct SpotRequest {
        glm::vec3 point;
        float radius;  ///< the area's size
        std::string label;
    };
    std::vector<SpotRequest> addSpots;  ///< pain-finder spots to place on the skin
    bool saveCarePlan = false;          ///< write the selected muscle's printable plan
};

class ViewerUi {
public:
    ViewerUi(const Catalog& catalog, const Pack& pack, const KnowledgeBase& knowledge);

    /// Loads the UI font at a size that follows the monitor's content scale.
    void setupFonts(float contentScale);
    /// Width of the side panel in pixels.
    float panelWidth() const { return panelWidth_; }
    /// Sizes the panel for a window: a third of its width, within readable limits.
    void layout(int windowWidth);

    /// Draws the panel; `patternShown` adds the legend over the 3D view.
    UiRequests draw(AppState& state, int windowWidth, int windowHeight, bool patternShown, const std::vector<BodyArea>& areas,
                    const std::vector<PainCandidate>& candidates);

private:
    void drawSelection(AppState& state, UiRequests& requests);
    void drawSearch(AppState& state, UiRequests& requests);
    void drawKnowledge(AppState& state, UiRequests& requests);
    void drawLegend(int windowWidth, int windowHeight);
    void drawPainFinder(AppState& state, UiRequests& requests, const std::vector<BodyArea>& areas,
                        const std::vector<PainCandidate>& candidates);
    void drawLearn();
    void drawLayers(AppState& state);
    void drawAbout(AppState& state);
    void drawTooltip(const AppState& state);

    const Catalog& catalog_;
    const Pack& pack_;
    const KnowledgeBase& knowledge_;
    float scale_ = 1.0f;
    float panelWidth_ = 360.0f;
    ImFont* titleFont_ = nullptr;
    char searchBuffer_[128] = {};
    char areaBuffer_[128] = {};
    int areaSide_ = 0;  // 0 right, 1 left
    ImFont* boldFont_ = nullptr;
};

/// "Right" / "Left" with a capital, for display.
std::string sideLabel(Side side);
/// Region ids ("upper_arm") as words ("Upper arm").
std::string regionLabel(const std::string& region);

}  // namespace myomap
