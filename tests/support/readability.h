#pragma once
// Reading grade of patient text, for the content tests (test-only).

#include <string>

namespace myomap {

/// Flesch-Kincaid grade level of English text (0.39 w/s + 11.8 syl/w - 15.59).
double fleschKincaidGrade(const std::string& text);

}  // namespace myomap
