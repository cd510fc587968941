#pragma once
// Reading content files: the file's text, and its YAML, with errors that name file:line.
// Shared by every content reader (entries, topics, sources, body areas, sites). Internal
// to the core library.

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/support/errors.h"

namespace myomap {

/// The whole file; throws ContentError "path:0: cannot open WHAT" when it cannot be read.
inline std::string readContentFile(const std::string& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ContentError(path + ":0: cannot open " + what);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Parses YAML text; a syntax error becomes ContentError "label:line: not valid YAML: ...".
inline YAML::Node parseContentYaml(const std::string& text, const std::string& label) {
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw ContentError(label + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
    }
}

}  // namespace myomap
