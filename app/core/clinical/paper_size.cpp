#include "core/clinical/paper_size.h"

#include <cstring>

#include "core/support/errors.h"

namespace myomap {

PaperSize paperForLocale(const char* lcPaper, const char* lcAll, const char* lang) {
    const char* value = lcPaper && *lcPaper ? lcPaper : lcAll && *lcAll ? lcAll : lang;
    if (!value) return PaperSize::A4;
    for (const char* letter : {"en_US", "en_CA", "es_US", "fr_CA", "es_MX"})
        if (std::strncmp(value, letter, std::strlen(letter)) == 0) return PaperSize::Letter;
    return PaperSize::A4;
}

PaperSize parsePaperSize(const std::string& text) {
    if (text == "a4" || text == "A4") return PaperSize::A4;
    if (text == "letter" || text == "Letter") return PaperSize::Letter;
    throw ArgumentError("--paper '" + text + "' must be a4 or letter");
}

}  // namespace myomap
