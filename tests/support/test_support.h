#pragma once
// Small helpers shared by the core tests: temporary folders and synthetic meshes.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/geometry/mesh.h"

namespace myomap::test_support {

/// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    void write(const std::string& name, const std::string& text) const;

private:
    std::filesystem::path path_;
};

/// An axis-aligned closed box with outward-facing triangles.
Mesh makeBox(const glm::vec3& min, const glm::vec3& max);

/// Recomputes a pack file's header checksum (FNV-1a 64 of the payload) after a test changed
/// a payload byte, so the checks behind the checksum are what the test reaches.
void refreshPackChecksum(std::vector<std::uint8_t>& packBytes);

/// The same box with every face divided into a grid of about `step` metres (a skin the
/// skin map can measure distances on).
Mesh makeGridBox(const glm::vec3& min, const glm::vec3& max, float step);

}  // namespace myomap::test_support
