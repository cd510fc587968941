#include "core/clinical/pain_drawing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/clinical/skin_map.h"
#include "core/support/atomic_file.h"
#include "core/support/errors.h"

namespace myomap {

using json = nlohmann::json;

namespace {
constexpr const char* kFormat = "myomap-pain-drawing";
constexpr int kVersion = 1;
constexpr std::size_t kMaxStrokes = 10000, kMaxDabs = 200000;

json pointJson(const glm::vec3& p) { return json::array({p.x, p.y, p.z}); }
}  // namespace

const char* pressAnswerName(PressAnswer answer) {
    switch (answer) {
        case PressAnswer::Yes: return "yes";
        case PressAnswer::No: return "no";
        case PressAnswer::NotSure: return "not_sure";
    }
    return "not_sure";
}

const PressCheck* PainDrawing::answerFor(const std::string& entry, Side side) const {
    for (const auto& a : answers)
        if (a.entry == entry && a.side == side) return &a;
    return nullptr;
}

void PainDrawing::setAnswer(const std::string& entry, Side side, PressAnswer answer) {
    for (auto& a : answers)
        if (a.entry == entry && a.side == side) {
            a.answer = answer;
            return;
        }
    answers.push_back({entry, side, answer});
}

std::vector<std::uint32_t> drawnVertices(const SkinMap& map, const PainDrawing& drawing) {
    std::vector<std::uint8_t> painted(map.vertexCount(), 0);
    for (const auto& stroke : drawing.strokes)
        for (const auto& dab : stroke.dabs)
            for (const auto v : map.disc(dab.point, dab.radius)) painted[v] = stroke.erase ? 0 : 1;
    std::vector<std::uint32_t> out;
    for (std::uint32_t v = 0; v < painted.size(); ++v)
        if (painted[v]) out.push_back(v);
    return out;
}

double drawnArea(const SkinMap& map, const std::vector<std::uint32_t>& vertices) {
    double area = 0.0;
    for (const auto v : vertices) area += map.vertexAreas()[v];
    return area;
}

std::string painDrawingJson(const PainDrawing& drawing) {
    json strokes = json::array();
    for (const auto& s : drawing.strokes) {
        json dabs = json::array();
        for (const auto& d : s.dabs) dabs.push_back({{"point", pointJson(d.point)}, {"radius", d.radius}});
        strokes.push_back({{"label", s.label}, {"erase", s.erase}, {"dabs", dabs}});
    }
    json answers = json::array();
    for (const auto& a : drawing.answers)
        answers.push_back({{"entry", a.entry}, {"side", sideName(a.side)}, {"answer", pressAnswerName(a.answer)}});
    json doc = {{"format", kFormat}, {"version", kVersion}, {"frame", "BodyParts3D metres, +Y up, +Z anterior, right at -X"},
                {"strokes", strokes}, {"answers", answers}};
    if (!drawing.created.empty()) doc["created"] = drawing.created;
    return doc.dump(1) + "\n";
}

namespace {
PainDrawing parseDrawingDocument(const std::string& text, const std::string& label) {
    auto fail = [&](const std::string& what) -> void { throw ContentError(label + ": " + what); };
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw ContentError(label + ": not a pain drawing (JSON error at byte " + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) {
        // A number too large for a double, and the like (found by fuzz_pain_drawing).
        throw ContentError(label + ": not a pain drawing (" + e.what() + ")");
    }
    if (!doc.is_object() || !doc.contains("format") || doc["format"] != kFormat) fail("not a Myomap pain drawing (no \"format\": \"myomap-pain-drawing\")");
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != kVersion)
        fail("drawing format version must be 1");
    auto number = [&](const json& v, const std::string& what, double lo, double hi) {
        if (!v.is_number()) fail(what + " must be a number");
        const double d = v.get<double>();
        // Compared as floats, as stored: a value written from a float (0.3f is 0.30000001)
        // must read back.
        const float f = static_cast<float>(d);
        if (!std::isfinite(d) || f < static_cast<float>(lo) || f > static_cast<float>(hi))
            fail(what + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        return f;
    };
    PainDrawing drawing;
    if (doc.contains("created")) {
        if (!doc["created"].is_string()) fail("\"created\" must be text");
        drawing.created = doc["created"].get<std::string>();
    }
    const json& strokes = doc.contains("strokes") ? doc["strokes"] : json::array();
    if (!strokes.is_array() || strokes.size() > kMaxStrokes) fail("\"strokes\" must be a list of at most 10000 strokes");
    std::size_t dabCount = 0;
    for (std::size_t i = 0; i < strokes.size(); ++i) {
        const json& s = strokes[i];
        const std::string where = "stroke " + std::to_string(i + 1);
        if (!s.is_object()) fail(where + " must be an object");
        Stroke stroke;
        if (s.contains("label")) {
            if (!s["label"].is_string()) fail(where + ": \"label\" must be text");
            stroke.label = s["label"].get<std::string>();
        }
        if (s.contains("erase")) {
            if (!s["erase"].is_boolean()) fail(where + ": \"erase\" must be true or false");
            stroke.erase = s["erase"].get<bool>();
        }
        if (!s.contains("dabs") || !s["dabs"].is_array()) fail(where + ": \"dabs\" must be a list");
        for (std::size_t k = 0; k < s["dabs"].size(); ++k) {
            const json& d = s["dabs"][k];
            const std::string dw = where + " dab " + std::to_string(k + 1);
            if (!d.is_object() || !d.contains("point") || !d["point"].is_array() || d["point"].size() != 3)
                fail(dw + ": needs \"point\": [x, y, z]");
            Dab dab;
            dab.point = {number(d["point"][0], dw + " x", -3, 3), number(d["point"][1], dw + " y", -3, 3), number(d["point"][2], dw + " z", -3, 3)};
            dab.radius = d.contains("radius") ? number(d["radius"], dw + " radius", 0.001, 0.3) : 0.015f;
            stroke.dabs.push_back(dab);
            if (++dabCount > kMaxDabs) fail("more than 200000 dabs");
        }
        drawing.strokes.push_back(std::move(stroke));
    }
    const json& answers = doc.contains("answers") ? doc["answers"] : json::array();
    if (!answers.is_array()) fail("\"answers\" must be a list");
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const json& a = answers[i];
        const std::string where = "answer " + std::to_string(i + 1);
        if (!a.is_object() || !a.contains("entry") || !a["entry"].is_string() || !a.contains("side") || !a["side"].is_string() ||
            !a.contains("answer") || !a["answer"].is_string())
            fail(where + ": needs \"entry\", \"side\" and \"answer\" as text");
        const auto side = parseSide(a["side"].get<std::string>());
        if (!side || *side == Side::None) fail(where + ": side must be right or left");
        const std::string value = a["answer"].get<std::string>();
        PressAnswer answer = PressAnswer::NotSure;
        if (value == "yes") answer = PressAnswer::Yes;
        else if (value == "no") answer = PressAnswer::No;
        else if (value != "not_sure") fail(where + ": answer must be yes, no or not_sure");
        drawing.setAnswer(a["entry"].get<std::string>(), *side, answer);
    }
    return drawing;
}
}  // namespace

PainDrawing parsePainDrawing(const std::string& text, const std::string& label) {
    try {
        return parseDrawingDocument(text, label);
    } catch (const json::exception& e) {
        // Every check above tests types first; this is the backstop for any the library
        // still raises, so a bad file is always a ContentError naming it.
        throw ContentError(label + ": not a pain drawing (" + e.what() + ")");
    }
}

PainDrawing loadPainDrawing(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ContentError(path + ": cannot open the pain drawing");
    std::ostringstream text;
    text << in.rdbuf();
    return parsePainDrawing(text.str(), path);
}

void savePainDrawing(const std::string& path, const PainDrawing& drawing) {
    writeFileAtomically(path, painDrawingJson(drawing), "the pain drawing");
}

}  // namespace myomap
