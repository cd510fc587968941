#include <gtest/gtest.h>

#include "core/session/app_state.h"
#include "core/cli/cli.h"
#include "core/support/errors.h"

using namespace myomap;

namespace {
std::string errorOf(const std::vector<std::string>& args) {
    try {
        parseCli(args);
    } catch (const ArgumentError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Cli, ParsesScreenshotOptions) {
    const CliOptions o = parseCli({"--screenshot", "a.png", "--size", "640x480", "--view", "back", "--select", "infraspinatus:left", "--no-ui"});
    EXPECT_EQ(o.screenshot, "a.png");
    EXPECT_EQ(o.width, 640);
    EXPECT_EQ(o.height, 480);
    EXPECT_EQ(o.view, ViewPreset::Back);
    EXPECT_EQ(o.select, "infraspinatus:left");
    EXPECT_TRUE(o.noUi);
}

TEST(Cli, ErrorsNameTheArgument) {
    EXPECT_NE(errorOf({"--size", "big"}).find("--size 'big'"), std::string::npos);
    EXPECT_NE(errorOf({"--view", "top"}).find("--view 'top'"), std::string::npos);
    EXPECT_NE(errorOf({"--screenshot"}).find("--screenshot needs a value"), std::string::npos);
    EXPECT_NE(errorOf({"--frobnicate"}).find("'--frobnicate'"), std::string::npos);
    EXPECT_NE(errorOf({"--click-at", "12"}).find("--click-at"), std::string::npos);
    EXPECT_NE(errorOf({"--knot", "0"}).find("--knot '0' must be a whole number from 1 to 100"), std::string::npos);
    // Overflow, NaN and infinity are typos too, never accepted or undefined behaviour.
    EXPECT_NE(errorOf({"--knot", "99999999999"}).find("--knot '99999999999'"), std::string::npos);
    EXPECT_NE(errorOf({"--skin", "nan"}).find("--skin 'nan'"), std::string::npos);
    EXPECT_NE(errorOf({"--click-at", "nan,inf"}).find("--click-at 'nan,inf'"), std::string::npos);
    EXPECT_NE(errorOf({"--click-at", "10,20x"}).find("--click-at '10,20x'"), std::string::npos);
    EXPECT_NE(errorOf({"--size", "640x480x"}).find("--size '640x480x'"), std::string::npos);
    EXPECT_NE(errorOf({"--benchmark-frames", "1e3"}).find("--benchmark-frames '1e3'"), std::string::npos);
    EXPECT_EQ(parseCli({"--click-at", "10.5,20"}).clickAt, "10.5,20");
    EXPECT_FLOAT_EQ(*parseCli({"--skin", "0.35"}).skinOpacity, 0.35f);
    EXPECT_NE(errorOf({"--focus", "skin"}).find("--focus 'skin' must be knot or pain"), std::string::npos);
    EXPECT_NE(errorOf({"--skin", "2"}).find("--skin '2'"), std::string::npos);
    const CliOptions o = parseCli({"--knot", "2", "--focus", "knot", "--pain-area", "temple", "--pain-point", "0,1,0.2"});
    EXPECT_EQ(o.knot, 2);
    EXPECT_EQ(o.focus, "knot");
    EXPECT_EQ(o.painAreas.size(), 1u);
    EXPECT_EQ(o.painPoints.size(), 1u);
}

TEST(Cli, MuscleRefsAreCheckedAgainstTheCatalog) {
    const Catalog c = Catalog::parse("id\tcommon_name\tlatin_name\tregion\tright\tleft\n"
                                     "infraspinatus\tInfraspinatus\t\tshoulder\tbp3d:A\tbp3d:B\n",
                                     "t.tsv");
    EXPECT_EQ(parseMuscleRef("infraspinatus", c), (MuscleRef{"infraspinatus", Side::Right}));
    EXPECT_EQ(parseMuscleRef("infraspinatus:left", c), (MuscleRef{"infraspinatus", Side::Left}));
    EXPECT_THROW(parseMuscleRef("infraspinatus:up", c), ArgumentError);
    try {
        parseMuscleRef("infra", c);
        FAIL();
    } catch (const ArgumentError& e) {
        EXPECT_NE(std::string(e.what()).find("did you mean 'infraspinatus'"), std::string::npos) << e.what();
    }
}
