#include "core/session/settings.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/support/atomic_file.h"
#include "core/support/errors.h"
#include "core/support/key_value.h"

namespace myomap {
namespace fs = std::filesystem;

namespace {
constexpr const char* kHeader = "# Myomap settings (written by Myomap; safe to delete)";

bool readFloat(const std::string& text, float min, float max, float& out) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v) || v < min || v > max) return false;
    out = static_cast<float>(v);
    return true;
}

bool readInt(const std::string& text, int min, int max, int& out) {
    long v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max) return false;
    out = static_cast<int>(v);
    return true;
}

std::string homeFolder() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : "/tmp";
}

std::string number(float v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}
}  // namespace

bool Settings::operator==(const Settings& o) const {
    auto samePose = [](const std::optional<CameraPose>& a, const std::optional<CameraPose>& b) {
        if (a.has_value() != b.has_value()) return false;
        if (!a) return true;
        return a->target == b->target && a->yaw == b->yaw && a->pitch == b->pitch && a->distance == b->distance;
    };
    return audience == o.audience && skin == o.skin && skinOpacity == o.skinOpacity && textScale == o.textScale &&
           windowWidth == o.windowWidth && windowHeight == o.windowHeight && windowX == o.windowX && windowY == o.windowY &&
           samePose(view, o.view);
}

std::string settingsPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(homeFolder()) / ".config";
    return (base / "myomap" / "settings.ini").string();
}

std::string documentsFolder() {
    if (const char* d = std::getenv("XDG_DOCUMENTS_DIR"); d && *d && fs::is_directory(d)) return d;
    const fs::path docs = fs::path(homeFolder()) / "Documents";
    if (fs::is_directory(docs)) return docs.string();
    return homeFolder();
}

LoadedSettings loadSettings(const std::string& path) {
    LoadedSettings out;
    std::ifstream in(path);
    if (!in) return out;  // first run: the defaults, nothing to report
    Settings s;
    std::string line, problem;
    int lineNo = 0;
    auto bad = [&](const std::string& why) {
        if (problem.empty()) problem = path + ":" + std::to_string(lineNo) + ": " + why;
    };
    while (std::getline(in, line) && problem.empty()) {
        ++lineNo;
        const KeyValueLine kv = parseKeyValueLine(line);
        if (kv.kind == KeyValueLine::Kind::Skip) continue;
        if (kv.kind == KeyValueLine::Kind::Malformed) {
            bad("expected 'name = value'");
            break;
        }
        const std::string& key = kv.key;
        const std::string& value = kv.value;
        int i = 0;
        if (key == "audience") {
            if (value == "patient") s.audience = Audience::Patient;
            else if (value == "clinician") s.audience = Audience::Clinician;
            else bad("audience must be patient or clinician");
        } else if (key == "skin") {
            if (value == "on" || value == "off") s.skin = value == "on";
            else bad("skin must be on or off");
        } else if (key == "skin_opacity") {
            if (!readFloat(value, 0.1f, 1.0f, s.skinOpacity)) bad("skin_opacity must be a number from 0.1 to 1");
        } else if (key == "text_scale") {
            if (!readFloat(value, 1.0f, 2.0f, s.textScale)) bad("text_scale must be a number from 1 to 2");
        } else if (key == "window_width") {
            if (!readInt(value, 320, 16384, s.windowWidth)) bad("window_width must be a whole number from 320 to 16384");
        } else if (key == "window_height") {
            if (!readInt(value, 240, 16384, s.windowHeight)) bad("window_height must be a whole number from 240 to 16384");
        } else if (key == "window_x" || key == "window_y") {
            if (!readInt(value, -100000, 100000, i)) bad(key + " must be a whole number");
            (key == "window_x" ? s.windowX : s.windowY) = i;
        } else if (key == "view") {
            std::istringstream v(value);
            CameraPose p;
            std::string extra;
            if (!(v >> p.target.x >> p.target.y >> p.target.z >> p.yaw >> p.pitch >> p.distance) || (v >> extra) ||
                !std::isfinite(p.yaw) || !std::isfinite(p.pitch) || !(p.distance > 0.01f && p.distance < 20.0f) ||
                std::abs(p.pitch) > 1.5f || glm::length(p.target) > 10.0f)
                bad("view must be six numbers: target x y z, yaw, pitch, distance");
            else s.view = p;
        } else {
            bad("unknown setting '" + key + "'");
        }
    }
    if (!problem.empty()) {
        out.notice = problem + ". Using the default settings; the file is left as it is until you change a setting.";
        return out;
    }
    out.settings = s;
    return out;
}

std::string settingsText(const Settings& s) {
    std::string t = std::string(kHeader) + "\n";
    t += std::string("audience = ") + (s.audience == Audience::Clinician ? "clinician" : "patient") + "\n";
    t += std::string("skin = ") + (s.skin ? "on" : "off") + "\n";
    t += "skin_opacity = " + number(s.skinOpacity) + "\n";
    t += "text_scale = " + number(s.textScale) + "\n";
    t += "window_width = " + std::to_string(s.windowWidth) + "\nwindow_height = " + std::to_string(s.windowHeight) + "\n";
    if (s.windowX && s.windowY) t += "window_x = " + std::to_string(*s.windowX) + "\nwindow_y = " + std::to_string(*s.windowY) + "\n";
    if (s.view)
        t += "view = " + number(s.view->target.x) + " " + number(s.view->target.y) + " " + number(s.view->target.z) + " " +
             number(s.view->yaw) + " " + number(s.view->pitch) + " " + number(s.view->distance) + "\n";
    return t;
}

void saveSettings(const std::string& path, const Settings& s) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) throw MyomapError(fs::path(path).parent_path().string() + ": cannot create the settings folder (" + ec.message() + ")");
    writeFileAtomically(path, settingsText(s), "the settings");
}

}  // namespace myomap
