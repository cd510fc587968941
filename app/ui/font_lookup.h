#pragma once
// Finds the panel's fonts through fontconfig, so the app uses what the system has
// (any distribution's path, a user's fonts) instead of one fixed file name.

#include <optional>
#include <string>

namespace myomap {

/// The file of the best installed match for a sans-serif face, preferring DejaVu Sans
/// (wide coverage, clear at small sizes); `bold` asks for the bold weight. Only TrueType
/// or OpenType files are returned, since those are what the panel's font loader reads.
/// Empty when fontconfig finds none; the caller falls back to ImGui's built-in font.
std::optional<std::string> findSansFontFile(bool bold);

}  // namespace myomap
