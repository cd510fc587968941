#pragma once
// Shared by the fuzz targets: the documented error must name the input, and anything
// else (another exception, a sanitizer report) must reach libFuzzer as a crash.

#include <cstdio>
#include <cstdlib>
#include <string>

namespace myomap::fuzz {

/// Aborts (a crash to libFuzzer) unless the error message starts with `label`.
inline void requireNamed(const char* what, const std::string& label) {
    if (std::string(what).rfind(label, 0) != 0) {
        std::fprintf(stderr, "error does not name '%s': %s\n", label.c_str(), what);
        std::abort();
    }
}

}  // namespace myomap::fuzz
