// Times pain queries over the whole knowledge base: random skin points, one and three
// spots per query. Prints numbers; not a test.
// usage: myomap-bench-pain PACK MODELS_DIR CONTENT_DIR

#include <chrono>
#include <cstdio>
#include <random>

#include "core/anatomy/catalog.h"
#include "core/knowledge/knowledge_base.h"
#include "core/anatomy/pack.h"
#include "core/clinical/pain_finder.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: myomap-bench-pain PACK MODELS_DIR CONTENT_DIR\n");
        return 2;
    }
    using clock = std::chrono::steady_clock;
    const myomap::Pack pack = myomap::Pack::read(argv[1]);
    const myomap::Catalog catalog = myomap::Catalog::load(std::string(argv[2]) + "/muscles.tsv");
    const myomap::KnowledgeBase kb = myomap::KnowledgeBase::load(argv[3], catalog);
    const myomap::Mesh& skinMesh = pack.layer(myomap::Layer::Skin)->mesh(myomap::Lod::Full);
    const auto t0 = clock::now();
    const myomap::MeshBvh skin(skinMesh);
    const myomap::PainFinder finder(kb, skin);
    const double setupMs = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, skinMesh.positions.size() - 1);
    for (int spots : {1, 3}) {
        const int queries = 2000;
        double total = 0.0, worst = 0.0;
        std::size_t found = 0;
        for (int q = 0; q < queries; ++q) {
            std::vector<myomap::PainSpot> input;
            for (int s = 0; s < spots; ++s) {
                const std::size_t v = pick(rng);
                input.push_back({skinMesh.positions[v], skinMesh.normals[v]});
            }
            const auto start = clock::now();
            found += finder.find(input, 10).size();
            const double ms = std::chrono::duration<double, std::milli>(clock::now() - start).count();
            total += ms;
            worst = std::max(worst, ms);
        }
        std::printf("benchmark: pain query, %d spot(s), %zu zones: mean %.4f ms, worst %.4f ms (%.1f candidates on average)\n", spots,
                    finder.zoneCount(), total / queries, worst, double(found) / queries);
    }
    std::printf("benchmark: pain finder set-up (skin BVH + zone index) %.1f ms\n", setupMs);
    return 0;
}
