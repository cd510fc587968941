// The patient-safety rules of the knowledge base (issue 8): side-aware text, no false
// reassurance, endangerment sites, clinician-only knots and what a patient needs to follow
// a technique alone. Each check is shown to fire on a fixture.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/clinical/care_plan.h"
#include "core/clinical/care_sheet.h"
#include "core/knowledge/content_checks.h"
#include "core/support/errors.h"
#include "core/knowledge/knowledge_base.h"
#include "core/knowledge/side_text.h"

using namespace myomap;

namespace {
const std::string kFixtures = MYOMAP_TEST_FIXTURES;

std::string readFixture(const std::string& name) {
    std::ifstream in(kFixtures + "/content-safety/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool anyContains(const std::vector<std::string>& list, const std::string& a, const std::string& b = "") {
    for (const auto& s : list)
        if (s.find(a) != std::string::npos && s.find(b) != std::string::npos) return true;
    return false;
}

struct Fixture {
    Catalog catalog = Catalog::parse("id\tcommon_name\tlatin_name\tregion\tright\tleft\nbox_muscle\tBox\tMusculus capsa\tneck\tbp3d:A\tbp3d:B\n", "c.tsv");
    std::map<std::string, std::string> sources{{"s", "S"}};
    std::vector<BodyArea> areas{{"outer_box", "Outer box", {}, {-0.5f, 1.0f, 0.0f}, 0.04f}};
    std::vector<EndangermentSite> sites{{"box_nerve", "the box nerve", "a pretend nerve", "Do not press on the box nerve.", {-0.2f, 1.2f, 0.3f}, 0.05f, 3}};

    KnowledgeEntry entry(const std::string& text) { return KnowledgeBase::parseEntry(text, "e.yaml", catalog, {sources, areas, sites}); }
};

// A knot 2 cm from the fixture site, and one far from it; one ball technique.
std::string entryText(const std::string& knotExtra, const std::string& techniqueExtra) {
    return "id: e\ncovers: [box_muscle]\nsummary: S.\nclinical: C.\nsources: [s]\nknots:\n"
           "  - id: near_nerve\n    name: Near the {sore} nerve\n    position: [-0.2, 1.2, 0.28]\n    palpation: Press with your {other} hand.\n" +
           knotExtra +
           "    referral:\n      essential:\n        - {where: outer box, at: outer_box, radius: 0.03}\n"
           "  - id: far\n    name: Far\n    position: [-0.2, 0.5, 0.28]\n    palpation: P.\n"
           "    referral:\n      essential:\n        - {where: low, center: [-0.2, 0.4, 0.3], radius: 0.03}\n"
           "self_massage:\n  - name: Ball\n    tool: tennis ball\n    hand: Hold it with your {other} hand.\n" +
           techniqueExtra + "    steps:\n      - Lean on the ball with your {sore} side.\n      - Breathe out.\n    dose: 30 seconds\n"
           "stretches:\n  - name: Reach\n    start: Stand.\n    steps:\n      - Reach up with your {sore} arm.\n"
           "    hold_seconds: 30\n    repetitions: 3\n    frequency: daily\n    hold_relax: Push back gently for 5 seconds.\n"
           "causes:\n  - {cause: Sitting long, change: Stand up every half hour.}\n"
           "progression: Start soft; go firmer after a week.\nalso_check: [e]\n";
}
}  // namespace

TEST(SideText, TokensReadForTheSelectedSide) {
    const std::string t = "{Sore} hand on the seat; tip your {other} ear. {Other} side stays still; the {sore} one moves.";
    EXPECT_EQ(renderForSide(t, Side::Right), "Right hand on the seat; tip your left ear. Left side stays still; the right one moves.");
    EXPECT_EQ(renderForSide(t, Side::Left), "Left hand on the seat; tip your right ear. Right side stays still; the left one moves.");
    EXPECT_EQ(renderForSide("your {sore} hand", Side::None), "your sore-side hand");
    EXPECT_EQ(renderForSide("no tokens {here}", Side::Left), "no tokens {here}");
    EXPECT_TRUE(hasSideToken("the {other} ear"));
    EXPECT_FALSE(hasSideToken("the other ear"));
}

TEST(SideText, BareSideWordsAreFoundAndOtherMeaningsExcusedByRule) {
    auto words = [](const std::string& t) { return findBareSideWords(t).size(); };
    EXPECT_EQ(words("Hold the seat with your right hand."), 1u);
    EXPECT_EQ(words("Turn to the Left."), 1u);
    EXPECT_EQ(words("Lie on your left side and lift your right leg."), 2u);
    EXPECT_EQ(words("Press right under the bone at a right angle, right away."), 0u);
    EXPECT_EQ(words("Use the right amount of pressure; the knot is left alone; left and right sides."), 0u);
    EXPECT_EQ(words("your {sore} hand, your {other} ear"), 0u);
    EXPECT_EQ(words("outright bright leftover"), 0u) << "only whole words";
}

TEST(ContentSafety, BareSideWordsAreReportedWithTheirLine) {
    const auto problems = checkWording(readFixture("bare_side.yaml"), "bare_side.yaml", WordingRules::Entry);
    ASSERT_EQ(problems.size(), 2u) << (problems.empty() ? "" : problems[0]);
    EXPECT_TRUE(anyContains(problems, "bare_side.yaml:8:", "bare 'right'"));
    // A phrase broken across lines is reported where its word stands.
    EXPECT_TRUE(anyContains(problems, "bare_side.yaml:12:", "bare 'left'"));
    EXPECT_TRUE(checkWording(readFixture("bare_side.yaml"), "x", WordingRules::Topic).empty()) << "topics name no side";
}

TEST(ContentSafety, FalseReassuranceIsReportedButAConditionalIsNot) {
    const auto problems = checkWording(readFixture("reassurance.yaml"), "reassurance.yaml", WordingRules::Topic);
    EXPECT_TRUE(anyContains(problems, "reassurance.yaml:4:", "not from the heart"));
    EXPECT_TRUE(anyContains(problems, "reassurance.yaml:10:", "no ear infection"));
    EXPECT_TRUE(anyContains(problems, "reassurance.yaml:10:", "is fine"));
    EXPECT_FALSE(anyContains(problems, "healthy")) << "\"even when the joint is healthy\" is a conditional";
    EXPECT_EQ(problems.size(), 3u);
}

TEST(ContentSafety, SelfMassageNearASiteMustCarryItsCaution) {
    Fixture f;
    const KnowledgeBase bare = KnowledgeBase::withEntries({f.entry(entryText("", ""))}, f.sites);
    const auto problems = checkEndangerment(bare);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(anyContains(problems, "e.yaml:", "knot 'near_nerve'"));
    EXPECT_TRUE(anyContains(problems, "near: [box_nerve]"));

    const KnowledgeBase cautioned = KnowledgeBase::withEntries({f.entry(entryText("", "    near: [box_nerve]\n"))}, f.sites);
    EXPECT_TRUE(checkEndangerment(cautioned).empty());
    // The caution stands beside the steps in the panel and the plan.
    bool caution = false;
    for (const auto& s : buildCareSheet(cautioned.entries()[0], f.catalog, cautioned, Audience::Patient, Side::Left))
        if (s.id == "massage")
            for (const auto& i : s.items) caution = caution || (i.kind == CareItem::Kind::Note && i.text == "Careful: Do not press on the box nerve.");
    EXPECT_TRUE(caution);

    const KnowledgeBase elsewhere = KnowledgeBase::withEntries({f.entry(entryText("", "    knots: [far]\n"))}, f.sites);
    EXPECT_TRUE(checkEndangerment(elsewhere).empty()) << "a technique that does not work on the knot needs no caution";
}

TEST(ContentSafety, ClinicianOnlyKnotsGetNoSelfPressing) {
    Fixture f;
    const KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(entryText("    clinician_only: true\n", ""))}, f.sites);
    EXPECT_TRUE(checkEndangerment(kb).empty());
    EXPECT_FALSE(kb.entries()[0].selfMassage[0].worksOn(kb.entries()[0].knots[0]));
    EXPECT_TRUE(kb.entries()[0].selfMassage[0].worksOn(kb.entries()[0].knots[1]));
    bool palpation = false, doNotPress = false, clinicianPalpation = false;
    for (const auto& s : buildCareSheet(kb.entries()[0], f.catalog, kb, Audience::Patient, Side::Right))
        for (const auto& i : s.items) {
            palpation = palpation || i.text.find("Press with your left hand") != std::string::npos;
            doNotPress = doNotPress || i.text.find("Do not press on this knot yourself") != std::string::npos;
        }
    for (const auto& s : buildCareSheet(kb.entries()[0], f.catalog, kb, Audience::Clinician, Side::Right))
        for (const auto& i : s.items) clinicianPalpation = clinicianPalpation || i.text.find("Palpation: Press with your left hand") != std::string::npos;
    EXPECT_FALSE(palpation) << "the patient is not told how to press a clinician-only knot";
    EXPECT_TRUE(doNotPress);
    EXPECT_TRUE(clinicianPalpation);
    // A technique may not name a clinician-only knot.
    EXPECT_THROW(f.entry(entryText("    clinician_only: true\n", "    knots: [near_nerve]\n")), ContentError);
}

TEST(ContentSafety, UnknownSitesKnotsAndAreasAreErrorsWithTheirLine) {
    Fixture f;
    try {
        f.entry(entryText("", "    near: [box_nerv]\n"));
        FAIL() << "an unknown site must be an error";
    } catch (const ContentError& e) {
        EXPECT_NE(std::string(e.what()).find("'box_nerv' is not a site id"), std::string::npos) << e.what();
    }
    std::string text = entryText("", "");
    text.replace(text.find("at: outer_box"), 13, "at: outer_bax");
    try {
        f.entry(text);
        FAIL() << "an unknown area must be an error";
    } catch (const ContentError& e) {
        EXPECT_NE(std::string(e.what()).find("e.yaml:13: 'outer_bax' is not a body area id"), std::string::npos) << e.what();
    }
    // `at` takes the area's point, so two entries naming the place share it.
    EXPECT_EQ(f.entry(entryText("", "")).knots[0].referral.essential[0].center, f.areas[0].point);
}

TEST(ContentSafety, FullEntriesNeedWhatAPatientFollowsAlone) {
    Fixture f;
    const KnowledgeBase complete = KnowledgeBase::withEntries({f.entry(entryText("", "    near: [box_nerve]\n"))}, f.sites);
    EXPECT_TRUE(checkSelfCareComplete(complete).empty());
    std::string text = entryText("", "");
    for (const char* cut : {"    hand: Hold it with your {other} hand.\n", "    hold_relax: Push back gently for 5 seconds.\n",
                            "progression: Start soft; go firmer after a week.\n", "also_check: [e]\n"})
        text.erase(text.find(cut), std::string(cut).size());
    text.replace(text.find("{cause: Sitting long, change: Stand up every half hour.}"), 56, "Sitting long");
    const auto problems = checkSelfCareComplete(KnowledgeBase::withEntries({f.entry(text)}, f.sites));
    EXPECT_EQ(problems.size(), 5u);
    for (const char* what : {"'hand'", "'hold_relax'", "'progression'", "'also_check'", "needs a 'change'"})
        EXPECT_TRUE(anyContains(problems, what)) << what;
}

TEST(ContentSafety, LeftSheetNamesTheLeftSideInEveryTechniqueAndInTheSteps) {
    Fixture f;
    const KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(entryText("", "    near: [box_nerve]\n"))}, f.sites);
    const auto left = buildCareSheet(kb.entries()[0], f.catalog, kb, Audience::Patient, Side::Left);
    std::vector<std::string> headings, steps;
    for (const auto& s : left)
        for (const auto& i : s.items) {
            if ((s.id == "massage" || s.id == "stretches") && i.kind == CareItem::Kind::Heading) headings.push_back(i.text);
            if (i.kind == CareItem::Kind::Step) steps.push_back(i.text);
        }
    EXPECT_EQ(headings, (std::vector<std::string>{"Ball (left side)", "Reach (left side)"}));
    EXPECT_EQ(steps, (std::vector<std::string>{"Lean on the ball with your left side.", "Breathe out.", "Reach up with your left arm."}));
    const std::string html = carePlanHtml({"E (left side)", left, {}});
    EXPECT_NE(html.find("Hand: Hold it with your right hand."), std::string::npos);
    EXPECT_EQ(html.find("{sore}"), std::string::npos);
    EXPECT_EQ(html.find("{other}"), std::string::npos);
}

TEST(ContentSafety, AZoneNamedLikeABodyAreaMustLieInIt) {
    Fixture f;
    f.areas.push_back({"low_box", "Low", {}, {-0.2f, 0.4f, 0.3f}, 0.04f});
    // The fixture's zone "low" sits at the area's point: fine.
    KnowledgeBase kb = KnowledgeBase::withEntries({f.entry(entryText("", "    near: [box_nerve]\n"))}, f.sites, f.areas);
    EXPECT_TRUE(checkSharedPlaces(kb).empty());
    std::string text = entryText("", "    near: [box_nerve]\n");
    text.replace(text.find("center: [-0.2, 0.4, 0.3]"), 24, "center: [-0.2, 0.6, 0.3]");
    kb = KnowledgeBase::withEntries({f.entry(text)}, f.sites, f.areas);
    const auto problems = checkSharedPlaces(kb);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(anyContains(problems, "e.yaml:", "named like the body area 'low_box'"));
}
