#include "content_checks.h"

#include <cstdio>
#include <map>
#include <memory>

#include "bvh.h"

namespace myomap {

std::vector<std::string> checkContentOnPack(const KnowledgeBase& kb, const Pack& pack, ContentCheckLimits limits) {
    std::vector<std::string> problems;
    const PackObject* skin = pack.layer(Layer::Skin);
    if (!skin) return {"the pack has no skin layer; referral zones cannot be checked"};
    const MeshBvh skinBvh(skin->mesh(Lod::Full));
    std::map<std::string, std::unique_ptr<MeshBvh>> muscles;
    auto bvhOf = [&](const std::string& id) -> const MeshBvh* {
        auto& slot = muscles[id];
        if (!slot) {
            const PackObject* o = pack.find(id, Side::Right);
            if (!o) return nullptr;
            slot = std::make_unique<MeshBvh>(o->mesh(Lod::Full));
        }
        return slot.get();
    };
    auto mm = [](float metres) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f mm", metres * 1000.0f);
        return std::string(buf);
    };
    for (const auto& e : kb.entries()) {
        for (const auto& k : e.knots) {
            float best = 1e9f;
            for (const auto& id : e.covers)
                if (const MeshBvh* b = bvhOf(id)) best = std::min(best, b->closest(k.position)->distance);
            if (best > limits.knotToMuscle)
                problems.push_back(e.file + ":" + std::to_string(k.line) + ": knot '" + k.id + "' is " + mm(best) +
                                   " from the surface of its muscle (allowed " + mm(limits.knotToMuscle) + ")");
            for (const auto* zone : {&k.referral.essential, &k.referral.spillover})
                for (const auto& blob : *zone) {
                    const float d = skinBvh.closest(blob.center)->distance;
                    if (d > limits.blobToSkin)
                        problems.push_back(e.file + ":" + std::to_string(blob.line) + ": zone '" + blob.where + "' of knot '" + k.id +
                                           "' is " + mm(d) + " off the skin (allowed " + mm(limits.blobToSkin) + ")");
                }
        }
    }
    return problems;
}

}  // namespace myomap
