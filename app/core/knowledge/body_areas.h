#pragma once
// Named body areas ("temple", "outer elbow") from content/areas.yaml: the gazetteer that
// the pain finder searches and that referral zones name with `at:`, so one place on the
// body is one point.

#include <string>
#include <vector>

#include <glm/vec3.hpp>

namespace myomap {

/// A named body area, a point on the skin of the right side with a radius (metres).
struct BodyArea {
    std::string id, name;
    std::vector<std::string> aliases;
    glm::vec3 point{0.0f};
    float radius = 0.04f;
};

/// Reads content/areas.yaml; throws ContentError naming file:line.
std::vector<BodyArea> loadBodyAreas(const std::string& path);
/// Parses the text of an areas file; `label` names it in errors (ContentError, label:line).
std::vector<BodyArea> parseBodyAreas(const std::string& text, const std::string& label);
/// Areas whose name, id or alias contains every word of `query` (case-insensitive).
std::vector<const BodyArea*> searchAreas(const std::vector<BodyArea>& areas, const std::string& query);
/// The area with this id, or nullptr.
const BodyArea* findArea(const std::vector<BodyArea>& areas, const std::string& id);

}  // namespace myomap
