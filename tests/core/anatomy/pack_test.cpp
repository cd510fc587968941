#include <gtest/gtest.h>

#include "core/support/errors.h"
#include "core/anatomy/pack.h"
#include "support/test_support.h"

using namespace myomap;

TEST(Pack, WriteThenReadGivesTheSameObjects) {
    test_support::TempDir dir;
    Pack pack;
    PackObject o;
    o.muscleId = "infraspinatus";
    o.side = Side::Left;
    o.layer = Layer::Muscle;
    o.lods[0] = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    o.lods[1] = test_support::makeBox({0, 0, 0}, {1, 1, 2});
    o.bounds = o.lods[0].bounds();
    pack.objects.push_back(o);
    pack.write(dir.file("a.pack"));
    EXPECT_FALSE(std::filesystem::exists(dir.file("a.pack.tmp"))) << "written atomically";
    const Pack back = Pack::read(dir.file("a.pack"));
    ASSERT_EQ(back.objects.size(), 1u);
    EXPECT_EQ(back.objects[0].muscleId, "infraspinatus");
    EXPECT_EQ(back.objects[0].side, Side::Left);
    EXPECT_EQ(back.objects[0].lods[1].positions, o.lods[1].positions);
    EXPECT_EQ(back.find("infraspinatus", Side::Left), &back.objects[0]);
    EXPECT_EQ(back.find("infraspinatus", Side::Right), nullptr);
}

TEST(Pack, TruncatedOrMissingPackIsAClearError) {
    test_support::TempDir dir;
    Pack pack;
    PackObject o;
    o.muscleId = "x";
    o.lods[0] = o.lods[1] = test_support::makeBox({0, 0, 0}, {1, 1, 1});
    pack.objects.push_back(o);
    pack.write(dir.file("a.pack"));
    std::filesystem::resize_file(dir.file("a.pack"), 60);
    try {
        Pack::read(dir.file("a.pack"));
        FAIL();
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
    try {
        Pack::read(dir.file("none.pack"));
        FAIL();
    } catch (const PackError& e) {
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
    }
}
