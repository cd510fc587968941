#pragma once
// The care panel's content for one muscle entry, as plain structured text: the panel
// draws exactly these items, and tests check them against the knowledge base.

#include <string>
#include <vector>

#include "core/anatomy/catalog.h"
#include "core/knowledge/knowledge_base.h"

namespace myomap {

/// Who is reading: plain language for patients, clinical detail for clinicians.
enum class Audience { Patient, Clinician };

struct CareItem {
    enum class Kind { Heading, Paragraph, Step, Bullet, Fact, Note };
    Kind kind = Kind::Paragraph;
    std::string text;
    int number = 0;  ///< for steps, 1-based
};

struct CareSection {
    std::string id;     ///< overview, knots, pain, massage, stretches, progress, clinician, sources
    std::string title;
    std::vector<CareItem> items;
};

/// Builds the sections for `entry` with its text rendered for `side` (see side_text.h):
/// technique headings name the side, and a caution stands beside every step that works
/// near an endangerment site. Side::None gives side-neutral words ("the sore side").
std::vector<CareSection> buildCareSheet(const KnowledgeEntry& entry, const Catalog& catalog, const KnowledgeBase& kb,
                                        Audience audience, Side side);

}  // namespace myomap
