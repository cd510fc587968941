#include "core/session/picking.h"

namespace myomap {

ScenePicker::ScenePicker(const Pack& pack) : pack_(pack) {
    for (auto& v : bvhs_) v.resize(pack.objects.size());
}

const MeshBvh& ScenePicker::bvh(std::size_t objectIndex, Lod lod) const {
    auto& slot = bvhs_[static_cast<int>(lod)].at(objectIndex);
    if (!slot) slot = std::make_unique<MeshBvh>(pack_.objects[objectIndex].mesh(lod));
    return *slot;
}

}  // namespace myomap
