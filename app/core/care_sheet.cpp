#include "care_sheet.h"

#include <algorithm>

namespace myomap {

namespace {
/// "a, b, c", each place once (long zones chain several blobs with the same name).
std::string joinWithCommas(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (std::find(items.begin(), items.begin() + static_cast<long>(i), items[i]) != items.begin() + static_cast<long>(i)) continue;
        out += (out.empty() ? "" : ", ") + items[i];
    }
    return out;
}

void add(CareSection& s, CareItem::Kind kind, const std::string& text, int number = 0) {
    if (!text.empty()) s.items.push_back({kind, text, number});
}
}  // namespace

std::vector<CareSection> buildCareSheet(const KnowledgeEntry& e, const Catalog& catalog, const KnowledgeBase& kb,
                                        Audience audience) {
    using K = CareItem::Kind;
    std::vector<CareSection> sheet;
    const bool clinician = audience == Audience::Clinician;

    CareSection overview{"overview", "Overview", {}};
    if (clinician) {
        for (const auto& id : e.covers)
            if (const MuscleEntry* m = catalog.find(id)) add(overview, K::Fact, m->commonName + " (" + m->latinName + ")");
        add(overview, K::Paragraph, e.clinical);
    } else {
        add(overview, K::Paragraph, e.summary);
    }
    if (!e.hasKnotData()) add(overview, K::Note, "No common knot pattern is recorded for this muscle.");
    add(overview, K::Note, "Educational only, not a diagnosis. If pain is strong, new or not getting better, see a clinician.");
    sheet.push_back(overview);
    if (!e.hasKnotData()) {
        CareSection sources{"sources", "Sources", {}};
        for (const auto& key : e.sources) add(sources, K::Bullet, kb.sources().count(key) ? kb.sources().at(key) : key);
        sheet.push_back(sources);
        return sheet;
    }

    CareSection knots{"knots", "Knots", {}};
    int n = 0;
    for (const auto& k : e.knots) {
        add(knots, K::Heading, "Knot " + std::to_string(++n) + ": " + k.name);
        add(knots, K::Paragraph, (clinician ? "Palpation: " : "How to find it: ") + k.palpation);
    }
    sheet.push_back(knots);

    CareSection pain{"pain", "Referred pain", {}};
    n = 0;
    for (const auto& k : e.knots) {
        std::vector<std::string> essential, spill;
        for (const auto& b : k.referral.essential) essential.push_back(b.where);
        for (const auto& b : k.referral.spillover) spill.push_back(b.where);
        add(pain, K::Heading, "Knot " + std::to_string(++n) + ": " + k.name);
        add(pain, K::Fact, (clinician ? "Essential zone: " : "Pain is felt: ") + joinWithCommas(essential));
        if (!spill.empty()) add(pain, K::Fact, (clinician ? "Spillover zone: " : "Sometimes also: ") + joinWithCommas(spill));
        add(pain, K::Paragraph, k.referral.feelsLike);
    }
    if (!e.symptoms.empty()) {
        add(pain, K::Heading, "Other symptoms");
        for (const auto& s : e.symptoms) add(pain, K::Bullet, s);
    }
    if (!e.causes.empty()) {
        add(pain, K::Heading, clinician ? "Perpetuating factors" : "What can cause it or keep it going");
        for (const auto& c : e.causes) add(pain, K::Bullet, c);
    }
    sheet.push_back(pain);

    CareSection massage{"massage", "Self-massage", {}};
    for (const auto& t : e.selfMassage) {
        add(massage, K::Heading, t.name);
        add(massage, K::Fact, "Tool: " + t.tool);
        add(massage, K::Fact, "How long: " + t.dose);
        add(massage, K::Fact, t.pressure.empty() ? "" : "How hard: " + t.pressure);
        int step = 0;
        for (const auto& s : t.steps) add(massage, K::Step, s, ++step);
        for (const auto& a : t.avoid) add(massage, K::Bullet, "Avoid: " + a);
    }
    sheet.push_back(massage);

    CareSection stretches{"stretches", "Stretches", {}};
    for (const auto& s : e.stretches) {
        add(stretches, K::Heading, s.name);
        add(stretches, K::Fact, "Hold " + std::to_string(s.holdSeconds) + " seconds, " + std::to_string(s.repetitions) +
                                    " times, " + s.frequency);
        add(stretches, K::Paragraph, "Start: " + s.start);
        int step = 0;
        for (const auto& st : s.steps) add(stretches, K::Step, st, ++step);
        for (const auto& a : s.avoid) add(stretches, K::Bullet, "Avoid: " + a);
    }
    sheet.push_back(stretches);

    CareSection redFlags{"clinician", "When to see a clinician", {}};
    for (const auto& r : e.redFlags) add(redFlags, K::Bullet, r);
    if (!e.cautions.empty()) {
        add(redFlags, K::Heading, "Be careful");
        for (const auto& c : e.cautions) add(redFlags, K::Bullet, c);
    }
    sheet.push_back(redFlags);

    CareSection sources{"sources", "Sources", {}};
    for (const auto& key : e.sources) add(sources, K::Bullet, kb.sources().count(key) ? kb.sources().at(key) : key);
    sheet.push_back(sources);
    return sheet;
}

}  // namespace myomap
