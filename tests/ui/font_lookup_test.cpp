#include <gtest/gtest.h>

#include <filesystem>

#include "ui/font_lookup.h"

using namespace myomap;

TEST(FontLookup, FindsAnInstalledTrueTypeSansFaceAndItsBoldWeight) {
    const auto regular = findSansFontFile(false);
    const auto bold = findSansFontFile(true);
    ASSERT_TRUE(regular.has_value()) << "fontconfig found no sans-serif TrueType face";
    ASSERT_TRUE(bold.has_value());
    EXPECT_TRUE(std::filesystem::exists(*regular)) << *regular;
    EXPECT_EQ(std::filesystem::path(*regular).extension(), ".ttf") << *regular;
    // DejaVu (bootstrap installs fonts-dejavu-core) is preferred when present.
    EXPECT_NE(regular->find("DejaVuSans"), std::string::npos) << *regular;
    EXPECT_NE(*bold, *regular) << "the bold weight is its own file";
    EXPECT_NE(bold->find("Bold"), std::string::npos) << *bold;
}
