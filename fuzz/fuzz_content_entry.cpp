// KnowledgeBase::parseEntry on arbitrary text, against the test fixtures' catalog, sources
// and endangerment sites and the project's body areas: only ContentError naming the file.

#include <cstdint>
#include <memory>
#include <string>

#include "core/knowledge/knowledge_base.h"
#include "core/support/errors.h"
#include "fuzz_support.h"

namespace {

struct Context {
    myomap::Catalog catalog;
    std::map<std::string, std::string> sources{{"ref_a", "A test reference."}};
    std::vector<myomap::BodyArea> areas;
    std::vector<myomap::EndangermentSite> sites;
};

const Context& context() {
    static const std::unique_ptr<Context> c = [] {
        auto ctx = std::make_unique<Context>();
        ctx->catalog = myomap::Catalog::load(MYOMAP_SOURCE_DIR "/tests/fixtures/catalog.tsv");
        ctx->areas = myomap::loadBodyAreas(MYOMAP_SOURCE_DIR "/content/areas.yaml");
        ctx->sites = myomap::KnowledgeBase::loadEndangermentSites(MYOMAP_SOURCE_DIR "/tests/fixtures/content/endangerment.yaml");
        return ctx;
    }();
    return *c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Context& c = context();
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        myomap::KnowledgeBase::parseEntry(text, "fuzz.yaml", c.catalog, {c.sources, c.areas, c.sites});
    } catch (const myomap::ContentError& e) {
        myomap::fuzz::requireNamed(e.what(), "fuzz.yaml");
    }
    return 0;
}
