#include <gtest/gtest.h>

#include <functional>
#include <iterator>

#include "core/anatomy/catalog.h"
#include "core/knowledge/content_checks.h"
#include "core/support/errors.h"
#include "core/knowledge/knowledge_base.h"
#include "support/readability.h"
#include "support/test_support.h"

using namespace myomap;

namespace {
const std::string kFixtures = MYOMAP_TEST_FIXTURES;

const Catalog& fixtureCatalog() {
    static const Catalog c = Catalog::load(kFixtures + "/catalog.tsv");
    return c;
}

/// The error message that mentions `file`, or "" when there is none.
std::string errorFor(const KnowledgeBase& kb, const std::string& file) {
    for (const auto& e : kb.errors())
        if (e.find("/" + file + ":") != std::string::npos) return e;
    return "";
}

/// References for a fixture entry: one source 'ref_a', no areas, no sites.
KnowledgeBase::References refA() {
    static const std::map<std::string, std::string> sources{{"ref_a", "A"}};
    static const std::vector<BodyArea> areas;
    static const std::vector<EndangermentSite> sites;
    return {sources, areas, sites};
}

Pack boxPack() {
    Pack pack;
    for (const char* id : {"box_muscle", "other_muscle"}) {
        PackObject o;
        o.muscleId = id;
        o.side = Side::Right;
        o.lods[0] = o.lods[1] = test_support::makeBox({-0.2f, 1.1f, 0.0f}, {-0.1f, 1.3f, 0.1f});
        o.bounds = o.lods[0].bounds();
        pack.objects.push_back(o);
    }
    PackObject skin;
    skin.muscleId = "skin";
    skin.layer = Layer::Skin;
    skin.lods[0] = skin.lods[1] = test_support::makeBox({-0.5f, 0.0f, -0.3f}, {0.5f, 1.8f, 0.3f});
    skin.bounds = skin.lods[0].bounds();
    pack.objects.push_back(skin);
    return pack;
}
}  // namespace

TEST(KnowledgeBase, GoodEntryLoadsWithEveryField) {
    const KnowledgeBase kb = KnowledgeBase::load(kFixtures + "/content", fixtureCatalog());
    const KnowledgeEntry* e = kb.forMuscle("box_muscle");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->title, "Box muscle") << "single-muscle entries take the catalog's name";
    ASSERT_EQ(e->knots.size(), 1u);
    EXPECT_FLOAT_EQ(e->knots[0].position.x, -0.1f);
    ASSERT_EQ(e->knots[0].referral.essential.size(), 1u);
    EXPECT_EQ(e->knots[0].referral.essential[0].where, "front");
    EXPECT_EQ(e->knots[0].referral.essential[0].line, 12);
    EXPECT_EQ(e->selfMassage[0].steps.size(), 2u);
    EXPECT_EQ(e->stretches[0].holdSeconds, 30);
    EXPECT_EQ(e->sources[0], "ref_a");
    EXPECT_EQ(kb.topics().size(), 1u);
    EXPECT_EQ(kb.sources().count("ref_a"), 1u);
}

TEST(KnowledgeBase, BrokenFilesEachGiveFileLineAndTheRestLoads) {
    const KnowledgeBase kb = KnowledgeBase::load(kFixtures + "/content", fixtureCatalog());
    const struct {
        const char* file;
        const char* expected;
    } cases[] = {
        {"unknown_key.yaml:5:", "unknown key 'colour'"},
        {"dangling_id.yaml:3:", "'box_muscle_typo' is not a muscle id"},
        {"wrong_type.yaml:10:", "hold_seconds must be a number, not 'half a minute'"},
        {"placeholder.yaml:9:", "still a placeholder (null)"},
        {"bad_yaml.yaml:", "not valid YAML"},
    };
    for (const auto& c : cases) {
        const std::string file = std::string(c.file).substr(0, std::string(c.file).find(':'));
        const std::string err = errorFor(kb, file);
        EXPECT_NE(err.find(c.file), std::string::npos) << "expected " << c.file << " in: " << err;
        EXPECT_NE(err.find(c.expected), std::string::npos) << "expected '" << c.expected << "' in: " << err;
    }
    EXPECT_EQ(kb.errors().size(), 5u);
    EXPECT_NE(kb.find("good"), nullptr) << "valid entries still load";
    EXPECT_NE(kb.find("zone_off_body"), nullptr);
}

TEST(KnowledgeBase, ZoneOffTheBodyIsReportedWithItsLine) {
    const KnowledgeBase kb = KnowledgeBase::load(kFixtures + "/content", fixtureCatalog());
    const auto problems = checkContentOnPack(kb, boxPack());
    ASSERT_EQ(problems.size(), 1u) << (problems.empty() ? "" : problems[0]);
    EXPECT_NE(problems[0].find("zone_off_body.yaml:14:"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find("floating in the air"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find("off the skin"), std::string::npos) << problems[0];
}

TEST(KnowledgeBase, KnotAwayFromItsMuscleIsReported) {
    const KnowledgeEntry e = KnowledgeBase::parseEntry(
        "id: x\ncovers: [box_muscle]\nsummary: S.\nclinical: C.\nsources: [ref_a]\nknots:\n"
        "  - id: far\n    name: Far\n    position: [0.3, 1.2, 0.1]\n    palpation: P.\n"
        "    referral:\n      essential:\n        - {where: w, center: [0.0, 1.0, 0.3], radius: 0.03}\n",
        "x.yaml", fixtureCatalog(), refA());
    EXPECT_EQ(e.knots[0].line, 7);
    EXPECT_THROW(KnowledgeBase::parseEntry("id: y\ncovers: [box_muscle, other_muscle]\nsummary: S.\nclinical: C.\nsources: [ref_a]\n",
                                           "y.yaml", fixtureCatalog(), refA()),
                 ContentError)
        << "a group needs a title";
}

TEST(Readability, GradeFollowsSentenceAndWordLength) {
    const double easy = fleschKincaidGrade("The cat sat on the mat. It was a warm day. She was glad.");
    const double hard = fleschKincaidGrade(
        "Myofascial trigger points constitute hyperirritable loci within taut bands of skeletal musculature, "
        "characteristically provoking referred nociceptive phenomena and autonomic manifestations.");
    EXPECT_LT(easy, 3.0);
    EXPECT_GT(hard, 14.0);
    EXPECT_DOUBLE_EQ(fleschKincaidGrade(""), 0.0);
}

namespace {
/// Every file in tests/fixtures/fuzz/DIR: inputs the fuzzers once crashed on.
std::vector<std::filesystem::path> fuzzInputs(const std::string& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(kFixtures + "/fuzz/" + dir)) files.push_back(f.path());
    return files;
}

void expectContentErrorAt(const std::function<void()>& parse, const std::string& where) {
    try {
        parse();
        ADD_FAILURE() << "accepted; expected a ContentError at " << where;
    } catch (const ContentError& e) {
        EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    }
}
}  // namespace

TEST(KnowledgeBase, NonTextKeysAreContentErrorsNotYamlExceptions) {
    // yaml-cpp's TypedBadConversion escaped every parser (found by fuzzing).
    expectContentErrorAt([] { KnowledgeBase::parseEntry("id: x\n? covers:\n  - a\n", "e.yaml", fixtureCatalog(), refA()); },
                         "e.yaml:2:");
    expectContentErrorAt([] { KnowledgeBase::parseEndangermentSites("sites:\n  - ? [a]\n    : b\n", "s.yaml"); }, "s.yaml:2:");
    expectContentErrorAt([] { parseBodyAreas("areas:\n  - {? [a] : b}\n", "a.yaml"); }, "a.yaml:2:");
}

TEST(KnowledgeBase, BodyAreaTextsThatAreNotTextAreContentErrors) {
    expectContentErrorAt([] { parseBodyAreas("areas:\n  - id: t\n    name: T\n    aliases: [a, {b: c}]\n    point: [0, 0, 0]\n", "a.yaml"); },
                         "a.yaml:");
    expectContentErrorAt([] { parseBodyAreas("areas:\n  - id: [t]\n    name: T\n    point: [0, 0, 0]\n", "a.yaml"); }, "a.yaml:");
}

TEST(KnowledgeBase, SavedFuzzInputsAreContentErrorsNamingTheFile) {
    auto text = [](const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    for (const auto& f : fuzzInputs("content_entry"))
        expectContentErrorAt([&] { KnowledgeBase::parseEntry(text(f), f.string(), fixtureCatalog(), refA()); }, f.string() + ":");
    for (const auto& f : fuzzInputs("body_areas")) expectContentErrorAt([&] { parseBodyAreas(text(f), f.string()); }, f.string() + ":");
    for (const auto& f : fuzzInputs("endangerment"))
        expectContentErrorAt([&] { KnowledgeBase::parseEndangermentSites(text(f), f.string()); }, f.string() + ":");
}
