#include "core/session/picking.h"

namespace myomap {

ScenePicker::ScenePicker(const Pack& pack) : pack_(pack), bvhs_(pack.objects.size()) {}

const MeshBvh& ScenePicker::bvh(std::size_t objectIndex) const {
    auto& slot = bvhs_.at(objectIndex);
    if (!slot) slot = std::make_unique<MeshBvh>(pack_.objects[objectIndex].mesh(Lod::Full));
    return *slot;
}

}  // namespace myomap
