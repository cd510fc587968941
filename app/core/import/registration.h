#pragma once
// Registration of Z-Anatomy meshes into BodyParts3D's frame: a least-squares affine map
// per body region, fitted on bones both skeletons share.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <glm/mat4x4.hpp>

#include "core/geometry/mesh.h"

namespace myomap {

/// models/registration.tsv: which bones pair up per region, and which region moves each muscle.
struct RegistrationTable {
    struct BonePair {
        std::string region, zanatomyBone, bp3dPart;
    };
    std::vector<BonePair> bones;
    std::map<std::string, std::string> muscleRegion;  ///< Z-Anatomy node -> region

    /// Throws CatalogError naming file:line.
    static RegistrationTable load(const std::string& path);
};

/// Least-squares affine map taking each `first` point to its `second`.
/// Throws MyomapError when the points do not span 3D (fewer than 4, or coplanar).
glm::mat4 fitAffine(const std::vector<std::pair<glm::vec3, glm::vec3>>& correspondences);

/// Nine landmark points of a bone: its surface centroid and the 8 corners of its bounds.
/// Both skeletons share the same axes, so these correspond between them.
std::vector<glm::vec3> boneLandmarks(const Mesh& bone);

/// Applies an affine map to positions and normals.
void transformMesh(Mesh& mesh, const glm::mat4& affine);

}  // namespace myomap
