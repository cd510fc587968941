// Times the pain finder over the whole knowledge base and measures how often the textbook
// referrers of a painful place come out on top. Prints numbers; not a test.
// usage: myomap-bench-pain PACK MODELS_DIR CONTENT_DIR

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>

#include "core/anatomy/catalog.h"
#include "core/anatomy/pack.h"
#include "core/clinical/pain_finder.h"
#include "core/clinical/skin_map.h"
#include "core/knowledge/body_areas.h"
#include "core/knowledge/knowledge_base.h"

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// A place and the muscles the trigger point charts name for pain there (Travell & Simons).
struct Known {
    const char* area;
    std::set<std::string> referrers;
};
const Known kKnown[] = {
    {"temple", {"upper_trapezius", "temporalis", "sternocleidomastoid", "suboccipitals", "splenius_capitis", "semispinalis_capitis"}},
    {"back_of_the_head", {"suboccipitals", "semispinalis_capitis", "splenius_capitis", "upper_trapezius", "sternocleidomastoid"}},
    {"jaw", {"masseter", "medial_pterygoid", "lateral_pterygoid", "sternocleidomastoid", "upper_trapezius", "temporalis", "platysma"}},
    {"front_of_the_shoulder", {"infraspinatus", "deltoid", "biceps_brachii", "supraspinatus", "pectoralis_major", "scalenes", "coracobrachialis"}},
    {"shoulder_blade", {"levator_scapulae", "rhomboids", "scalenes", "middle_trapezius", "lower_trapezius", "serratus_posterior_superior", "infraspinatus"}},
    {"outer_elbow", {"supinator", "extensor_carpi_radialis_longus", "brachioradialis", "triceps_brachii", "supraspinatus", "extensor_digitorum", "anconeus"}},
    {"outer_thigh", {"gluteus_minimus", "tensor_fasciae_latae", "vastus_lateralis", "piriformis", "quadratus_lumborum"}},
    {"buttock", {"gluteus_medius", "gluteus_maximus", "quadratus_lumborum", "piriformis", "gluteus_minimus", "iliocostalis_lumborum", "multifidus", "short_hip_rotators"}},
    {"low_back", {"quadratus_lumborum", "iliocostalis_lumborum", "multifidus", "longissimus_thoracis", "iliopsoas", "rectus_abdominis", "gluteus_medius"}},
    {"heel", {"soleus", "quadratus_plantae", "abductor_hallucis", "flexor_accessorius", "tibialis_posterior"}},
};
}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: myomap-bench-pain PACK MODELS_DIR CONTENT_DIR\n");
        return 2;
    }
    const myomap::Pack pack = myomap::Pack::read(argv[1]);
    const myomap::Catalog catalog = myomap::Catalog::load(std::string(argv[2]) + "/muscles.tsv");
    const myomap::KnowledgeBase kb = myomap::KnowledgeBase::load(argv[3], catalog);
    const myomap::Mesh& skinMesh = pack.layer(myomap::Layer::Skin)->mesh(myomap::Lod::Full);
    auto t0 = Clock::now();
    const myomap::SkinMap map(skinMesh);
    const double mapMs = msSince(t0);
    t0 = Clock::now();
    const myomap::PainFinder finder(kb, map);
    const double finderMs = msSince(t0);
    std::printf("benchmark: skin map %zu vertices, set-up %.1f ms; pain finder %zu zone fields (both sides), set-up %.1f ms\n",
                map.vertexCount(), mapMs, finder.zoneCount(), finderMs);

    // Drawings of 2,000 skin vertices: the vertices nearest a random skin point along the skin.
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, map.vertexCount() - 1);
    const myomap::PainDrawing noAnswers;
    double total = 0.0, worst = 0.0;
    std::size_t sizes = 0;
    const int drawings = 200;
    for (int q = 0; q < drawings; ++q) {
        std::vector<std::uint32_t> drawn = map.disc(map.mesh().positions[pick(rng)], 0.3f);
        if (drawn.size() > 2000) drawn.resize(2000);
        sizes += drawn.size();
        const auto start = Clock::now();
        const auto ranked = finder.rank(drawn, noAnswers, 10);
        const double ms = msSince(start);
        total += ms;
        worst = std::max(worst, ms);
    }
    std::printf("benchmark: ranking a drawing of %.0f skin vertices against the knowledge base: mean %.3f ms, worst %.3f ms\n",
                double(sizes) / drawings, total / drawings, worst);

    // Precision of the top three on places whose textbook referrers are known.
    int hits = 0, shown = 0, placesWithTopHit = 0;
    for (const auto& k : kKnown) {
        const auto found = myomap::searchAreas(kb.areas(), k.area);
        if (found.empty()) continue;
        const myomap::BodyArea& area = *found.front();
        const auto ranked = finder.find({{area.point, {0, 0, 1}, area.radius}}, 3);
        std::string names;
        bool top = false;
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            const bool known = k.referrers.count(ranked[i].entry->id) > 0;
            hits += known;
            top = top || (i == 0 && known);
            ++shown;
            names += std::string(i ? ", " : "") + ranked[i].entry->id + (known ? "" : " (?)");
        }
        placesWithTopHit += top;
        std::printf("benchmark: %-22s top 3: %s\n", k.area, names.c_str());
    }
    std::printf("benchmark: precision of the top three on %zu known places: %.2f (%d of %d); first place a textbook referrer: %d of %zu\n",
                std::size(kKnown), shown ? double(hits) / shown : 0.0, hits, shown, placesWithTopHit, std::size(kKnown));
    return 0;
}
