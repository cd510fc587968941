#include "core/clinical/care_sheet.h"

#include <algorithm>
#include <glm/geometric.hpp>

#include "core/knowledge/side_text.h"

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

void addItem(CareSection& s, CareItem::Kind kind, const std::string& text, int number = 0) {
    if (!text.empty()) s.items.push_back({kind, text, number});
}
}  // namespace

std::vector<CareSection> buildCareSheet(const KnowledgeEntry& e, const Catalog& catalog, const KnowledgeBase& kb,
                                        Audience audience, Side side) {
    using K = CareItem::Kind;
    std::vector<CareSection> sheet;
    const bool clinician = audience == Audience::Clinician;
    auto add = [side](CareSection& s, CareItem::Kind kind, const std::string& text, int number = 0) {
        addItem(s, kind, renderForSide(text, side), number);
    };
    // "Pinch and roll (left side)": the header of every technique says which side it is for.
    const std::string sideSuffix = side == Side::None ? "" : std::string(" (") + sideName(side) + " side)";
    auto sitesAround = [&](const KnotSite& k) {
        std::vector<const EndangermentSite*> out;
        for (const auto& site : kb.endangermentSites())
            if (glm::distance(k.position, site.point) <= site.radius) out.push_back(&site);
        return out;
    };

    CareSection overview{"overview", "Overview", {}};
    if (clinician) {
        for (const auto& id : e.covers)
            if (const MuscleEntry* m = catalog.find(id)) add(overview, K::Fact, m->commonName + " (" + m->latinName + ")");
        add(overview, K::Paragraph, e.clinical);
        if (e.facts) {
            // The facts students learn, one line each, as an atlas's table gives them.
            add(overview, K::Heading, "Attachments, action and nerve supply");
            add(overview, K::Bullet, "Origin: " + e.facts->origin.full);
            add(overview, K::Bullet, "Insertion: " + e.facts->insertion.full);
            add(overview, K::Bullet, "Action: " + e.facts->action.full);
            std::string roots;
            for (const auto& r : e.facts->roots) roots += (roots.empty() ? "" : ", ") + r;
            add(overview, K::Bullet, "Innervation: " + e.facts->innervation.full + " Roots: " + roots + ".");
        }
    } else {
        add(overview, K::Paragraph, e.summary);
    }
    if (!e.hasKnotData()) add(overview, K::Note, "Myomap does not map this muscle's knots yet.");
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
        const auto sites = sitesAround(k);
        if (k.clinicianOnly) {
            std::string near;
            for (const auto* site : sites) near += (near.empty() ? "" : ", ") + site->structures;
            if (clinician) {
                add(knots, K::Paragraph, "Palpation: " + k.palpation);
                add(knots, K::Note, "Clinician only: not for self-pressing" + (near.empty() ? std::string() : " (" + near + ")") + ".");
            } else {
                add(knots, K::Note, "Do not press on this knot yourself: nerves and blood vessels lie close to it. A clinician can check it for you.");
            }
            continue;
        }
        add(knots, K::Paragraph, (clinician ? "Palpation: " : "How to find it: ") + k.palpation);
        for (const auto* site : sites) add(knots, K::Note, "Careful: " + site->caution);
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
        for (const auto& c : e.causes)
            add(pain, K::Bullet, c.change.empty() ? c.cause : c.cause + ". " + (clinician ? "Change: " : "What helps: ") + c.change);
    }
    if (!e.alsoCheck.empty()) {
        add(pain, K::Heading, clinician ? "Associated trigger points" : "Also check these muscles");
        for (const auto& id : e.alsoCheck)
            if (const KnowledgeEntry* other = kb.find(id)) add(pain, K::Bullet, other->title);
    }
    sheet.push_back(pain);

    CareSection massage{"massage", "Self-massage", {}};
    for (const auto& t : e.selfMassage) {
        add(massage, K::Heading, t.name + sideSuffix);
        add(massage, K::Fact, "Tool: " + t.tool);
        add(massage, K::Fact, t.hand.empty() ? "" : "Hand: " + t.hand);
        add(massage, K::Fact, "How long: " + t.dose);
        add(massage, K::Fact, t.pressure.empty() ? "" : "How hard: " + t.pressure);
        int step = 0;
        for (const auto& s : t.steps) add(massage, K::Step, s, ++step);
        for (const auto& id : t.near)
            if (const EndangermentSite* site = kb.findSite(id)) add(massage, K::Note, "Careful: " + site->caution);
        for (const auto& a : t.avoid) add(massage, K::Bullet, "Avoid: " + a);
    }
    sheet.push_back(massage);

    CareSection stretches{"stretches", "Stretches", {}};
    if (!e.stretches.empty())
        add(stretches, K::Note, clinician ? "Release the trigger points before stretching; an aggressive stretch of an active trigger point can aggravate it."
                                          : "Do the self-massage first, then stretch. Stretch gently: pulling hard on an active knot can make it flare up.");
    for (const auto& s : e.stretches) {
        add(stretches, K::Heading, s.name + sideSuffix);
        add(stretches, K::Fact, "Hold " + std::to_string(s.holdSeconds) + " seconds, " + std::to_string(s.repetitions) +
                                    " times, " + s.frequency);
        add(stretches, K::Paragraph, "Start: " + s.start);
        int step = 0;
        for (const auto& st : s.steps) add(stretches, K::Step, st, ++step);
        add(stretches, K::Paragraph, s.holdRelax.empty() ? "" : (clinician ? "Post-isometric relaxation: " : "Hold-relax: ") + s.holdRelax);
        for (const auto& a : s.avoid) add(stretches, K::Bullet, "Avoid: " + a);
    }
    sheet.push_back(stretches);

    if (!e.progression.empty() || !e.heat.empty()) {
        CareSection progress{"progress", "How to progress", {}};
        add(progress, K::Paragraph, e.progression);
        add(progress, K::Paragraph, e.heat.empty() ? "" : "Heat: " + e.heat);
        sheet.push_back(progress);
    }

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
