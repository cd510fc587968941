// Settings that persist between runs, and the atomic writer every saved file goes through.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/session/settings.h"
#include "core/support/atomic_file.h"
#include "core/support/errors.h"
#include "support/test_support.h"

using namespace myomap;
namespace fs = std::filesystem;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
int filesIn(const fs::path& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& f : fs::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST(Settings, RoundTripThroughTheFile) {
    test_support::TempDir dir;
    Settings s;
    s.audience = Audience::Clinician;
    s.skin = true;
    s.skinOpacity = 0.6f;
    s.textScale = 1.5f;
    s.windowWidth = 1600;
    s.windowHeight = 900;
    s.windowX = 40;
    s.windowY = -10;
    s.view = CameraPose{{0.1f, 1.2f, -0.05f}, 3.0f, 0.2f, 1.4f};
    const std::string path = dir.file("cfg/myomap/settings.ini");
    saveSettings(path, s);
    const LoadedSettings back = loadSettings(path);
    EXPECT_TRUE(back.notice.empty()) << back.notice;
    EXPECT_EQ(back.settings, s);
}

TEST(Settings, AMissingFileGivesTheDefaultsQuietly) {
    test_support::TempDir dir;
    const LoadedSettings s = loadSettings(dir.file("none.ini"));
    EXPECT_TRUE(s.notice.empty());
    EXPECT_EQ(s.settings, Settings{});
}

TEST(Settings, ACorruptOrUnknownFileFallsBackToDefaultsWithANoticeNamingTheLine) {
    test_support::TempDir dir;
    for (const std::string& text : {std::string("audience = patient\nskin_opacity = lots\n"), std::string("audience = patient\nsparkle = yes\n"),
                                    std::string("audience = patient\nno equals sign\n"), std::string("audience = doctor\n"),
                                    std::string("audience = patient\nview = 1 2 3\n")}) {
        dir.write("s.ini", text);
        const LoadedSettings s = loadSettings(dir.file("s.ini"));
        EXPECT_EQ(s.settings, Settings{}) << text;
        EXPECT_NE(s.notice.find("s.ini:"), std::string::npos) << s.notice;
        EXPECT_NE(s.notice.find("Using the default settings"), std::string::npos) << s.notice;
        EXPECT_EQ(read(dir.file("s.ini")), text) << "a bad file is never rewritten by loading it";
    }
}

TEST(AtomicFile, ReplacesTheFileWholeAndLeavesNoTemporaryFiles) {
    test_support::TempDir dir;
    const std::string path = dir.file("plan.html");
    writeFileAtomically(path, std::string("first"), "the plan");
    writeFileAtomically(path, std::string("second"), "the plan");
    EXPECT_EQ(read(path), "second");
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, AFailureKeepsTheOldFileAndRemovesTheTemporaryOne) {
    test_support::TempDir dir;
    const std::string path = dir.file("target");
    fs::create_directory(path);  // renaming a file over a folder fails
    try {
        writeFileAtomically(path, std::string("data"), "the settings");
        FAIL() << "expected MyomapError";
    } catch (const MyomapError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("the settings"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_directory(path));
    EXPECT_EQ(filesIn(dir.path()), 1) << "no temporary file left behind";
    EXPECT_THROW(writeFileAtomically(dir.file("no/such/folder/x"), std::string("data"), "the plan"), MyomapError);
}

TEST(AtomicFile, AStreamingWriterDroppedBeforeCommitLeavesNothingAndKeepsTheOldFile) {
    test_support::TempDir dir;
    const std::string path = dir.file("anatomy.pack");
    writeFileAtomically(path, std::string("old pack"), "the pack");
    {
        AtomicFileWriter file(path, "the pack");
        file.write("new bytes", 9);
        // no commit: an exception while streaming
    }
    EXPECT_EQ(read(path), "old pack");
    EXPECT_EQ(filesIn(dir.path()), 1) << "the temporary file went with the writer";
    {
        AtomicFileWriter file(path, "the pack");
        file.write("xxxx-tail", 9);
        file.writeAt(0, "head", 4);
        file.commit();
    }
    EXPECT_EQ(read(path), "head-tail");
    EXPECT_EQ(filesIn(dir.path()), 1);
}
