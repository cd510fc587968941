// Study mode's quizzes (issue 14): the same seed gives the same quiz, answers are valid
// catalog ids among the choices, each kind of answer is scored, missed questions come back
// first, and progress survives a restart while a corrupt file is set aside.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/study/quiz.h"
#include "core/support/errors.h"
#include "support/test_support.h"

using namespace myomap;
namespace fs = std::filesystem;

namespace {

const char* kCatalog =
    "id\tcommon_name\tlatin_name\tregion\tright\tleft\taliases\n"
    "box_muscle\tBox muscle\tMusculus capsa\tneck\tbp3d:A\tbp3d:B\tbox;crate muscle\n"
    "lid_muscle\tLid muscle\tMusculus operculi\tneck\tbp3d:C\tbp3d:D\t\n"
    "hinge_muscle\tHinge muscle\tMusculus cardinis\tneck\tbp3d:E\tbp3d:F\t\n"
    "foot_muscle\tFoot muscle\tMusculus pedis\tfoot\tbp3d:G\tbp3d:H\t\n"
    "toe_muscle\tToe muscle\tMusculus digiti\tfoot\tbp3d:I\tbp3d:J\t\n";

/// An entry with one knot whose essential zone is a disc on the back face (z = 0) of the
/// test body, a 60 x 80 x 20 cm grid box.
KnowledgeEntry entryWithKnot(const std::string& id, const std::string& muscle, float y) {
    KnowledgeEntry e;
    e.id = id;
    e.title = id;
    e.covers = {muscle};
    KnotSite k;
    k.id = "k";
    k.name = "Knot";
    k.position = {-0.1f, y, 0.02f};
    SkinBlob b;
    b.where = "back";
    b.center = {-0.1f, y, 0.0f};
    b.radius = 0.06f;
    k.referral.essential.push_back(b);
    e.knots.push_back(k);
    return e;
}

struct Fixture {
    Catalog catalog = Catalog::parse(kCatalog, "c.tsv");
    KnowledgeBase kb = KnowledgeBase::withEntries({entryWithKnot("box", "box_muscle", 1.1f), entryWithKnot("lid", "lid_muscle", 1.4f),
                                                   entryWithKnot("foot", "foot_muscle", 0.9f)});
};

}  // namespace

TEST(Quiz, TheSameSeedGivesTheSameQuizAndAnotherSeedAnother) {
    Fixture f;
    QuizOptions o;
    o.count = 6;
    o.seed = 42;
    const auto a = makeQuiz(f.catalog, f.kb, o), b = makeQuiz(f.catalog, f.kb, o);
    ASSERT_EQ(a.size(), 6u);
    bool differs = false;
    for (std::uint32_t seed = 1; seed < 6 && !differs; ++seed) {
        o.seed = seed;
        const auto c = makeQuiz(f.catalog, f.kb, o);
        for (std::size_t i = 0; i < a.size(); ++i) differs |= questionKey(a[i]) != questionKey(c[i]);
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(questionKey(a[i]), questionKey(b[i]));
        EXPECT_EQ(a[i].choices, b[i].choices);
    }
    EXPECT_TRUE(differs) << "other seeds give another order";
}

TEST(Quiz, AnswersAreCatalogIdsAmongTheChoicesAndRegionsLimitThem) {
    Fixture f;
    QuizOptions o;
    o.count = 10;
    o.region = "neck";
    const auto quiz = makeQuiz(f.catalog, f.kb, o);
    EXPECT_EQ(quiz.size(), 6u) << "three neck muscles, two sides";
    for (const auto& q : quiz) {
        EXPECT_NE(f.catalog.find(q.muscle), nullptr);
        EXPECT_EQ(f.catalog.find(q.muscle)->region, "neck");
        EXPECT_NE(std::find(q.choices.begin(), q.choices.end(), q.muscle), q.choices.end());
        EXPECT_EQ(q.choices.size(), 4u);
        for (const auto& c : q.choices) EXPECT_NE(f.catalog.find(c), nullptr) << c;
    }
    o.region = "nowhere";
    EXPECT_THROW(makeQuiz(f.catalog, f.kb, o), ArgumentError);
    // Refers and paint ask only muscles with knot data, once per knot and side.
    o.region.clear();
    o.kind = QuizKind::Refers;
    const auto refers = makeQuiz(f.catalog, f.kb, o);
    EXPECT_EQ(refers.size(), 6u);
    for (const auto& q : refers) {
        EXPECT_FALSE(q.entry.empty());
        EXPECT_EQ(q.knot, 0);
        for (const auto& c : q.choices) EXPECT_NE(f.kb.forMuscle(c), nullptr) << "every choice has a pattern: " << c;
    }
}

TEST(Quiz, EachKindOfAnswerIsScored) {
    Fixture f;
    QuizQuestion q{QuizKind::Name, "box_muscle", Side::Left, "box", 0, {}, {}};
    EXPECT_TRUE(nameMatches(q, "Box Muscle", f.catalog));
    EXPECT_TRUE(nameMatches(q, "musculus capsa", f.catalog)) << "Latin";
    EXPECT_TRUE(nameMatches(q, "crate-muscle", f.catalog)) << "an alias, spacing aside";
    EXPECT_FALSE(nameMatches(q, "Lid muscle", f.catalog));
    EXPECT_FALSE(nameMatches(q, "", f.catalog));
    EXPECT_TRUE(findMatches(q, "box_muscle", Side::Left));
    EXPECT_FALSE(findMatches(q, "box_muscle", Side::Right)) << "side counts";
    EXPECT_TRUE(refersMatches(q, "box_muscle", f.kb));
    EXPECT_TRUE(refersMatches(q, "box_muscle", f.kb, 0));
    EXPECT_FALSE(refersMatches(q, "box_muscle", f.kb, 1)) << "the wrong knot";
    EXPECT_FALSE(refersMatches(q, "lid_muscle", f.kb));
}

TEST(Quiz, PaintIsScoredByOverlapWithTheZones) {
    Fixture f;
    const Mesh body = test_support::makeGridBox({-0.3f, 0.8f, 0.0f}, {0.3f, 1.6f, 0.2f}, 0.01f);
    const SkinMap skin(body);
    const QuizQuestion q{QuizKind::Paint, "box_muscle", Side::Right, "box", 0, {}, {}};
    const glm::vec3 centre(-0.1f, 1.1f, 0.0f);
    auto paint = [&](const glm::vec3& at, float radius) {
        std::vector<std::uint8_t> drawn(skin.vertexCount(), 0);
        for (std::size_t v = 0; v < skin.vertexCount(); ++v)
            if (glm::distance(skin.mesh().positions[v], at) <= radius) drawn[v] = 1;
        return drawn;
    };
    const PaintScore right = scorePaint(q, f.kb, skin, paint(centre, 0.06f));
    EXPECT_GT(right.inside, 0.9);
    EXPECT_GT(right.covered, 0.8);
    EXPECT_TRUE(right.passed);
    const PaintScore half = scorePaint(q, f.kb, skin, paint(centre, 0.03f));
    EXPECT_GT(half.inside, 0.9);
    EXPECT_LT(half.covered, 0.4) << "a quarter of the disc";
    const PaintScore wrong = scorePaint(q, f.kb, skin, paint({0.15f, 1.5f, 0.0f}, 0.05f));
    EXPECT_LT(wrong.score, 0.05);
    EXPECT_FALSE(wrong.passed);
    // The left side's zone is the mirror: painting the right-side place misses it.
    const QuizQuestion left{QuizKind::Paint, "box_muscle", Side::Left, "box", 0, {}, {}};
    EXPECT_LT(scorePaint(left, f.kb, skin, paint(centre, 0.06f)).score, 0.05);
}

TEST(Quiz, MissedQuestionsComeBackFirstAndKnownOnesLater) {
    Fixture f;
    QuizOptions o;
    o.count = 10;
    const auto first = makeQuiz(f.catalog, f.kb, o);
    StudyProgress p;
    // Everything answered right twice, except one question missed.
    for (const auto& q : first) {
        p.record(questionKey(q), true);
        p.record(questionKey(q), true);
    }
    const std::string missed = questionKey(first.back());
    p.record(missed, false);
    EXPECT_EQ(p.box(missed), 1);
    EXPECT_EQ(p.box(questionKey(first.front())), 3);
    EXPECT_EQ(p.answered, 21);
    EXPECT_EQ(p.correct, 20);
    const auto next = makeQuiz(f.catalog, f.kb, o, p);
    EXPECT_EQ(questionKey(next.front()), missed) << "the missed question comes first";
    for (int i = 0; i < 10; ++i) p.record("x", true);
    EXPECT_EQ(p.box("x"), 5) << "boxes stop at 5";
}

TEST(Quiz, ProgressSurvivesARestartAndACorruptFileIsSetAside) {
    const test_support::TempDir dir;
    const std::string path = (fs::path(dir.path()) / "myomap" / "study-progress.json").string();
    StudyProgress p;
    p.record("name:box_muscle:right", true);
    p.record("find:lid_muscle:left", false);
    saveProgress(path, p);
    std::string notice;
    const StudyProgress back = loadProgress(path, &notice);
    EXPECT_TRUE(notice.empty());
    EXPECT_EQ(back.boxes, p.boxes);
    EXPECT_EQ(back.answered, 2);
    EXPECT_EQ(back.correct, 1);

    { std::ofstream(path) << "{\"format\": \"myomap-study-progress-1\", \"boxes\": {\"a\": 9}"; }
    const StudyProgress fresh = loadProgress(path, &notice);
    EXPECT_TRUE(fresh.boxes.empty());
    EXPECT_NE(notice.find("kept as"), std::string::npos) << notice;
    EXPECT_TRUE(fs::exists(path + ".corrupt-1")) << "the broken file is kept, not lost";
    EXPECT_FALSE(fs::exists(path));
    // A second corrupt file does not overwrite the first one set aside.
    { std::ofstream(path) << "garbage"; }
    loadProgress(path, &notice);
    EXPECT_TRUE(fs::exists(path + ".corrupt-2"));
    EXPECT_TRUE(loadProgress((fs::path(dir.path()) / "none.json").string(), &notice).boxes.empty()) << "a first session";
}

TEST(Quiz, NamesReadInsideASentence) {
    EXPECT_EQ(inSentence("Transverse head of adductor pollicis"), "transverse head of adductor pollicis");
    EXPECT_EQ(inSentence("SCM"), "SCM") << "an abbreviation stays";
    EXPECT_EQ(inSentence("sartorius"), "sartorius");
    EXPECT_EQ(inSentence(""), "");
}
