// KnowledgeBase::parseEndangermentSites (content/endangerment.yaml) on arbitrary text:
// only ContentError naming the file.

#include <cstdint>
#include <string>

#include "core/knowledge/knowledge_base.h"
#include "core/support/errors.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        myomap::KnowledgeBase::parseEndangermentSites(text, "fuzz.yaml");
    } catch (const myomap::ContentError& e) {
        myomap::fuzz::requireNamed(e.what(), "fuzz.yaml");
    }
    return 0;
}
