#pragma once
// What the panel asks for in one frame. The UI only reads the app state; every change it
// wants goes through Interaction::apply as one of these requests.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/clinical/care_sheet.h"
#include "core/geometry/camera.h"
#include "core/session/app_state.h"
#include "core/session/view_focus.h"

namespace myomap {

struct UiRequests {
    std::optional<MuscleRef> select;  ///< an empty ref clears the selection
    bool focusSelection = false;      ///< turn the camera to the selection (search hit, other side)
    std::optional<int> knot;          ///< -1 shows every knot
    std::optional<FocusMode> focus;
    std::optional<Audience> audience;
    std::optional<LayerVisibility> layers;  ///< the user's own layer setting
    std::optional<bool> painFinder;
    std::optional<bool> presenting;
    int knotStep = 0;    ///< +1 the next knot (as Page Down), -1 the previous
    int muscleStep = 0;  ///< +1 the next muscle of the short list, -1 the previous
    bool resetView = false;
    std::optional<TechniqueRef> showTechnique;  ///< "Show me": draw it on the body and turn to it
    bool hideTechnique = false;
    std::optional<bool> frontAndBack;
    struct StartQuiz {
        QuizOptions options;
        std::string progressFile;  ///< empty: progress is not saved
    };
    std::optional<StartQuiz> startQuiz;   ///< study mode: a new quiz
    std::optional<std::string> quizAnswer;  ///< a chosen catalog id or a typed name
    bool nextQuestion = false;
    bool checkPainting = false;  ///< study mode: score the "paint it" painting
    bool clearPainting = false;  ///< study mode: wipe it and start again
    std::optional<std::size_t> reviewMistake;  ///< show a missed question's answer on the body
    bool stopStudy = false;
    std::optional<std::vector<MuscleRef>> shortList;
    struct SpotRequest {
        glm::vec3 point;
        float radius = 0.0f;  ///< an area's size; 0 for a point
        std::string label;
        float maxSnap = 0.2f;  ///< how far from the skin the point may be (metres)
    };
    std::vector<SpotRequest> addSpots;  ///< each becomes a stroke of the drawing
    std::optional<std::size_t> removeStroke;
    bool undoStroke = false;
    bool clearDrawing = false;
    std::optional<BrushState> brush;
    struct PressRequest {
        std::string entry;
        Side side = Side::Right;
        PressAnswer answer = PressAnswer::NotSure;
    };
    std::optional<PressRequest> press;
    std::optional<std::string> saveDrawing;  ///< a file path; empty: a new file in the documents folder
    std::optional<std::string> openDrawing;
    std::optional<std::string> compareDrawing;  ///< an earlier drawing to show with this one; empty stops
    std::optional<ViewPreset> preset;
    bool frameAll = false;
    bool saveCarePlan = false;  ///< handled by the viewer (it needs the renderer)
    bool savePicture = false;  ///< handled by the viewer: the scene without the panel, as a PNG
    std::optional<float> textScale;  ///< handled by the viewer: new fonts, saved in the settings
    bool dismissNotices = false;
};

}  // namespace myomap
