#pragma once
// The care panel's content for one muscle entry, as plain structured text: the panel
// draws exactly these items, and tests check them against the knowledge base.

#include <string>
#include <vector>

#include "catalog.h"
#include "knowledge_base.h"

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
    std::string id;     ///< overview, knots, pain, massage, stretches, clinician, sources
    std::string title;
    std::vector<CareItem> items;
};

/// Builds the sections for `entry`. Side-independent: the side is shown by the panel.
std::vector<CareSection> buildCareSheet(const KnowledgeEntry& entry, const Catalog& catalog, const KnowledgeBase& kb,
                                        Audience audience);

}  // namespace myomap
