#include "core/session/interaction.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <glm/geometric.hpp>

#include "core/session/settings.h"
#include "core/support/errors.h"

namespace myomap {

namespace {
constexpr double kGlideSeconds = 0.7;
constexpr float kMarkerHitRadius = 14.0f;  // window pixels around a knot's X
constexpr float kXrayOpacity = 0.35f;

std::string isoNow() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", std::localtime(&t));
    return buf;
}

/// A new file in the documents folder, named by date and time so nothing is overwritten.
std::string newDrawingPath() {
    const std::time_t t = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "myomap-pain-drawing-%Y-%m-%d-%H%M%S.json", std::localtime(&t));
    return documentsFolder() + "/" + buf;
}

std::string pointText(const glm::vec3& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "[%.4f, %.4f, %.4f]", p.x, p.y, p.z);
    return buf;
}
}  // namespace

Interaction::Interaction(const Pack& pack, const KnowledgeBase& knowledge, const ScenePicker& picker, const Catalog& catalog)
    : pack_(pack), knowledge_(knowledge), catalog_(catalog), picker_(picker) {
    for (std::size_t i = 0; i < pack_.objects.size(); ++i)
        if (pack_.objects[i].layer == Layer::Skin) skinObject_ = static_cast<int>(i);
    if (skinObject_ >= 0) {
        // The skin map takes a good share of start-up and the first frame does not need it:
        // it is built on another thread, and waited for when something first paints.
        paint_ = std::make_shared<SkinPaint>();
        const PackObject* skin = &pack_.objects[static_cast<std::size_t>(skinObject_)];
        skinBuild_ = std::async(std::launch::async, [skin] {
            SkinSetup s;
            s.map = std::make_unique<SkinMap>(skin->mesh(Lod::Full));
            for (int l = 0; l < 2; ++l) s.lodVertices[l] = s.map->vertexMap(skin->lods[l]);
            return s;
        });
    }
    frameBody(ViewPreset::Front);
}

SkinMap* Interaction::readySkinMap() const {
    if (!skinMap_ && skinBuild_.valid()) {
        SkinSetup s = skinBuild_.get();
        skinMap_ = std::move(s.map);
        paint_->lodVertices = std::move(s.lodVertices);
        zonePaint_.assign(skinMap_->vertexCount(), glm::vec3(kFieldReach, kFieldReach, 0.0f));
        drawnMask_.assign(skinMap_->vertexCount(), 0);
        quizMask_.assign(skinMap_->vertexCount(), 0);
        paint_->values.assign(skinMap_->vertexCount(), glm::vec4(kFieldReach, kFieldReach, 0.0f, 0.0f));
        ++paint_->version;
    }
    return skinMap_.get();
}

const PainFinder* Interaction::painFinder() const {
    if (!finder_ && readySkinMap()) finder_ = std::make_unique<PainFinder>(knowledge_, *readySkinMap());
    return finder_.get();
}

void Interaction::savePaint() {
    if (!paint_) return;
    paint_->values.resize(zonePaint_.size());
    // The drawing channel shows the pain drawing, or a "paint it" painting (with the right
    // pattern over it once it is checked).
    const bool quizPainting = !state_.painFinder && state_.study && state_.study->asks(QuizKind::Paint);
    const std::vector<std::uint8_t>& drawn = quizPainting ? quizMask_ : drawnMask_;
    const bool showDrawing = state_.painFinder || quizPainting;
    for (std::size_t v = 0; v < zonePaint_.size(); ++v)
        paint_->values[v] = glm::vec4(zonePaint_[v].x, zonePaint_[v].y, showDrawing && drawn[v] ? 1.0f : 0.0f,
                                      showDrawing && !compareMask_.empty() && compareMask_[v] ? 1.0f : 0.0f);
    ++paint_->version;
}

LayerVisibility Interaction::effectiveLayers() const {
    LayerVisibility l = state_.layers;
    if (l.attachments) {
        // The patches lie on the bones, under the muscles and the skin.
        l.skeleton = true;
        l.muscles = false;
        if (l.skinHidesMuscles()) l.skin = false;
    }
    const bool paintQuestion = state_.study && state_.study->asks(QuizKind::Paint);
    const bool showing = !pattern_.empty() || state_.painFinder || paintQuestion;  // the paint is on the skin
    // The user's own see-through setting stays; hidden or solid skin becomes x-ray.
    if (showing && (!l.skin || l.skinHidesMuscles())) {
        l.skin = true;
        l.skinOpacity = kXrayOpacity;
    }
    return l;
}

const DrawList& Interaction::drawList() const {
    if (drawListRevision_ != revision_) {
        drawList_ = buildDrawList({pack_, state_, effectiveLayers(), pattern_, paint_, camera_, viewport_, &picker_,
                                   guide_ ? &*guide_ : nullptr});
        drawListRevision_ = revision_;
    }
    return drawList_;
}

const std::vector<Interaction::ChartHalf>& Interaction::chartHalves() const {
    if (halvesRevision_ == revision_) return halves_;
    halvesRevision_ = revision_;
    halves_.clear();
    if (!state_.frontAndBack) return halves_;
    const glm::vec2 half(std::max(1.0f, 0.5f * viewport_.x), viewport_.y);
    const float aspect = half.x / half.y;
    for (const ViewPreset preset : {ViewPreset::Front, ViewPreset::Back}) {
        ChartHalf h{camera_, {}};
        const glm::vec3 direction(0.0f, 0.0f, preset == ViewPreset::Front ? 1.0f : -1.0f);
        if (auto pose = chartPose(pattern_, direction, camera_.fovY)) {
            // The chart pose frames a landscape view; a narrow half needs to stand back.
            pose->distance *= std::max(1.0f, 0.75f / aspect);
            applyPose(h.camera, *pose);
        } else {
            h.camera.frame(pack_.bodyBounds(), preset, aspect);
        }
        h.list = buildDrawList({pack_, state_, effectiveLayers(), pattern_, paint_, h.camera, half, &picker_,
                                guide_ ? &*guide_ : nullptr});
        halves_.push_back(std::move(h));
    }
    return halves_;
}

void Interaction::setViewportSize(glm::vec2 size) {
    size = glm::max(size, glm::vec2(1.0f));
    if (size == viewport_) return;
    viewport_ = size;
    changed();
}

void Interaction::frameBody(ViewPreset preset) {
    glide_.reset();
    camera_.frame(pack_.bodyBounds(), preset, viewport_.x / viewport_.y);
    changed();
}

void Interaction::setPose(const CameraPose& pose) {
    glide_.reset();
    applyPose(camera_, pose);
    changed();
}

std::optional<PickResult> Interaction::pickMuscle(glm::vec2 pixel) const {
    if (pixel.x < 0 || pixel.y < 0 || pixel.x >= viewport_.x || pixel.y >= viewport_.y) return std::nullopt;
    const LayerVisibility layers = effectiveLayers();
    return picker_.pick(camera_.rayThrough(pixel, viewport_), [&](const PackObject& o) { return isPickable(o, layers); });
}

MuscleRef Interaction::muscleAt(glm::vec2 pixel) const {
    const auto hit = pickMuscle(pixel);
    if (!hit) return {};
    const PackObject& o = pack_.objects.at(static_cast<std::size_t>(hit->objectIndex));
    return {o.muscleId, o.side};
}

int Interaction::markerAt(glm::vec2 pixel) const {
    for (const auto& k : pattern_.knots) {
        const auto p = camera_.project(k.position, viewport_);
        if (p && glm::distance(*p, pixel) < kMarkerHitRadius) return k.knot;
    }
    return -1;
}

ClickOutcome Interaction::click(glm::vec2 pixel) {
    ClickOutcome out;
    if (authorMode_) out.authorText = authoringPoints(pixel);
    if (paintingQuiz()) return out;  // the press has painted; a click selects nothing
    if (state_.painFinder) {
        // With the brush the press has already painted; without it the spot lands on the
        // skin under the cursor, shown or not.
        if (!readySkinMap() || state_.brush.on) return out;
        if (const auto hit = readySkinMap()->bvh().intersect(camera_.rayThrough(pixel, viewport_))) {
            addStroke({"Spot " + std::to_string(state_.drawing.strokes.size() + 1), false, {{hit->point, state_.brush.radius}}});
            out.kind = ClickOutcome::Kind::SpotAdded;
        }
        return out;
    }
    // Study mode's "find it": the click is the answer.
    if (state_.study && state_.study->question() && state_.study->question()->kind == QuizKind::Find && !state_.study->answered) {
        const MuscleRef ref = muscleAt(pixel);
        answerQuestion(ref.muscleId, ref.side);
        return out;
    }
    // A click on a knot marker shows that knot's pattern alone (a second click shows all).
    if (const int knot = markerAt(pixel); knot >= 0) {
        setKnot(state_.selectedKnot == knot ? -1 : knot);
        out.kind = ClickOutcome::Kind::KnotToggled;
        return out;
    }
    const MuscleRef ref = muscleAt(pixel);
    select(ref);
    out.kind = ref.empty() ? ClickOutcome::Kind::Cleared : ClickOutcome::Kind::Selected;
    return out;
}

std::string Interaction::authoringPoints(glm::vec2 pixel) const {
    // Content is written for the right side: left-side points are printed mirrored.
    auto right = [](glm::vec3 p, Side side) { return side == Side::Left ? glm::vec3(-p.x, p.y, p.z) : p; };
    std::string text;
    if (const auto hit = pickMuscle(pixel)) {
        const PackObject& o = pack_.objects[static_cast<std::size_t>(hit->objectIndex)];
        text += "author: muscle " + o.muscleId + " (" + sideName(o.side) + ") surface " + pointText(right(hit->point, o.side)) + "\n";
    }
    if (skinObject_ >= 0)
        if (const auto hit = picker_.bvh(static_cast<std::size_t>(skinObject_)).intersect(camera_.rayThrough(pixel, viewport_))) {
            const Side side = hit->point.x > 0.0f ? Side::Left : Side::Right;
            text += std::string("author: skin (") + sideName(side) + ") " + pointText(right(hit->point, side)) + "\n";
        }
    return text;
}

void Interaction::hover(glm::vec2 pixel) {
    const MuscleRef ref = muscleAt(pixel);
    if (ref == state_.hovered) return;
    state_.hovered = ref;
    changed();
}

void Interaction::hoverNothing() {
    if (state_.hovered.empty()) return;
    state_.hovered = {};
    changed();
}

void Interaction::drag(DragButton button, glm::vec2 delta) {
    glide_.reset();  // the user takes over
    if (button == DragButton::Left) camera_.orbit(-delta.x * 0.008f, delta.y * 0.008f);
    else camera_.pan(delta.x / viewport_.y, delta.y / viewport_.y);
    changed();
}

void Interaction::scroll(float steps) {
    glide_.reset();
    camera_.zoom(std::pow(0.88f, steps));
    changed();
}

void Interaction::key(KeyAction action) {
    constexpr float step = 0.08f;
    glide_.reset();
    switch (action) {
        case KeyAction::OrbitLeft: camera_.orbit(step, 0.0f); break;
        case KeyAction::OrbitRight: camera_.orbit(-step, 0.0f); break;
        case KeyAction::OrbitUp: camera_.orbit(0.0f, step); break;
        case KeyAction::OrbitDown: camera_.orbit(0.0f, -step); break;
        case KeyAction::ZoomIn: camera_.zoom(0.85f); break;
        case KeyAction::ZoomOut: camera_.zoom(1.0f / 0.85f); break;
        case KeyAction::ViewFront: camera_.setPreset(ViewPreset::Front); break;
        case KeyAction::ViewBack: camera_.setPreset(ViewPreset::Back); break;
        case KeyAction::ViewLeft: camera_.setPreset(ViewPreset::Left); break;
        case KeyAction::ViewRight: camera_.setPreset(ViewPreset::Right); break;
        case KeyAction::FrameAll: frameBody(ViewPreset::Front); break;
        case KeyAction::ClearSelection: select({}); break;
        case KeyAction::NextKnot:
        case KeyAction::PreviousKnot: {
            // All knots, then each in turn, then all again: what a presenter steps through.
            const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
            if (!e || e->knots.empty()) break;
            const int n = static_cast<int>(e->knots.size());
            const int step = action == KeyAction::NextKnot ? 1 : n;
            setKnot((state_.selectedKnot + 1 + step) % (n + 1) - 1);
            break;
        }
        case KeyAction::NextMuscle:
        case KeyAction::PreviousMuscle: {
            const auto& list = state_.shortList;
            if (list.empty()) break;
            const auto it = std::find(list.begin(), list.end(), state_.selected);
            const std::ptrdiff_t size = static_cast<std::ptrdiff_t>(list.size());
            std::ptrdiff_t i = it == list.end() ? -1 : it - list.begin();
            i = action == KeyAction::NextMuscle ? (i + 1) % size : (i <= 0 ? size - 1 : i - 1);
            select(list[static_cast<std::size_t>(i)]);
            break;
        }
        case KeyAction::ResetView:
            if (pattern_.empty()) frameBody(ViewPreset::Front);
            else rebuildPattern(true);
            break;
    }
    changed();
}

void Interaction::select(const MuscleRef& ref) {
    if (ref == state_.selected) return;
    if (ref.muscleId != state_.selected.muscleId) state_.selectedKnot = -1;
    state_.selected = ref;
    showTechnique(std::nullopt);
    if (!state_.painFinder) rebuildPattern(true);
    changed();
}

void Interaction::setKnot(int knot) {
    if (knot == state_.selectedKnot) return;
    state_.selectedKnot = knot;
    showTechnique(std::nullopt);
    if (!state_.painFinder) rebuildPattern(true);
    changed();
}

void Interaction::answerQuestion(const std::string& answer, Side side) {
    StudySession& s = *state_.study;
    const QuizQuestion* q = s.question();
    if (!q || s.answered) return;
    bool right = false;
    switch (q->kind) {
        case QuizKind::Name: right = nameMatches(*q, answer, catalog_); break;
        case QuizKind::Find: right = findMatches(*q, answer, side); break;
        case QuizKind::Refers: right = refersMatches(*q, answer, knowledge_); break;
        case QuizKind::Paint: return;  // scored from the painting: checkPainting
    }
    s.answered = right;
    const MuscleEntry* m = catalog_.find(q->muscle);
    const std::string name = inSentence(m ? m->commonName : q->muscle);
    s.feedback = right ? "Right: the " + std::string(sideName(q->side)) + " " + name + "."
                       : "Not quite. It is the " + std::string(sideName(q->side)) + " " + name + ".";
    recordAnswer(right);
    // The answer shown on the body: the muscle itself, on its side.
    state_.highlighted = {{q->muscle, q->side}};
    glideToMuscle({q->muscle, q->side});
    changed();
}

void Interaction::showQuestion() {
    state_.highlighted.clear();
    pattern_ = {};
    ++patternRevision_;
    std::fill(quizMask_.begin(), quizMask_.end(), 0);
    if (state_.study) {
        state_.study->painting.clear();
        state_.study->paintScore.reset();
    }
    if (!zonePaint_.empty()) {
        std::fill(zonePaint_.begin(), zonePaint_.end(), glm::vec3(kFieldReach, kFieldReach, 0.0f));
        savePaint();
    }
    changed();
    const QuizQuestion* q = state_.study ? state_.study->question() : nullptr;
    if (!q) return;
    if (q->kind == QuizKind::Name) {
        state_.highlighted = {{q->muscle, q->side}};
        glideToMuscle({q->muscle, q->side});
    } else if (q->kind == QuizKind::Refers && skinObject_ >= 0) {
        // The zone alone: no knot marks, which would give the muscle away.
        const KnowledgeEntry* e = knowledge_.find(q->entry);
        if (!e) return;
        pattern_ = buildReferralPattern(*e, q->side, q->knot, picker_.bvh(static_cast<std::size_t>(skinObject_)));
        if (readySkinMap()) {
            const auto zones = paintZones(*readySkinMap(), pattern_.zones);
            for (std::size_t v = 0; v < zones.size(); ++v) zonePaint_[v] = zones[v];
            savePaint();
        }
        if (const auto pose = focusPose(pattern_, FocusMode::Pain, glm::vec3(0, 0, 1), camera_.fovY)) glideTo(*pose);
    } else {
        glide_.reset();
        camera_.frame(pack_.bodyBounds(), ViewPreset::Front, viewport_.x / viewport_.y);  // find it: the whole body
    }
}

void Interaction::showTechnique(const std::optional<TechniqueRef>& ref) {
    if (!ref) {
        if (!state_.technique) return;
        state_.technique.reset();
        guide_.reset();
        changed();
        return;
    }
    const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
    if (!e || skinObject_ < 0) throw ArgumentError("select a muscle with self-care techniques before asking to be shown one");
    const int object = pack_.indexOf(state_.selected.muscleId, state_.selected.side);
    const Mesh* muscle = object >= 0 ? &pack_.objects[static_cast<std::size_t>(object)].mesh(Lod::Full) : nullptr;
    guide_ = techniqueGuide(*e, *ref, state_.selected.side, state_.selectedKnot, knowledge_,
                            picker_.bvh(static_cast<std::size_t>(skinObject_)), muscle, camera_.fovY);
    if (!guide_) {
        state_.technique.reset();
        notify("There is no picture of that technique on the body yet.");
        return;
    }
    state_.technique = *ref;
    glideTo(guide_->pose);
    changed();
}

void Interaction::applyDab(const Dab& dab, bool erase, std::vector<std::uint8_t>& mask) {
    for (const auto v : readySkinMap()->disc(dab.point, dab.radius)) mask[v] = erase ? 0 : 1;
}

void Interaction::addStroke(Stroke stroke) {
    if (!readySkinMap()) return;
    for (const auto& d : stroke.dabs) applyDab(d, stroke.erase, drawnMask_);
    state_.drawing.strokes.push_back(std::move(stroke));
    rankCandidates();
    if (state_.painFinder) rebuildPattern(true);
}

void Interaction::redrawDrawing() {
    if (!readySkinMap()) return;
    std::fill(drawnMask_.begin(), drawnMask_.end(), 0);
    for (const auto& stroke : state_.drawing.strokes)
        for (const auto& d : stroke.dabs) applyDab(d, stroke.erase, drawnMask_);
    rankCandidates();
}

void Interaction::rankCandidates() {
    std::vector<std::uint32_t> drawn;
    double area = 0.0;
    for (std::uint32_t v = 0; v < drawnMask_.size(); ++v)
        if (drawnMask_[v]) {
            drawn.push_back(v);
            area += readySkinMap()->vertexAreas()[v];
        }
    state_.drawnAreaCm2 = area * 1e4;
    candidates_ = drawn.empty() || !painFinder() ? std::vector<PainCandidate>{} : painFinder()->rank(drawn, state_.drawing, 8);
    savePaint();
    changed();
}

void Interaction::brushAt(glm::vec2 pixel, bool startStroke) {
    if (!readySkinMap() || !brushPaints()) return;
    const auto hit = readySkinMap()->bvh().intersect(camera_.rayThrough(pixel, viewport_));
    // A quiz painting is kept apart: it never touches the pain drawing.
    const bool quiz = paintingQuiz();
    std::vector<Stroke>& strokes = quiz ? state_.study->painting : state_.drawing.strokes;
    std::vector<std::uint8_t>& mask = quiz ? quizMask_ : drawnMask_;
    const bool erase = state_.brush.eraser;
    if (startStroke) {
        int n = 1;
        for (const auto& s : strokes) n += s.erase == erase && s.dabs.size() != 1 ? 1 : 0;
        strokes.push_back({(erase ? "Erased area " : "Painted area ") + std::to_string(n), erase, {}});
        stroking_ = true;
        lastDab_.reset();
    }
    if (!stroking_ || !hit || strokes.empty()) return;
    Stroke& stroke = strokes.back();
    const float radius = state_.brush.radius;
    // Fill in between fast moves, so a quick stroke is one band, not a row of dots.
    std::vector<glm::vec3> points{hit->point};
    if (lastDab_) {
        const float gap = glm::distance(*lastDab_, hit->point);
        if (gap < 0.5f * radius) return;
        points.clear();
        const int steps = std::min(64, static_cast<int>(std::ceil(gap / (0.5f * radius))));
        for (int i = 1; i <= steps; ++i)
            if (const auto c = readySkinMap()->bvh().closest(glm::mix(*lastDab_, hit->point, float(i) / steps), 0.05f)) points.push_back(c->point);
    }
    for (const auto& p : points) {
        stroke.dabs.push_back({p, radius});
        applyDab(stroke.dabs.back(), stroke.erase, mask);
    }
    lastDab_ = hit->point;
    savePaint();
    changed();
}

void Interaction::endStroke() {
    if (!stroking_) return;
    stroking_ = false;
    lastDab_.reset();
    // A press that never touched the skin leaves no empty stroke behind.
    std::vector<Stroke>& strokes = paintingQuiz() ? state_.study->painting : state_.drawing.strokes;
    if (!strokes.empty() && strokes.back().dabs.empty()) strokes.pop_back();
    if (paintingQuiz()) {
        changed();
        return;
    }
    rankCandidates();
    rebuildPattern(false);
}

void Interaction::recordAnswer(bool right) {
    StudySession& s = *state_.study;
    if (right) ++s.right;
    else s.mistakes.push_back(s.current);
    s.progress.record(questionKey(*s.question()), right);
    if (s.progressFile.empty()) return;
    try {
        saveProgress(s.progressFile, s.progress);
    } catch (const MyomapError& e) {
        notify(e.what());
    }
}

void Interaction::checkPainting() {
    StudySession& s = *state_.study;
    const QuizQuestion* q = s.question();
    if (!q || q->kind != QuizKind::Paint || s.answered || !readySkinMap() || skinObject_ < 0) return;
    const PaintScore score = scorePaint(*q, knowledge_, *readySkinMap(), quizMask_);
    s.paintScore = score;
    s.answered = score.passed;
    auto percent = [](double share) { return std::to_string(static_cast<int>(std::lround(100.0 * share))) + "%"; };
    s.feedback = std::string(score.passed ? "Well done: " : "Not quite: ") + percent(score.score) + ". " +
                 percent(score.inside) + " of your painting is inside the pattern, and it covers " +
                 percent(score.covered) + " of where the pain is usually felt. The right pattern is painted over yours.";
    recordAnswer(score.passed);
    // The answer over the painting: the zones in red, the knot marked.
    if (const KnowledgeEntry* e = knowledge_.find(q->entry)) {
        ++patternRevision_;
        pattern_ = buildReferralPattern(*e, q->side, q->knot, picker_.bvh(static_cast<std::size_t>(skinObject_)));
        const auto zones = paintZones(*readySkinMap(), pattern_.zones);
        for (std::size_t v = 0; v < zones.size(); ++v) zonePaint_[v] = zones[v];
        if (const auto pose = focusPose(pattern_, FocusMode::Pain, glm::vec3(0, 0, 1), camera_.fovY)) glideTo(*pose);
    }
    savePaint();
    changed();
}

void Interaction::notify(const std::string& message) {
    state_.notices.push_back(message);
    changed();
}

void Interaction::apply(const UiRequests& r) {
    if (r.dismissNotices && !state_.notices.empty()) {
        state_.notices.clear();
        changed();
    }
    if (r.layers) {
        const bool attachmentsChanged = r.layers->attachments != state_.layers.attachments;
        state_.layers = *r.layers;
        // The pattern gives way to the attachments, and comes back when they go.
        if (attachmentsChanged && !state_.painFinder) rebuildPattern(true);
        changed();
    }
    if (r.audience && *r.audience != state_.audience) {
        state_.audience = *r.audience;
        changed();
    }
    if (r.painFinder && *r.painFinder != state_.painFinder) {
        state_.painFinder = *r.painFinder;
        if (state_.painFinder) rankCandidates();
        rebuildPattern(true);
    }
    if (r.shortList) {
        state_.shortList = *r.shortList;
        changed();
    }
    if (r.frontAndBack && *r.frontAndBack != state_.frontAndBack) {
        state_.frontAndBack = *r.frontAndBack;
        changed();
    }
    if (r.presenting && *r.presenting != state_.presenting) {
        state_.presenting = *r.presenting;
        changed();
    }
    if (r.select) select(*r.select);
    if (r.knotStep) key(r.knotStep > 0 ? KeyAction::NextKnot : KeyAction::PreviousKnot);
    if (r.muscleStep) key(r.muscleStep > 0 ? KeyAction::NextMuscle : KeyAction::PreviousMuscle);
    if (r.resetView) key(KeyAction::ResetView);
    if (r.knot) setKnot(*r.knot);
    if (r.startQuiz) {
        select({});
        state_.painFinder = false;
        StudySession s;
        s.options = r.startQuiz->options;
        s.progressFile = r.startQuiz->progressFile;
        if (!s.progressFile.empty()) {
            std::string notice;
            s.progress = loadProgress(s.progressFile, &notice);
            if (!notice.empty()) notify(notice);
        }
        try {
            s.questions = makeQuiz(catalog_, knowledge_, s.options, s.progress);
            state_.study = std::move(s);
        } catch (const ArgumentError& e) {
            notify(e.what());
        }
        showQuestion();
    }
    if (r.quizAnswer && state_.study) answerQuestion(*r.quizAnswer, state_.study->question() ? state_.study->question()->side : Side::Right);
    if (r.checkPainting && state_.study) checkPainting();
    if (r.clearPainting && paintingQuiz()) {
        state_.study->painting.clear();
        std::fill(quizMask_.begin(), quizMask_.end(), 0);
        savePaint();
        changed();
    }
    if (r.nextQuestion && state_.study && !state_.study->over()) {
        ++state_.study->current;
        state_.study->answered.reset();
        state_.study->feedback.clear();
        showQuestion();
    }
    if (r.reviewMistake && state_.study && *r.reviewMistake < state_.study->questions.size()) {
        const QuizQuestion& q = state_.study->questions[*r.reviewMistake];
        state_.highlighted = {{q.muscle, q.side}};
        glideToMuscle({q.muscle, q.side});
        changed();
    }
    if (r.stopStudy && state_.study) {
        state_.study.reset();
        showQuestion();
    }
    if (r.hideTechnique) showTechnique(std::nullopt);
    if (r.showTechnique) showTechnique(*r.showTechnique);
    if (r.focus && *r.focus != state_.focus) {
        state_.focus = *r.focus;
        if (!state_.painFinder) rebuildPattern(true);
        changed();
    }
    if (r.brush) {
        state_.brush = *r.brush;
        state_.brush.radius = std::clamp(state_.brush.radius, 0.005f, 0.08f);
        changed();
    }
    for (const auto& request : r.addSpots) {
        if (!readySkinMap()) throw ArgumentError("the pack has no skin to place a pain spot on");
        const PainSpot spot = snapToSkin(readySkinMap()->bvh(), request.point, request.maxSnap);
        addStroke({request.label, false, {{spot.point, std::max(request.radius, 0.015f)}}});
    }
    // Strokes taken away: the drawing is repainted from what is left.
    bool strokesChanged = false;
    if (r.removeStroke && *r.removeStroke < state_.drawing.strokes.size()) {
        state_.drawing.strokes.erase(state_.drawing.strokes.begin() + static_cast<long>(*r.removeStroke));
        strokesChanged = true;
    }
    if (r.undoStroke && !state_.drawing.strokes.empty()) {
        state_.drawing.strokes.pop_back();
        strokesChanged = true;
    }
    if (r.clearDrawing && !state_.drawing.empty()) {
        state_.drawing = {};
        strokesChanged = true;
    }
    if (r.press) state_.drawing.setAnswer(r.press->entry, r.press->side, r.press->answer);
    if (strokesChanged) redrawDrawing();  // ranks the candidates again too
    else if (r.press) rankCandidates();
    if (strokesChanged || r.press) rebuildPattern(false);
    if (r.openDrawing) {
        try {
            state_.drawing = loadPainDrawing(*r.openDrawing);
            state_.drawingFile = *r.openDrawing;
            state_.painFinder = true;
            redrawDrawing();
            rebuildPattern(true);
        } catch (const MyomapError& e) {
            notify(e.what());
        }
    }
    if (r.compareDrawing) {
        compareMask_.clear();
        state_.compared.reset();
        if (!r.compareDrawing->empty()) {
            try {
                const PainDrawing earlier = loadPainDrawing(*r.compareDrawing);
                compareMask_.assign(readySkinMap() ? readySkinMap()->vertexCount() : 0, 0);
                double area = 0.0;
                if (readySkinMap())
                    for (const auto v : drawnVertices(*readySkinMap(), earlier)) {
                        compareMask_[v] = 1;
                        area += readySkinMap()->vertexAreas()[v];
                    }
                state_.compared = ComparedDrawing{*r.compareDrawing, earlier.created, area * 1e4};
            } catch (const MyomapError& e) {
                notify(e.what());
            }
        }
        savePaint();
        changed();
    }
    if (r.saveDrawing) {
        try {
            std::string path = *r.saveDrawing;
            if (path.empty()) path = newDrawingPath();
            if (state_.drawing.created.empty()) state_.drawing.created = isoNow();
            savePainDrawing(path, state_.drawing);
            state_.drawingFile = path;
            notify("Saved the pain drawing to " + path);
        } catch (const MyomapError& e) {
            notify(e.what());
        }
    }
    if (r.preset) {
        glide_.reset();
        camera_.setPreset(*r.preset);
        changed();
    }
    if (r.frameAll) frameBody(ViewPreset::Front);
    // A selection with a pattern has already turned to it; one without glides to the muscle.
    if (r.focusSelection && !state_.selected.empty() && !state_.layers.attachments && (pattern_.empty() || state_.painFinder))
        glideToMuscle(state_.selected);
}

void Interaction::glideTo(const CameraPose& pose) {
    if (instantCamera_) {
        glide_.reset();
        applyPose(camera_, pose);  // screenshots show where the move ends
    } else {
        glide_ = Glide{poseOf(camera_), pose, -1.0};
    }
    changed();
}

void Interaction::glideToMuscle(const MuscleRef& ref) {
    const PackObject* o = pack_.find(ref.muscleId, ref.side);
    if (!o) return;
    // Keep the current direction of view; come close enough to see the muscle whole.
    CameraPose pose = poseOf(camera_);
    pose.target = o->bounds.center();
    pose.distance = std::clamp(3.0f * glm::length(o->bounds.size()), 0.5f, 2.5f);
    glideTo(pose);
}

void Interaction::glideToAttachments(const MuscleRef& ref) {
    const PackObject* muscle = pack_.find(ref.muscleId, ref.side);
    if (!muscle) return;
    Bounds box = muscle->bounds;
    for (AttachmentKind kind : {AttachmentKind::Origin, AttachmentKind::Insertion})
        if (const PackObject* a = pack_.findAttachment(ref.muscleId, ref.side, kind)) box.add(a->bounds);
    // From outside the body on the muscle's side: out from the body's long axis through the
    // muscle, level, so a patch on the back of a bone is seen from behind.
    const glm::vec3 body = pack_.bodyBounds().center(), centre = box.center();
    const glm::vec3 out(centre.x - body.x, 0.0f, centre.z - body.z);
    const float extent = 0.5f * glm::length(box.size());
    const float distance = std::clamp(1.3f * extent / std::tan(0.5f * camera_.fovY), 0.5f, 2.6f);
    glideTo(lookingAlong(centre, out, distance, 0.0f));
}

void Interaction::advance(double now) {
    if (!glide_) return;
    if (glide_->start < 0.0) glide_->start = now;
    const float t = float((now - glide_->start) / kGlideSeconds);
    applyPose(camera_, blendPoses(glide_->from, glide_->to, std::min(t, 1.0f)));
    if (t >= 1.0f) glide_.reset();
    changed();
}

void Interaction::rebuildPattern(bool turnCamera) {
    ++patternRevision_;
    pattern_ = {};
    state_.highlighted.clear();
    if (!zonePaint_.empty()) {
        std::fill(zonePaint_.begin(), zonePaint_.end(), glm::vec3(kFieldReach, kFieldReach, 0.0f));
        savePaint();
    }
    changed();
    if (skinObject_ < 0) return;
    const MeshBvh& skin = picker_.bvh(static_cast<std::size_t>(skinObject_));
    if (state_.painFinder) {
        for (const auto& c : candidates_) {
            for (const auto& id : c.entry->covers) state_.highlighted.push_back({id, c.side});
            for (std::size_t k = 0; k < c.entry->knots.size(); ++k)
                pattern_.knots.push_back({onSide(c.entry->knots[k].position, c.side), static_cast<int>(k)});
        }
        // Frame the drawing the way a pain pattern is framed, so it is easy to see.
        if (turnCamera && !state_.drawing.empty()) {
            ReferralPattern spots;
            for (const auto& stroke : state_.drawing.strokes)
                for (const auto& d : stroke.dabs)
                    if (!stroke.erase) {
                        const auto c = readySkinMap()->bvh().closest(d.point);
                        spots.blobs.push_back({d.point, std::max(0.12f, d.radius), c ? c->normal : glm::vec3(0, 0, 1), true, false, 0, {}});
                    }
            if (!spots.blobs.empty()) {
                spots.knots.push_back({spots.blobs.front().center, 0});
                if (const auto pose = focusPose(spots, FocusMode::Pain, spots.blobs.front().normal, camera_.fovY)) glideTo(*pose);
            }
        }
        return;
    }
    if (state_.layers.attachments) {
        // A study view of the bones: knots and zones would be read as attachments.
        if (turnCamera && !state_.selected.empty()) glideToAttachments(state_.selected);
        return;
    }
    const KnowledgeEntry* e = state_.selected.empty() ? nullptr : knowledge_.forMuscle(state_.selected.muscleId);
    if (!e || !e->hasKnotData()) return;
    pattern_ = buildReferralPattern(*e, state_.selected.side, state_.selectedKnot, skin);
    if (readySkinMap()) {
        const auto zones = paintZones(*readySkinMap(), pattern_.zones);
        for (std::size_t v = 0; v < zones.size(); ++v) zonePaint_[v] = zones[v];
        savePaint();
    }
    if (!turnCamera || pattern_.empty()) return;
    glm::vec3 knotNormal(0.0f, 0.0f, 1.0f);
    const int object = pack_.indexOf(state_.selected.muscleId, state_.selected.side);
    if (object >= 0)
        if (const auto c = picker_.bvh(static_cast<std::size_t>(object)).closest(pattern_.knots.front().position)) knotNormal = c->normal;
    if (const auto pose = focusPose(pattern_, state_.focus, knotNormal, camera_.fovY)) glideTo(*pose);
}

}  // namespace myomap
