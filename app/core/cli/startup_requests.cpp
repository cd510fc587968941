#include "core/cli/startup_requests.h"

#include "core/cli/author_commands.h"

#include <ctime>

#include "core/study/quiz.h"
#include "core/support/errors.h"

namespace myomap {

UiRequests startupRequests(const CliOptions& options, const Catalog& catalog, const KnowledgeBase& knowledge, const Pack& pack) {
    UiRequests setup;
    if (options.skinOpacity) {
        setup.layers = LayerVisibility{};
        setup.layers->skin = true;
        setup.layers->skinOpacity = *options.skinOpacity;
    }
    if (options.attachments) {
        if (!setup.layers) setup.layers = LayerVisibility{};
        setup.layers->attachments = true;
    }
    if (options.clinician) setup.audience = Audience::Clinician;
    if (options.focus) setup.focus = *parseFocusMode(*options.focus);
    if (options.select) {
        const MuscleRef ref = parseMuscleRef(*options.select, catalog);
        if (!pack.find(ref.muscleId, ref.side))
            throw ArgumentError("--select '" + *options.select + "': the pack has no mesh for that muscle and side");
        setup.select = ref;
    }
    if (!options.alsoSelect.empty() && setup.select) {
        std::vector<MuscleRef> list{*setup.select};
        for (const auto& text : options.alsoSelect) list.push_back(parseMuscleRef(text, catalog));
        setup.shortList = list;
    }
    if (options.present) setup.presenting = true;
    if (options.frontAndBack) setup.frontAndBack = true;
    if ((options.quizKind || options.seed) && !options.study) throw ArgumentError("--quiz and --seed need --study");
    if (options.study) {
        UiRequests::StartQuiz start;
        if (options.quizKind) start.options.kind = *parseQuizKind(*options.quizKind);
        start.options.seed = options.seed ? *options.seed : static_cast<std::uint32_t>(std::time(nullptr));
        start.options.knotDataOnly = true;  // the muscles Myomap maps, most of them on the surface
        start.progressFile = progressPath();
        setup.startQuiz = start;
    }
    if (options.knot) {
        const KnowledgeEntry* e = setup.select ? knowledge.forMuscle(setup.select->muscleId) : nullptr;
        if (!e || !e->hasKnotData()) throw ArgumentError("--knot needs --select with a muscle that has knot data");
        if (*options.knot > static_cast<int>(e->knots.size()))
            throw ArgumentError("--knot " + std::to_string(*options.knot) + ": '" + e->id + "' has " + std::to_string(e->knots.size()) +
                                " knot(s)");
        setup.knot = *options.knot - 1;
    }
    if (options.showTechnique) {
        const KnowledgeEntry* e = setup.select ? knowledge.forMuscle(setup.select->muscleId) : nullptr;
        if (!e) throw ArgumentError("--show needs --select with a muscle that has self-care techniques");
        const std::string& v = *options.showTechnique;
        const bool stretch = v.rfind("stretch:", 0) == 0;
        const int n = std::stoi(v.substr(v.find(':') + 1));  // checked by parseCli
        const int count = static_cast<int>(stretch ? e->stretches.size() : e->selfMassage.size());
        if (n > count)
            throw ArgumentError("--show " + v + ": '" + e->id + "' has " + std::to_string(count) + (stretch ? " stretch(es)" : " self-massage technique(s)"));
        const bool drawable = stretch ? !e->stretches[std::size_t(n - 1)].movement.empty() : e->selfMassage[std::size_t(n - 1)].setUpGiven;
        if (!drawable) throw ArgumentError("--show " + v + ": that technique of '" + e->id + "' has no picture data yet");
        setup.showTechnique = TechniqueRef{stretch ? TechniqueRef::Kind::Stretch : TechniqueRef::Kind::SelfMassage, n - 1};
    }
    for (const auto& text : options.painPoints)
        setup.addSpots.push_back({parsePoint(text, "--pain-point"), 0.0f, "Spot " + std::to_string(setup.addSpots.size() + 1), 0.05f});
    for (const auto& name : options.painAreas) {
        const auto found = searchAreas(knowledge.areas(), name);
        if (found.empty()) throw ArgumentError("--pain-area '" + name + "' is not a body area in content/areas.yaml");
        setup.addSpots.push_back({found.front()->point, found.front()->radius, found.front()->name + " (right)", 0.2f});
    }
    if (options.drawing) setup.openDrawing = *options.drawing;
    if (options.compareDrawing) {
        if (!options.drawing) throw ArgumentError("--compare-drawing needs --drawing (the drawing to compare it with)");
        setup.compareDrawing = *options.compareDrawing;
    }
    if (!setup.addSpots.empty() || options.drawing) setup.painFinder = true;
    return setup;
}

}  // namespace myomap
