// parseBodyAreas (content/areas.yaml) on arbitrary text: only ContentError naming the file.

#include <cstdint>
#include <string>

#include "core/knowledge/body_areas.h"
#include "core/support/errors.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto areas = myomap::parseBodyAreas(text, "fuzz.yaml");
        for (const auto& a : areas) myomap::searchAreas(areas, a.name);
    } catch (const myomap::ContentError& e) {
        myomap::fuzz::requireNamed(e.what(), "fuzz.yaml");
    }
    return 0;
}
