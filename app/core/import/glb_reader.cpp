#include "core/import/glb_reader.h"

#include <draco/compression/decode.h>

#include <cstring>
#include <fstream>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat4x4.hpp>
#include <nlohmann/json.hpp>

#include "core/support/errors.h"

namespace myomap {
namespace {

using nlohmann::json;

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;

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

GlbView parseContainer(const std::vector<std::uint8_t>& bytes, const std::string& label) {
    if (bytes.size() < 20) fail(label, "file is too short to be a GLB (" + std::to_string(bytes.size()) + " bytes)");
    if (readU32(bytes.data()) != kGlbMagic) fail(label, "not a binary glTF file (bad magic)");
    const std::uint32_t declared = readU32(bytes.data() + 8);
    if (declared > bytes.size())
        fail(label, "truncated: header declares " + std::to_string(declared) + " bytes but the file has " +
                        std::to_string(bytes.size()));
    GlbView view;
    std::size_t offset = 12;
    bool haveJson = false;
    while (offset + 8 <= declared) {
        const std::uint32_t length = readU32(bytes.data() + offset);
        const std::uint32_t type = readU32(bytes.data() + offset + 4);
        offset += 8;
        if (offset + length > declared) fail(label, "truncated: a chunk runs past the end of the file");
        if (type == kChunkJson) {
            try {
                view.doc = json::parse(bytes.begin() + static_cast<long>(offset),
                                       bytes.begin() + static_cast<long>(offset + length));
            } catch (const json::exception& e) {
                fail(label, std::string("the JSON chunk is not valid JSON: ") + e.what());
            }
            haveJson = true;
        } else if (type == kChunkBin) {
            view.bin = bytes.data() + offset;
            view.binSize = length;
        }
        offset += (length + 3u) & ~3u;
    }
    if (!haveJson) fail(label, "no JSON chunk");
    return view;
}

std::pair<const std::uint8_t*, std::size_t> bufferViewBytes(const GlbView& v, std::size_t index,
                                                            const std::string& label) {
    const auto& views = v.doc.at("bufferViews");
    if (index >= views.size()) fail(label, "bufferView " + std::to_string(index) + " does not exist");
    const auto& bv = views[index];
    if (bv.value("buffer", 0) != 0) fail(label, "only the GLB's own binary buffer is supported");
    const std::size_t off = bv.value("byteOffset", std::size_t{0});
    const std::size_t len = bv.at("byteLength").get<std::size_t>();
    if (!v.bin || off + len > v.binSize) fail(label, "truncated: bufferView " + std::to_string(index) + " lies outside the binary chunk");
    return {v.bin + off, len};
}

Mesh decodeDraco(const GlbView& v, const json& ext, const std::string& label) {
    auto [data, size] = bufferViewBytes(v, ext.at("bufferView").get<std::size_t>(), label);
    draco::DecoderBuffer buffer;
    buffer.Init(reinterpret_cast<const char*>(data), size);
    draco::Decoder decoder;
    auto decoded = decoder.DecodeMeshFromBuffer(&buffer);
    if (!decoded.ok()) fail(label, "Draco data could not be decoded: " + decoded.status().error_msg_string());
    std::unique_ptr<draco::Mesh> dm = std::move(decoded).value();
    const auto& attrs = ext.at("attributes");
    const draco::PointAttribute* pos = dm->GetAttributeByUniqueId(attrs.at("POSITION").get<int>());
    if (!pos) fail(label, "Draco mesh has no POSITION attribute");
    const draco::PointAttribute* nrm =
        attrs.contains("NORMAL") ? dm->GetAttributeByUniqueId(attrs.at("NORMAL").get<int>()) : nullptr;
    Mesh mesh;
    const auto n = dm->num_points();
    mesh.positions.resize(n);
    for (draco::PointIndex i(0); i < n; ++i) pos->ConvertValue<float>(pos->mapped_index(i), 3, &mesh.positions[i.value()].x);
    if (nrm) {
        mesh.normals.resize(n);
        for (draco::PointIndex i(0); i < n; ++i) nrm->ConvertValue<float>(nrm->mapped_index(i), 3, &mesh.normals[i.value()].x);
    }
    mesh.indices.reserve(dm->num_faces() * 3);
    for (draco::FaceIndex f(0); f < dm->num_faces(); ++f) {
        const auto& face = dm->face(f);
        for (int k = 0; k < 3; ++k) mesh.indices.push_back(face[k].value());
    }
    return mesh;
}

template <typename T>
std::vector<T> readAccessor(const GlbView& v, std::size_t index, int components, const std::string& label) {
    const auto& acc = v.doc.at("accessors").at(index);
    const std::size_t count = acc.at("count").get<std::size_t>();
    const int type = acc.at("componentType").get<int>();
    if (!acc.contains("bufferView")) fail(label, "accessor " + std::to_string(index) + " has no data");
    auto [data, size] = bufferViewBytes(v, acc.at("bufferView").get<std::size_t>(), label);
    const std::size_t offset = acc.value("byteOffset", std::size_t{0});
    const std::size_t compSize = type == 5126 || type == 5125 ? 4 : type == 5123 ? 2 : 1;
    const std::size_t stride =
        v.doc["bufferViews"][acc["bufferView"].get<std::size_t>()].value("byteStride", compSize * components);
    if (count > 0 && offset + (count - 1) * stride + compSize * components > size)
        fail(label, "truncated: accessor " + std::to_string(index) + " runs past its bufferView");
    std::vector<T> out(count * components);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* p = data + offset + i * stride;
        for (int c = 0; c < components; ++c) {
            const std::uint8_t* q = p + c * compSize;
            switch (type) {
                case 5126: { float f; std::memcpy(&f, q, 4); out[i * components + c] = static_cast<T>(f); break; }
                case 5125: { std::uint32_t u; std::memcpy(&u, q, 4); out[i * components + c] = static_cast<T>(u); break; }
                case 5123: { std::uint16_t u; std::memcpy(&u, q, 2); out[i * components + c] = static_cast<T>(u); break; }
                case 5121: out[i * components + c] = static_cast<T>(*q); break;
                default: fail(label, "accessor " + std::to_string(index) + " has unsupported component type " + std::to_string(type));
            }
        }
    }
    return out;
}

Mesh decodePlain(const GlbView& v, const json& prim, const std::string& label) {
    Mesh mesh;
    const auto& attrs = prim.at("attributes");
    auto pos = readAccessor<float>(v, attrs.at("POSITION").get<std::size_t>(), 3, label);
    mesh.positions.resize(pos.size() / 3);
    std::memcpy(mesh.positions.data(), pos.data(), pos.size() * sizeof(float));
    if (attrs.contains("NORMAL")) {
        auto nrm = readAccessor<float>(v, attrs.at("NORMAL").get<std::size_t>(), 3, label);
        if (nrm.size() == pos.size()) {
            mesh.normals.resize(nrm.size() / 3);
            std::memcpy(mesh.normals.data(), nrm.data(), nrm.size() * sizeof(float));
        }
    }
    if (prim.contains("indices")) {
        mesh.indices = readAccessor<std::uint32_t>(v, prim.at("indices").get<std::size_t>(), 1, label);
    } else {
        for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) mesh.indices.push_back(i);
    }
    return mesh;
}

glm::mat4 nodeMatrix(const json& node) {
    if (node.contains("matrix")) {
        float m[16];
        for (int i = 0; i < 16; ++i) m[i] = node["matrix"][i].get<float>();
        return glm::make_mat4(m);
    }
    glm::mat4 t(1.0f);
    if (node.contains("translation")) {
        const auto& a = node["translation"];
        t = glm::translate(t, glm::vec3(a[0].get<float>(), a[1].get<float>(), a[2].get<float>()));
    }
    if (node.contains("rotation")) {
        const auto& a = node["rotation"];  // glTF stores x, y, z, w
        t *= glm::mat4_cast(glm::quat(a[3].get<float>(), a[0].get<float>(), a[1].get<float>(), a[2].get<float>()));
    }
    if (node.contains("scale")) {
        const auto& a = node["scale"];
        t = glm::scale(t, glm::vec3(a[0].get<float>(), a[1].get<float>(), a[2].get<float>()));
    }
    return t;
}

void collectNode(const GlbView& v, std::size_t index, const glm::mat4& parent, std::vector<NamedMesh>& out,
                 const std::string& label, int depth) {
    if (depth > 64) fail(label, "node hierarchy is too deep (a cycle?)");
    const auto& node = v.doc.at("nodes").at(index);
    const glm::mat4 world = parent * nodeMatrix(node);
    if (node.contains("mesh")) {
        const auto& gm = v.doc.at("meshes").at(node["mesh"].get<std::size_t>());
        NamedMesh nm;
        nm.name = node.value("name", gm.value("name", std::string("mesh") + std::to_string(index)));
        for (const auto& prim : gm.at("primitives")) {
            if (prim.value("mode", 4) != 4) continue;  // only triangle lists carry surfaces
            Mesh part;
            if (prim.contains("extensions") && prim["extensions"].contains("KHR_draco_mesh_compression"))
                part = decodeDraco(v, prim["extensions"]["KHR_draco_mesh_compression"], label);
            else
                part = decodePlain(v, prim, label);
            for (auto i : part.indices)
                if (i >= part.positions.size()) fail(label, "a triangle index points past the vertex list");
            nm.mesh.append(part);
        }
        const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
        for (auto& p : nm.mesh.positions) p = glm::vec3(world * glm::vec4(p, 1.0f));
        for (auto& n : nm.mesh.normals) n = glm::normalize(normalMatrix * n);
        if (nm.mesh.normals.size() != nm.mesh.positions.size()) nm.mesh.recomputeNormals();
        out.push_back(std::move(nm));
    }
    if (node.contains("children"))
        for (const auto& c : node["children"]) collectNode(v, c.get<std::size_t>(), world, out, label, depth + 1);
}

}  // namespace

std::vector<NamedMesh> readGlbBytes(const std::vector<std::uint8_t>& bytes, const std::string& label) {
    GlbView view = parseContainer(bytes, label);
    std::vector<NamedMesh> out;
    try {
        std::vector<std::size_t> roots;
        if (view.doc.contains("scenes") && !view.doc["scenes"].empty()) {
            const auto& scene = view.doc["scenes"][view.doc.value("scene", 0)];
            for (const auto& n : scene.at("nodes")) roots.push_back(n.get<std::size_t>());
        } else if (view.doc.contains("nodes")) {
            for (std::size_t i = 0; i < view.doc["nodes"].size(); ++i) roots.push_back(i);
        }
        for (auto r : roots) collectNode(view, r, glm::mat4(1.0f), out, label, 0);
    } catch (const json::exception& e) {
        fail(label, std::string("malformed glTF structure: ") + e.what());
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
