#include "app_state.h"

#include "errors.h"

namespace myomap {
namespace {
MuscleRef refOf(const Pack& pack, const std::optional<PickResult>& hit) {
    if (!hit || hit->objectIndex < 0) return {};
    const PackObject& o = pack.objects.at(static_cast<std::size_t>(hit->objectIndex));
    if (o.layer != Layer::Muscle) return {};
    return {o.muscleId, o.side};
}
}  // namespace

MuscleRef parseMuscleRef(const std::string& text, const Catalog& catalog) {
    const auto colon = text.find(':');
    MuscleRef ref{text.substr(0, colon), Side::Right};
    if (colon != std::string::npos) {
        const auto side = parseSide(text.substr(colon + 1));
        if (!side) throw ArgumentError("'" + text + "': the side after ':' must be left or right");
        ref.side = *side;
    }
    if (!catalog.find(ref.muscleId)) {
        std::string hint;
        if (const MuscleEntry* near = catalog.suggest(ref.muscleId)) hint = " (did you mean '" + near->id + "'?)";
        throw ArgumentError("'" + ref.muscleId + "' is not a muscle id in the catalog" + hint);
    }
    return ref;
}

void AppState::select(const MuscleRef& ref) {
    if (ref.muscleId != selected.muscleId) selectedKnot = -1;
    selected = ref;
}

void AppState::showXraySkin() {
    if (layers.skin && !layers.skinHidesMuscles()) return;  // the user's own see-through setting stays
    skinShownForPattern = !layers.skin;
    layers.skin = true;
    layers.skinOpacity = 0.35f;
}

void AppState::addPainSpot(const PainSpot& spot, const std::string& label) {
    painSpots.push_back(spot);
    painSpotLabels.push_back(label);
}

void AppState::removePainSpot(std::size_t index) {
    if (index >= painSpots.size()) return;
    painSpots.erase(painSpots.begin() + static_cast<long>(index));
    painSpotLabels.erase(painSpotLabels.begin() + static_cast<long>(index));
}

void AppState::clearPainSpots() {
    painSpots.clear();
    painSpotLabels.clear();
    highlighted.clear();
}

void AppState::clickAt(const Pack& pack, const std::optional<PickResult>& hit) { select(refOf(pack, hit)); }

void AppState::hoverAt(const Pack& pack, const std::optional<PickResult>& hit) { hovered = refOf(pack, hit); }

bool isPickable(const PackObject& object, const LayerVisibility& layers) {
    return object.layer == Layer::Muscle && layers.muscles && !layers.skinHidesMuscles();
}

}  // namespace myomap
