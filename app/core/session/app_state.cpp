#include "core/session/app_state.h"

#include "core/support/errors.h"

namespace myomap {
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

}  // namespace myomap
