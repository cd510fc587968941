#include "core/knowledge/knowledge_base.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <glm/geometric.hpp>

#include "core/knowledge/yaml_text.h"
#include "core/support/errors.h"

namespace myomap {
namespace fs = std::filesystem;

namespace {

/// Reads typed values from one YAML file, failing with file:line messages.
class Reader {
public:
    explicit Reader(std::string label) : label_(std::move(label)) {}

    [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
        const int line = at.Mark().is_null() ? 0 : at.Mark().line + 1;
        throw ContentError(label_ + ":" + std::to_string(line) + ": " + message);
    }

    void requireMap(const YAML::Node& node, const std::string& what) const {
        if (!node.IsMap()) fail(node, what + " must be a mapping of key: value lines");
    }

    /// Fails on the first key not in `allowed` (typos must not be silently ignored).
    void checkKeys(const YAML::Node& map, std::initializer_list<const char*> allowed, const std::string& what) const {
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->first.IsScalar()) fail(it->first, "a key in " + what + " must be plain text");
            const std::string key = it->first.as<std::string>();
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
                std::string list;
                for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
                fail(it->first, "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
            }
        }
    }

    YAML::Node need(const YAML::Node& map, const char* key, const std::string& what) const {
        const YAML::Node n = map[key];
        if (!n) fail(map, what + " needs '" + key + "'");
        return n;
    }

    std::string text(const YAML::Node& map, const char* key, const std::string& what, bool required = true) const {
        const YAML::Node n = map[key];
        if (!n) {
            if (required) fail(map, what + " needs '" + key + "'");
            return {};
        }
        if (!n.IsScalar()) fail(n, "'" + std::string(key) + "' must be text");
        const std::string s = n.as<std::string>();
        if (required && s.empty()) fail(n, "'" + std::string(key) + "' must not be empty");
        return s;
    }

    std::vector<std::string> texts(const YAML::Node& map, const char* key, bool required = false) const {
        const YAML::Node n = map[key];
        std::vector<std::string> out;
        if (!n || n.IsNull()) {
            if (required) fail(map, std::string("needs a list '") + key + "'");
            return out;
        }
        if (!n.IsSequence()) fail(n, "'" + std::string(key) + "' must be a list");
        for (const auto& item : n) {
            if (!item.IsScalar()) fail(item, "each item of '" + std::string(key) + "' must be text");
            out.push_back(item.as<std::string>());
        }
        if (required && out.empty()) fail(n, "'" + std::string(key) + "' must not be empty");
        return out;
    }

    double number(const YAML::Node& n, const std::string& what) const {
        if (!n.IsScalar()) fail(n, what + " must be a number");
        try {
            const double v = n.as<double>();
            if (!std::isfinite(v)) fail(n, what + " must be a finite number");
            return v;
        } catch (const YAML::BadConversion&) {
            fail(n, what + " must be a number, not '" + n.as<std::string>() + "'");
        }
    }

    glm::vec3 point(const YAML::Node& map, const char* key, const std::string& what) const {
        const YAML::Node n = need(map, key, what);
        if (n.IsNull())
            fail(n, "'" + std::string(key) + "' of " + what + " is still a placeholder (null); measure it with 'myomap author'");
        if (!n.IsSequence() || n.size() != 3) fail(n, "'" + std::string(key) + "' must be a list of three numbers [x, y, z] in metres");
        return glm::vec3(number(n[0], key), number(n[1], key), number(n[2], key));
    }
    /// A point given as a list element rather than under a key.
    glm::vec3 pointValue(const YAML::Node& n, const std::string& what) const {
        if (!n.IsSequence() || n.size() != 3) fail(n, what + " must be a list of three numbers [x, y, z] in metres");
        return glm::vec3(number(n[0], "x"), number(n[1], "y"), number(n[2], "z"));
    }

    int line(const YAML::Node& n) const { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

private:
    std::string label_;
};

/// yaml-cpp throws its own exceptions for conversions it cannot make (a list where text
/// should be); the parsers promise ContentError naming file:line instead.
ContentError yamlError(const std::string& label, const YAML::Exception& e) {
    return ContentError(label + ":" + std::to_string(e.mark.is_null() ? 0 : e.mark.line + 1) + ": " + e.msg);
}

std::vector<SkinBlob> readBlobs(const Reader& r, const YAML::Node& list, const std::string& what,
                                const std::vector<BodyArea>& areas) {
    std::vector<SkinBlob> blobs;
    if (!list || list.IsNull()) return blobs;
    if (!list.IsSequence()) r.fail(list, what + " must be a list of {where, center or at, radius} or {where, path, width}");
    for (const auto& b : list) {
        r.requireMap(b, "a zone blob");
        r.checkKeys(b, {"where", "center", "at", "radius", "path", "width"}, "a zone blob");
        SkinBlob blob;
        blob.where = r.text(b, "where", "a zone blob");
        if (b["path"]) {
            // A band: points along its middle line, and its full width.
            if (b["center"] || b["at"] || b["radius"])
                r.fail(b, "zone '" + blob.where + "' is a band (path): give 'width', not 'center', 'at' or 'radius'");
            const YAML::Node path = b["path"];
            if (!path.IsSequence() || path.size() < 2 || path.size() > 32)
                r.fail(path, "zone '" + blob.where + "': path must be a list of 2 to 32 points [x, y, z]");
            for (std::size_t i = 0; i < path.size(); ++i) blob.path.push_back(r.pointValue(path[i], "a path point of zone '" + blob.where + "'"));
            blob.center = blob.path.front();
            const double width = r.number(r.need(b, "width", "a band"), "width");
            if (width < 0.01 || width > 0.2) r.fail(b["width"], "width must be between 0.01 and 0.2 metres");
            blob.radius = static_cast<float>(width / 2.0);
            blob.line = r.line(b);
            blobs.push_back(blob);
            continue;
        }
        if (b["width"]) r.fail(b["width"], "zone '" + blob.where + "': 'width' goes with 'path' (a band); a disc has 'radius'");
        if (b["at"]) {
            if (b["center"]) r.fail(b, "zone '" + blob.where + "' gives both 'at' and 'center'; give one");
            blob.area = r.text(b, "at", "zone '" + blob.where + "'");
            const BodyArea* area = findArea(areas, blob.area);
            if (!area) r.fail(b["at"], "'" + blob.area + "' is not a body area id in content/areas.yaml");
            blob.center = area->point;
        } else {
            blob.center = r.point(b, "center", "zone '" + blob.where + "'");
        }
        blob.radius = static_cast<float>(r.number(r.need(b, "radius", "a zone blob"), "radius"));
        if (blob.radius < 0.005f || blob.radius > 0.15f) r.fail(b["radius"], "radius must be between 0.005 and 0.15 metres");
        blob.line = r.line(b);
        blobs.push_back(blob);
    }
    return blobs;
}

/// One `facts:` field: {full, short}; short is a flash-card answer.
MuscleFact readFact(const Reader& r, const YAML::Node& facts, const char* key, bool roots) {
    const YAML::Node n = r.need(facts, key, "'facts'");
    r.requireMap(n, std::string("'") + key + "'");
    if (roots)
        r.checkKeys(n, {"full", "short", "roots"}, std::string("'") + key + "'");
    else
        r.checkKeys(n, {"full", "short"}, std::string("'") + key + "'");
    MuscleFact fact;
    fact.full = r.text(n, "full", std::string("'") + key + "'");
    fact.brief = r.text(n, "short", std::string("'") + key + "'");
    if (fact.full.size() > 300) r.fail(n["full"], std::string("the full ") + key + " must be at most 300 characters");
    if (fact.brief.size() > 40) r.fail(n["short"], std::string("the short ") + key + " must be at most 40 characters (a flash-card answer)");
    if (fact.brief.back() == '.') r.fail(n["short"], std::string("the short ") + key + " is a phrase: no full stop at the end");
    return fact;
}

/// A nerve root: C1-C8, T1-T12, L1-L5, S1-S5, Co1, or a cranial nerve "CN V" .. "CN XII".
bool isNerveRoot(const std::string& root) {
    static const std::set<std::string> cranial{"CN III", "CN IV", "CN V", "CN VI", "CN VII", "CN IX", "CN X", "CN XI", "CN XII"};
    if (cranial.count(root)) return true;
    if (root == "Co1" || root.size() < 2 || root.size() > 3) return false;
    const char region = root[0];
    int level = 0;
    for (std::size_t i = 1; i < root.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(root[i]))) return false;
        level = level * 10 + (root[i] - '0');
    }
    const int last = region == 'C' ? 8 : region == 'T' ? 12 : (region == 'L' || region == 'S') ? 5 : 0;
    return level >= 1 && level <= last;
}

MuscleFacts readFacts(const Reader& r, const YAML::Node& n, const std::map<std::string, std::string>& sources) {
    r.requireMap(n, "'facts'");
    r.checkKeys(n, {"origin", "insertion", "action", "innervation", "sources"}, "'facts'");
    MuscleFacts facts;
    facts.line = r.line(n);
    facts.origin = readFact(r, n, "origin", false);
    facts.insertion = readFact(r, n, "insertion", false);
    facts.action = readFact(r, n, "action", false);
    facts.innervation = readFact(r, n, "innervation", true);
    facts.roots = r.texts(n["innervation"], "roots", true);
    for (std::size_t i = 0; i < facts.roots.size(); ++i)
        if (!isNerveRoot(facts.roots[i]))
            r.fail(n["innervation"]["roots"][i], "'" + facts.roots[i] + "' is not a nerve root (C1-C8, T1-T12, L1-L5, S1-S5, or CN V .. CN XII)");
    facts.sources = r.texts(n, "sources", true);
    for (std::size_t i = 0; i < facts.sources.size(); ++i)
        if (!sources.count(facts.sources[i])) r.fail(n["sources"][i], "source '" + facts.sources[i] + "' is not in content/sources.yaml");
    return facts;
}

std::optional<RelativeSide> relativeSide(const Reader& r, const YAML::Node& map, const char* key, bool allowBoth) {
    const YAML::Node n = map[key];
    if (!n) return std::nullopt;
    const std::string v = n.IsScalar() ? n.as<std::string>() : std::string();
    if (v == "sore") return RelativeSide::Sore;
    if (v == "other") return RelativeSide::Other;
    if (v == "both" && allowBoth) return RelativeSide::Both;
    r.fail(n, std::string("'") + key + "' must be sore" + (allowBoth ? ", other or both" : " or other"));
}

std::vector<JointMovement> readMovement(const Reader& r, const YAML::Node& list, const std::string& what) {
    std::vector<JointMovement> out;
    if (!list) return out;
    if (!list.IsSequence() || list.size() == 0 || list.size() > 3)
        r.fail(list, "'movement' of " + what + " must be a list of one to three {joint, motion, side or toward}");
    for (const auto& m : list) {
        r.requireMap(m, "a movement");
        r.checkKeys(m, {"joint", "motion", "side", "toward"}, "a movement");
        JointMovement move;
        move.line = r.line(m);
        const std::string joint = r.text(m, "joint", "a movement");
        const auto j = jointFromName(joint);
        if (!j) r.fail(m["joint"], "'" + joint + "' is not a joint (see content/SCHEMA.md)");
        move.joint = *j;
        const std::string motion = r.text(m, "motion", "a movement");
        const auto mo = motionFromName(motion);
        if (!mo) r.fail(m["motion"], "'" + motion + "' is not a motion (see content/SCHEMA.md)");
        move.motion = *mo;
        const auto side = relativeSide(r, m, "side", true);
        if (isAxial(move.joint) && side) r.fail(m["side"], "the " + joint + " is on the midline: give 'toward', not 'side'");
        if (!isAxial(move.joint) && !side) r.fail(m, "a movement of the " + joint + " needs 'side: sore', 'other' or 'both'");
        if (side) move.side = *side;
        move.toward = relativeSide(r, m, "toward", false);
        if (const std::string problem = motionProblem(move); !problem.empty()) r.fail(m, problem);
        out.push_back(move);
    }
    return out;
}

}  // namespace

bool SelfMassage::worksOn(const KnotSite& knot) const {
    if (knots.empty()) return !knot.clinicianOnly;
    return std::find(knots.begin(), knots.end(), knot.id) != knots.end();
}

KnowledgeEntry KnowledgeBase::parseEntry(const std::string& text, const std::string& label, const Catalog& catalog,
                                         const References& refs) try {
    const auto& sources = refs.sources;
    Reader r(label);
    const YAML::Node root = parseContentYaml(text, label);
    r.requireMap(root, "a muscle entry");
    r.checkKeys(root, {"id", "covers", "title", "summary", "clinical", "knots", "symptoms", "causes", "self_massage",
                       "stretches", "red_flags", "cautions", "sources", "progression", "heat", "also_check", "common_cause",
                       "facts"},
                "a muscle entry");
    KnowledgeEntry e;
    e.file = label;
    e.id = r.text(root, "id", "a muscle entry");
    e.title = r.text(root, "title", "", false);
    e.covers = r.texts(root, "covers", true);
    for (std::size_t i = 0; i < e.covers.size(); ++i)
        if (!catalog.find(e.covers[i])) r.fail(root["covers"][i], "'" + e.covers[i] + "' is not a muscle id in models/muscles.tsv");
    if (e.title.empty()) {
        if (e.covers.size() > 1) r.fail(root, "an entry that covers several muscles needs a 'title'");
        e.title = catalog.find(e.covers[0])->commonName;
    }
    e.summary = r.text(root, "summary", "a muscle entry");
    e.clinical = r.text(root, "clinical", "a muscle entry");
    if (const YAML::Node facts = root["facts"]) e.facts = readFacts(r, facts, sources);
    e.sources = r.texts(root, "sources", true);
    for (std::size_t i = 0; i < e.sources.size(); ++i)
        if (!sources.count(e.sources[i])) r.fail(root["sources"][i], "source '" + e.sources[i] + "' is not in content/sources.yaml");
    // Among the most frequent causes in the prevalence literature: the sources that say so.
    e.commonCauseSources = r.texts(root, "common_cause");
    for (std::size_t i = 0; i < e.commonCauseSources.size(); ++i)
        if (!sources.count(e.commonCauseSources[i]))
            r.fail(root["common_cause"][i], "source '" + e.commonCauseSources[i] + "' is not in content/sources.yaml");
    e.commonCause = !e.commonCauseSources.empty();
    e.symptoms = r.texts(root, "symptoms");
    if (const YAML::Node causes = root["causes"]) {
        if (!causes.IsSequence()) r.fail(causes, "'causes' must be a list");
        for (const auto& c : causes) {
            Cause cause;
            cause.line = r.line(c);
            if (c.IsScalar()) {
                cause.cause = c.as<std::string>();
            } else {
                r.requireMap(c, "a cause");
                r.checkKeys(c, {"cause", "change"}, "a cause");
                cause.cause = r.text(c, "cause", "a cause");
                cause.change = r.text(c, "change", "a cause");
            }
            e.causes.push_back(std::move(cause));
        }
    }
    e.progression = r.text(root, "progression", "", false);
    e.heat = r.text(root, "heat", "", false);
    e.alsoCheck = r.texts(root, "also_check");
    e.redFlags = r.texts(root, "red_flags");
    e.cautions = r.texts(root, "cautions");

    if (const YAML::Node knots = root["knots"]) {
        if (!knots.IsSequence()) r.fail(knots, "'knots' must be a list");
        std::set<std::string> ids;
        for (const auto& k : knots) {
            r.requireMap(k, "a knot");
            r.checkKeys(k, {"id", "name", "position", "palpation", "referral", "clinician_only"}, "a knot");
            KnotSite site;
            site.id = r.text(k, "id", "a knot");
            if (!ids.insert(site.id).second) r.fail(k["id"], "knot id '" + site.id + "' appears twice");
            site.name = r.text(k, "name", "knot '" + site.id + "'");
            site.palpation = r.text(k, "palpation", "knot '" + site.id + "'");
            site.position = r.point(k, "position", "knot '" + site.id + "'");
            site.line = r.line(k);
            if (const YAML::Node c = k["clinician_only"]) {
                if (!c.IsScalar() || (c.as<std::string>() != "true" && c.as<std::string>() != "false"))
                    r.fail(c, "'clinician_only' must be true or false");
                site.clinicianOnly = c.as<std::string>() == "true";
            }
            const YAML::Node ref = r.need(k, "referral", "knot '" + site.id + "'");
            r.requireMap(ref, "'referral'");
            r.checkKeys(ref, {"essential", "spillover", "feels_like"}, "a referral");
            site.referral.essential = readBlobs(r, ref["essential"], "'essential'", refs.areas);
            site.referral.spillover = readBlobs(r, ref["spillover"], "'spillover'", refs.areas);
            site.referral.feelsLike = r.text(ref, "feels_like", "a referral", false);
            if (site.referral.essential.empty()) r.fail(ref, "knot '" + site.id + "' needs at least one essential zone");
            e.knots.push_back(std::move(site));
        }
    }
    if (const YAML::Node list = root["self_massage"]) {
        if (!list.IsSequence()) r.fail(list, "'self_massage' must be a list");
        for (const auto& t : list) {
            r.requireMap(t, "a self-massage technique");
            r.checkKeys(t, {"name", "tool", "against", "stroke", "hand", "knots", "near", "steps", "dose", "pressure", "avoid"},
                        "a self-massage technique");
            SelfMassage m;
            m.line = r.line(t);
            m.name = r.text(t, "name", "a self-massage technique");
            m.tool = r.text(t, "tool", "technique '" + m.name + "'");
            m.hand = r.text(t, "hand", "technique '" + m.name + "'", false);
            if (t["against"] || t["stroke"]) {
                const std::string against = r.text(t, "against", "technique '" + m.name + "'");
                if (against == "wall") m.against = MassageSurface::Wall;
                else if (against == "floor") m.against = MassageSurface::Floor;
                else if (against != "none") r.fail(t["against"], "'against' must be wall, floor or none");
                const std::string stroke = r.text(t, "stroke", "technique '" + m.name + "'");
                if (stroke == "press") m.stroke = MassageStroke::Press;
                else if (stroke == "roll") m.stroke = MassageStroke::Roll;
                else if (stroke == "strip") m.stroke = MassageStroke::Strip;
                else if (stroke == "pinch") m.stroke = MassageStroke::Pinch;
                else r.fail(t["stroke"], "'stroke' must be press, roll, strip or pinch");
                m.setUpGiven = true;
            }
            m.knots = r.texts(t, "knots");
            for (std::size_t i = 0; i < m.knots.size(); ++i) {
                auto knot = std::find_if(e.knots.begin(), e.knots.end(), [&](const KnotSite& k) { return k.id == m.knots[i]; });
                if (knot == e.knots.end()) r.fail(t["knots"][i], "technique '" + m.name + "' names knot '" + m.knots[i] + "', which this entry does not have");
                if (knot->clinicianOnly)
                    r.fail(t["knots"][i], "technique '" + m.name + "' works on knot '" + m.knots[i] +
                                              "', which is clinician_only: a patient must not press there");
            }
            m.near = r.texts(t, "near");
            for (std::size_t i = 0; i < m.near.size(); ++i)
                if (std::none_of(refs.sites.begin(), refs.sites.end(), [&](const EndangermentSite& s) { return s.id == m.near[i]; }))
                    r.fail(t["near"][i], "'" + m.near[i] + "' is not a site id in content/endangerment.yaml");
            m.steps = r.texts(t, "steps", true);
            m.dose = r.text(t, "dose", "technique '" + m.name + "'");
            m.pressure = r.text(t, "pressure", "technique '" + m.name + "'", false);
            m.avoid = r.texts(t, "avoid");
            e.selfMassage.push_back(std::move(m));
        }
    }
    if (const YAML::Node list = root["stretches"]) {
        if (!list.IsSequence()) r.fail(list, "'stretches' must be a list");
        for (const auto& t : list) {
            r.requireMap(t, "a stretch");
            r.checkKeys(t, {"name", "movement", "start", "steps", "hold_seconds", "repetitions", "frequency", "avoid", "hold_relax"},
                        "a stretch");
            Stretch s;
            s.line = r.line(t);
            s.name = r.text(t, "name", "a stretch");
            s.movement = readMovement(r, t["movement"], "stretch '" + s.name + "'");
            s.holdRelax = r.text(t, "hold_relax", "stretch '" + s.name + "'", false);
            s.start = r.text(t, "start", "stretch '" + s.name + "'");
            s.steps = r.texts(t, "steps", true);
            // Range-check the number before it becomes an int (1e300 must be an error, not UB).
            const double hold = r.number(r.need(t, "hold_seconds", "stretch '" + s.name + "'"), "hold_seconds");
            if (hold < 10 || hold > 60) r.fail(t["hold_seconds"], "hold_seconds must be between 10 and 60");
            s.holdSeconds = static_cast<int>(hold);
            const double reps = r.number(r.need(t, "repetitions", "stretch '" + s.name + "'"), "repetitions");
            if (reps < 1 || reps > 10) r.fail(t["repetitions"], "repetitions must be between 1 and 10");
            s.repetitions = static_cast<int>(reps);
            s.frequency = r.text(t, "frequency", "stretch '" + s.name + "'");
            s.avoid = r.texts(t, "avoid");
            e.stretches.push_back(std::move(s));
        }
    }
    return e;
} catch (const YAML::Exception& e) {
    throw yamlError(label, e);
}

KnowledgeBase KnowledgeBase::load(const std::string& contentDir, const Catalog& catalog) {
    if (!fs::is_directory(contentDir)) throw ContentError(contentDir + ": the content folder does not exist");
    KnowledgeBase kb;
    auto sortedYaml = [](const fs::path& dir) {
        std::vector<fs::path> files;
        if (fs::is_directory(dir))
            for (const auto& f : fs::directory_iterator(dir))
                if (f.path().extension() == ".yaml") files.push_back(f.path());
        std::sort(files.begin(), files.end());
        return files;
    };

    const fs::path sourcesFile = fs::path(contentDir) / "sources.yaml";
    try {
        const YAML::Node root = YAML::LoadFile(sourcesFile.string());
        Reader r(sourcesFile.string());
        r.requireMap(root, "sources.yaml");
        for (auto it = root.begin(); it != root.end(); ++it) {
            r.requireMap(it->second, "source '" + it->first.as<std::string>() + "'");
            r.checkKeys(it->second, {"cite"}, "a source");
            kb.sources_[it->first.as<std::string>()] = r.text(it->second, "cite", "a source");
        }
    } catch (const YAML::BadFile&) {
        kb.errors_.push_back(sourcesFile.string() + ":0: missing; no entry can cite its sources");
    } catch (const YAML::ParserException& e) {
        kb.errors_.push_back(sourcesFile.string() + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
    } catch (const ContentError& e) {
        kb.errors_.push_back(e.what());
    } catch (const YAML::Exception& e) {
        kb.errors_.push_back(yamlError(sourcesFile.string(), e).what());
    }

    const fs::path areasFile = fs::path(contentDir) / "areas.yaml";
    if (fs::exists(areasFile)) {
        try {
            kb.areas_ = loadBodyAreas(areasFile.string());
        } catch (const ContentError& e) {
            kb.errors_.push_back(e.what());
        }
    }
    const fs::path sitesFile = fs::path(contentDir) / "endangerment.yaml";
    if (fs::exists(sitesFile)) {
        try {
            kb.sites_ = loadEndangermentSites(sitesFile.string());
        } catch (const ContentError& e) {
            kb.errors_.push_back(e.what());
        }
    } else {
        kb.errors_.push_back(sitesFile.string() + ":0: missing; no technique can be checked against the places patients must not press");
    }
    const fs::path jointsFile = fs::path(contentDir) / "joints.yaml";
    if (fs::exists(jointsFile)) {
        try {
            kb.joints_ = parseJoints(readContentFile(jointsFile.string(), "the joints file"), jointsFile.string());
        } catch (const ContentError& e) {
            kb.errors_.push_back(e.what());
        }
    }
    const References refs{kb.sources_, kb.areas_, kb.sites_};

    std::map<std::string, std::string> coveredBy;
    for (const auto& file : sortedYaml(fs::path(contentDir) / "muscles")) {
        try {
            KnowledgeEntry e = parseEntry(readContentFile(file.string(), "the entry"), file.string(), catalog, refs);
            if (e.id != file.stem().string())
                throw ContentError(file.string() + ":1: id '" + e.id + "' must match the file name '" + file.stem().string() + "'");
            for (const auto& id : e.covers) {
                auto [it, fresh] = coveredBy.emplace(id, file.string());
                if (!fresh) throw ContentError(file.string() + ":1: muscle '" + id + "' is already covered by " + it->second);
            }
            kb.entries_.push_back(std::move(e));
        } catch (const ContentError& err) {
            kb.errors_.push_back(err.what());
        } catch (const YAML::Exception& err) {
            kb.errors_.push_back(file.string() + ":" + std::to_string(err.mark.line + 1) + ": " + err.msg);
        }
    }
    for (const auto& e : kb.entries_)
        for (const auto& id : e.alsoCheck)
            if (!kb.find(id)) kb.errors_.push_back(e.file + ":1: also_check names '" + id + "', which is not an entry in content/muscles/");
    for (const auto& file : sortedYaml(fs::path(contentDir) / "learn")) {
        try {
            Reader r(file.string());
            const YAML::Node root = parseContentYaml(readContentFile(file.string(), "the topic"), file.string());
            r.requireMap(root, "a topic");
            r.checkKeys(root, {"id", "title", "order", "body", "bullets", "sources"}, "a topic");
            LearnTopic t;
            t.file = file.string();
            t.id = r.text(root, "id", "a topic");
            t.title = r.text(root, "title", "a topic");
            t.order = static_cast<int>(r.number(r.need(root, "order", "a topic"), "order"));
            t.body = r.texts(root, "body", true);
            t.bullets = r.texts(root, "bullets");
            t.sources = r.texts(root, "sources");
            for (std::size_t i = 0; i < t.sources.size(); ++i)
                if (!kb.sources_.count(t.sources[i])) r.fail(root["sources"][i], "source '" + t.sources[i] + "' is not in content/sources.yaml");
            kb.topics_.push_back(std::move(t));
        } catch (const ContentError& err) {
            kb.errors_.push_back(err.what());
        } catch (const YAML::Exception& err) {
            kb.errors_.push_back(yamlError(file.string(), err).what());
        }
    }
    std::stable_sort(kb.topics_.begin(), kb.topics_.end(), [](const LearnTopic& a, const LearnTopic& b) { return a.order < b.order; });
    return kb;
}

KnowledgeBase KnowledgeBase::withEntries(std::vector<KnowledgeEntry> entries, std::vector<EndangermentSite> sites,
                                         std::vector<BodyArea> areas, std::vector<JointCentre> joints) {
    KnowledgeBase kb;
    kb.joints_ = std::move(joints);
    kb.entries_ = std::move(entries);
    kb.sites_ = std::move(sites);
    kb.areas_ = std::move(areas);
    return kb;
}

const EndangermentSite* KnowledgeBase::findSite(const std::string& id) const {
    for (const auto& s : sites_)
        if (s.id == id) return &s;
    return nullptr;
}

std::vector<EndangermentSite> KnowledgeBase::loadEndangermentSites(const std::string& path) {
    return parseEndangermentSites(readContentFile(path, "the endangerment sites file"), path);
}

std::vector<EndangermentSite> KnowledgeBase::parseEndangermentSites(const std::string& text, const std::string& path) try {
    Reader r(path);
    const YAML::Node root = parseContentYaml(text, path);
    r.requireMap(root, "endangerment.yaml");
    r.checkKeys(root, {"sites"}, "endangerment.yaml");
    const YAML::Node list = r.need(root, "sites", "endangerment.yaml");
    if (!list.IsSequence()) r.fail(list, "'sites' must be a list");
    std::vector<EndangermentSite> sites;
    for (const auto& n : list) {
        r.requireMap(n, "a site");
        r.checkKeys(n, {"id", "name", "structures", "point", "radius", "caution"}, "a site");
        EndangermentSite site;
        site.line = r.line(n);
        site.id = r.text(n, "id", "a site");
        for (const auto& other : sites)
            if (other.id == site.id) r.fail(n["id"], "site id '" + site.id + "' appears twice");
        site.name = r.text(n, "name", "site '" + site.id + "'");
        site.structures = r.text(n, "structures", "site '" + site.id + "'");
        site.caution = r.text(n, "caution", "site '" + site.id + "'");
        site.point = r.point(n, "point", "site '" + site.id + "'");
        site.radius = static_cast<float>(r.number(r.need(n, "radius", "site '" + site.id + "'"), "radius"));
        if (site.radius < 0.01f || site.radius > 0.15f) r.fail(n["radius"], "radius must be between 0.01 and 0.15 metres");
        sites.push_back(std::move(site));
    }
    return sites;
} catch (const YAML::Exception& e) {
    throw yamlError(path, e);
}

std::vector<JointCentre> KnowledgeBase::parseJoints(const std::string& text, const std::string& path) try {
    Reader r(path);
    const YAML::Node root = parseContentYaml(text, path);
    r.requireMap(root, "joints.yaml");
    r.checkKeys(root, {"joints"}, "joints.yaml");
    const YAML::Node list = r.need(root, "joints", "joints.yaml");
    if (!list.IsSequence()) r.fail(list, "'joints' must be a list");
    std::vector<JointCentre> joints;
    for (const auto& n : list) {
        r.requireMap(n, "a joint");
        r.checkKeys(n, {"joint", "centre"}, "a joint");
        JointCentre j;
        j.line = r.line(n);
        const std::string name = r.text(n, "joint", "a joint");
        const auto joint = jointFromName(name);
        if (!joint) r.fail(n["joint"], "'" + name + "' is not a joint (see content/SCHEMA.md)");
        for (const auto& other : joints)
            if (other.joint == *joint) r.fail(n["joint"], "joint '" + name + "' appears twice");
        j.joint = *joint;
        j.centre = r.point(n, "centre", "joint '" + name + "'");
        if (glm::length(j.centre) > 3.0f) r.fail(n["centre"], "the centre of '" + name + "' is outside the body");
        joints.push_back(j);
    }
    return joints;
} catch (const YAML::Exception& e) {
    throw yamlError(path, e);
}

const JointCentre* KnowledgeBase::findJoint(Joint joint) const {
    for (const auto& j : joints_)
        if (j.joint == joint) return &j;
    return nullptr;
}

const KnowledgeEntry* KnowledgeBase::forMuscle(const std::string& muscleId) const {
    for (const auto& e : entries_)
        if (std::find(e.covers.begin(), e.covers.end(), muscleId) != e.covers.end()) return &e;
    return nullptr;
}

const KnowledgeEntry* KnowledgeBase::find(const std::string& entryId) const {
    for (const auto& e : entries_)
        if (e.id == entryId) return &e;
    return nullptr;
}

}  // namespace myomap
