// BodyParts3D's OBJ download through Assimp. Kept in its own file so only the importer
// links Assimp; the Z-Anatomy export stays on the Draco reader because Debian's Assimp 5.2
// cannot decode its Draco meshes with 32-bit indices.
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <assimp/Importer.hpp>
#include <cmath>
#include <filesystem>
#include <glm/glm.hpp>

#include "core/import/mesh_reader.h"
#include "core/support/errors.h"

namespace myomap {
namespace {

/// DBCLS frame (mm, +Z up, facing -Y) to the pack's (m, +Y up, facing +Z): a rotation
/// about X, so handedness and the subject's right at -X are kept.
glm::vec3 toPackFrame(const aiVector3D& v) {
    return 0.001f * glm::vec3(v.x, v.z, -v.y);
}
glm::vec3 normalToPackFrame(const aiVector3D& n) {
    return glm::vec3(n.x, n.z, -n.y);
}

class DbclsObjReader final : public MeshReader {
public:
    std::string extension() const override { return ".obj"; }
    std::string describe() const override { return "DBCLS OBJ via Assimp, mm and Z up converted"; }

    std::vector<NamedMesh> read(const std::string& path) const override {
        if (!std::filesystem::exists(path)) throw MissingSourceError(path + ": the file does not exist");
        Assimp::Importer importer;
        // Points and lines (OBJ allows them) are not surfaces: drop them.
        importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
        const aiScene* scene =
            importer.ReadFile(path, aiProcess_Triangulate | aiProcess_SortByPType | aiProcess_JoinIdenticalVertices |
                                        aiProcess_GenSmoothNormals);
        if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE))
            throw MeshFileError(path + ": Assimp cannot read the file (" + importer.GetErrorString() + ")");
        std::vector<NamedMesh> out;
        collect(*scene, *scene->mRootNode, aiMatrix4x4(), out, 0, path);
        if (out.empty()) throw MeshFileError(path + ": the file holds no triangles");
        return out;
    }

private:
    void collect(const aiScene& scene, const aiNode& node, const aiMatrix4x4& parent, std::vector<NamedMesh>& out,
                 int depth, const std::string& path) const {
        // OBJ scenes are flat; the bound only guards a malformed node graph.
        if (depth > 64) throw MeshFileError(path + ": the node graph is too deep");
        const aiMatrix4x4 world = parent * node.mTransformation;
        aiMatrix3x3 normalMatrix(world);
        normalMatrix.Inverse().Transpose();
        for (unsigned k = 0; k < node.mNumMeshes; ++k) {
            if (node.mMeshes[k] >= scene.mNumMeshes)
                throw MeshFileError(path + ": a node names a mesh that does not exist");
            const aiMesh& am = *scene.mMeshes[node.mMeshes[k]];
            if (!(am.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
            NamedMesh nm;
            nm.name = am.mName.length ? am.mName.C_Str() : node.mName.C_Str();
            Mesh& m = nm.mesh;
            m.positions.reserve(am.mNumVertices);
            for (unsigned v = 0; v < am.mNumVertices; ++v) {
                m.positions.push_back(toPackFrame(world * am.mVertices[v]));
                const glm::vec3 n = am.mNormals ? normalToPackFrame(normalMatrix * am.mNormals[v]) : glm::vec3(0.0f);
                const float length = glm::length(n);
                m.normals.push_back(length > 0.0f && std::isfinite(length) ? n / length : glm::vec3(0.0f, 1.0f, 0.0f));
            }
            for (unsigned f = 0; f < am.mNumFaces; ++f) {
                const aiFace& face = am.mFaces[f];
                if (face.mNumIndices != 3) continue;
                for (unsigned c = 0; c < 3; ++c) {
                    if (face.mIndices[c] >= am.mNumVertices)
                        throw MeshFileError(path + ": a face names a vertex that does not exist");
                    m.indices.push_back(face.mIndices[c]);
                }
            }
            if (!m.indices.empty()) out.push_back(std::move(nm));
        }
        for (unsigned c = 0; c < node.mNumChildren; ++c)
            collect(scene, *node.mChildren[c], world, out, depth + 1, path);
    }
};

}  // namespace

std::unique_ptr<MeshReader> makeDbclsObjReader() {
    return std::make_unique<DbclsObjReader>();
}

}  // namespace myomap
