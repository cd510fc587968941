#pragma once
// Checks the knowledge base against the pack: every knot site lies on its own muscle's
// surface and every referral blob lies on the skin. GL-free; used by tests and at start-up.

#include <string>
#include <vector>

#include "core/knowledge/knowledge_base.h"
#include "core/anatomy/pack.h"

namespace myomap {

struct ContentCheckLimits {
    float knotToMuscle = 0.003f;  ///< metres from the knot to its muscle's surface
    float blobToSkin = 0.005f;    ///< metres from a blob centre to the skin
};

/// "file:line: message" for every knot or blob that is off its surface, and every
/// endangerment site that is off the skin.
std::vector<std::string> checkContentOnPack(const KnowledgeBase& kb, const Pack& pack, ContentCheckLimits limits = {});

/// What a wording check looks for in a file's text.
enum class WordingRules {
    Entry,  ///< a muscle entry: side-aware text and no false reassurance
    Topic,  ///< a general topic: no false reassurance (it names no side)
};

/// "label:line: message" for every bare body-side word ("hold the seat with your right
/// hand": write `{sore}`/`{other}`) and every phrase that reads as a diagnosis or false
/// reassurance ("not from the heart", "the knee itself is fine") in a content file's
/// text. Comment lines and the sources line are not patient text and are skipped.
std::vector<std::string> checkWording(const std::string& fileText, const std::string& label, WordingRules rules);

/// "file:line: message" for every self-massage that works on a knot lying within an
/// endangerment site without naming the site in `near` (so its caution would not show).
std::vector<std::string> checkEndangerment(const KnowledgeBase& kb);

/// "file:line: message" for every zone named like a body area of content/areas.yaml (the
/// gazetteer: "temple", "outer elbow") that does not lie in that area, so two entries that
/// name the same place put it in the same place. A band (several blobs with one name in a
/// knot) stretches beyond its area and is not checked; a midline area counts on both sides.
std::vector<std::string> checkSharedPlaces(const KnowledgeBase& kb);

/// "file:line: message" for every full entry (one with knots) that lacks what a patient
/// needs to follow it alone: which hand, hold-relax for each stretch, how to progress, a
/// change for each cause, and the muscles to check as well.
std::vector<std::string> checkSelfCareComplete(const KnowledgeBase& kb);

}  // namespace myomap
