#pragma once
// Picking against the pack on the CPU: a ray from the cursor meets the nearest visible
// object. BVHs are built lazily per object, so start-up does not pay for them.

#include <memory>
#include <optional>
#include <vector>

#include "core/geometry/bvh.h"
#include "core/anatomy/pack.h"

namespace myomap {

struct PickResult {
    int objectIndex = -1;  ///< into Pack::objects
    glm::vec3 point{0.0f};
    float distance = 0.0f;
};

class ScenePicker {
public:
    /// `pack` must outlive the picker. Picks use the full-detail meshes.
    explicit ScenePicker(const Pack& pack);

    /// Nearest hit among objects for which `include(object)` is true.
    template <typename Filter>
    std::optional<PickResult> pick(const Ray& ray, Filter include) const {
        std::optional<PickResult> best;
        for (std::size_t i = 0; i < pack_.objects.size(); ++i) {
            const PackObject& o = pack_.objects[i];
            if (!include(o)) continue;
            const auto boxT = intersectBox(ray, o.bounds, best ? best->distance : 1e9f);
            if (!boxT) continue;
            if (auto hit = bvh(i).intersect(ray); hit && (!best || hit->distance < best->distance))
                best = PickResult{static_cast<int>(i), hit->point, hit->distance};
        }
        return best;
    }

    /// The BVH of one object (built on first use).
    const MeshBvh& bvh(std::size_t objectIndex) const;

private:
    const Pack& pack_;
    mutable std::vector<std::unique_ptr<MeshBvh>> bvhs_;
};

}  // namespace myomap
