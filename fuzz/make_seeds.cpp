// Writes the binary seed corpora of the fuzz targets into OUT/glb and OUT/pack: small GLBs
// covering each reader path (plain accessors with and without stride, each index type,
// node transforms and children, instancing, no scene, Draco) and a one-object pack.
// usage: fuzz_make_seeds OUT

#include <draco/compression/encode.h>
#include <draco/mesh/triangle_soup_mesh_builder.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/anatomy/pack.h"
#include "core/import/glb_reader.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void writeBytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> glb(const json& doc, std::vector<std::uint8_t> bin) {
    std::string text = doc.dump();
    while (text.size() % 4) text.push_back(' ');
    while (bin.size() % 4) bin.push_back(0);
    std::vector<std::uint8_t> out;
    auto u32 = [&](std::size_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    u32(0x46546C67);
    u32(2);
    u32(12 + 8 + text.size() + 8 + bin.size());
    u32(text.size());
    u32(0x4E4F534A);
    out.insert(out.end(), text.begin(), text.end());
    u32(bin.size());
    u32(0x004E4942);
    out.insert(out.end(), bin.begin(), bin.end());
    return out;
}

template <typename T>
void append(std::vector<std::uint8_t>& bin, const T* data, std::size_t count) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(data);
    bin.insert(bin.end(), p, p + count * sizeof(T));
}

const float kTriangle[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};

/// One triangle whose indices have `componentType`, with a node built by `node`.
std::vector<std::uint8_t> triangle(int componentType, const json& nodes, const json& scenes, std::uint32_t stride = 0) {
    std::vector<std::uint8_t> bin;
    json views = json::array();
    if (stride) {
        for (int v = 0; v < 3; ++v) {
            append(bin, kTriangle + 3 * v, 3);
            bin.resize(bin.size() + stride - 12, 0);
        }
        views.push_back({{"buffer", 0}, {"byteOffset", 0}, {"byteLength", bin.size()}, {"byteStride", stride}});
    } else {
        append(bin, kTriangle, 9);
        views.push_back({{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 36}});
    }
    const std::size_t at = bin.size();
    const std::uint32_t i32[3] = {0, 1, 2};
    const std::uint16_t i16[3] = {0, 1, 2};
    const std::uint8_t i8[3] = {0, 1, 2};
    if (componentType == 5125) append(bin, i32, 3);
    if (componentType == 5123) append(bin, i16, 3);
    if (componentType == 5121) append(bin, i8, 3);
    views.push_back({{"buffer", 0}, {"byteOffset", at}, {"byteLength", bin.size() - at}});
    json doc = {{"asset", {{"version", "2.0"}}},
                {"nodes", nodes},
                {"meshes", json::array({{{"name", "tri"}, {"primitives", json::array({{{"attributes", {{"POSITION", 0}}}, {"indices", 1}, {"mode", 4}}})}}})},
                {"accessors", json::array({{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}},
                                           {{"bufferView", 1}, {"componentType", componentType}, {"count", 3}, {"type", "SCALAR"}}})},
                {"bufferViews", views},
                {"buffers", json::array({{{"byteLength", bin.size()}}})}};
    if (!scenes.is_null()) {
        doc["scenes"] = scenes;
        doc["scene"] = 0;
    }
    return glb(doc, bin);
}

std::vector<std::uint8_t> dracoBox() {
    const myomap::Mesh box = [] {
        myomap::Mesh m;
        m.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
        m.indices = {0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5};
        m.recomputeNormals();
        return m;
    }();
    draco::TriangleSoupMeshBuilder builder;
    builder.Start(static_cast<int>(box.triangleCount()));
    const int pos = builder.AddAttribute(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32);
    const int nrm = builder.AddAttribute(draco::GeometryAttribute::NORMAL, 3, draco::DT_FLOAT32);
    for (std::size_t f = 0; f < box.triangleCount(); ++f) {
        const auto& i = box.indices;
        builder.SetAttributeValuesForFace(pos, draco::FaceIndex(f), &box.positions[i[3 * f]], &box.positions[i[3 * f + 1]],
                                          &box.positions[i[3 * f + 2]]);
        builder.SetAttributeValuesForFace(nrm, draco::FaceIndex(f), &box.normals[i[3 * f]], &box.normals[i[3 * f + 1]],
                                          &box.normals[i[3 * f + 2]]);
    }
    std::unique_ptr<draco::Mesh> mesh = builder.Finalize();
    draco::Encoder encoder;
    encoder.SetAttributeQuantization(draco::GeometryAttribute::POSITION, 11);
    encoder.SetAttributeQuantization(draco::GeometryAttribute::NORMAL, 8);
    draco::EncoderBuffer buffer;
    if (!encoder.EncodeMeshToBuffer(*mesh, &buffer).ok()) throw std::runtime_error("Draco encoding failed");
    std::vector<std::uint8_t> bin(buffer.data(), buffer.data() + buffer.size());
    const json draco = {{"bufferView", 0},
                        {"attributes", {{"POSITION", mesh->attribute(pos)->unique_id()}, {"NORMAL", mesh->attribute(nrm)->unique_id()}}}};
    const json doc = {
        {"asset", {{"version", "2.0"}}},
        {"extensionsUsed", {"KHR_draco_mesh_compression"}},
        {"scene", 0},
        {"scenes", json::array({{{"nodes", {0}}}})},
        {"nodes", json::array({{{"name", "draco_box"}, {"mesh", 0}}})},
        {"meshes", json::array({{{"primitives", json::array({{{"attributes", {{"POSITION", 0}, {"NORMAL", 1}}}, {"indices", 2}, {"mode", 4},
                                                              {"extensions", {{"KHR_draco_mesh_compression", draco}}}}})}}})},
        {"accessors", json::array({{{"componentType", 5126}, {"count", mesh->num_points()}, {"type", "VEC3"}},
                                   {{"componentType", 5126}, {"count", mesh->num_points()}, {"type", "VEC3"}},
                                   {{"componentType", 5125}, {"count", mesh->num_faces() * 3}, {"type", "SCALAR"}}})},
        {"bufferViews", json::array({{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", bin.size()}}})},
        {"buffers", json::array({{{"byteLength", bin.size()}}})}};
    return glb(doc, bin);
}

std::vector<std::uint8_t> readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz_make_seeds OUT\n";
        return 2;
    }
    try {
        const fs::path out = argv[1];
        fs::create_directories(out / "glb");
        fs::create_directories(out / "pack");
        const json oneScene = json::array({{{"nodes", {0}}}});
        const json one = json::array({{{"name", "tri"}, {"mesh", 0}}});
        writeBytes(out / "glb" / "u32.glb", triangle(5125, one, oneScene));
        writeBytes(out / "glb" / "u16.glb", triangle(5123, one, oneScene));
        writeBytes(out / "glb" / "u8_strided.glb", triangle(5121, one, oneScene, 16));
        writeBytes(out / "glb" / "transforms.glb",
                   triangle(5125,
                            json::parse(R"([{"name":"root","translation":[1,2,3],"rotation":[0,0,0.7071,0.7071],"scale":[2,2,2],"children":[1]},
                                            {"name":"leaf","mesh":0,"matrix":[1,0,0,0,0,1,0,0,0,0,1,0,0.5,0,0,1]}])"),
                            oneScene));
        writeBytes(out / "glb" / "instanced.glb",
                   triangle(5125, json::parse(R"([{"name":"a","mesh":0},{"name":"b","mesh":0,"translation":[2,0,0]}])"),
                            json::array({{{"nodes", {0, 1}}}})));
        writeBytes(out / "glb" / "no_scene.glb",
                   triangle(5125, json::parse(R"([{"name":"parent","children":[1]},{"name":"child","mesh":0}])"), json()));
        writeBytes(out / "glb" / "draco.glb", dracoBox());

        myomap::Mesh box;
        box.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        box.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
        box.recomputeNormals();
        myomap::Pack pack;
        for (auto [id, side, layer] : {std::tuple{"box_muscle", myomap::Side::Right, myomap::Layer::Muscle},
                                       std::tuple{"skin", myomap::Side::None, myomap::Layer::Skin}}) {
            myomap::PackObject o;
            o.muscleId = id;
            o.side = side;
            o.layer = layer;
            o.lods = {box, box};
            o.bounds = box.bounds();
            pack.objects.push_back(o);
        }
        myomap::writeGlbFile((out / "glb" / "written.glb").string(), {{"box", box}});
        pack.write((out / "pack" / "small.pack").string());
        // The same payload behind 'P': the fuzz target wraps it with a valid checksum.
        std::vector<std::uint8_t> payload = readAll(out / "pack" / "small.pack");
        payload.erase(payload.begin(), payload.begin() + 28);
        payload.insert(payload.begin(), 'P');
        writeBytes(out / "pack" / "small_payload", payload);
    } catch (const std::exception& e) {
        std::cerr << "fuzz_make_seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
