#include <gtest/gtest.h>

#include "core/anatomy/catalog.h"
#include "core/support/errors.h"

using namespace myomap;

namespace {
const char* kCatalog =
    "# comment\n"
    "id\tcommon_name\tlatin_name\tregion\tright\tleft\taliases\n"
    "trapezius_descending\tDescending part of trapezius\tPars descendens musculi trapezii\tupper_back\tbp3d:FJ1521\tbp3d:FJ1521M\tUpper trapezius;Upper traps\n"
    "infraspinatus\tInfraspinatus\tMusculus infraspinatus\tshoulder\tbp3d:FJ1500\tbp3d:FJ1500M\t\n"
    "masseter\tMasseter\tMusculus masseter\thead\tzanatomy:masseter\tzanatomy:masseter\n";

std::string errorOf(const std::string& text) {
    try {
        Catalog::parse(text, "muscles.tsv");
    } catch (const CatalogError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Catalog, ParsesEntriesWithSourcesAndAliases) {
    const Catalog c = Catalog::parse(kCatalog, "muscles.tsv");
    ASSERT_EQ(c.muscles().size(), 3u);
    const MuscleEntry* t = c.find("trapezius_descending");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->latinName, "Pars descendens musculi trapezii");
    ASSERT_EQ(t->right.size(), 1u);
    EXPECT_EQ(t->right[0].kind, "bp3d");
    EXPECT_EQ(t->left[0].name, "FJ1521M");
    EXPECT_EQ(t->aliases.size(), 2u);
    EXPECT_EQ(t->line, 3);
    EXPECT_EQ(c.find("masseter")->right[0].kind, "zanatomy");
    EXPECT_EQ(c.find("nonexistent"), nullptr);
}

TEST(Catalog, SearchFindsByAnyNameAndRanksPrefixFirst) {
    const Catalog c = Catalog::parse(kCatalog, "muscles.tsv");
    ASSERT_FALSE(c.search("upper traps").empty());
    EXPECT_EQ(c.search("upper traps")[0]->id, "trapezius_descending");
    EXPECT_EQ(c.search("musculi trapezii")[0]->id, "trapezius_descending");
    EXPECT_EQ(c.search("INFRA")[0]->id, "infraspinatus");
    EXPECT_TRUE(c.search("gluteus").empty());
}

TEST(Catalog, SuggestsTheIdATypoMeant) {
    const Catalog c = Catalog::parse(kCatalog, "muscles.tsv");
    ASSERT_NE(c.suggest("infraspinatis"), nullptr);
    EXPECT_EQ(c.suggest("infraspinatis")->id, "infraspinatus");
    EXPECT_EQ(c.suggest("upper traps")->id, "trapezius_descending");
    EXPECT_EQ(c.suggest("zzzzzzzz"), nullptr);
}

TEST(Catalog, ErrorsNameFileAndLine) {
    const std::string header = "id\tcommon_name\tlatin_name\tregion\tright\tleft\n";
    EXPECT_NE(errorOf(header + "a\tb\tc\n").find("muscles.tsv:2"), std::string::npos);
    EXPECT_NE(errorOf(header + "Bad-Id\tX\tY\tneck\tbp3d:F\tbp3d:G\n").find("snake_case"), std::string::npos);
    EXPECT_NE(errorOf(header + "a\tA\t\tneck\tbp3d:F\tbp3d:G\na\tA\t\tneck\tbp3d:F\tbp3d:G\n").find("muscles.tsv:3"),
              std::string::npos);
    EXPECT_NE(errorOf(header + "a\tA\t\tneck\tobj:F\tbp3d:G\n").find("unknown"), std::string::npos);
    EXPECT_NE(errorOf(header + "a\tA\t\tneck\tFJ1\tbp3d:G\n").find("kind:name"), std::string::npos);
    EXPECT_NE(errorOf("").find("empty"), std::string::npos);
}

TEST(Catalog, SideNamesRoundTrip) {
    EXPECT_EQ(parseSide("LEFT"), Side::Left);
    EXPECT_EQ(parseSide("r"), Side::Right);
    EXPECT_FALSE(parseSide("middle"));
    EXPECT_STREQ(sideName(Side::Left), "left");
}
