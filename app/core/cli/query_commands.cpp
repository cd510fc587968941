#include "core/cli/query_commands.h"

#include <nlohmann/json.hpp>

#include "core/cli/author_commands.h"
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
           "       myomap query pain (--point X,Y,Z | --area NAME)... [--side right|left] [--limit N]\n"
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
    } else if (what == "pain") {
        const PackObject* skinObject = d.pack.layer(Layer::Skin);
        if (!skinObject) throw ArgumentError("the pack has no skin layer");
        const MeshBvh skin(skinObject->mesh(Lod::Full));
        struct Input {
            std::string label;
            glm::vec3 point;
            float radius;
        };
        std::vector<Input> inputs;
        std::size_t limit = 10;
        Side areaSide = Side::Right;
        std::vector<std::string> areaNames;
        for (std::size_t i = 1; i < args.size(); ++i) {
            const std::string& a = args[i];
            auto value = [&]() -> const std::string& {
                if (i + 1 >= args.size()) throw ArgumentError(a + " needs a value");
                return args[++i];
            };
            if (a == "--point") {
                inputs.push_back({"point", parsePoint(value(), "--point"), 0.0f});
            } else if (a == "--area") {
                areaNames.push_back(value());
            } else if (a == "--side") {
                const auto s = parseSide(value());
                if (!s) throw ArgumentError("--side must be right or left");
                areaSide = *s;
            } else if (a == "--limit") {
                const std::string& v = value();
                char* end = nullptr;
                const long n = std::strtol(v.c_str(), &end, 10);
                if (*end || n < 1 || n > 500) throw ArgumentError("--limit '" + v + "' must be a number from 1 to 500");
                limit = static_cast<std::size_t>(n);
            } else {
                throw ArgumentError("unknown argument '" + a + "' for 'query pain' (expected --point, --area, --side, --limit)");
            }
        }
        for (const auto& name : areaNames) {
            const auto found = searchAreas(d.areas, name);
            if (found.empty()) throw ArgumentError("unknown body area '" + name + "' (see content/areas.yaml)");
            glm::vec3 p = found.front()->point;
            if (areaSide == Side::Left) p.x = -p.x;
            inputs.push_back({"area:" + found.front()->id, p, found.front()->radius});
        }
        if (inputs.empty()) throw ArgumentError("'query pain' needs at least one --point X,Y,Z or --area NAME");
        std::vector<PainSpot> spots;
        json spotsJson = json::array();
        for (const auto& in : inputs) {
            spots.push_back(snapToSkin(skin, in.point));
            spots.back().radius = in.radius;
            spotsJson.push_back({{"from", in.label}, {"input", point(in.point)}, {"skin", point(spots.back().point)}});
        }
        const PainFinder finder(d.knowledge, skin);
        json candidates = json::array();
        int rank = 0;
        for (const auto& c : finder.find(spots, limit)) {
            json matches = json::array();
            for (const auto& m : c.matches)
                matches.push_back({{"spot", m.spot},
                                   {"knot", c.entry->knots[m.knot].id},
                                   {"knot_name", m.knotName},
                                   {"zone", m.essential ? "essential" : "spillover"},
                                   {"where", m.where}});
            candidates.push_back({{"rank", ++rank},
                                  {"muscle", c.entry->covers.front()},
                                  {"entry", c.entry->id},
                                  {"muscles", c.entry->covers},
                                  {"name", c.entry->title},
                                  {"side", sideName(c.side)},
                                  {"score", std::round(c.score * 1000.0) / 1000.0},
                                  {"spots_covered", c.spotsCovered},
                                  {"matches", matches},
                                  {"reason", c.reason()}});
        }
        result = {{"spots", spotsJson}, {"candidates", candidates}};
    } else {
        throw ArgumentError("unknown query '" + what + "' (expected muscles, muscle or pain)");
    }
    out << result.dump(2) << "\n";
}

}  // namespace myomap
