#include "core/knowledge/body_areas.h"

#include "core/knowledge/yaml_text.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/anatomy/catalog.h"
#include "core/support/errors.h"

namespace myomap {

std::vector<BodyArea> loadBodyAreas(const std::string& path) {
    return parseBodyAreas(readContentFile(path, "the body areas file"), path);
}

std::vector<BodyArea> parseBodyAreas(const std::string& text, const std::string& path) try {
    const YAML::Node root = parseContentYaml(text, path);
    auto fail = [&](const YAML::Node& n, const std::string& msg) -> void {
        throw ContentError(path + ":" + std::to_string(n.Mark().line + 1) + ": " + msg);
    };
    std::vector<BodyArea> areas;
    const YAML::Node list = root["areas"];
    if (!list || !list.IsSequence()) throw ContentError(path + ":1: expected 'areas:' with a list of areas");
    for (const auto& a : list) {
        if (!a.IsMap()) fail(a, "each area must be a mapping");
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!it->first.IsScalar()) fail(it->first, "a key must be plain text");
            const std::string key = it->first.as<std::string>();
            if (key != "id" && key != "name" && key != "aliases" && key != "point" && key != "radius")
                fail(it->first, "unknown key '" + key + "' (expected id, name, aliases, point, radius)");
        }
        BodyArea area;
        if (!a["id"] || !a["name"] || !a["point"]) fail(a, "an area needs id, name and point");
        area.id = a["id"].as<std::string>();
        area.name = a["name"].as<std::string>();
        if (a["aliases"]) area.aliases = a["aliases"].as<std::vector<std::string>>();
        const YAML::Node p = a["point"];
        if (!p.IsSequence() || p.size() != 3) fail(p, "point must be [x, y, z]");
        try {
            area.point = {p[0].as<float>(), p[1].as<float>(), p[2].as<float>()};
            if (a["radius"]) area.radius = a["radius"].as<float>();
        } catch (const YAML::BadConversion&) {
            fail(p, "point and radius must be numbers");
        }
        // yaml-cpp reads .nan and .inf as numbers: a point there would match nothing, or everything.
        if (!std::isfinite(area.point.x) || !std::isfinite(area.point.y) || !std::isfinite(area.point.z))
            fail(p, "point must be finite numbers");
        if (a["radius"] && !(std::isfinite(area.radius) && area.radius > 0.0f && area.radius < 1.0f))
            fail(a["radius"], "radius must be a number of metres above 0 and below 1");
        areas.push_back(area);
    }
    return areas;
} catch (const YAML::Exception& e) {
    // yaml-cpp's own conversion errors (a list where text should be) name file:line too.
    throw ContentError(path + ":" + std::to_string(e.mark.is_null() ? 0 : e.mark.line + 1) + ": " + e.msg);
}

std::vector<const BodyArea*> searchAreas(const std::vector<BodyArea>& areas, const std::string& query) {
    std::vector<std::string> words;
    std::istringstream in(toLower(query));
    for (std::string w; in >> w;) words.push_back(w);
    std::vector<const BodyArea*> exact, partial;
    for (const auto& a : areas) {
        std::vector<std::string> names{toLower(a.name), a.id};
        for (const auto& al : a.aliases) names.push_back(toLower(al));
        bool isExact = false, isPartial = false;
        for (const auto& n : names) {
            isExact = isExact || n == toLower(query) || n == query;
            isPartial = isPartial || std::all_of(words.begin(), words.end(), [&](const std::string& w) { return n.find(w) != std::string::npos; });
        }
        if (isExact) exact.push_back(&a);
        else if (isPartial) partial.push_back(&a);
    }
    exact.insert(exact.end(), partial.begin(), partial.end());
    return exact;
}

const BodyArea* findArea(const std::vector<BodyArea>& areas, const std::string& id) {
    for (const auto& a : areas)
        if (a.id == id) return &a;
    return nullptr;
}

}  // namespace myomap
