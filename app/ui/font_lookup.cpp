#include "ui/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <memory>

namespace myomap {

std::optional<std::string> findSansFontFile(bool bold) {
    // FcInitLoadConfigAndFonts gives this call its own configuration: nothing global is
    // touched, and it is freed below.
    std::unique_ptr<FcConfig, decltype(&FcConfigDestroy)> config(FcInitLoadConfigAndFonts(), FcConfigDestroy);
    if (!config) return std::nullopt;
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(
        FcNameParse(
            reinterpret_cast<const FcChar8*>(bold ? "DejaVu Sans,sans-serif:weight=bold" : "DejaVu Sans,sans-serif")),
        FcPatternDestroy);
    if (!pattern) return std::nullopt;
    FcConfigSubstitute(config.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> match(FcFontMatch(config.get(), pattern.get(), &result),
                                                                  FcPatternDestroy);
    if (!match) return std::nullopt;
    FcChar8* file = nullptr;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || !file) return std::nullopt;
    const std::string path(reinterpret_cast<const char*>(file));
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext != ".ttf" && ext != ".otf" && ext != ".TTF" && ext != ".OTF") return std::nullopt;
    if (!std::filesystem::exists(path)) return std::nullopt;
    return path;
}

}  // namespace myomap
