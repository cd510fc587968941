#include "core/import/glb_reader.h"

#include <draco/compression/decode.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat4x4.hpp>
#include <map>
#include <new>
#include <nlohmann/json.hpp>

#include "core/support/errors.h"

namespace myomap {
namespace {

using nlohmann::json;

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;
// Deeper node trees are not anatomy; the limit also bounds the recursion.
constexpr int kMaxNodeDepth = 64;
// Instancing lets a small file expand into any number of vertices; past this (about 1.5 GB
// of positions and normals) the file is refused instead of exhausting memory.
constexpr std::uint64_t kMaxVertices = std::uint64_t{1} << 26;
// glTF's own upper limit for a vertex attribute's byteStride.
constexpr std::uint64_t kMaxByteStride = 252;

std::uint32_t readU32(const std::uint8_t* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

struct GlbView {
    json doc;
    const std::uint8_t* bin = nullptr;
    std::size_t binSize = 0;
};

[[noreturn]] void fail(const std::string& label, const std::string& what) {
    throw MeshFileError(label + ": " + what);
}

/// A non-negative integer (an index, count, offset or length). nlohmann's get<size_t>()
/// would wrap a negative number and cast an out-of-range float with undefined behaviour.
std::uint64_t readUnsigned(const json& j, const std::string& what, const std::string& label) {
    if (j.is_number_unsigned()) return j.get<std::uint64_t>();
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (d >= 0.0 && d < 9007199254740992.0 && d == std::floor(d)) return static_cast<std::uint64_t>(d);
    }
    fail(label, what + " must be a non-negative integer, not " + j.dump());
}

std::uint64_t readUnsigned(const json& obj, const char* key, std::uint64_t fallback, const std::string& what,
                           const std::string& label) {
    if (!obj.is_object() || !obj.contains(key)) return fallback;
    return readUnsigned(obj.at(key), what + " '" + key + "'", label);
}

/// `count` numbers of a node's matrix, translation, rotation or scale, each a finite float.
std::vector<float> readNumbers(const json& node, const char* key, std::size_t count, std::size_t nodeIndex,
                               const std::string& label) {
    const json& a = node.at(key);
    const std::string what = "node " + std::to_string(nodeIndex) + " '" + key + "'";
    if (!a.is_array() || a.size() != count) fail(label, what + " must be an array of " + std::to_string(count) + " numbers");
    std::vector<float> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (!a[i].is_number()) fail(label, what + " must hold only numbers");
        out[i] = static_cast<float>(a[i].get<double>());
        if (!std::isfinite(out[i])) fail(label, what + " holds a number out of range");
    }
    return out;
}

GlbView parseContainer(const std::vector<std::uint8_t>& bytes, const std::string& label) {
    if (bytes.size() < 20) fail(label, "file is too short to be a GLB (" + std::to_string(bytes.size()) + " bytes)");
    if (readU32(bytes.data()) != kGlbMagic) fail(label, "not a binary glTF file (bad magic)");
    const std::uint64_t declared = readU32(bytes.data() + 8);
    if (declared > bytes.size())
        fail(label, "truncated: header declares " + std::to_string(declared) + " bytes but the file has " +
                        std::to_string(bytes.size()));
    GlbView view;
    std::uint64_t offset = 12;
    bool haveJson = false;
    while (offset + 8 <= declared) {
        const std::uint64_t length = readU32(bytes.data() + offset);
        const std::uint32_t type = readU32(bytes.data() + offset + 4);
        offset += 8;
        if (length > declared - offset) fail(label, "truncated: a chunk runs past the end of the file");
        if (type == kChunkJson) {
            try {
                view.doc = json::parse(bytes.begin() + static_cast<long>(offset),
                                       bytes.begin() + static_cast<long>(offset + length));
            } catch (const json::exception& e) {
                fail(label, std::string("the JSON chunk is not valid JSON: ") + e.what());
            }
            if (!view.doc.is_object()) fail(label, "the JSON chunk is not a glTF object");
            haveJson = true;
        } else if (type == kChunkBin) {
            view.bin = bytes.data() + offset;
            view.binSize = length;
        }
        offset += (length + 3u) & ~std::uint64_t{3};
    }
    if (!haveJson) fail(label, "no JSON chunk");
    return view;
}

const json& bufferView(const GlbView& v, std::uint64_t index, const std::string& label) {
    const auto& views = v.doc.at("bufferViews");
    if (!views.is_array() || index >= views.size()) fail(label, "bufferView " + std::to_string(index) + " does not exist");
    return views[index];
}

std::pair<const std::uint8_t*, std::size_t> bufferViewBytes(const GlbView& v, std::uint64_t index,
                                                            const std::string& label) {
    const json& bv = bufferView(v, index, label);
    const std::string what = "bufferView " + std::to_string(index);
    if (readUnsigned(bv, "buffer", 0, what, label) != 0) fail(label, "only the GLB's own binary buffer is supported");
    const std::uint64_t off = readUnsigned(bv, "byteOffset", 0, what, label);
    const std::uint64_t len = readUnsigned(bv.at("byteLength"), what + " 'byteLength'", label);
    // Compared by subtraction: off + len can wrap for a hostile offset.
    if (!v.bin || off > v.binSize || len > v.binSize - off)
        fail(label, "truncated: " + what + " lies outside the binary chunk");
    return {v.bin + off, static_cast<std::size_t>(len)};
}

Mesh decodeDraco(const GlbView& v, const json& ext, const std::string& label) {
    auto [data, size] = bufferViewBytes(v, readUnsigned(ext.at("bufferView"), "Draco 'bufferView'", label), label);
    draco::DecoderBuffer buffer;
    buffer.Init(reinterpret_cast<const char*>(data), size);
    draco::Decoder decoder;
    auto decoded = decoder.DecodeMeshFromBuffer(&buffer);
    if (!decoded.ok()) fail(label, "Draco data could not be decoded: " + decoded.status().error_msg_string());
    std::unique_ptr<draco::Mesh> dm = std::move(decoded).value();
    const auto& attrs = ext.at("attributes");
    auto attribute = [&](const char* name) -> const draco::PointAttribute* {
        const std::uint64_t id = readUnsigned(attrs.at(name), std::string("Draco attribute ") + name, label);
        if (id > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return nullptr;
        return dm->GetAttributeByUniqueId(static_cast<int>(id));
    };
    const draco::PointAttribute* pos = attribute("POSITION");
    if (!pos) fail(label, "Draco mesh has no POSITION attribute");
    const draco::PointAttribute* nrm = attrs.contains("NORMAL") ? attribute("NORMAL") : nullptr;
    const auto n = dm->num_points();
    if (n > kMaxVertices) fail(label, "Draco mesh has " + std::to_string(n) + " points, more than this reader accepts");
    Mesh mesh;
    mesh.positions.resize(n);
    for (draco::PointIndex i(0); i < n; ++i)
        if (!pos->ConvertValue<float>(pos->mapped_index(i), 3, &mesh.positions[i.value()].x))
            fail(label, "Draco POSITION data is malformed");
    if (nrm) {
        mesh.normals.resize(n);
        for (draco::PointIndex i(0); i < n; ++i)
            if (!nrm->ConvertValue<float>(nrm->mapped_index(i), 3, &mesh.normals[i.value()].x))
                fail(label, "Draco NORMAL data is malformed");
    }
    mesh.indices.reserve(static_cast<std::size_t>(dm->num_faces()) * 3);
    for (draco::FaceIndex f(0); f < dm->num_faces(); ++f) {
        const auto& face = dm->face(f);
        for (int k = 0; k < 3; ++k) mesh.indices.push_back(face[k].value());
    }
    return mesh;
}

template <typename T>
std::vector<T> readAccessor(const GlbView& v, std::uint64_t index, int components, const std::string& label) {
    const auto& accessors = v.doc.at("accessors");
    const std::string what = "accessor " + std::to_string(index);
    if (!accessors.is_array() || index >= accessors.size()) fail(label, what + " does not exist");
    const auto& acc = accessors[index];
    const std::uint64_t count = readUnsigned(acc.at("count"), what + " 'count'", label);
    const std::uint64_t type = readUnsigned(acc.at("componentType"), what + " 'componentType'", label);
    const bool isFloat = type == 5126;
    if (!isFloat && type != 5125 && type != 5123 && type != 5121)
        fail(label, what + " has unsupported component type " + std::to_string(type));
    // A float index would be cast to an integer with undefined behaviour when out of range.
    if (isFloat && !std::is_floating_point_v<T>) fail(label, what + " holds indices as floats");
    if (!acc.contains("bufferView")) fail(label, what + " has no data");
    const std::uint64_t viewIndex = readUnsigned(acc.at("bufferView"), what + " 'bufferView'", label);
    auto [data, size] = bufferViewBytes(v, viewIndex, label);
    const std::uint64_t offset = readUnsigned(acc, "byteOffset", 0, what, label);
    const std::uint64_t compSize = type == 5126 || type == 5125 ? 4 : type == 5123 ? 2 : 1;
    const std::uint64_t elemSize = compSize * components;
    std::uint64_t stride = readUnsigned(bufferView(v, viewIndex, label), "byteStride", 0, "bufferView", label);
    // 0 (or absent) means tightly packed; glTF 1.0 exporters still write it.
    if (stride == 0) stride = elemSize;
    if (stride < elemSize || stride > kMaxByteStride)
        fail(label, "bufferView " + std::to_string(viewIndex) + " has byteStride " + std::to_string(stride) +
                        ", outside " + std::to_string(elemSize) + " to " + std::to_string(kMaxByteStride) + " for " + what);
    // offset + (count - 1) * stride + elemSize <= size, arranged so that nothing can wrap.
    if (count > 0 && (offset > size || elemSize > size - offset || (count - 1) > (size - offset - elemSize) / stride))
        fail(label, "truncated: " + what + " (" + std::to_string(count) + " elements) runs past its bufferView");
    std::vector<T> out(static_cast<std::size_t>(count) * components);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* p = data + offset + i * stride;
        for (int c = 0; c < components; ++c) {
            const std::uint8_t* q = p + c * compSize;
            T& o = out[i * components + c];
            switch (type) {
                case 5126: { float f; std::memcpy(&f, q, 4); o = static_cast<T>(f); break; }
                case 5125: { std::uint32_t u; std::memcpy(&u, q, 4); o = static_cast<T>(u); break; }
                case 5123: { std::uint16_t u; std::memcpy(&u, q, 2); o = static_cast<T>(u); break; }
                default: o = static_cast<T>(*q); break;
            }
        }
    }
    return out;
}

Mesh decodePlain(const GlbView& v, const json& prim, const std::string& label) {
    Mesh mesh;
    const auto& attrs = prim.at("attributes");
    auto pos = readAccessor<float>(v, readUnsigned(attrs.at("POSITION"), "attribute POSITION", label), 3, label);
    // Copied per vertex: memcpy from an empty accessor would pass null pointers (UB).
    for (std::size_t i = 0; i + 2 < pos.size(); i += 3) mesh.positions.emplace_back(pos[i], pos[i + 1], pos[i + 2]);
    if (attrs.contains("NORMAL")) {
        auto nrm = readAccessor<float>(v, readUnsigned(attrs.at("NORMAL"), "attribute NORMAL", label), 3, label);
        if (nrm.size() == pos.size())
            for (std::size_t i = 0; i + 2 < nrm.size(); i += 3) mesh.normals.emplace_back(nrm[i], nrm[i + 1], nrm[i + 2]);
    }
    if (prim.contains("indices")) {
        mesh.indices = readAccessor<std::uint32_t>(v, readUnsigned(prim.at("indices"), "primitive 'indices'", label), 1, label);
    } else {
        for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) mesh.indices.push_back(i);
    }
    return mesh;
}

glm::mat4 nodeMatrix(const json& node, std::size_t index, const std::string& label) {
    if (node.contains("matrix")) return glm::make_mat4(readNumbers(node, "matrix", 16, index, label).data());
    glm::mat4 t(1.0f);
    if (node.contains("translation")) t = glm::translate(t, glm::make_vec3(readNumbers(node, "translation", 3, index, label).data()));
    if (node.contains("rotation")) {
        const auto a = readNumbers(node, "rotation", 4, index, label);  // glTF stores x, y, z, w
        t *= glm::mat4_cast(glm::quat(a[3], a[0], a[1], a[2]));
    }
    if (node.contains("scale")) t = glm::scale(t, glm::make_vec3(readNumbers(node, "scale", 3, index, label).data()));
    return t;
}

/// Walks the node forest once: each node at most once (a node reached twice is a cycle or
/// a child shared between parents, which glTF forbids and which would multiply the work),
/// each glTF mesh decoded once however many nodes instance it.
class NodeWalker {
public:
    NodeWalker(const GlbView& v, const std::string& label) : v_(v), label_(label), nodes_(v.doc.at("nodes")) {
        if (!nodes_.is_array()) fail(label_, "'nodes' must be an array");
        visited_.assign(nodes_.size(), false);
    }

    void walk(std::uint64_t index, const glm::mat4& parent, int depth, std::vector<NamedMesh>& out) {
        if (depth > kMaxNodeDepth) fail(label_, "node hierarchy is deeper than " + std::to_string(kMaxNodeDepth) + " levels");
        if (index >= nodes_.size()) fail(label_, "node " + std::to_string(index) + " does not exist");
        if (visited_[index])
            fail(label_, "node " + std::to_string(index) + " is reached twice (a cycle, or a child shared between parents)");
        visited_[index] = true;
        const auto& node = nodes_[index];
        const glm::mat4 world = parent * nodeMatrix(node, index, label_);
        if (node.contains("mesh")) {
            const std::uint64_t meshIndex = readUnsigned(node.at("mesh"), "node " + std::to_string(index) + " 'mesh'", label_);
            const Mesh& source = decodedMesh(meshIndex);
            vertices_ += source.positions.size();
            if (vertices_ > kMaxVertices) fail(label_, "the nodes expand to more vertices than this reader accepts");
            NamedMesh nm;
            nm.name = node.value("name", v_.doc.at("meshes")[meshIndex].value("name", std::string("mesh") + std::to_string(index)));
            nm.mesh = source;
            const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
            for (auto& p : nm.mesh.positions) p = glm::vec3(world * glm::vec4(p, 1.0f));
            for (auto& n : nm.mesh.normals) n = glm::normalize(normalMatrix * n);
            if (nm.mesh.normals.size() != nm.mesh.positions.size()) nm.mesh.recomputeNormals();
            out.push_back(std::move(nm));
        }
        if (node.contains("children")) {
            const auto& children = node.at("children");
            if (!children.is_array()) fail(label_, "node " + std::to_string(index) + " 'children' must be an array");
            for (const auto& c : children)
                walk(readUnsigned(c, "node " + std::to_string(index) + " child", label_), world, depth + 1, out);
        }
    }

private:
    const Mesh& decodedMesh(std::uint64_t index) {
        auto found = meshes_.find(index);
        if (found != meshes_.end()) return found->second;
        const auto& gmeshes = v_.doc.at("meshes");
        if (!gmeshes.is_array() || index >= gmeshes.size()) fail(label_, "mesh " + std::to_string(index) + " does not exist");
        Mesh merged;
        for (const auto& prim : gmeshes[index].at("primitives")) {
            if (readUnsigned(prim, "mode", 4, "primitive", label_) != 4) continue;  // only triangle lists carry surfaces
            Mesh part;
            const json* draco = nullptr;
            if (prim.contains("extensions") && prim.at("extensions").contains("KHR_draco_mesh_compression"))
                draco = &prim.at("extensions").at("KHR_draco_mesh_compression");
            part = draco ? decodeDraco(v_, *draco, label_) : decodePlain(v_, prim, label_);
            for (auto i : part.indices)
                if (i >= part.positions.size()) fail(label_, "a triangle index points past the vertex list");
            if (merged.positions.size() + part.positions.size() > kMaxVertices)
                fail(label_, "mesh " + std::to_string(index) + " has more vertices than this reader accepts");
            merged.append(part);
        }
        return meshes_.emplace(index, std::move(merged)).first->second;
    }

    const GlbView& v_;
    const std::string& label_;
    const json& nodes_;
    std::vector<bool> visited_;
    std::map<std::uint64_t, Mesh> meshes_;
    std::uint64_t vertices_ = 0;
};

}  // namespace

std::vector<NamedMesh> readGlbBytes(const std::vector<std::uint8_t>& bytes, const std::string& label) {
    GlbView view = parseContainer(bytes, label);
    std::vector<NamedMesh> out;
    try {
        const json& doc = view.doc;
        if (!doc.contains("nodes")) return out;
        NodeWalker walker(view, label);
        const json& nodes = doc.at("nodes");
        std::vector<std::uint64_t> roots;
        if (doc.contains("scenes") && !doc.at("scenes").empty()) {
            const json& scenes = doc.at("scenes");
            const std::uint64_t sceneIndex = readUnsigned(doc, "scene", 0, "the glTF", label);
            if (!scenes.is_array() || sceneIndex >= scenes.size()) fail(label, "scene " + std::to_string(sceneIndex) + " does not exist");
            const json& scene = scenes[sceneIndex];
            if (scene.contains("nodes")) {
                const json& list = scene.at("nodes");
                if (!list.is_array()) fail(label, "a scene's 'nodes' must be an array");
                for (const auto& n : list) roots.push_back(readUnsigned(n, "a scene node", label));
            }
        } else {
            // Without a scene the roots are the nodes that are nobody's child.
            std::vector<bool> isChild(nodes.size(), false);
            for (const auto& node : nodes)
                if (node.is_object() && node.contains("children") && node.at("children").is_array())
                    for (const auto& c : node.at("children"))
                        if (c.is_number_unsigned() && c.get<std::uint64_t>() < isChild.size()) isChild[c.get<std::size_t>()] = true;
            for (std::size_t i = 0; i < nodes.size(); ++i)
                if (!isChild[i]) roots.push_back(i);
        }
        for (auto r : roots) walker.walk(r, glm::mat4(1.0f), 0, out);
    } catch (const json::exception& e) {
        fail(label, std::string("malformed glTF structure: ") + e.what());
    } catch (const std::bad_alloc&) {
        // Backstop: the checks above bound every allocation by the file size, but a
        // decoder (Draco) may still ask for more than there is.
        fail(label, "the file needs more memory to decode than is available");
    } catch (const std::length_error&) {
        fail(label, "the file declares an impossibly large mesh");
    }
    return out;
}
std::vector<NamedMesh> readGlbFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MeshFileError(path + ": cannot open the file");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return readGlbBytes(bytes, path);
}

void writeGlbFile(const std::string& path, const std::vector<NamedMesh>& meshes) {
    std::vector<std::uint8_t> bin;
    json doc;
    doc["asset"] = {{"version", "2.0"}, {"generator", "myomap tests"}};
    doc["scene"] = 0;
    json nodes = json::array(), gmeshes = json::array(), accessors = json::array(), views = json::array();
    auto addView = [&](const void* data, std::size_t size) {
        const std::size_t off = bin.size();
        bin.insert(bin.end(), static_cast<const std::uint8_t*>(data), static_cast<const std::uint8_t*>(data) + size);
        while (bin.size() % 4) bin.push_back(0);
        views.push_back({{"buffer", 0}, {"byteOffset", off}, {"byteLength", size}});
        return views.size() - 1;
    };
    for (const auto& m : meshes) {
        const Bounds b = m.mesh.bounds();
        const auto pv = addView(m.mesh.positions.data(), m.mesh.positions.size() * 12);
        accessors.push_back({{"bufferView", pv}, {"componentType", 5126}, {"count", m.mesh.positions.size()}, {"type", "VEC3"},
                             {"min", {b.min.x, b.min.y, b.min.z}}, {"max", {b.max.x, b.max.y, b.max.z}}});
        const auto pa = accessors.size() - 1;
        const auto nv = addView(m.mesh.normals.data(), m.mesh.normals.size() * 12);
        accessors.push_back({{"bufferView", nv}, {"componentType", 5126}, {"count", m.mesh.normals.size()}, {"type", "VEC3"}});
        const auto na = accessors.size() - 1;
        const auto iv = addView(m.mesh.indices.data(), m.mesh.indices.size() * 4);
        accessors.push_back({{"bufferView", iv}, {"componentType", 5125}, {"count", m.mesh.indices.size()}, {"type", "SCALAR"}});
        const auto ia = accessors.size() - 1;
        json attrs = {{"POSITION", pa}};
        if (!m.mesh.normals.empty()) attrs["NORMAL"] = na;
        gmeshes.push_back({{"name", m.name}, {"primitives", json::array({{{"attributes", attrs}, {"indices", ia}, {"mode", 4}}})}});
        nodes.push_back({{"name", m.name}, {"mesh", gmeshes.size() - 1}});
    }
    json sceneNodes = json::array();
    for (std::size_t i = 0; i < nodes.size(); ++i) sceneNodes.push_back(i);
    doc["scenes"] = json::array({{{"nodes", sceneNodes}}});
    doc["nodes"] = nodes;
    doc["meshes"] = gmeshes;
    doc["accessors"] = accessors;
    doc["bufferViews"] = views;
    doc["buffers"] = json::array({{{"byteLength", bin.size()}}});
    std::string text = doc.dump();
    while (text.size() % 4) text.push_back(' ');
    std::ofstream out(path, std::ios::binary);
    if (!out) throw MeshFileError(path + ": cannot write the file");
    auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    u32(kGlbMagic);
    u32(2);
    u32(static_cast<std::uint32_t>(12 + 8 + text.size() + 8 + bin.size()));
    u32(static_cast<std::uint32_t>(text.size()));
    u32(kChunkJson);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    u32(static_cast<std::uint32_t>(bin.size()));
    u32(kChunkBin);
    out.write(reinterpret_cast<const char*>(bin.data()), static_cast<std::streamsize>(bin.size()));
}

}  // namespace myomap
