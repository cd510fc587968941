#pragma once
// The paper a printed plan is laid out for.

#include <string>

namespace myomap {

enum class PaperSize { A4, Letter };

/// Letter where the locale's paper is (the US, Canada and Mexico, read from LC_PAPER, then
/// LC_ALL, then LANG), A4 elsewhere.
PaperSize paperForLocale(const char* lcPaper, const char* lcAll, const char* lang);
/// "a4" or "letter"; throws ArgumentError otherwise.
PaperSize parsePaperSize(const std::string& text);

}  // namespace myomap
