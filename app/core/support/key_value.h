#pragma once
// One line of a `name = value` file (settings, the build's paths file): blank lines and
// `#` comments are skipped, names and values come trimmed.

#include <string>

namespace myomap {

struct KeyValueLine {
    enum class Kind { Skip, Pair, Malformed } kind = Kind::Skip;
    std::string key, value;
};

inline KeyValueLine parseKeyValueLine(const std::string& line) {
    auto trim = [](std::string s) {
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t\r") + 1);
        return s;
    };
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') return {};
    const auto eq = t.find('=');
    if (eq == std::string::npos) return {KeyValueLine::Kind::Malformed, {}, {}};
    return {KeyValueLine::Kind::Pair, trim(t.substr(0, eq)), trim(t.substr(eq + 1))};
}

}  // namespace myomap
