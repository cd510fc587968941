#pragma once
// Picking against the pack on the CPU: a ray from the cursor meets the nearest visible
// object. BVHs are built lazily per object, so start-up does not pay for them.

#include <algorithm>
#include <array>
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
    /// `pack` must outlive the picker.
    explicit ScenePicker(const Pack& pack);

    /// Nearest hit among objects for which `include(object)` is true, on the meshes of
    /// `lod` (clicks use full detail; a coarse "is anything in front?" test can use the
    /// interactive meshes, whose BVHs are several times cheaper to build).
    template <typename Filter>
    std::optional<PickResult> pick(const Ray& ray, Filter include, Lod lod = Lod::Full) const {
        // Objects in the order the ray enters their boxes: once a hit is nearer than the
        // next box, no farther object can beat it, and their BVHs are never built.
        std::vector<std::pair<float, std::size_t>> candidates;
        for (std::size_t i = 0; i < pack_.objects.size(); ++i) {
            const PackObject& o = pack_.objects[i];
            if (!include(o)) continue;
            if (const auto boxT = intersectBox(ray, o.bounds, 1e9f)) candidates.emplace_back(*boxT, i);
        }
        std::sort(candidates.begin(), candidates.end());
        std::optional<PickResult> best;
        for (const auto& [boxT, i] : candidates) {
            if (best && boxT > best->distance) break;
            if (auto hit = bvh(i, lod).intersect(ray); hit && (!best || hit->distance < best->distance))
                best = PickResult{static_cast<int>(i), hit->point, hit->distance};
        }
        return best;
    }

    /// The BVH of one object's mesh at `lod` (built on first use).
    const MeshBvh& bvh(std::size_t objectIndex, Lod lod = Lod::Full) const;

private:
    const Pack& pack_;
    mutable std::array<std::vector<std::unique_ptr<MeshBvh>>, 2> bvhs_;  // by Lod
};

}  // namespace myomap
