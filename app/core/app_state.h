#pragma once
// Everything the viewer shows that is not geometry: selection, hover, layers, search and
// messages. One explicit object, passed to input, UI and rendering; no globals.

#include <optional>
#include <string>
#include <vector>

#include "camera.h"
#include "catalog.h"
#include "care_sheet.h"
#include "pain_finder.h"
#include "picking.h"
#include "view_focus.h"

namespace myomap {

/// A muscle on one side; empty when nothing is chosen.
struct MuscleRef {
    std::string muscleId;
    Side side = Side::None;

    bool empty() const { return muscleId.empty(); }
    bool operator==(const MuscleRef& o) const { return muscleId == o.muscleId && side == o.side; }
    bool operator!=(const MuscleRef& o) const { return !(*this == o); }
};

/// Parses "muscle_id[:left|right]"; the side defaults to right. Throws ArgumentError.
MuscleRef parseMuscleRef(const std::string& text, const Catalog& catalog);

struct LayerVisibility {
    bool muscles = true;
    bool skeleton = true;
    bool skin = false;  ///< off by default: muscles are what people came to see
    float skinOpacity = 1.0f;  ///< below 1 the skin is drawn translucent (x-ray look)

    /// Opaque skin hides (and so blocks picking of) the muscles.
    bool skinHidesMuscles() const { return skin && skinOpacity >= 0.999f; }
};

struct AppState {
    MuscleRef selected;
    int selectedKnot = -1;          ///< index into the entry's knots; -1 shows them all
    FocusMode focus = FocusMode::Pain;
    Audience audience = Audience::Patient;
    bool skinShownForPattern = false;  ///< the x-ray skin was turned on by a selection, not the user

    /// "Where does it hurt?" mode: clicks mark painful spots on the skin.
    bool painFinder = false;
    std::vector<PainSpot> painSpots;
    std::vector<std::string> painSpotLabels;  ///< "Temple (right)" or "Spot 2", one per spot
    std::vector<MuscleRef> highlighted;       ///< pain-finder candidates drawn highlighted

    /// Turns the skin on as a translucent x-ray layer (so muscles, knots and painted skin
    /// show at once), remembering whether it was off so it can be hidden again later.
    void showXraySkin();

    void addPainSpot(const PainSpot& spot, const std::string& label);
    void removePainSpot(std::size_t index);
    void clearPainSpots();
    MuscleRef hovered;
    LayerVisibility layers;
    std::string search;
    bool showAbout = false;
    /// Messages for the user (bad input that was skipped, errors caught at the boundary).
    std::vector<std::string> notices;

    /// Selects a muscle (or clears with an empty ref); a new muscle starts with all its knots.
    void select(const MuscleRef& ref);
    /// Applies a click: a hit on a muscle selects it, a miss or a non-muscle clears.
    void clickAt(const Pack& pack, const std::optional<PickResult>& hit);
    /// Updates the hover highlight the same way (without touching the selection).
    void hoverAt(const Pack& pack, const std::optional<PickResult>& hit);
};

/// True for objects the user can see and pick in the current state.
bool isPickable(const PackObject& object, const LayerVisibility& layers);

}  // namespace myomap
