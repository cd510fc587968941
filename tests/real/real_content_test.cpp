// Validates the real knowledge base in content/ against the catalog and the real pack.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include <algorithm>
#include <glm/geometric.hpp>

#include "core/geometry/bvh.h"
#include "core/clinical/care_plan.h"
#include "core/clinical/care_sheet.h"
#include "core/anatomy/catalog.h"
#include "core/knowledge/content_checks.h"
#include "core/knowledge/knowledge_base.h"
#include "support/readability.h"
#include "core/anatomy/pack.h"
#include "core/clinical/pain_finder.h"
#include "core/knowledge/side_text.h"

using namespace myomap;

namespace {
struct RealContent {
    Catalog catalog = Catalog::load(MYOMAP_TEST_MODELS "/muscles.tsv");
    KnowledgeBase kb = KnowledgeBase::load(MYOMAP_TEST_CONTENT, catalog);
};
const RealContent& content() {
    static const RealContent c;
    return c;
}

// The first 46 muscles the knowledge base must cover in full (issue 3), by entry id.
const char* const kDetailedEntries[] = {
    "upper_trapezius", "middle_trapezius", "lower_trapezius", "sternocleidomastoid", "masseter", "temporalis",
    "splenius_capitis", "suboccipitals", "levator_scapulae", "scalenes", "supraspinatus", "infraspinatus", "teres_minor",
    "teres_major", "subscapularis", "rhomboids", "serratus_anterior", "latissimus_dorsi", "pectoralis_major",
    "pectoralis_minor", "deltoid", "biceps_brachii", "triceps_brachii", "brachioradialis", "extensor_carpi_radialis_longus",
    "extensor_digitorum", "supinator", "quadratus_lumborum", "iliocostalis_lumborum", "multifidus", "rectus_abdominis",
    "iliopsoas", "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "tensor_fasciae_latae",
    "rectus_femoris", "vastus_medialis", "vastus_lateralis", "hamstrings", "adductor_longus", "gastrocnemius", "soleus",
    "tibialis_anterior", "fibularis_longus"};

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::filesystem::path> yamlFiles(const std::string& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(dir))
        if (f.path().extension() == ".yaml") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// The text with every body-side word swapped ("right" <-> "left", case kept). The test's
/// own rule, independent of the app's: "right" before these words is not a side.
std::string swapSides(const std::string& text) {
    static const char* const notASide[] = {"angle", "away", "under", "on", "at", "in", "behind", "beside", "below", "above", "over", "next", "after", "before", "into", "through", "where"};
    std::string out;
    std::size_t i = 0;
    auto isAlpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    while (i < text.size()) {
        if (!isAlpha(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isAlpha(text[j])) ++j;
        const std::string word = text.substr(i, j - i);
        std::string lowerWord = toLower(word);
        std::size_t k = j;
        while (k < text.size() && text[k] == ' ') ++k;
        std::size_t m = k;
        while (m < text.size() && isAlpha(text[m])) ++m;
        const std::string next = toLower(text.substr(k, m - k));
        const bool excused = lowerWord == "right" && std::any_of(std::begin(notASide), std::end(notASide), [&](const char* w) { return next == w; });
        if (!excused && (lowerWord == "left" || lowerWord == "right")) {
            std::string swapped = lowerWord == "left" ? "right" : "left";
            if (std::isupper(static_cast<unsigned char>(word[0]))) swapped[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(swapped[0])));
            out += swapped;
        } else {
            out += word;
        }
        i = j;
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    return std::accumulate(v.begin(), v.end(), std::string(), [](std::string a, const std::string& b) { return a + b + " "; });
}
}  // namespace

TEST(RealContent, EveryFileLoadsWithoutErrors) {
    for (const auto& e : content().kb.errors()) ADD_FAILURE() << e;
    EXPECT_GE(content().kb.topics().size(), 10u);
}

TEST(RealContent, EveryCatalogMuscleHasAnEntry) {
    for (const auto& m : content().catalog.muscles()) EXPECT_NE(content().kb.forMuscle(m.id), nullptr) << m.id;
}

TEST(RealContent, TheFirst46HaveKnotsZonesTechniquesRedFlagsAndSources) {
    EXPECT_EQ(std::size(kDetailedEntries), 46u);
    for (const char* id : kDetailedEntries) {
        const KnowledgeEntry* e = content().kb.find(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_FALSE(e->knots.empty()) << id;
        for (const auto& k : e->knots) EXPECT_FALSE(k.referral.essential.empty()) << id << "/" << k.id;
        EXPECT_FALSE(e->selfMassage.empty()) << id;
        EXPECT_FALSE(e->stretches.empty()) << id;
        for (const auto& s : e->stretches) {
            EXPECT_GE(s.holdSeconds, 15) << id;
            EXPECT_LE(s.holdSeconds, 30) << id;
        }
        EXPECT_FALSE(e->redFlags.empty()) << id;
        EXPECT_FALSE(e->sources.empty()) << id;
    }
}

TEST(RealContent, KnotsLieOnTheirMusclesAndZonesOnTheSkin) {
    const Pack pack = Pack::read(MYOMAP_TEST_PACK);
    for (const auto& p : checkContentOnPack(content().kb, pack)) ADD_FAILURE() << p;
}

TEST(RealContent, PatientTextReadsAtGradeEightOrLower) {
    std::printf("%-34s %8s %8s\n", "file", "summary", "steps");
    for (const auto& e : content().kb.entries()) {
        const double summary = fleschKincaidGrade(e.summary);
        std::string steps;
        for (const auto& t : e.selfMassage) steps += joined(t.steps);
        for (const auto& s : e.stretches) steps += s.start + " " + joined(s.steps);
        const double stepsGrade = steps.empty() ? 0.0 : fleschKincaidGrade(steps);
        std::printf("%-34s %8.1f %8.1f\n", (e.id + ".yaml").c_str(), summary, stepsGrade);
        EXPECT_LE(summary, 8.0) << e.file << ": summary";
        EXPECT_LE(stepsGrade, 8.0) << e.file << ": technique steps";
    }
}

TEST(RealContent, EveryEssentialZoneFindsItsMuscleOnTheRightSide) {
    const Pack pack = Pack::read(MYOMAP_TEST_PACK);
    const SkinMap map(pack.layer(Layer::Skin)->mesh(Lod::Full));
    const MeshBvh& skin = map.bvh();
    const PainFinder finder(content().kb, map);
    int checked = 0;
    for (const auto& e : content().kb.entries())
        for (const auto& k : e.knots)
            for (const auto& b : k.referral.essential) {
                const PainSpot spot = snapToSkin(skin, b.center);
                auto has = [&](const std::vector<PainCandidate>& list, Side side) {
                    return std::any_of(list.begin(), list.end(), [&](const PainCandidate& c) { return c.entry == &e && c.side == side; });
                };
                EXPECT_TRUE(has(finder.find({spot}, 1000), Side::Right)) << e.file << ": " << k.id << " / " << b.where;
                if (std::abs(b.center.x) < 0.04f) continue;  // midline zones belong to both sides
                const PainSpot mirrored{{-spot.point.x, spot.point.y, spot.point.z}, {-spot.normal.x, spot.normal.y, spot.normal.z}};
                // Some patterns cover both sides (rectus abdominis' band across the back):
                // there the mirrored spot is rightly the muscle's own zone too.
                bool bilateral = false;
                for (const auto& kk : e.knots)
                    for (const auto* zone : {&kk.referral.essential, &kk.referral.spillover})
                        // (within the 1.5 cm a spot counts and the joining of nearby pieces)
                        for (const auto& z : *zone) bilateral = bilateral || glm::distance(z.center, mirrored.point) <= z.radius + 0.035f;
                if (bilateral) continue;
                const auto other = finder.find({mirrored}, 1000);
                EXPECT_TRUE(has(other, Side::Left)) << e.file << ": " << k.id << " / " << b.where << " mirrored";
                EXPECT_FALSE(has(other, Side::Right)) << e.file << ": " << k.id << " / " << b.where << " found on the wrong side";
                ++checked;
            }
    EXPECT_GT(checked, 100);
}

TEST(RealContent, CarePanelShowsEveryStepInBothLanguages) {
    for (const auto& e : content().kb.entries()) {
        const auto patient = buildCareSheet(e, content().catalog, content().kb, Audience::Patient, Side::Right);
        const auto clinician = buildCareSheet(e, content().catalog, content().kb, Audience::Clinician, Side::Right);
        auto contains = [](const std::vector<CareSection>& sheet, const std::string& text, CareItem::Kind kind) {
            for (const auto& s : sheet)
                for (const auto& i : s.items)
                    if (i.kind == kind && i.text == renderForSide(text, Side::Right)) return true;
            return false;
        };
        EXPECT_TRUE(contains(patient, e.summary, CareItem::Kind::Paragraph)) << e.file;
        EXPECT_TRUE(contains(clinician, e.clinical, CareItem::Kind::Paragraph)) << e.file;
        EXPECT_FALSE(contains(patient, e.clinical, CareItem::Kind::Paragraph)) << e.file << ": clinical text in the patient view";
        for (const auto& t : e.selfMassage)
            for (const auto& step : t.steps) EXPECT_TRUE(contains(patient, step, CareItem::Kind::Step)) << e.file << ": " << step;
        for (const auto& s : e.stretches)
            for (const auto& step : s.steps) EXPECT_TRUE(contains(patient, step, CareItem::Kind::Step)) << e.file << ": " << step;
        for (const auto& r : e.redFlags) EXPECT_TRUE(contains(patient, r, CareItem::Kind::Bullet)) << e.file << ": " << r;
    }
}

// --- Patient safety (issue 8) ---------------------------------------------------------

TEST(RealContent, TextIsSideAwareAndMakesNoFalseReassurance) {
    int files = 0;
    for (const auto& f : yamlFiles(MYOMAP_TEST_CONTENT "/muscles")) {
        for (const auto& p : checkWording(readFile(f), f.string(), WordingRules::Entry)) ADD_FAILURE() << p;
        ++files;
    }
    for (const auto& f : yamlFiles(MYOMAP_TEST_CONTENT "/learn"))
        for (const auto& p : checkWording(readFile(f), f.string(), WordingRules::Topic)) ADD_FAILURE() << p;
    EXPECT_GT(files, 100);
}

TEST(RealContent, SelfMassageNearNervesAndVesselsCarriesTheCautionOrIsClinicianOnly) {
    for (const auto& p : checkEndangerment(content().kb)) ADD_FAILURE() << p;
    // The sites a massage-therapy curriculum lists, each measured on the pack.
    for (const char* id : {"anterior_neck", "supraclavicular_fossa", "axilla", "medial_upper_arm", "cubital_fossa", "ulnar_groove",
                           "abdominal_aorta", "femoral_triangle", "popliteal_fossa", "fibular_neck", "sciatic_notch", "kidney_area"})
        EXPECT_NE(content().kb.findSite(id), nullptr) << id;
}

TEST(RealContent, EntriesThatNameTheSamePlacePutItInTheSamePlace) {
    for (const auto& p : checkSharedPlaces(content().kb)) ADD_FAILURE() << p;
}

TEST(RealContent, AtLeast96EntriesHaveKnotData) {
    const auto full = std::count_if(content().kb.entries().begin(), content().kb.entries().end(),
                                    [](const KnowledgeEntry& e) { return e.hasKnotData(); });
    std::printf("entries with knot data: %d\n", int(full));
    EXPECT_GE(full, 96);
}

TEST(RealContent, FullEntriesGiveSelfCareAPatientCanFollowAlone) {
    for (const auto& p : checkSelfCareComplete(content().kb)) ADD_FAILURE() << p;
}

TEST(RealContent, LeftSideSheetAndPlanAreTheRightSideOnesWithTheSidesSwapped) {
    int sided = 0;
    for (const auto& e : content().kb.entries()) {
        if (!e.hasKnotData()) continue;
        for (Audience audience : {Audience::Patient, Audience::Clinician}) {
            const auto right = buildCareSheet(e, content().catalog, content().kb, audience, Side::Right);
            const auto left = buildCareSheet(e, content().catalog, content().kb, audience, Side::Left);
            ASSERT_EQ(right.size(), left.size()) << e.file;
            for (std::size_t s = 0; s < right.size(); ++s) {
                ASSERT_EQ(right[s].items.size(), left[s].items.size()) << e.file << " " << right[s].id;
                for (std::size_t i = 0; i < right[s].items.size(); ++i)
                    EXPECT_EQ(swapSides(right[s].items[i].text), left[s].items[i].text) << e.file << " " << right[s].id;
            }
            // Every technique's header names the side it is written for.
            for (const auto& section : left) {
                if (section.id != "massage" && section.id != "stretches") continue;
                for (const auto& item : section.items) {
                    if (item.kind != CareItem::Kind::Heading) continue;
                    EXPECT_NE(item.text.find("(left side)"), std::string::npos) << e.file << ": " << item.text;
                }
            }
        }
        CarePlan rightPlan{e.title + " (right side)", buildCareSheet(e, content().catalog, content().kb, Audience::Patient, Side::Right), {}};
        CarePlan leftPlan{e.title + " (left side)", buildCareSheet(e, content().catalog, content().kb, Audience::Patient, Side::Left), {}};
        const std::string rightHtml = carePlanHtml(rightPlan);
        EXPECT_EQ(swapSides(rightHtml), carePlanHtml(leftPlan)) << e.file;
        for (const auto& t : e.selfMassage) sided += hasSideToken(joined(t.steps) + t.hand);
        for (const auto& t : e.stretches) sided += hasSideToken(joined(t.steps) + t.start);
    }
    // Most techniques name a hand or a side; if the tokens stopped working this would show.
    EXPECT_GT(sided, 40);
}

TEST(RealContent, KnotsNearTheFemoralTriangleAreForClinicians) {
    const KnowledgeEntry* e = content().kb.find("iliopsoas");
    ASSERT_NE(e, nullptr);
    const EndangermentSite* groin = content().kb.findSite("femoral_triangle");
    ASSERT_NE(groin, nullptr);
    int inGroin = 0;
    for (const auto& k : e->knots) {
        if (glm::distance(k.position, groin->point) > groin->radius) continue;
        ++inGroin;
        EXPECT_TRUE(k.clinicianOnly) << k.id;
        for (const auto& t : e->selfMassage) EXPECT_FALSE(t.worksOn(k)) << t.name << " works on " << k.id;
    }
    EXPECT_GE(inGroin, 1);
    bool saysDoNotPress = false;
    for (const auto& s : buildCareSheet(*e, content().catalog, content().kb, Audience::Patient, Side::Left))
        for (const auto& i : s.items) {
            saysDoNotPress = saysDoNotPress || i.text.find("Do not press on this knot yourself") != std::string::npos;
            EXPECT_EQ(i.text.find("pulse and press"), std::string::npos) << i.text;
        }
    EXPECT_TRUE(saysDoNotPress);
}

TEST(RealContent, HeadAndNeckEntriesWarnOfGiantCellArteritis) {
    for (const char* id : {"temporalis", "upper_trapezius", "masseter", "sternocleidomastoid", "suboccipitals"}) {
        const KnowledgeEntry* e = content().kb.find(id);
        ASSERT_NE(e, nullptr) << id;
        bool found = false;
        for (const auto& r : e->redFlags) found = found || (r.find("50") != std::string::npos && (r.find("scalp") != std::string::npos || r.find("chew") != std::string::npos));
        EXPECT_TRUE(found) << id << ": a new headache after 50 with a tender scalp or jaw pain on chewing";
    }
}

TEST(RealContent, WhenToSeeAClinicianListsTheHeadlineRedFlags) {
    const LearnTopic* topic = nullptr;
    for (const auto& t : content().kb.topics())
        if (t.id == "red_flags") topic = &t;
    ASSERT_NE(topic, nullptr);
    const std::string text = toLower(joined(topic->body) + joined(topic->bullets));
    for (const char* word : {"worst", "sudden", "chest", "sweat", "breath", "bladder", "bowel", "saddle", "cancer", "fever", "weight",
                             "weak", "foot drop", "fall", "night"})
        EXPECT_NE(text.find(word), std::string::npos) << word;
}

// Study mode and the technique pictures (issues 13 and 14) need these for every entry.
TEST(RealContent, EveryEntryHasItsFactsAndEveryTechniqueItsPictureData) {
    int facts = 0, stretches = 0, techniques = 0;
    for (const auto& e : content().kb.entries()) {
        if (e.facts) ++facts;
        else ADD_FAILURE() << e.file << ": no facts (origin, insertion, action, innervation)";
        for (const auto& s : e.stretches) {
            ++stretches;
            if (s.movement.empty()) ADD_FAILURE() << e.file << ":" << s.line << ": stretch '" << s.name << "' has no movement";
        }
        for (const auto& t : e.selfMassage) {
            ++techniques;
            if (!t.setUpGiven) ADD_FAILURE() << e.file << ":" << t.line << ": technique '" << t.name << "' lacks against and stroke";
        }
    }
    std::printf("entries with facts: %d of %zu; stretches: %d; self-massage techniques: %d\n", facts, content().kb.entries().size(),
                stretches, techniques);
    EXPECT_EQ(static_cast<std::size_t>(facts), content().kb.entries().size());
}

TEST(RealContent, EveryJointAStretchTurnsAboutHasACentreInsideTheBody) {
    for (const auto& e : content().kb.entries())
        for (const auto& s : e.stretches)
            for (const auto& m : s.movement)
                if (!content().kb.findJoint(m.joint))
                    ADD_FAILURE() << e.file << ":" << m.line << ": joint '" << jointName(m.joint) << "' has no centre in joints.yaml";
    const Pack pack = Pack::read(MYOMAP_TEST_PACK);
    const Bounds body = pack.bodyBounds();
    for (const auto& j : content().kb.joints()) {
        EXPECT_GT(j.centre.y, body.min.y) << jointName(j.joint);
        EXPECT_LT(j.centre.y, body.max.y) << jointName(j.joint);
        EXPECT_LE(j.centre.x, 0.0f) << jointName(j.joint) << " is given for the right side (x <= 0)";
    }
}
