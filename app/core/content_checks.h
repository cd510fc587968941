#pragma once
// Checks the knowledge base against the pack: every knot site lies on its own muscle's
// surface and every referral blob lies on the skin. GL-free; used by tests and at start-up.

#include <string>
#include <vector>

#include "knowledge_base.h"
#include "pack.h"

namespace myomap {

struct ContentCheckLimits {
    float knotToMuscle = 0.003f;  ///< metres from the knot to its muscle's surface
    float blobToSkin = 0.005f;    ///< metres from a blob centre to the skin
};

/// "file:line: message" for every knot or blob that is off its surface.
std::vector<std::string> checkContentOnPack(const KnowledgeBase& kb, const Pack& pack, ContentCheckLimits limits = {});

}  // namespace myomap
