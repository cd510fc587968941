#include "core/cli/query_commands.h"

#include <nlohmann/json.hpp>

#include "core/study/quiz.h"

#include "core/cli/author_commands.h"
#include "core/cli/numbers.h"
#include "core/clinical/pain_drawing.h"
#include "core/clinical/skin_map.h"
#include "core/support/errors.h"
#include "core/knowledge/side_text.h"

namespace myomap {
namespace {

using nlohmann::json;

json point(const glm::vec3& p) {
    // Millimetre precision is all the content has.
    auto r = [](float v) { return std::round(v * 10000.0) / 10000.0; };
    return json::array({r(p.x), r(p.y), r(p.z)});
}

json blobs(const std::vector<SkinBlob>& list) {
    json out = json::array();
    // Points are given for the right side, so the words are too.
    for (const auto& b : list)
        out.push_back({{"where", renderForSide(b.where, Side::Right)}, {"point", point(b.center)}, {"radius", b.radius}});
    return out;
}

const KnowledgeEntry* entryFor(const QueryData& d, const std::string& id) {
    if (const KnowledgeEntry* e = d.knowledge.forMuscle(id)) return e;
    return d.knowledge.find(id);
}

}  // namespace

std::string queryUsage() {
    return "usage: myomap query muscles\n"
           "       myomap query muscle MUSCLE_ID\n"
           "       myomap query pain (--point X,Y,Z [--radius R] | --area NAME)... [--drawing FILE.json]\n"
           "                         [--compare EARLIER.json] [--side right|left] [--limit N]\n"
           "       myomap query quiz --kind name|find|refers|paint [--seed N] [--count K] [--region R] [--knots-only]\n"
           "Points are in the pack's frame: metres, +Y up, +Z anterior, subject's right at -X. Areas are\n"
           "on the right side unless --side left. Output is JSON (docs/query.schema.json).\n";
}

void runQueryCommand(const std::vector<std::string>& args, const QueryData& d, std::ostream& out) {
    if (args.empty() || args[0] == "--help") throw ArgumentError(queryUsage());
    const std::string& what = args[0];
    json result;
    if (what == "muscles") {
        if (args.size() != 1) throw ArgumentError("'query muscles' takes no arguments");
        json list = json::array();
        for (const auto& m : d.catalog.muscles()) {
            const KnowledgeEntry* e = d.knowledge.forMuscle(m.id);
            list.push_back({{"id", m.id},
                            {"common_name", m.commonName},
                            {"latin_name", m.latinName},
                            {"region", m.region},
                            {"entry", e ? json(e->id) : json(nullptr)},
                            {"has_knot_data", e && e->hasKnotData()}});
        }
        result = {{"muscles", list}};
    } else if (what == "quiz") {
        QuizOptions o;
        bool kindGiven = false;
        for (std::size_t i = 1; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw ArgumentError(a + " needs a value");
                return args[++i];
            };
            if (a == "--kind") {
                const std::string& v = value();
                const auto k = parseQuizKind(v);
                if (!k) throw ArgumentError("--kind '" + v + "' must be name, find, refers or paint");
                o.kind = *k;
                kindGiven = true;
            } else if (a == "--seed") {
                o.seed = static_cast<std::uint32_t>(parseInteger(value(), 0, 4294967295LL, "--seed"));
            } else if (a == "--count") {
                o.count = static_cast<int>(parseInteger(value(), 1, 200, "--count"));
            } else if (a == "--region") {
                o.region = value();
            } else if (a == "--knots-only") {
                o.knotDataOnly = true;
            } else {
                throw ArgumentError("unknown argument '" + a + "' for 'query quiz' (see 'myomap query --help')");
            }
        }
        if (!kindGiven) throw ArgumentError("'query quiz' needs --kind name, find, refers or paint");
        json questions = json::array();
        for (const auto& q : makeQuiz(d.catalog, d.knowledge, o)) {
            questions.push_back({{"kind", quizKindName(q.kind)},
                                 {"prompt", q.prompt},
                                 {"answer", q.muscle},
                                 {"side", sideName(q.side)},
                                 {"entry", q.entry.empty() ? json(nullptr) : json(q.entry)},
                                 {"knot", q.knot >= 0 ? json(q.knot + 1) : json(nullptr)},
                                 {"choices", q.choices},
                                 {"key", questionKey(q)}});
        }
        result = {{"kind", quizKindName(o.kind)}, {"seed", o.seed}, {"region", o.region.empty() ? json(nullptr) : json(o.region)},
                  {"questions", questions}};
    } else if (what == "muscle") {
        if (args.size() != 2) throw ArgumentError("'query muscle' takes one muscle id");
        const KnowledgeEntry* e = entryFor(d, args[1]);
        const MuscleEntry* m = d.catalog.find(args[1]);
        if (!e && !m) {
            std::string hint;
            if (const MuscleEntry* near = d.catalog.suggest(args[1])) hint = " (did you mean '" + near->id + "'?)";
            throw ArgumentError("unknown muscle '" + args[1] + "'" + hint);
        }
        if (!m && e) m = d.catalog.find(e->covers.front());
        json knots = json::array();
        if (e)
            for (const auto& k : e->knots)
                knots.push_back({{"id", k.id},
                                 {"name", renderForSide(k.name, Side::Right)},
                                 {"position", point(k.position)},
                                 {"essential", blobs(k.referral.essential)},
                                 {"spillover", blobs(k.referral.spillover)}});
        result = {{"id", m->id},
                  {"common_name", m->commonName},
                  {"latin_name", m->latinName},
                  {"region", m->region},
                  {"entry", e ? json(e->id) : json(nullptr)},
                  {"title", e ? e->title : m->commonName},
                  {"covers", e ? json(e->covers) : json::array({m->id})},
                  {"side", "right"},
                  {"has_knot_data", e && e->hasKnotData()},
                  {"knots", knots}};
        // Study facts (clinician level), full and short, with the nerve roots and sources.
        auto fact = [](const MuscleFact& f) { return json{{"full", f.full}, {"short", f.brief}}; };
        const bool facts = e && e->facts;
        result["origin"] = facts ? fact(e->facts->origin) : json(nullptr);
        result["insertion"] = facts ? fact(e->facts->insertion) : json(nullptr);
        result["action"] = facts ? fact(e->facts->action) : json(nullptr);
        json innervation = facts ? fact(e->facts->innervation) : json(nullptr);
        if (facts) innervation["roots"] = e->facts->roots;
        result["innervation"] = innervation;
        result["facts_sources"] = facts ? json(e->facts->sources) : json::array();
    } else if (what == "pain") {
        const PackObject* skinObject = d.pack.layer(Layer::Skin);
        if (!skinObject) throw ArgumentError("the pack has no skin layer");
        std::size_t limit = 10;
        Side areaSide = Side::Right;
        std::vector<std::string> areaNames;
        struct Disc {
            std::string label;
            glm::vec3 point;
            float radius;
        };
        std::vector<Disc> discs;
        std::optional<std::string> drawingFile, compareFile;
        for (std::size_t i = 1; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw ArgumentError(a + " needs a value");
                return args[++i];
            };
            if (a == "--point") {
                discs.push_back({"point", parsePoint(value(), "--point"), 0.0f});
            } else if (a == "--radius") {
                // The size of the disc painted at the --point before it.
                if (discs.empty() || discs.back().label != "point") throw ArgumentError("--radius must follow a --point");
                discs.back().radius = static_cast<float>(parseReal(value(), 0.001, 0.3, "--radius (metres)"));
            } else if (a == "--area") {
                areaNames.push_back(value());
            } else if (a == "--side") {
                const auto s = parseSide(value());
                if (!s) throw ArgumentError("--side must be right or left");
                areaSide = *s;
            } else if (a == "--drawing") {
                drawingFile = value();
            } else if (a == "--compare") {
                compareFile = value();
            } else if (a == "--limit") {
                limit = static_cast<std::size_t>(parseInteger(value(), 1, 500, "--limit"));
            } else {
                throw ArgumentError("unknown argument '" + a +
                                    "' for 'query pain' (expected --point, --radius, --area, --side, --drawing, --compare, --limit)");
            }
        }
        for (const auto& name : areaNames) {
            const auto found = searchAreas(d.areas, name);
            if (found.empty()) throw ArgumentError("unknown body area '" + name + "' (see content/areas.yaml)");
            glm::vec3 p = found.front()->point;
            if (areaSide == Side::Left) p.x = -p.x;
            discs.push_back({"area:" + found.front()->id, p, found.front()->radius});
        }
        if (discs.empty() && !drawingFile) throw ArgumentError("'query pain' needs --point X,Y,Z, --area NAME or --drawing FILE");
        const SkinMap map(skinObject->mesh(Lod::Full));
        PainDrawing drawing = drawingFile ? loadPainDrawing(*drawingFile) : PainDrawing{};
        json spotsJson = json::array();
        for (const auto& disc : discs) {
            const PainSpot spot = snapToSkin(map.bvh(), disc.point);
            const float radius = std::max(disc.radius, 0.015f);
            drawing.strokes.push_back({disc.label, false, {{spot.point, radius}}});
            spotsJson.push_back({{"from", disc.label}, {"input", point(disc.point)}, {"skin", point(spot.point)}, {"radius", radius}});
        }
        const std::vector<std::uint32_t> drawn = drawnVertices(map, drawing);
        const PainFinder finder(d.knowledge, map);
        json candidates = json::array();
        int rank = 0;
        for (const auto& c : finder.rank(drawn, drawing, limit)) {
            json matches = json::array();
            for (const auto& m : c.matches)
                matches.push_back({{"knot", c.entry->knots[static_cast<std::size_t>(m.knot)].id},
                                   {"knot_name", m.knotName},
                                   {"zone", m.local ? "local" : m.essential ? "essential" : "spillover"},
                                   {"where", m.where},
                                   {"share_of_drawing", std::round(m.share * 1000.0) / 1000.0}});
            auto round3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
            candidates.push_back({{"rank", ++rank},
                                  {"muscle", c.entry->covers.front()},
                                  {"entry", c.entry->id},
                                  {"muscles", c.entry->covers},
                                  {"name", c.entry->title},
                                  {"side", sideName(c.side)},
                                  {"score", round3(c.score)},
                                  {"confidence", confidenceName(c.confidence)},
                                  {"parts",
                                   {{"explained", round3(c.parts.explained)},
                                    {"covered", round3(c.parts.covered)},
                                    {"prior", round3(c.parts.prior)},
                                    {"press", round3(c.parts.press)}}},
                                  {"best_knot", c.entry->knots[static_cast<std::size_t>(c.bestKnot)].id},
                                  {"press_answer", c.answer ? pressAnswerName(c.answer->answer) : "not_asked"},
                                  {"matches", matches},
                                  {"reason", c.reason()}});
        }
        const double area = drawnArea(map, drawn);
        result = {{"spots", spotsJson},
                  {"drawing", {{"strokes", drawing.strokes.size()}, {"skin_vertices", drawn.size()}, {"area_cm2", std::round(area * 1e5) / 10.0}}},
                  {"candidates", candidates}};
        if (compareFile) {
            // Two drawings of the same person: how the painted area changed.
            const PainDrawing before = loadPainDrawing(*compareFile);
            const double beforeArea = drawnArea(map, drawnVertices(map, before));
            result["compare"] = {{"file", *compareFile},
                                 {"area_cm2", std::round(beforeArea * 1e5) / 10.0},
                                 {"change_cm2", std::round((area - beforeArea) * 1e5) / 10.0}};
        }
    } else {
        throw ArgumentError("unknown query '" + what + "' (expected muscles, muscle, pain or quiz)");
    }
    out << result.dump(2) << "\n";
}

}  // namespace myomap
