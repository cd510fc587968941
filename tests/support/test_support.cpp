#include "support/test_support.h"

#include <cstring>

#include <glm/common.hpp>
#include <glm/vec3.hpp>

#include <atomic>
#include <random>

namespace myomap::test_support {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("myomap-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void TempDir::write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name) << text;
}

void refreshPackChecksum(std::vector<std::uint8_t>& bytes) {
    constexpr std::size_t kHeader = 28;  // magic, version, payload size, checksum
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (std::size_t i = kHeader; i < bytes.size(); ++i) hash = (hash ^ bytes[i]) * 0x100000001b3ULL;
    std::memcpy(bytes.data() + 20, &hash, 8);
}

Mesh makeBox(const glm::vec3& a, const glm::vec3& b) {
    Mesh m;
    for (int i = 0; i < 8; ++i) m.positions.emplace_back(i & 1 ? b.x : a.x, i & 2 ? b.y : a.y, i & 4 ? b.z : a.z);
    // Two counter-clockwise triangles per face, seen from outside.
    const unsigned faces[6][4] = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};
    for (const auto& f : faces) {
        m.indices.insert(m.indices.end(), {f[0], f[1], f[2], f[0], f[2], f[3]});
    }
    m.recomputeNormals();
    return m;
}

Mesh makeGridBox(const glm::vec3& a, const glm::vec3& b, float step) {
    // Each face is a grid; shared edges get bit-identical coordinates, so welding by
    // position joins the faces into one closed surface.
    const glm::ivec3 n = glm::max(glm::ivec3(1), glm::ivec3(glm::ceil((b - a) / step)));
    auto coord = [&](int axis, int i) { return i >= n[axis] ? b[axis] : a[axis] + (b[axis] - a[axis]) * float(i) / float(n[axis]); };
    Mesh m;
    for (int axis = 0; axis < 3; ++axis)
        for (int high = 0; high < 2; ++high) {
            const int u = (axis + 1) % 3, v = (axis + 2) % 3;
            const std::uint32_t base = static_cast<std::uint32_t>(m.positions.size());
            for (int j = 0; j <= n[v]; ++j)
                for (int i = 0; i <= n[u]; ++i) {
                    glm::vec3 p;
                    p[axis] = high ? b[axis] : a[axis];
                    p[u] = coord(u, i);
                    p[v] = coord(v, j);
                    m.positions.push_back(p);
                }
            const std::uint32_t row = static_cast<std::uint32_t>(n[u] + 1);
            for (int j = 0; j < n[v]; ++j)
                for (int i = 0; i < n[u]; ++i) {
                    const std::uint32_t p0 = base + static_cast<std::uint32_t>(j) * row + static_cast<std::uint32_t>(i);
                    const std::uint32_t p1 = p0 + 1, p2 = p0 + row + 1, p3 = p0 + row;
                    // u x v points along +axis: counter-clockwise from outside on the high face.
                    if (high) m.indices.insert(m.indices.end(), {p0, p1, p2, p0, p2, p3});
                    else m.indices.insert(m.indices.end(), {p0, p2, p1, p0, p3, p2});
                }
        }
    m.recomputeNormals();
    return m;
}

}  // namespace myomap::test_support
