#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/support/errors.h"
#include "core/import/glb_reader.h"
#include "support/test_support.h"

using namespace myomap;
using nlohmann::json;

namespace {

/// A GLB in memory: the document as the JSON chunk, `bin` as the binary chunk.
std::vector<std::uint8_t> glbBytes(const json& doc, const std::vector<std::uint8_t>& bin) {
    std::string text = doc.dump();
    while (text.size() % 4) text.push_back(' ');
    std::vector<std::uint8_t> bytes;
    auto u32 = [&](std::size_t v) {
        for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    u32(0x46546C67);
    u32(2);
    u32(12 + 8 + text.size() + 8 + bin.size());
    u32(text.size());
    u32(0x4E4F534A);
    bytes.insert(bytes.end(), text.begin(), text.end());
    u32(bin.size());
    u32(0x004E4942);
    bytes.insert(bytes.end(), bin.begin(), bin.end());
    return bytes;
}

/// One triangle: bufferView 0 holds three float positions, bufferView 1 three uint32 indices.
struct Triangle {
    json doc;
    std::vector<std::uint8_t> bin;
    std::vector<std::uint8_t> bytes() const { return glbBytes(doc, bin); }
};

Triangle triangle() {
    Triangle t;
    const float positions[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    const std::uint32_t indices[3] = {0, 1, 2};
    t.bin.resize(sizeof positions + sizeof indices);
    std::memcpy(t.bin.data(), positions, sizeof positions);
    std::memcpy(t.bin.data() + sizeof positions, indices, sizeof indices);
    t.doc = json::parse(R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],
        "nodes":[{"name":"tri","mesh":0}],
        "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1,"mode":4}]}],
        "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},
                     {"bufferView":1,"componentType":5125,"count":3,"type":"SCALAR"}],
        "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":12}],
        "buffers":[{"byteLength":48}]})");
    return t;
}

/// Expects readGlbBytes to throw MeshFileError naming the label and saying `fragment`.
void expectMeshFileError(const std::vector<std::uint8_t>& bytes, const std::string& fragment) {
    try {
        readGlbBytes(bytes, "hostile.glb");
        ADD_FAILURE() << "accepted; expected an error saying '" << fragment << "'";
    } catch (const MeshFileError& e) {
        EXPECT_NE(std::string(e.what()).find("hostile.glb"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(GlbReader, RoundTripsPlainMeshes) {
    test_support::TempDir dir;
    const Mesh box = test_support::makeBox({0, 0, 0}, {1, 2, 3});
    writeGlbFile(dir.file("box.glb"), {{"box_node", box}});
    const auto meshes = readGlbFile(dir.file("box.glb"));
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_EQ(meshes[0].name, "box_node");
    EXPECT_EQ(meshes[0].mesh.indices, box.indices);
    EXPECT_FLOAT_EQ(meshes[0].mesh.bounds().max.y, 2.0f);
}

TEST(GlbReader, TruncatedFileNamesTheFile) {
    test_support::TempDir dir;
    writeGlbFile(dir.file("part.glb"), {{"p", test_support::makeBox({0, 0, 0}, {1, 1, 1})}});
    std::filesystem::resize_file(dir.file("part.glb"), 300);
    try {
        readGlbFile(dir.file("part.glb"));
        FAIL() << "a truncated GLB was accepted";
    } catch (const MeshFileError& e) {
        EXPECT_NE(std::string(e.what()).find("part.glb"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
}

TEST(GlbReader, RejectsFilesThatAreNotGlb) {
    test_support::TempDir dir;
    dir.write("notes.glb", "this is not a binary glTF file at all");
    EXPECT_THROW(readGlbFile(dir.file("notes.glb")), MeshFileError);
}

TEST(GlbReader, MissingFileIsAnError) {
    EXPECT_THROW(readGlbFile("/nonexistent/FJ0000.glb"), MeshFileError);
}

TEST(GlbReader, CorruptDracoDataIsAnErrorNotACrash) {
    // A GLB whose primitive claims Draco compression over random bytes.
    const std::string json =
        R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0,"name":"x"}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0},"extensions":{"KHR_draco_mesh_compression":)"
        R"({"bufferView":0,"attributes":{"POSITION":0}}}}]}],"accessors":[{"count":3,"componentType":5126,"type":"VEC3"}],)"
        R"("bufferViews":[{"buffer":0,"byteLength":16}],"buffers":[{"byteLength":16}]})";
    std::string padded = json;
    while (padded.size() % 4) padded.push_back(' ');
    std::vector<std::uint8_t> bytes;
    auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    u32(0x46546C67);
    u32(2);
    u32(static_cast<std::uint32_t>(12 + 8 + padded.size() + 8 + 16));
    u32(static_cast<std::uint32_t>(padded.size()));
    u32(0x4E4F534A);
    bytes.insert(bytes.end(), padded.begin(), padded.end());
    u32(16);
    u32(0x004E4942);
    for (int i = 0; i < 16; ++i) bytes.push_back(static_cast<std::uint8_t>(i * 37));
    EXPECT_THROW(readGlbBytes(bytes, "fake.glb"), MeshFileError);
}

TEST(GlbReader, ReadsTheInMemoryTriangle) {
    const auto meshes = readGlbBytes(triangle().bytes(), "tri.glb");
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_EQ(meshes[0].name, "tri");
    EXPECT_EQ(meshes[0].mesh.indices, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_FLOAT_EQ(meshes[0].mesh.positions[1].x, 1.0f);
}

TEST(GlbReader, HonoursAValidByteStride) {
    // Positions interleaved with 12 bytes of padding: stride 24.
    Triangle t = triangle();
    std::vector<std::uint8_t> bin(72 + 12, 0);
    for (int v = 0; v < 3; ++v) std::memcpy(bin.data() + 24 * v, t.bin.data() + 12 * v, 12);
    std::memcpy(bin.data() + 72, t.bin.data() + 36, 12);
    t.bin = bin;
    t.doc["bufferViews"] = json::parse(R"([{"buffer":0,"byteOffset":0,"byteLength":72,"byteStride":24},
                                          {"buffer":0,"byteOffset":72,"byteLength":12}])");
    const auto meshes = readGlbBytes(t.bytes(), "strided.glb");
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_FLOAT_EQ(meshes[0].mesh.positions[2].y, 1.0f);
}

TEST(GlbReader, HugeByteStrideIsAnErrorNotACrash) {
    // (count - 1) * 2^63 wrapped to 0, so the old bounds check passed and the read segfaulted.
    Triangle t = triangle();
    t.doc["bufferViews"][0]["byteStride"] = std::uint64_t{1} << 63;
    expectMeshFileError(t.bytes(), "byteStride");
    t.doc["bufferViews"][0]["byteStride"] = 4;  // smaller than one VEC3 of floats
    expectMeshFileError(t.bytes(), "byteStride");
}

TEST(GlbReader, HugeByteOffsetsAreErrorsNotCrashes) {
    // offset + length wrapped past 2^64 back inside the chunk.
    Triangle t = triangle();
    t.doc["bufferViews"][0]["byteOffset"] = ~std::uint64_t{0} - 7;
    expectMeshFileError(t.bytes(), "outside the binary chunk");
    t = triangle();
    t.doc["accessors"][0]["byteOffset"] = ~std::uint64_t{0} - 3;
    expectMeshFileError(t.bytes(), "runs past its bufferView");
}

TEST(GlbReader, HugeCountIsAMeshFileErrorNotLengthError) {
    Triangle t = triangle();
    t.doc["accessors"][0]["count"] = std::uint64_t{1} << 61;
    expectMeshFileError(t.bytes(), "runs past its bufferView");
    t.doc["accessors"][0]["count"] = (std::uint64_t{1} << 62) + 1;  // (count - 1) * 12 wraps
    expectMeshFileError(t.bytes(), "runs past its bufferView");
}

TEST(GlbReader, ShortTransformArraysAreErrorsNotOutOfBoundsReads) {
    for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{
             {"matrix", json::array({1, 0, 0})}, {"translation", json::array({1})}, {"rotation", json::array({0, 0})},
             {"scale", json::array()}, {"scale", "big"}, {"translation", json::array({1, "x", 2})}}) {
        Triangle t = triangle();
        t.doc["nodes"][0][key] = value;
        expectMeshFileError(t.bytes(), "'" + key + "'");
    }
}

TEST(GlbReader, NegativeOrFractionalIndicesAreErrors) {
    Triangle t = triangle();
    t.doc["nodes"][0]["mesh"] = -1;
    expectMeshFileError(t.bytes(), "non-negative integer");
    t = triangle();
    t.doc["accessors"][1]["count"] = 1.5;
    expectMeshFileError(t.bytes(), "non-negative integer");
    t = triangle();
    t.doc["scene"] = 1e300;  // was cast to int with undefined behaviour
    expectMeshFileError(t.bytes(), "non-negative integer");
    t = triangle();
    t.doc["scene"] = 3;  // was an unchecked operator[] on the scenes array
    expectMeshFileError(t.bytes(), "scene 3 does not exist");
}

TEST(GlbReader, FloatIndicesAreRefused) {
    Triangle t = triangle();
    t.doc["accessors"][1]["componentType"] = 5126;  // a float index 1e30 was an out-of-range cast
    expectMeshFileError(t.bytes(), "indices as floats");
}

TEST(GlbReader, SharedChildrenAreAnErrorNotExponentialWork) {
    // Each level lists the next one twice: 2^40 visits before; now the second visit is refused.
    Triangle t = triangle();
    json nodes = json::array();
    for (int i = 0; i < 40; ++i) nodes.push_back({{"mesh", 0}, {"children", {i + 1, i + 1}}});
    nodes.push_back({{"mesh", 0}});
    t.doc["nodes"] = nodes;
    expectMeshFileError(t.bytes(), "node 40 is reached twice");
}

TEST(GlbReader, CyclesAreErrors) {
    Triangle t = triangle();
    t.doc["nodes"] = json::parse(R"([{"mesh":0,"children":[1]},{"children":[0]}])");
    expectMeshFileError(t.bytes(), "node 0 is reached twice");
    t.doc["nodes"] = json::parse(R"([{"mesh":0,"children":[0]}])");
    expectMeshFileError(t.bytes(), "reached twice");
}

TEST(GlbReader, WithoutAScenePartsAreReadOnceFromTheirRoots) {
    // Every node used to be a root, so a child's mesh came out twice.
    Triangle t = triangle();
    t.doc.erase("scenes");
    t.doc.erase("scene");
    t.doc["nodes"] = json::parse(R"([{"name":"parent","children":[1]},{"name":"child","mesh":0}])");
    const auto meshes = readGlbBytes(t.bytes(), "noscene.glb");
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_EQ(meshes[0].name, "child");
}

TEST(GlbReader, InstancedMeshesAreDecodedOnceAndPlacedPerNode) {
    Triangle t = triangle();
    t.doc["nodes"] = json::parse(R"([{"name":"a","mesh":0},{"name":"b","mesh":0,"translation":[2,0,0]}])");
    t.doc["scenes"][0]["nodes"] = {0, 1};
    const auto meshes = readGlbBytes(t.bytes(), "instanced.glb");
    ASSERT_EQ(meshes.size(), 2u);
    EXPECT_FLOAT_EQ(meshes[1].mesh.positions[0].x, 2.0f);
    EXPECT_FLOAT_EQ(meshes[0].mesh.positions[0].x, 0.0f);
}

TEST(GlbReader, JsonThatIsNotAnObjectIsAnError) {
    expectMeshFileError(glbBytes(json::array({1, 2}), {}), "not a glTF object");
}

TEST(GlbReader, AnEmptyAccessorReadsAsAnEmptyMesh) {
    // memcpy from the empty accessor passed null pointers (UBSan, found by fuzzing).
    Triangle t = triangle();
    t.doc["accessors"][0]["count"] = 0;
    t.doc["meshes"][0]["primitives"][0].erase("indices");
    const auto meshes = readGlbBytes(t.bytes(), "empty.glb");
    ASSERT_EQ(meshes.size(), 1u);
    EXPECT_TRUE(meshes[0].mesh.positions.empty());
}

TEST(GlbReader, SavedFuzzInputsGiveMeshesOrAMeshFileError) {
    for (const auto& f : std::filesystem::directory_iterator(std::string(MYOMAP_TEST_FIXTURES) + "/fuzz/glb")) {
        try {
            readGlbFile(f.path().string());
        } catch (const MeshFileError& e) {
            EXPECT_NE(std::string(e.what()).find(f.path().string()), std::string::npos) << e.what();
        }
    }
}
