#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "core/support/errors.h"
#include "core/anatomy/pack.h"
#include "support/test_support.h"

using namespace myomap;

namespace {

constexpr std::size_t kHeaderSize = 28;  // magic, version, payload size, checksum
const char* const kRebuildCommand = "rebuild it with: cmake --build build --target myomap_pack";

template <typename T>
void put(std::vector<std::uint8_t>& out, const T& v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
}

/// A whole pack file around `payload`, with a correct header and checksum, so that the
/// checks behind the checksum can be reached.
std::vector<std::uint8_t> packAround(const std::vector<std::uint8_t>& payload) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (auto b : payload) hash = (hash ^ b) * 0x100000001b3ULL;
    std::vector<std::uint8_t> out = {'M', 'Y', 'O', 'P', 'A', 'C', 'K', '1'};
    put(out, Pack::kVersion);
    put(out, static_cast<std::uint64_t>(payload.size()));
    put(out, hash);
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

/// The payload of one object with empty meshes and the given side and layer bytes.
std::vector<std::uint8_t> oneObjectPayload(std::uint8_t side, std::uint8_t layer, std::uint32_t count = 1) {
    std::vector<std::uint8_t> p;
    put(p, count);
    put(p, std::uint32_t{1});
    p.push_back('x');
    p.push_back(side);
    p.push_back(layer);
    put(p, Bounds{});
    for (int i = 0; i < 6; ++i) put(p, std::uint32_t{0});
    for (int i = 0; i < 2; ++i) put(p, std::uint32_t{0});  // the visible shells, empty too
    return p;
}

Pack boxPack() {
    Pack pack;
    PackObject o;
    o.muscleId = "infraspinatus";
    o.side = Side::Right;
    o.lods[0] = o.lods[1] = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    o.bounds = o.lods[0].bounds();
    pack.objects.push_back(o);
    return pack;
}

std::vector<std::uint8_t> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

/// Expects reading `bytes` to throw PackError naming the label and saying `fragment`.
void expectPackError(const std::vector<std::uint8_t>& bytes, const std::string& fragment) {
    try {
        Pack::readBytes(bytes.data(), bytes.size(), "hostile.pack");
        ADD_FAILURE() << "accepted; expected an error saying '" << fragment << "'";
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("hostile.pack"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(Pack, WriteThenReadGivesTheSameObjects) {
    test_support::TempDir dir;
    Pack pack;
    PackObject o;
    o.muscleId = "infraspinatus";
    o.side = Side::Left;
    o.layer = Layer::Muscle;
    o.lods[0] = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    o.lods[1] = test_support::makeBox({0, 0, 0}, {1, 1, 2});
    o.bounds = o.lods[0].bounds();
    pack.objects.push_back(o);
    pack.write(dir.file("a.pack"));
    EXPECT_FALSE(std::filesystem::exists(dir.file("a.pack.tmp"))) << "written atomically";
    const Pack back = Pack::read(dir.file("a.pack"));
    ASSERT_EQ(back.objects.size(), 1u);
    EXPECT_EQ(back.objects[0].muscleId, "infraspinatus");
    EXPECT_EQ(back.objects[0].side, Side::Left);
    EXPECT_EQ(back.objects[0].lods[1].positions, o.lods[1].positions);
    EXPECT_EQ(back.find("infraspinatus", Side::Left), &back.objects[0]);
    EXPECT_EQ(back.find("infraspinatus", Side::Right), nullptr);
}

TEST(Pack, TruncatedOrMissingPackIsAClearError) {
    test_support::TempDir dir;
    Pack pack;
    PackObject o;
    o.muscleId = "x";
    o.lods[0] = o.lods[1] = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    pack.objects.push_back(o);
    pack.write(dir.file("a.pack"));
    std::filesystem::resize_file(dir.file("a.pack"), 60);
    try {
        Pack::read(dir.file("a.pack"));
        FAIL();
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
    try {
        Pack::read(dir.file("none.pack"));
        FAIL();
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}

TEST(Pack, ReadBytesReadsWhatWriteWrote) {
    test_support::TempDir dir;
    boxPack().write(dir.file("a.pack"));
    const auto bytes = readAll(dir.file("a.pack"));
    const Pack back = Pack::readBytes(bytes.data(), bytes.size(), "a.pack");
    ASSERT_EQ(back.objects.size(), 1u);
    EXPECT_EQ(back.objects[0].side, Side::Right);
    EXPECT_EQ(back.objects[0].lods[0].indices, boxPack().objects[0].lods[0].indices);
}

TEST(Pack, AFolderIsAClearErrorNotBadAlloc) {
    // --pack on a folder: the stream opened and reported a size near 2^63.
    test_support::TempDir dir;
    try {
        Pack::read(dir.path().string());
        FAIL() << "a folder was read as a pack";
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find(dir.path().string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("folder"), std::string::npos) << e.what();
    }
}

TEST(Pack, ChangedVertexBytesAreRefusedWithTheRebuildCommand) {
    // Four changed bytes in a vertex used to render silently.
    test_support::TempDir dir;
    boxPack().write(dir.file("a.pack"));
    auto bytes = readAll(dir.file("a.pack"));
    const std::size_t vertexData = kHeaderSize + 4 + 4 + 13 + 2 + sizeof(Bounds) + 4;  // first position of LOD 0
    const float moved = 42.0f;
    std::memcpy(bytes.data() + vertexData, &moved, 4);
    writeAll(dir.file("a.pack"), bytes);
    try {
        Pack::read(dir.file("a.pack"));
        FAIL() << "a changed pack was accepted";
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("a.pack"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(kRebuildCommand), std::string::npos) << e.what();
    }
    expectPackError(bytes, "checksum");
}

TEST(Pack, AnOlderVersionIsRefusedWithTheRebuildCommand) {
    test_support::TempDir dir;
    boxPack().write(dir.file("a.pack"));
    auto bytes = readAll(dir.file("a.pack"));
    const std::uint32_t old = 1;
    std::memcpy(bytes.data() + 8, &old, 4);
    expectPackError(bytes, "pack version 1 but this build reads version " + std::to_string(Pack::kVersion));
    expectPackError(bytes, kRebuildCommand);
}

TEST(Pack, HugeObjectCountIsRefusedBeforeReserving) {
    // The count was reserved as is: 4 billion objects of a few hundred bytes each.
    expectPackError(packAround(oneObjectPayload(0, 0, 0xFFFFFFFFu)), "claims 4294967295 objects");
}

TEST(Pack, HugeArrayLengthIsRefusedBeforeAllocating) {
    auto payload = oneObjectPayload(0, 0);
    const std::uint32_t huge = 0xFFFFFFFFu;
    std::memcpy(payload.data() + payload.size() - 32, &huge, 4);  // LOD 0 position count
    expectPackError(packAround(payload), "runs past its end");
}

TEST(Pack, UnknownSideOrLayerBytesAreRefused) {
    const auto valid = packAround(oneObjectPayload(2, 2));
    EXPECT_NO_THROW(Pack::readBytes(valid.data(), valid.size(), "valid.pack"));
    expectPackError(packAround(oneObjectPayload(3, 0)), "unknown side 3");
    expectPackError(packAround(oneObjectPayload(0, 200)), "unknown layer 200");
}

TEST(Pack, StrayOrMissingBytesAreRefused) {
    auto bytes = packAround(oneObjectPayload(0, 0));
    auto longer = bytes;
    longer.push_back(0);
    expectPackError(longer, "stray bytes");
    bytes.resize(20);
    expectPackError(bytes, "truncated");
    expectPackError({'n', 'o', 'p', 'e'}, "not a Myomap anatomy pack");
    // Bytes left over inside a payload whose size and checksum agree.
    auto payload = oneObjectPayload(0, 0);
    payload.push_back(7);
    expectPackError(packAround(payload), "left over");
}

TEST(Pack, AFailedWriteKeepsTheOldPathAndLeavesNoTemporaryFile) {
    test_support::TempDir dir;
    const std::string path = dir.file("anatomy.pack");
    std::filesystem::create_directory(path);  // renaming over a folder fails
    Pack pack;
    pack.objects.push_back(PackObject{});
    EXPECT_THROW(pack.write(path), PackError);
    EXPECT_TRUE(std::filesystem::is_directory(path));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
    EXPECT_EQ(entries, 1) << "no anatomy.pack.XXXXXX left behind";
}
