#include <gtest/gtest.h>

#include <fstream>

#include "core/support/errors.h"
#include "core/import/glb_reader.h"
#include "support/test_support.h"

using namespace myomap;

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
