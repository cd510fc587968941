#include "core/knowledge/content_checks.h"

#include <algorithm>
#include <cstdio>
#include <glm/geometric.hpp>
#include <map>
#include <memory>
#include <regex>

#include "core/geometry/bvh.h"
#include "core/knowledge/side_text.h"

namespace myomap {

std::vector<std::string> checkContentOnPack(const KnowledgeBase& kb, const Pack& pack, ContentCheckLimits limits) {
    std::vector<std::string> problems;
    const PackObject* skin = pack.layer(Layer::Skin);
    if (!skin) return {"the pack has no skin layer; referral zones cannot be checked"};
    const MeshBvh skinBvh(skin->mesh(Lod::Full));
    std::map<std::string, std::unique_ptr<MeshBvh>> muscles;
    auto bvhOf = [&](const std::string& id) -> const MeshBvh* {
        auto& slot = muscles[id];
        if (!slot) {
            const PackObject* o = pack.find(id, Side::Right);
            if (!o) return nullptr;
            slot = std::make_unique<MeshBvh>(o->mesh(Lod::Full));
        }
        return slot.get();
    };
    auto mm = [](float metres) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f mm", metres * 1000.0f);
        return std::string(buf);
    };
    for (const auto& e : kb.entries()) {
        for (const auto& k : e.knots) {
            float best = 1e9f;
            for (const auto& id : e.covers)
                if (const MeshBvh* b = bvhOf(id)) best = std::min(best, b->closest(k.position)->distance);
            if (best > limits.knotToMuscle)
                problems.push_back(e.file + ":" + std::to_string(k.line) + ": knot '" + k.id + "' is " + mm(best) +
                                   " from the surface of its muscle (allowed " + mm(limits.knotToMuscle) + ")");
            for (const auto* zone : {&k.referral.essential, &k.referral.spillover})
                for (const auto& blob : *zone) {
                    const float d = skinBvh.closest(blob.center)->distance;
                    if (d > limits.blobToSkin)
                        problems.push_back(e.file + ":" + std::to_string(blob.line) + ": zone '" + blob.where + "' of knot '" + k.id +
                                           "' is " + mm(d) + " off the skin (allowed " + mm(limits.blobToSkin) + ")");
                }
        }
    }
    for (const auto& site : kb.endangermentSites()) {
        const float d = skinBvh.closest(site.point)->distance;
        if (d > limits.blobToSkin)
            problems.push_back("endangerment.yaml:" + std::to_string(site.line) + ": site '" + site.id + "' is " + mm(d) +
                               " off the skin (allowed " + mm(limits.blobToSkin) + ")");
    }
    return problems;
}

namespace {

/// A file's patient text as one line of words, with the file line of every character, so
/// a phrase broken across YAML lines is still found and reported where it starts.
struct FlatText {
    std::string text;
    std::vector<int> lineOf;
};

FlatText flatten(const std::string& fileText) {
    FlatText flat;
    int line = 0;
    std::size_t pos = 0;
    while (pos <= fileText.size()) {
        std::size_t end = fileText.find('\n', pos);
        if (end == std::string::npos) end = fileText.size();
        ++line;
        std::string l = fileText.substr(pos, end - pos);
        const std::size_t first = l.find_first_not_of(" \t-");
        const bool skip = first == std::string::npos || l[first] == '#' || l.compare(first, 8, "sources:") == 0;
        if (!skip) {
            flat.text += l.substr(first) + " ";
            flat.lineOf.insert(flat.lineOf.end(), l.size() - first + 1, line);
        }
        pos = end + 1;
    }
    return flat;
}

struct ReassurancePattern {
    std::regex pattern;
    bool allowedInConditional;  ///< "even when the joint is healthy" is not a claim
    const char* why;
};

const std::vector<ReassurancePattern>& reassurancePatterns() {
    static const auto flags = std::regex::ECMAScript | std::regex::icase;
    static const std::vector<ReassurancePattern> patterns = {
        {std::regex(R"(\bnot (from|coming from|caused by|due to) (the |your )?(heart|lungs?)\b)", flags), false,
         "the app cannot know that pain is not from the heart or lungs"},
        {std::regex(R"(\bnot an? (heart|lung) problem\b)", flags), false, "the app cannot rule out heart or lung disease"},
        {std::regex(R"(\b(is|are) (fine|okay|ok|healthy|undamaged|not hurt|not damaged|not injured)\b)", flags), true,
         "the app cannot know that a body part is fine"},
        {std::regex(R"(\b(with|despite) (healthy|normal) (teeth|ears?|eyes?|joints?|bones?|heart)\b)", flags), false,
         "the app cannot know that teeth, ears or joints are healthy"},
        {std::regex(R"(\bno (ear |tooth |sign of (an? )?)?(infection|damage|injury)\b)", flags), false,
         "the app cannot rule out an infection or an injury"},
        {std::regex(R"(\b(has|have|with|seems to have) no (real |clear |obvious )?cause\b)", flags), false,
         "the app cannot know that pain has no other cause"},
        {std::regex(R"(\bnothing (is )?(wrong|serious|dangerous)\b)", flags), false, "the app cannot know that nothing is wrong"},
        {std::regex(R"(\b(harmless|not dangerous|not serious)\b)", flags), false, "the app cannot know that pain is harmless"},
        {std::regex(R"(\b(do not|don't) worry\b)", flags), false, "reassurance the app cannot give"},
    };
    return patterns;
}

bool inConditional(const std::string& text, std::size_t at) {
    const std::size_t from = at > 40 ? at - 40 : 0;
    static const std::regex conditional(R"(\b(even when|even if|if|when|unless|whether)\b[^.;:]*$)", std::regex::icase);
    return std::regex_search(text.substr(from, at - from), conditional);
}

}  // namespace

std::vector<std::string> checkWording(const std::string& fileText, const std::string& label, WordingRules rules) {
    std::vector<std::string> problems;
    const FlatText flat = flatten(fileText);
    auto where = [&](std::size_t offset) { return label + ":" + std::to_string(flat.lineOf.empty() ? 0 : flat.lineOf[std::min(offset, flat.lineOf.size() - 1)]); };
    if (rules == WordingRules::Entry)
        for (const auto& w : findBareSideWords(flat.text))
            problems.push_back(where(w.offset) + ": bare '" + w.word + "' names a body side; write {sore} or {other} so the text is right for the side selected");
    for (const auto& p : reassurancePatterns()) {
        for (auto it = std::sregex_iterator(flat.text.begin(), flat.text.end(), p.pattern); it != std::sregex_iterator(); ++it) {
            const std::size_t at = static_cast<std::size_t>(it->position());
            if (p.allowedInConditional && inConditional(flat.text, at)) continue;
            problems.push_back(where(at) + ": '" + it->str() + "' reads as a diagnosis or false reassurance (" + p.why +
                               "); write it as a conditional that sends new or serious symptoms to a clinician");
        }
    }
    return problems;
}

std::vector<std::string> checkEndangerment(const KnowledgeBase& kb) {
    std::vector<std::string> problems;
    for (const auto& e : kb.entries())
        for (const auto& k : e.knots)
            for (const auto& site : kb.endangermentSites()) {
                // Sites are given for the right side, like knots; a midline site covers both.
                const float d = glm::distance(k.position, site.point);
                if (d > site.radius || k.clinicianOnly) continue;
                for (const auto& t : e.selfMassage) {
                    if (!t.worksOn(k) || std::find(t.near.begin(), t.near.end(), site.id) != t.near.end()) continue;
                    char mm[32];
                    std::snprintf(mm, sizeof mm, "%.0f mm", d * 1000.0f);
                    problems.push_back(e.file + ":" + std::to_string(t.line) + ": self-massage '" + t.name + "' works on knot '" + k.id +
                                       "', " + mm + " from " + site.name + " (" + site.structures +
                                       "): add near: [" + site.id + "] so its caution shows, or make the knot clinician_only");
                }
            }
    return problems;
}

std::vector<std::string> checkSharedPlaces(const KnowledgeBase& kb) {
    std::vector<std::string> problems;
    for (const auto& e : kb.entries())
        for (const auto& k : e.knots) {
            std::vector<const SkinBlob*> blobs;
            for (const auto* zone : {&k.referral.essential, &k.referral.spillover})
                for (const auto& b : *zone) blobs.push_back(&b);
            for (const SkinBlob* b : blobs) {
                if (!b->area.empty()) continue;  // `at:` takes the area's own point
                const std::string name = toLower(renderForSide(b->where, Side::Right));
                const int sameName = int(std::count_if(blobs.begin(), blobs.end(), [&](const SkinBlob* o) {
                    return toLower(renderForSide(o->where, Side::Right)) == name;
                }));
                if (sameName > 1) continue;
                for (const auto& a : kb.areas()) {
                    if (toLower(a.name) != name) continue;
                    glm::vec3 d = b->center - a.point;
                    if (std::abs(a.point.x) < 0.005f) d.x = 0.0f;  // a midline area spans both sides
                    const float distance = glm::length(d);
                    if (distance <= a.radius) continue;
                    char mm[64];
                    std::snprintf(mm, sizeof mm, "%.0f mm from its point (radius %.0f mm)", distance * 1000.0f, a.radius * 1000.0f);
                    problems.push_back(e.file + ":" + std::to_string(b->line) + ": zone '" + b->where + "' is named like the body area '" +
                                       a.id + "' but lies " + mm + ": write `at: " + a.id + "`, or name the place more exactly");
                }
            }
        }
    return problems;
}

std::vector<std::string> checkSelfCareComplete(const KnowledgeBase& kb) {
    std::vector<std::string> problems;
    for (const auto& e : kb.entries()) {
        if (!e.hasKnotData()) continue;
        auto at = [&](int line) { return e.file + ":" + std::to_string(line) + ": "; };
        if (e.progression.empty()) problems.push_back(at(1) + "a full entry needs 'progression' (how to progress over the first weeks)");
        if (e.alsoCheck.empty()) problems.push_back(at(1) + "a full entry needs 'also_check' (muscles whose knots often come with these)");
        for (const auto& c : e.causes)
            if (c.change.empty()) problems.push_back(at(c.line) + "cause '" + c.cause + "' needs a 'change': one concrete thing to do about it");
        for (const auto& t : e.selfMassage)
            if (t.hand.empty()) problems.push_back(at(t.line) + "self-massage '" + t.name + "' needs 'hand' (which hand, or what holds the tool)");
        for (const auto& s : e.stretches)
            if (s.holdRelax.empty()) problems.push_back(at(s.line) + "stretch '" + s.name + "' needs 'hold_relax' (contract-relax with breathing)");
    }
    return problems;
}

}  // namespace myomap
